// Attaching to a container (docker attach, run -it, start -a): the client's end of an
// attach stream goes to the container's berth-monitor, which serves it directly; the
// helper only answers with the exit code once the container has stopped.
#include "container_manager.h"

#include "helper/dbus/attach_protocol.h"
#include "engine/container/container_bundle.h"
#include "engine/runtime/linux_calls.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

using berth::ErrorCode;
using berth::Status;
using berth::container::ContainerPaths;
using berth::container::ContainerStatus;

namespace {

/// Gives the client's end to a running container's monitor over its attach socket.
Status handOverToMonitor(const ContainerPaths &paths, const std::string &name, int client)
{
    // Named through /proc: the container's directory may be longer than a socket address.
    const berth::UniqueFd directory(::open(paths.directory.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!directory.valid())
        return berth::failErrno("opening " + paths.directory.string(), errno);
    const berth::UniqueFd connection(::socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0));
    if (!connection.valid())
        return berth::failErrno("making a socket to reach the container's monitor", errno);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const std::string path = "/proc/self/fd/" + std::to_string(directory.get()) + "/" +
                             std::string(berth::attach::socketName);
    std::strncpy(address.sun_path, path.c_str(), sizeof address.sun_path - 1);
    if (::connect(connection.get(), reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        if (errno == ENOENT || errno == ECONNREFUSED)
            return berth::fail(ErrorCode::Conflict,
                               "the container " + name +
                                   " cannot be attached to: its monitor takes no clients (it was started by an older "
                                   "Berth, or is ending); restart it with berth restart " + name);
        return berth::failErrno("reaching the monitor of " + name, errno);
    }
    // The monitor answers at once; it never waits on anything but its own descriptors.
    timeval timeout{2, 0};
    ::setsockopt(connection.get(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    if (auto sent = berth::runtime::sendFileDescriptor(connection.get(), client, "attach"); !sent)
        return sent;
    char answer[512];
    const ssize_t got = ::recv(connection.get(), answer, sizeof answer, 0);
    if (got == 2 && std::memcmp(answer, "ok", 2) == 0)
        return {};
    if (got > 6 && std::memcmp(answer, "error ", 6) == 0)
        return berth::fail(ErrorCode::Io, "the monitor of " + name + " refused the client: " +
                                              std::string(answer + 6, static_cast<std::size_t>(got - 6)));
    return berth::fail(ErrorCode::Io, "the monitor of " + name + " did not take the client (it may be ending)");
}

} // namespace

void ContainerManager::attach(const std::string &idOrName, berth::UniqueFd client, bool startFirst,
                              std::function<void(berth::Result<int>)> done)
{
    auto record = records_.find(idOrName);
    if (!record)
        return done(std::unexpected(record.error()));
    int type = 0;
    socklen_t typeSize = sizeof type;
    if (::getsockopt(client.get(), SOL_SOCKET, SO_TYPE, &type, &typeSize) != 0 || type != SOCK_SEQPACKET)
        return done(berth::fail(ErrorCode::InvalidArgument,
                                "the attach stream must be one end of a SOCK_SEQPACKET unix socket pair"));
    // Above the descriptors the monitor is spawned with (0 to 4), so none of them can
    // overwrite it on the way.
    berth::UniqueFd high(::fcntl(client.get(), F_DUPFD_CLOEXEC, 10));
    if (!high.valid())
        return done(berth::failErrno("taking the attach stream", errno));
    client.reset();
    const std::string id = record->id;
    switch (record->state.status) {
    case ContainerStatus::Paused:
        return done(berth::fail(ErrorCode::Conflict, "You cannot attach to a paused container, unpause it first: berth unpause " +
                                                         record->name));
    case ContainerStatus::Running:
    case ContainerStatus::Restarting:
        if (auto handed = handOverToMonitor(ContainerPaths::of(store_.root(), id), record->name, high.get()); !handed)
            return done(std::unexpected(handed.error()));
        return wait(id, std::move(done));
    default:
        break;
    }
    if (!startFirst)
        return done(berth::fail(ErrorCode::Conflict, "You cannot attach to a stopped container, start it first: berth start -a " +
                                                         record->name));
    auto shared = std::make_shared<berth::UniqueFd>(std::move(high));
    start(
        id,
        [this, id, done](Status started) mutable {
            if (!started)
                return done(std::unexpected(started.error()));
            wait(id, std::move(done));
        },
        shared);
}
