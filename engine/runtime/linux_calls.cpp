#include "engine/runtime/linux_calls.h"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sched.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace berth::runtime {

Result<pid_t> forkIntoNewNamespaces(int cloneFlags)
{
    // With a null stack the clone system call duplicates the caller like fork() does.
    const long pid = ::syscall(SYS_clone, static_cast<unsigned long>(cloneFlags) | SIGCHLD, nullptr, nullptr,
                               nullptr, nullptr);
    if (pid < 0)
        return failErrno("creating the container's first process (clone)", errno);
    return static_cast<pid_t>(pid);
}

Status pivotRoot(const std::string &newRoot, const std::string &putOld)
{
    if (::syscall(SYS_pivot_root, newRoot.c_str(), putOld.c_str()) != 0)
        return failErrno("pivot_root into " + backquoted(newRoot), errno);
    return {};
}

Result<UniqueFd> openInRoot(int rootFd, const std::string &path, int flags, mode_t mode)
{
    open_how how{};
    how.flags = static_cast<std::uint64_t>(flags | O_CLOEXEC);
    how.mode = (flags & (O_CREAT | O_TMPFILE)) ? mode : 0;
    how.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS;
    std::string relative = path;
    while (!relative.empty() && relative.front() == '/')
        relative.erase(relative.begin());
    if (relative.empty())
        relative = ".";
    for (int attempt = 0; attempt < 32; ++attempt) {
        const long fd = ::syscall(SYS_openat2, rootFd, relative.c_str(), &how, sizeof how);
        if (fd >= 0)
            return UniqueFd(static_cast<int>(fd));
        // EAGAIN: a rename or mount raced with the lookup; the kernel asks us to retry.
        if (errno != EAGAIN && errno != EINTR)
            return failErrno("opening " + backquoted(path) + " inside the container's root", errno);
    }
    return failErrno("opening " + backquoted(path) + " inside the container's root", EAGAIN);
}

std::string procFdPath(int fd)
{
    return "/proc/self/fd/" + std::to_string(fd);
}

Result<UniqueFd> openPidFd(pid_t pid)
{
    const long fd = ::syscall(SYS_pidfd_open, pid, 0);
    if (fd < 0)
        return failErrno("opening a pidfd for process " + std::to_string(pid), errno);
    return UniqueFd(static_cast<int>(fd));
}

Status sendSignalByPidFd(int pidFd, int signal)
{
    if (::syscall(SYS_pidfd_send_signal, pidFd, signal, nullptr, 0) != 0)
        return failErrno("sending signal " + std::to_string(signal), errno);
    return {};
}

namespace {
struct ProcStat {
    char state = '?';
    std::uint64_t startTime = 0;
};

Result<ProcStat> readProcStat(pid_t pid)
{
    std::ifstream file("/proc/" + std::to_string(pid) + "/stat");
    if (!file)
        return fail(ErrorCode::NotFound, "process " + std::to_string(pid) + " does not exist");
    std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    // The command name (field 2) may contain spaces and parentheses: fields resume after the last ')'.
    auto close = text.rfind(')');
    if (close == std::string::npos || close + 2 >= text.size())
        return fail(ErrorCode::Io, "unreadable /proc/" + std::to_string(pid) + "/stat");
    std::istringstream rest(text.substr(close + 2));
    ProcStat stat;
    rest >> stat.state;
    std::string field;
    // Fields 4..21 come before starttime (22); state was field 3.
    for (int index = 4; index <= 21 && rest >> field; ++index) {
    }
    rest >> stat.startTime;
    if (!rest)
        return fail(ErrorCode::Io, "unreadable /proc/" + std::to_string(pid) + "/stat");
    return stat;
}
} // namespace

Result<std::uint64_t> processStartTime(pid_t pid)
{
    auto stat = readProcStat(pid);
    if (!stat)
        return std::unexpected(stat.error());
    return stat->startTime;
}

bool processIsAlive(pid_t pid, std::uint64_t startTime)
{
    if (pid <= 0)
        return false;
    auto stat = readProcStat(pid);
    if (!stat || stat->state == 'Z' || stat->state == 'X')
        return false;
    return startTime == 0 || stat->startTime == startTime;
}

Status sendFileDescriptor(int socketFd, int fd, const std::string &note)
{
    char control[CMSG_SPACE(sizeof(int))] = {};
    iovec data{const_cast<char *>(note.data()), note.size()};
    msghdr message{};
    message.msg_iov = &data;
    message.msg_iovlen = 1;
    message.msg_control = control;
    message.msg_controllen = sizeof control;
    cmsghdr *header = CMSG_FIRSTHDR(&message);
    header->cmsg_level = SOL_SOCKET;
    header->cmsg_type = SCM_RIGHTS;
    header->cmsg_len = CMSG_LEN(sizeof(int));
    std::memcpy(CMSG_DATA(header), &fd, sizeof(int));
    if (::sendmsg(socketFd, &message, MSG_NOSIGNAL) < 0)
        return failErrno("sending a file descriptor over the console socket", errno);
    return {};
}

Result<UniqueFd> receiveFileDescriptor(int socketFd)
{
    char control[CMSG_SPACE(sizeof(int))] = {};
    char note[256];
    iovec data{note, sizeof note};
    msghdr message{};
    message.msg_iov = &data;
    message.msg_iovlen = 1;
    message.msg_control = control;
    message.msg_controllen = sizeof control;
    if (::recvmsg(socketFd, &message, MSG_CMSG_CLOEXEC) < 0)
        return failErrno("receiving a file descriptor", errno);
    for (cmsghdr *header = CMSG_FIRSTHDR(&message); header; header = CMSG_NXTHDR(&message, header)) {
        if (header->cmsg_level == SOL_SOCKET && header->cmsg_type == SCM_RIGHTS) {
            int fd = -1;
            std::memcpy(&fd, CMSG_DATA(header), sizeof(int));
            return UniqueFd(fd);
        }
    }
    return fail(ErrorCode::Io, "the peer sent no file descriptor");
}

} // namespace berth::runtime
