#include "engine/runtime/container_init.h"

#include "engine/runtime/linux_calls.h"
#include "engine/runtime/process_setup.h"
#include "engine/runtime/rootfs.h"

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace berth::runtime {

namespace {

void sendMessage(int socket, std::string_view kind, std::string_view text = {})
{
    std::string message(kind);
    message += text;
    (void)::send(socket, message.data(), message.size(), MSG_NOSIGNAL);
}

[[noreturn]] void failSetup(const InitContext &context, const Error &error)
{
    sendMessage(context.syncSocket, sync_message::error, error.describe());
    ::_exit(1);
}

void check(const InitContext &context, const Status &status, std::string_view doing)
{
    if (!status)
        failSetup(context, status.error().withContext(std::string(doing)));
}

Status waitForGo(int socket)
{
    char buffer[16];
    const ssize_t received = ::recv(socket, buffer, sizeof buffer, 0);
    if (received < 0)
        return failErrno("waiting for the runtime", errno);
    if (std::string_view(buffer, static_cast<std::size_t>(received)) != sync_message::go)
        return fail(ErrorCode::Internal, "the runtime went away before the container was set up");
    return {};
}

Status joinNamespaceByPath(const NamespaceSpec &space)
{
    const int fd = ::open(space.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return failErrno("opening the " + space.type + " namespace " + backquoted(space.path.string()), errno);
    UniqueFd owned(fd);
    if (::setns(fd, space.cloneFlag) != 0)
        return failErrno("joining the " + space.type + " namespace " + backquoted(space.path.string()), errno);
    return {};
}

Status attachTerminal(const InitContext &context, const ProcessSpec &process)
{
    std::string secondaryPath;
    auto primary = createContainerConsole(secondaryPath, !context.joinedExisting);
    if (!primary)
        return std::unexpected(primary.error());
    if (process.consoleWidth && process.consoleHeight) {
        winsize size{process.consoleHeight, process.consoleWidth, 0, 0};
        ::ioctl(primary->get(), TIOCSWINSZ, &size);
    }
    if (auto sent = sendFileDescriptor(context.consoleSocket, primary->get(), "console"); !sent)
        return sent;
    const int secondary = ::open(secondaryPath.c_str(), O_RDWR | O_CLOEXEC);
    if (secondary < 0)
        return failErrno("opening the container's terminal " + backquoted(secondaryPath), errno);
    UniqueFd ownedSecondary(secondary);
    for (int target = 0; target <= 2; ++target) {
        if (::dup2(secondary, target) < 0)
            return failErrno("connecting the terminal to standard stream " + std::to_string(target), errno);
    }
    if (::ioctl(0, TIOCSCTTY, 0) != 0)
        return failErrno("making the terminal the container's controlling terminal", errno);
    return {};
}

Status waitForStart(int execFifo)
{
    // Opening the fifo for writing blocks until `start` opens it for reading.
    const int fd = ::open(procFdPath(execFifo).c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return failErrno("waiting for start", errno);
    UniqueFd owned(fd);
    const char started = '0';
    if (::write(fd, &started, 1) != 1)
        return failErrno("acknowledging start", errno);
    ::close(execFifo);
    return {};
}

std::vector<char *> pointersOf(const std::vector<std::string> &strings)
{
    std::vector<char *> pointers;
    pointers.reserve(strings.size() + 1);
    for (const auto &text : strings)
        pointers.push_back(const_cast<char *>(text.c_str()));
    pointers.push_back(nullptr);
    return pointers;
}

} // namespace

void runContainerInit(const InitContext &context)
{
    const RuntimeSpec &spec = *context.spec;
    const ProcessSpec &process = spec.process;
    // Until it reports ready, the container must not outlive a runtime that dies.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
    check(context, waitForGo(context.syncSocket), "starting the container");

    if (!context.joinedExisting) {
        if (spec.hasNamespace(CLONE_NEWUSER)) {
            if (::setresgid(0, 0, 0) != 0 || ::setresuid(0, 0, 0) != 0)
                check(context, failErrno("becoming root in the user namespace", errno), "starting the container");
        }
        for (const auto &space : spec.linuxConfig.namespaces) {
            if (!space.path.empty() && space.cloneFlag != CLONE_NEWPID && space.cloneFlag != CLONE_NEWUSER)
                check(context, joinNamespaceByPath(space), "joining namespaces");
        }
        // After the runtime moved us into the container's cgroup, so that it is the root here.
        if (const auto *cgroupSpace = spec.findNamespace(CLONE_NEWCGROUP); cgroupSpace && cgroupSpace->path.empty()) {
            if (::unshare(CLONE_NEWCGROUP) != 0)
                check(context, failErrno("creating the cgroup namespace", errno), "starting the container");
        }
        if (::setsid() < 0)
            check(context, failErrno("starting a new session", errno), "starting the container");
        if (spec.hasNamespace(CLONE_NEWUTS)) {
            if (!spec.hostname.empty() && ::sethostname(spec.hostname.data(), spec.hostname.size()) != 0)
                check(context, failErrno("setting the hostname " + backquoted(spec.hostname), errno), "starting the container");
            if (!spec.domainname.empty() && ::setdomainname(spec.domainname.data(), spec.domainname.size()) != 0)
                check(context, failErrno("setting the domain name", errno), "starting the container");
        }
        if (spec.hasNamespace(CLONE_NEWNS)) {
            check(context, mountContainerFilesystems(spec, context.cgroupLayout, context.cgroup),
                  "preparing the container's filesystems");
            check(context, enterContainerRoot(spec), "entering the container's root");
        } else if (::chroot(spec.rootPath.c_str()) != 0 || ::chdir("/") != 0) {
            check(context, failErrno("changing root to " + backquoted(spec.rootPath.string()), errno),
                  "entering the container's root");
        }
    } else {
        for (const auto &[fd, type] : context.namespacesToJoin) {
            if (::setns(fd, type) != 0)
                check(context, failErrno("joining the container's namespaces", errno), "starting the process");
        }
        if (context.rootDirectory >= 0 &&
            (::fchdir(context.rootDirectory) != 0 || ::chroot(".") != 0 || ::chdir("/") != 0))
            check(context, failErrno("entering the container's root", errno), "starting the process");
        if (::setsid() < 0 && process.terminal)
            check(context, failErrno("starting a new session", errno), "starting the process");
    }

    if (process.terminal) {
        if (context.consoleSocket < 0)
            check(context, fail(ErrorCode::InvalidArgument,
                                "process.terminal is true but no console socket was given (use --console-socket)"),
                  "setting up the terminal");
        check(context, attachTerminal(context, process), "setting up the terminal");
    }
    if (!context.joinedExisting)
        check(context, finishContainerFilesystems(spec), "preparing the container's filesystems");

    std::vector<std::string> warnings;
    check(context, applyRlimits(process.rlimits, warnings), "setting resource limits");
    for (const auto &warning : warnings)
        sendMessage(context.syncSocket, sync_message::warning, warning);
    if (process.oomScoreAdj) {
        const std::string value = std::to_string(*process.oomScoreAdj);
        const int fd = ::open("/proc/self/oom_score_adj", O_WRONLY | O_CLOEXEC);
        if (fd < 0 || ::write(fd, value.data(), value.size()) < 0)
            check(context, failErrno("setting oom_score_adj", errno), "starting the container");
        ::close(fd);
    }
    std::error_code ignored;
    std::filesystem::create_directories(process.cwd, ignored);
    if (::chdir(process.cwd.c_str()) != 0)
        check(context, failErrno("entering the working directory " + backquoted(process.cwd), errno),
              "starting the container");
    auto executable = findExecutable(process.args[0], process.env);
    if (!executable) {
        const char *status = executable.error().code() == ErrorCode::NotFound ? "127:" : "126:";
        sendMessage(context.syncSocket, sync_message::cannotRun, status + executable.error().describe());
        ::_exit(1);
    }

    ::prctl(PR_SET_PDEATHSIG, 0, 0, 0, 0);
    sendMessage(context.syncSocket, sync_message::ready);
    ::close(context.syncSocket);

    // From here on failures can only be told on the container's own stderr.
    auto fatal = [](const Error &error, int code) {
        std::string text = "berth-runtime: " + error.describe() + "\n";
        (void)!::write(2, text.data(), text.size());
        ::_exit(code);
    };
    if (context.execFifo >= 0) {
        if (auto started = waitForStart(context.execFifo); !started)
            fatal(started.error(), 1);
    }
    // The program starts with the signal state of a fresh process: what the monitor and the
    // runtime ignore or block (SIGHUP, SIGPIPE, SIGCHLD for signalfd…) is not its own, and a
    // shell cannot even trap a signal it inherits ignored.
    for (int signal = 1; signal < NSIG; ++signal)
        if (signal != SIGKILL && signal != SIGSTOP)
            ::signal(signal, SIG_DFL);
    sigset_t nothingBlocked;
    sigemptyset(&nothingBlocked);
    ::sigprocmask(SIG_SETMASK, &nothingBlocked, nullptr);
    // Installing a filter needs no_new_privs or CAP_SYS_ADMIN: without no_new_privs it goes
    // in while still privileged (the profile must then allow the calls below), as runc does.
    auto loadSeccomp = [&] {
        if (context.seccomp) {
            if (auto loaded = context.seccomp->load(); !loaded)
                fatal(loaded.error(), 1);
        }
    };
    if (!process.noNewPrivileges)
        loadSeccomp();
    CapabilitySets capabilities = process.capabilities.value_or(CapabilitySets{});
    if (auto dropped = dropBoundingCapabilities(capabilities); !dropped)
        fatal(dropped.error(), 1);
    if (auto switched = switchUser(process.user); !switched)
        fatal(switched.error(), 1);
    if (auto applied = applyCapabilities(capabilities); !applied)
        fatal(applied.error(), 1);
    if (process.noNewPrivileges && ::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        fatal(Error::fromErrno("setting no_new_privs", errno), 1);
    if (process.noNewPrivileges)
        loadSeccomp();
    auto arguments = pointersOf(process.args);
    auto environment = pointersOf(process.env);
    ::execve(executable->c_str(), arguments.data(), environment.data());
    const int error = errno;
    fatal(Error::fromErrno("executing " + backquoted(*executable), error), error == ENOENT ? 127 : 126);
    ::_exit(127);
}

} // namespace berth::runtime
