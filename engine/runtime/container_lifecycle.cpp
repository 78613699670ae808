#include "engine/runtime/container_lifecycle.h"

#include "engine/core/cgroup_layout.h"
#include "engine/runtime/cgroups.h"
#include "engine/runtime/container_init.h"
#include "engine/runtime/linux_calls.h"
#include "engine/runtime/runtime_state.h"
#include "engine/runtime/seccomp.h"
#include "engine/runtime/seccomp_cache.h"

#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <chrono>
#include <cstring>
#include <fstream>
#include <thread>

namespace berth::runtime {

namespace {

constexpr std::array signalNames{
    std::pair{"HUP", SIGHUP},   std::pair{"INT", SIGINT},     std::pair{"QUIT", SIGQUIT},
    std::pair{"ILL", SIGILL},   std::pair{"TRAP", SIGTRAP},   std::pair{"ABRT", SIGABRT},
    std::pair{"BUS", SIGBUS},   std::pair{"FPE", SIGFPE},     std::pair{"KILL", SIGKILL},
    std::pair{"USR1", SIGUSR1}, std::pair{"SEGV", SIGSEGV},   std::pair{"USR2", SIGUSR2},
    std::pair{"PIPE", SIGPIPE}, std::pair{"ALRM", SIGALRM},   std::pair{"TERM", SIGTERM},
    std::pair{"CHLD", SIGCHLD}, std::pair{"CONT", SIGCONT},   std::pair{"STOP", SIGSTOP},
    std::pair{"TSTP", SIGTSTP}, std::pair{"TTIN", SIGTTIN},   std::pair{"TTOU", SIGTTOU},
    std::pair{"URG", SIGURG},   std::pair{"XCPU", SIGXCPU},   std::pair{"XFSZ", SIGXFSZ},
    std::pair{"VTALRM", SIGVTALRM}, std::pair{"PROF", SIGPROF}, std::pair{"WINCH", SIGWINCH},
    std::pair{"IO", SIGIO},     std::pair{"PWR", SIGPWR},     std::pair{"SYS", SIGSYS},
};

std::string defaultCgroupPath(const RuntimeSpec &spec, const std::string &id)
{
    std::string path = spec.linuxConfig.cgroupsPath;
    if (path.empty())
        return "/berth/" + id;
    if (path.front() != '/')
        path.insert(path.begin(), '/');
    return path;
}

Status writeFileAtomically(const std::filesystem::path &path, const std::string &text)
{
    auto temporary = path;
    temporary += ".tmp";
    {
        std::ofstream file(temporary, std::ios::trunc);
        file << text;
        if (!file)
            return fail(ErrorCode::Io, "writing " + backquoted(temporary.string()));
    }
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error)
        return fail(ErrorCode::Io, "writing " + backquoted(path.string()) + ": " + error.message());
    return {};
}

Result<UniqueFd> connectConsoleSocket(const std::filesystem::path &path)
{
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return failErrno("creating a socket", errno);
    UniqueFd owned(fd);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const std::string text = path.string();
    if (text.size() >= sizeof address.sun_path)
        return fail(ErrorCode::InvalidArgument, "the console socket path " + backquoted(text) + " is too long");
    std::memcpy(address.sun_path, text.c_str(), text.size() + 1);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0)
        return failErrno("connecting to the console socket " + backquoted(text), errno);
    return owned;
}

Status writeIdMappings(pid_t pid, const char *file, const std::vector<IdMapping> &mappings)
{
    std::string text;
    for (const auto &mapping : mappings)
        text += std::to_string(mapping.containerId) + " " + std::to_string(mapping.hostId) + " " +
                std::to_string(mapping.size) + "\n";
    const std::string path = "/proc/" + std::to_string(pid) + "/" + file;
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return failErrno("opening " + backquoted(path), errno);
    UniqueFd owned(fd);
    if (::write(fd, text.data(), text.size()) != static_cast<ssize_t>(text.size()))
        return failErrno("writing " + std::string(file) + " " + backquoted(text), errno);
    return {};
}

std::string describeWaitStatus(int status)
{
    if (WIFSIGNALED(status))
        return "was killed by signal " + std::to_string(WTERMSIG(status));
    return "exited with code " + std::to_string(WEXITSTATUS(status));
}

int exitCodeOf(int status)
{
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}

// Reads the first process's messages until it is ready, fails, or dies.
Status awaitReady(int socket, pid_t pid, std::vector<std::string> &warnings)
{
    std::string buffer(65536, '\0');
    while (true) {
        const ssize_t received = ::recv(socket, buffer.data(), buffer.size(), 0);
        if (received < 0 && errno == EINTR)
            continue;
        if (received < 0)
            return failErrno("waiting for the container to be set up", errno);
        std::string_view message(buffer.data(), static_cast<std::size_t>(received));
        if (message == sync_message::ready)
            return {};
        if (message.starts_with(sync_message::warning)) {
            warnings.emplace_back(message.substr(sync_message::warning.size()));
            continue;
        }
        if (message.starts_with(sync_message::error))
            return fail(ErrorCode::InvalidArgument, std::string(message.substr(sync_message::error.size())));
        if (message.starts_with(sync_message::cannotRun)) {
            const auto detail = message.substr(sync_message::cannotRun.size());
            const ErrorCode code = detail.starts_with("127:") ? ErrorCode::NotFound : ErrorCode::InvalidArgument;
            return std::unexpected(Error(code, std::string(detail.substr(std::min<std::size_t>(detail.size(), 4))))
                                       .withContext(std::string(cannotRunProgram)));
        }
        // End of stream: the process died without a word.
        int status = 0;
        if (::waitpid(pid, &status, 0) == pid)
            return fail(ErrorCode::Internal, "the container's first process " + describeWaitStatus(status) +
                                                 " while it was being set up");
        return fail(ErrorCode::Internal, "the container's first process went away while it was being set up");
    }
}

// What a failed create leaves behind is removed again in reverse order.
class CreateRollback {
public:
    explicit CreateRollback(std::filesystem::path stateDirectory) : stateDirectory_(std::move(stateDirectory)) {}
    ~CreateRollback()
    {
        if (committed_)
            return;
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
        if (cgroup_) {
            for (int attempt = 0; attempt < 50 && !cgroup_->destroy(); ++attempt)
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        std::error_code ignored;
        std::filesystem::remove_all(stateDirectory_, ignored);
    }
    void setPid(pid_t pid) { pid_ = pid; }
    /// The rollback owns the cgroup so that it is still there when the rollback runs.
    Cgroup *adoptCgroup(std::unique_ptr<Cgroup> cgroup)
    {
        cgroup_ = std::move(cgroup);
        return cgroup_.get();
    }
    void commit() { committed_ = true; }

private:
    std::filesystem::path stateDirectory_;
    pid_t pid_ = 0;
    std::unique_ptr<Cgroup> cgroup_;
    bool committed_ = false;
};

Result<ContainerState> stateWithStatus(const std::filesystem::path &stateRoot, const std::string &id,
                                       ContainerStatus &status)
{
    auto state = readContainerState(stateRoot, id);
    if (!state)
        return state;
    status = currentStatus(stateRoot, *state);
    return state;
}

std::unexpected<Error> wrongStatus(const std::string &id, ContainerStatus status, std::string_view needed)
{
    return fail(ErrorCode::Conflict, "container " + backquoted(id) + " is " + std::string(containerStatusName(status)) +
                                         "; " + std::string(needed));
}

// Waits for a child, passing on the signals a user sends to the runtime.
int waitForwardingSignals(pid_t child)
{
    sigset_t forwarded;
    sigemptyset(&forwarded);
    for (int signal : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGWINCH, SIGCHLD})
        sigaddset(&forwarded, signal);
    sigset_t previous;
    ::sigprocmask(SIG_BLOCK, &forwarded, &previous);
    int status = 0;
    while (true) {
        const pid_t done = ::waitpid(child, &status, WNOHANG);
        if (done == child)
            break;
        if (done < 0 && errno != EINTR) {
            status = 0;
            break;
        }
        siginfo_t info{};
        const int signal = ::sigwaitinfo(&forwarded, &info);
        if (signal > 0 && signal != SIGCHLD)
            ::kill(child, signal);
    }
    ::sigprocmask(SIG_SETMASK, &previous, nullptr);
    return status;
}

} // namespace

Result<int> parseSignal(std::string_view text)
{
    int number = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error == std::errc() && end == text.data() + text.size()) {
        if (number > 0 && number < NSIG)
            return number;
    } else {
        // Names in any case, as Docker takes them (sigterm, SIGTERM, term).
        std::string upper(text);
        std::ranges::transform(upper, upper.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        std::string_view name = upper;
        if (name.starts_with("SIG"))
            name.remove_prefix(3);
        for (const auto &[known, value] : signalNames) {
            if (name == known)
                return value;
        }
        // Real-time signals: RTMIN, RTMIN+3 (systemd's STOPSIGNAL), RTMAX-1.
        const auto realTime = [&](std::string_view base, int origin, int direction) -> std::optional<int> {
            if (!name.starts_with(base))
                return std::nullopt;
            std::string_view rest = name.substr(base.size());
            if (rest.empty())
                return origin;
            if (rest.front() != (direction > 0 ? '+' : '-'))
                return std::nullopt;
            rest.remove_prefix(1);
            int offset = 0;
            auto [last, problem] = std::from_chars(rest.data(), rest.data() + rest.size(), offset);
            if (problem != std::errc() || last != rest.data() + rest.size() || offset < 0)
                return std::nullopt;
            const int number = origin + direction * offset;
            if (number < SIGRTMIN || number > SIGRTMAX)
                return std::nullopt;
            return number;
        };
        if (auto number = realTime("RTMIN", SIGRTMIN, +1))
            return *number;
        if (auto number = realTime("RTMAX", SIGRTMAX, -1))
            return *number;
    }
    return fail(ErrorCode::InvalidArgument,
                "unknown signal " + backquoted(text) + " (use a name like TERM or KILL, or a number)");
}

Result<CreatedContainer> createContainer(const CreateOptions &options)
{
    if (auto valid = validateContainerId(options.id); !valid)
        return std::unexpected(valid.error());
    auto spec = loadRuntimeSpec(options.bundle);
    if (!spec)
        return std::unexpected(spec.error());
    struct stat rootInfo {};
    if (::stat(spec->rootPath.c_str(), &rootInfo) != 0 || !S_ISDIR(rootInfo.st_mode))
        return fail(ErrorCode::NotFound, "the root filesystem " + backquoted(spec->rootPath.string()) +
                                             " named by root.path is not a directory");
    if (spec->process.terminal && options.consoleSocket.empty())
        return fail(ErrorCode::InvalidArgument,
                    "process.terminal is true: give --console-socket to receive the terminal");
    if (const auto *user = spec->findNamespace(CLONE_NEWUSER); user && !user->path.empty())
        return fail(ErrorCode::Unsupported, "joining an existing user namespace (linux.namespaces path) is not supported yet");

    std::error_code error;
    std::filesystem::create_directories(options.stateRoot, error);
    if (error)
        return fail(ErrorCode::Io, "creating the state directory " + backquoted(options.stateRoot.string()) + ": " +
                                       error.message());
    const auto stateDirectory = containerStateDirectory(options.stateRoot, options.id);
    if (::mkdir(stateDirectory.c_str(), 0700) != 0) {
        if (errno == EEXIST)
            return fail(ErrorCode::AlreadyExists, "a container " + backquoted(options.id) +
                                                      " already exists; delete it first or pick another id");
        return failErrno("creating " + backquoted(stateDirectory.string()), errno);
    }
    CreateRollback rollback(stateDirectory);

    const auto fifoPath = execFifoPath(options.stateRoot, options.id);
    if (::mkfifo(fifoPath.c_str(), 0600) != 0)
        return failErrno("creating " + backquoted(fifoPath.string()), errno);
    const int fifo = ::open(fifoPath.c_str(), O_PATH | O_CLOEXEC);
    if (fifo < 0)
        return failErrno("opening " + backquoted(fifoPath.string()), errno);
    UniqueFd ownedFifo(fifo);

    UniqueFd consoleSocket;
    if (spec->process.terminal) {
        auto connected = connectConsoleSocket(options.consoleSocket);
        if (!connected)
            return std::unexpected(connected.error());
        consoleSocket = std::move(*connected);
    }

    std::optional<SeccompFilter> seccomp;
    if (spec->linuxConfig.seccomp) {
        auto compiled = compileSeccompProfileCached(*spec->linuxConfig.seccomp, seccompCacheDirectory(options.stateRoot));
        if (!compiled)
            return std::unexpected(std::move(compiled.error()).withContext("reading linux.seccomp"));
        seccomp = std::move(*compiled);
    }

    const CgroupLayout layout = detectCgroupLayout();
    const std::string cgroupPath = defaultCgroupPath(*spec, options.id);
    auto opened = openCgroup(layout, cgroupPath);
    if (!opened)
        return std::unexpected(opened.error());
    if (auto created = (*opened)->create(spec->linuxConfig.resources); !created)
        return std::unexpected(std::move(created.error()).withContext("creating the cgroup " + backquoted(cgroupPath)));
    Cgroup *cgroup = rollback.adoptCgroup(std::move(*opened));

    int sockets[2];
    if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sockets) != 0)
        return failErrno("creating the setup socket", errno);
    UniqueFd parentSocket(sockets[0]);
    UniqueFd childSocket(sockets[1]);

    if (const auto *pid = spec->findNamespace(CLONE_NEWPID); pid && !pid->path.empty()) {
        const int fd = ::open(pid->path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0 || ::setns(fd, CLONE_NEWPID) != 0)
            return failErrno("joining the pid namespace " + backquoted(pid->path.string()), errno);
        ::close(fd);
    }
    int cloneFlags = 0;
    for (const auto &space : spec->linuxConfig.namespaces) {
        // The cgroup namespace is made by the child once it is inside its cgroup.
        if (space.path.empty() && space.cloneFlag != CLONE_NEWCGROUP)
            cloneFlags |= space.cloneFlag;
    }
    auto pid = forkIntoNewNamespaces(cloneFlags);
    if (!pid)
        return std::unexpected(pid.error());
    if (*pid == 0) {
        parentSocket = UniqueFd();
        InitContext context;
        context.spec = &*spec;
        context.cgroupLayout = layout;
        context.cgroup = cgroup;
        context.seccomp = seccomp ? &*seccomp : nullptr;
        context.syncSocket = childSocket.get();
        context.execFifo = fifo;
        context.consoleSocket = consoleSocket.valid() ? consoleSocket.get() : -1;
        runContainerInit(context);
    }
    rollback.setPid(*pid);
    childSocket = UniqueFd();
    consoleSocket = UniqueFd();

    if (auto added = cgroup->addProcess(*pid); !added)
        return std::unexpected(std::move(added.error()).withContext("placing the container in its cgroup"));
    if (spec->hasNamespace(CLONE_NEWUSER)) {
        if (auto written = writeIdMappings(*pid, "uid_map", spec->linuxConfig.uidMappings); !written)
            return std::unexpected(written.error());
        if (auto written = writeIdMappings(*pid, "gid_map", spec->linuxConfig.gidMappings); !written)
            return std::unexpected(written.error());
    }
    if (::send(parentSocket.get(), sync_message::go.data(), sync_message::go.size(), MSG_NOSIGNAL) < 0)
        return failErrno("telling the container to go on", errno);
    CreatedContainer created;
    created.pid = *pid;
    if (auto ready = awaitReady(parentSocket.get(), *pid, created.warnings); !ready)
        return std::unexpected(std::move(ready.error()).withContext("creating container " + backquoted(options.id)));

    ContainerState state;
    state.ociVersion = spec->ociVersion;
    state.id = options.id;
    state.pid = *pid;
    state.pidStartTime = processStartTime(*pid).value_or(0);
    state.bundle = std::filesystem::absolute(options.bundle).lexically_normal();
    if (state.bundle.has_parent_path() && state.bundle.filename().empty())
        state.bundle = state.bundle.parent_path();
    state.rootfs = spec->rootPath;
    state.cgroupPath = cgroupPath;
    state.created = timestampNow();
    state.annotations = spec->annotations;
    if (auto written = writeContainerState(options.stateRoot, state); !written)
        return std::unexpected(written.error());
    if (!options.pidFile.empty()) {
        if (auto written = writeFileAtomically(options.pidFile, std::to_string(*pid)); !written)
            return std::unexpected(written.error());
    }
    rollback.commit();
    return created;
}

std::optional<int> exitStatusForCannotRun(const Error &error)
{
    if (std::ranges::find(error.context(), cannotRunProgram) == error.context().end())
        return std::nullopt;
    return error.code() == ErrorCode::NotFound ? 127 : 126;
}

Status startContainer(const std::filesystem::path &stateRoot, const std::string &id)
{
    ContainerStatus status{};
    auto state = stateWithStatus(stateRoot, id, status);
    if (!state)
        return std::unexpected(state.error());
    if (status != ContainerStatus::Created)
        return wrongStatus(id, status, "only a created container can be started");
    const auto fifoPath = execFifoPath(stateRoot, id);
    const int fifo = ::open(fifoPath.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fifo < 0)
        return failErrno("opening " + backquoted(fifoPath.string()), errno);
    UniqueFd owned(fifo);
    while (true) {
        pollfd waiting{fifo, POLLIN, 0};
        const int ready = ::poll(&waiting, 1, 100);
        if (ready < 0 && errno != EINTR)
            return failErrno("starting container " + backquoted(id), errno);
        if (ready > 0 && (waiting.revents & POLLIN)) {
            char acknowledged = 0;
            if (::read(fifo, &acknowledged, 1) == 1)
                break;
        }
        if (!processIsAlive(state->pid, state->pidStartTime))
            return fail(ErrorCode::Conflict, "container " + backquoted(id) + " stopped before it could start");
    }
    ::unlink(fifoPath.c_str());
    return {};
}

Result<int> runContainer(const CreateOptions &options, bool detach, std::vector<std::string> &warnings)
{
    auto created = createContainer(options);
    if (!created)
        return std::unexpected(created.error());
    warnings = created->warnings;
    if (auto started = startContainer(options.stateRoot, options.id); !started) {
        (void)deleteContainer(options.stateRoot, options.id, true);
        return std::unexpected(started.error());
    }
    if (detach)
        return 0;
    const int status = waitForwardingSignals(created->pid);
    if (auto deleted = deleteContainer(options.stateRoot, options.id, true); !deleted)
        return std::unexpected(deleted.error());
    return exitCodeOf(status);
}

Result<int> execInContainer(const ExecOptions &options)
{
    ContainerStatus status{};
    auto state = stateWithStatus(options.stateRoot, options.id, status);
    if (!state)
        return std::unexpected(state.error());
    if (status == ContainerStatus::Paused)
        return wrongStatus(options.id, status, "unpause it before running a process in it");
    if (status != ContainerStatus::Running)
        return wrongStatus(options.id, status, "a process can only be run in a running container");
    auto spec = loadRuntimeSpec(state->bundle);
    if (!spec)
        return std::unexpected(std::move(spec.error()).withContext("reading the container's bundle"));
    spec->process = options.process;
    if (spec->process.terminal && options.consoleSocket.empty())
        return fail(ErrorCode::InvalidArgument, "a terminal was asked for: give --console-socket to receive it");

    std::optional<SeccompFilter> seccomp;
    if (spec->linuxConfig.seccomp) {
        auto compiled = compileSeccompProfileCached(*spec->linuxConfig.seccomp, seccompCacheDirectory(options.stateRoot));
        if (!compiled)
            return std::unexpected(compiled.error());
        seccomp = std::move(*compiled);
    }
    UniqueFd consoleSocket;
    if (spec->process.terminal) {
        auto connected = connectConsoleSocket(options.consoleSocket);
        if (!connected)
            return std::unexpected(connected.error());
        consoleSocket = std::move(*connected);
    }
    // Join the container's namespaces: pid here (it applies to children only), the others in
    // the child, where the mount namespace no longer matters to us.
    std::vector<UniqueFd> namespaceFds;
    std::vector<std::pair<int, int>> toJoin;
    constexpr std::array order{std::pair{"user", CLONE_NEWUSER}, std::pair{"ipc", CLONE_NEWIPC},
                               std::pair{"uts", CLONE_NEWUTS},   std::pair{"net", CLONE_NEWNET},
                               std::pair{"cgroup", CLONE_NEWCGROUP}, std::pair{"pid", CLONE_NEWPID},
                               std::pair{"mnt", CLONE_NEWNS}};
    for (const auto &[name, flag] : order) {
        struct stat theirs {};
        struct stat ours {};
        const std::string theirPath = "/proc/" + std::to_string(state->pid) + "/ns/" + name;
        const std::string ourPath = std::string("/proc/self/ns/") + name;
        if (::stat(theirPath.c_str(), &theirs) != 0 || ::stat(ourPath.c_str(), &ours) != 0)
            continue;
        if (theirs.st_ino == ours.st_ino && theirs.st_dev == ours.st_dev)
            continue;
        const int fd = ::open(theirPath.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return failErrno("opening the container's " + std::string(name) + " namespace", errno);
        namespaceFds.emplace_back(fd);
        if (flag == CLONE_NEWPID) {
            if (::setns(fd, CLONE_NEWPID) != 0)
                return failErrno("joining the container's pid namespace", errno);
        } else {
            toJoin.emplace_back(fd, flag);
        }
    }
    const std::string rootPath = "/proc/" + std::to_string(state->pid) + "/root";
    const int rootFd = ::open(rootPath.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (rootFd < 0)
        return failErrno("opening the container's root", errno);
    UniqueFd containerRoot(rootFd);
    auto cgroup = openCgroup(detectCgroupLayout(), state->cgroupPath);
    if (!cgroup)
        return std::unexpected(cgroup.error());

    int sockets[2];
    if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sockets) != 0)
        return failErrno("creating the setup socket", errno);
    UniqueFd parentSocket(sockets[0]);
    UniqueFd childSocket(sockets[1]);
    auto pid = forkIntoNewNamespaces(0);
    if (!pid)
        return std::unexpected(pid.error());
    if (*pid == 0) {
        parentSocket = UniqueFd();
        InitContext context;
        context.spec = &*spec;
        context.seccomp = seccomp ? &*seccomp : nullptr;
        context.syncSocket = childSocket.get();
        context.consoleSocket = consoleSocket.valid() ? consoleSocket.get() : -1;
        context.joinedExisting = true;
        context.namespacesToJoin = toJoin;
        context.rootDirectory = containerRoot.get();
        runContainerInit(context);
    }
    childSocket = UniqueFd();
    consoleSocket = UniqueFd();
    auto abandon = [&](Error error) -> Result<int> {
        ::kill(*pid, SIGKILL);
        ::waitpid(*pid, nullptr, 0);
        return std::unexpected(std::move(error));
    };
    if (auto added = (*cgroup)->addProcess(*pid); !added)
        return abandon(std::move(added.error()).withContext("placing the process in the container's cgroup"));
    if (::send(parentSocket.get(), sync_message::go.data(), sync_message::go.size(), MSG_NOSIGNAL) < 0)
        return abandon(Error::fromErrno("telling the process to go on", errno));
    std::vector<std::string> warnings;
    if (auto ready = awaitReady(parentSocket.get(), *pid, warnings); !ready)
        return abandon(std::move(ready.error()).withContext("running a process in container " + backquoted(options.id)));
    if (!options.pidFile.empty()) {
        if (auto written = writeFileAtomically(options.pidFile, std::to_string(*pid)); !written)
            return std::unexpected(written.error());
    }
    if (options.detach)
        return 0;
    return exitCodeOf(waitForwardingSignals(*pid));
}

Status killContainer(const std::filesystem::path &stateRoot, const std::string &id, const std::string &signalText,
                     bool all)
{
    auto signal = parseSignal(signalText);
    if (!signal)
        return std::unexpected(signal.error());
    ContainerStatus status{};
    auto state = stateWithStatus(stateRoot, id, status);
    if (!state)
        return std::unexpected(state.error());
    if (status == ContainerStatus::Stopped)
        return wrongStatus(id, status, "there is nothing to signal");
    if (all) {
        auto cgroup = openCgroup(detectCgroupLayout(), state->cgroupPath);
        if (!cgroup)
            return std::unexpected(cgroup.error());
        auto processes = (*cgroup)->processes();
        if (!processes)
            return std::unexpected(processes.error());
        for (pid_t pid : *processes)
            ::kill(pid, *signal);
        // A frozen process acts on a signal only once thawed.
        if (status == ContainerStatus::Paused && (*signal == SIGKILL || *signal == SIGTERM))
            (void)(*cgroup)->thaw();
        return {};
    }
    // Through a pidfd checked against the start time, so a recycled pid is never signalled.
    auto pidFd = openPidFd(state->pid);
    if (!pidFd)
        return std::unexpected(pidFd.error());
    if (!processIsAlive(state->pid, state->pidStartTime))
        return wrongStatus(id, ContainerStatus::Stopped, "there is nothing to signal");
    return sendSignalByPidFd(pidFd->get(), *signal);
}

Status pauseContainer(const std::filesystem::path &stateRoot, const std::string &id)
{
    ContainerStatus status{};
    auto state = stateWithStatus(stateRoot, id, status);
    if (!state)
        return std::unexpected(state.error());
    if (status != ContainerStatus::Running)
        return wrongStatus(id, status, "only a running container can be paused");
    auto cgroup = openCgroup(detectCgroupLayout(), state->cgroupPath);
    if (!cgroup)
        return std::unexpected(cgroup.error());
    return (*cgroup)->freeze();
}

Status resumeContainer(const std::filesystem::path &stateRoot, const std::string &id)
{
    ContainerStatus status{};
    auto state = stateWithStatus(stateRoot, id, status);
    if (!state)
        return std::unexpected(state.error());
    if (status != ContainerStatus::Paused)
        return wrongStatus(id, status, "only a paused container can be resumed");
    auto cgroup = openCgroup(detectCgroupLayout(), state->cgroupPath);
    if (!cgroup)
        return std::unexpected(cgroup.error());
    return (*cgroup)->thaw();
}

Status deleteContainer(const std::filesystem::path &stateRoot, const std::string &id, bool force)
{
    if (auto valid = validateContainerId(id); !valid)
        return valid;
    const auto stateDirectory = containerStateDirectory(stateRoot, id);
    auto state = readContainerState(stateRoot, id);
    if (!state) {
        // A directory without a readable state is what a create killed half-way leaves.
        std::error_code error;
        if (force && std::filesystem::exists(stateDirectory, error)) {
            std::filesystem::remove_all(stateDirectory, error);
            return {};
        }
        return std::unexpected(state.error());
    }
    const ContainerStatus status = currentStatus(stateRoot, *state);
    if (status != ContainerStatus::Stopped && status != ContainerStatus::Created && !force)
        return wrongStatus(id, status, "stop it first, or delete it with --force");
    auto cgroup = openCgroup(detectCgroupLayout(), state->cgroupPath);
    if (!cgroup)
        return std::unexpected(cgroup.error());
    if (status != ContainerStatus::Stopped) {
        if (processIsAlive(state->pid, state->pidStartTime))
            ::kill(state->pid, SIGKILL);
    }
    // Every process of the cgroup goes, including ones the first process left behind.
    for (int attempt = 0; attempt < 500; ++attempt) {
        auto processes = (*cgroup)->processes();
        if (!processes || processes->empty())
            break;
        for (pid_t pid : *processes)
            ::kill(pid, SIGKILL);
        if (attempt == 0)
            (void)(*cgroup)->thaw();
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    Status destroyed = (*cgroup)->destroy();
    for (int attempt = 0; attempt < 100 && !destroyed; ++attempt) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        destroyed = (*cgroup)->destroy();
    }
    if (!destroyed)
        return std::unexpected(std::move(destroyed.error()).withContext("deleting container " + backquoted(id)));
    std::error_code error;
    std::filesystem::remove_all(stateDirectory, error);
    if (error)
        return fail(ErrorCode::Io, "removing " + backquoted(stateDirectory.string()) + ": " + error.message());
    return {};
}

} // namespace berth::runtime
