// berth-monitor: one small process per container, like conmon. It creates and starts the
// container through berth-runtime, becomes the parent of its first process (as a child
// subreaper), writes its stdout and stderr to the container log, and records how it ended
// (exit code, signal, times, OOM kill) in an exit file. It lives in its own session, so
// the container keeps running when berth-helper exits or is killed. It also holds the
// container's stdin and terminal, and serves clients that attach (AttachHub).
#include "helper/monitor/attach_hub.h"
#include "helper/monitor/container_log_writer.h"
#include "helper/monitor/memory_cgroup.h"
#include "helper/monitor/plain_files.h"

#include "helper/dbus/attach_protocol.h"
#include "engine/runtime/linux_calls.h"
#include "engine/runtime/runtime_state.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace {

using berth::Error;
using berth::ErrorCode;

struct Options {
    std::string runtime;
    std::string runtimeRoot;
    std::string id;
    std::string bundle;
    std::string logPath;
    std::uint64_t logMaxBytes = 0;
    unsigned logMaxFiles = 1;
    std::string exitFile;
    int readyFd = -1;
    int attachFd = -1;  ///< a client attached from the first byte (run -it, start -a)
    bool attach = false; ///< listen for clients the helper hands over later
    bool tty = false;    ///< the container's process is on a terminal (process.terminal)
    bool stdinOpen = false; ///< keep its stdin open for attached clients (-i)
};

[[noreturn]] void usage(const std::string &message)
{
    std::fprintf(stderr,
                 "berth-monitor: %s\nusage: berth-monitor --runtime PATH --runtime-root DIR --id ID --bundle DIR "
                 "--log FILE --exit-file FILE [--log-max-size BYTES] [--log-max-files N] [--ready-fd N] [--attach-fd N] "
                 "[--attach] [--tty] [--stdin]\n",
                 message.c_str());
    ::_exit(2);
}

template <typename Number>
Number parseNumber(const std::string &name, const std::string &text)
{
    Number value{};
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        usage("--" + name + " needs a number, not `" + text + "`");
    return value;
}

Options parseOptions(int argc, char **argv)
{
    Options options;
    for (int index = 1; index < argc; ++index) {
        std::string name = argv[index];
        if (name == "--attach" || name == "--tty" || name == "--stdin") {
            (name == "--attach" ? options.attach : name == "--tty" ? options.tty : options.stdinOpen) = true;
            continue;
        }
        if (!name.starts_with("--") || index + 1 >= argc)
            usage("unexpected argument `" + name + "`");
        std::string value = argv[++index];
        name.erase(0, 2);
        if (name == "runtime")
            options.runtime = value;
        else if (name == "runtime-root")
            options.runtimeRoot = value;
        else if (name == "id")
            options.id = value;
        else if (name == "bundle")
            options.bundle = value;
        else if (name == "log")
            options.logPath = value;
        else if (name == "log-max-size")
            options.logMaxBytes = parseNumber<std::uint64_t>(name, value);
        else if (name == "log-max-files")
            options.logMaxFiles = parseNumber<unsigned>(name, value);
        else if (name == "exit-file")
            options.exitFile = value;
        else if (name == "ready-fd")
            options.readyFd = parseNumber<int>(name, value);
        else if (name == "attach-fd")
            options.attachFd = parseNumber<int>(name, value);
        else
            usage("unknown option --" + name);
    }
    if (options.runtime.empty() || options.runtimeRoot.empty() || options.id.empty() || options.bundle.empty() ||
        options.logPath.empty() || options.exitFile.empty())
        usage("--runtime, --runtime-root, --id, --bundle, --log and --exit-file are required");
    return options;
}

// Beside the exit file, in the container's own directory that the helper gives us.
std::string containerDirectory(const Options &options)
{
    const auto slash = options.exitFile.rfind('/');
    return slash == std::string::npos ? std::string(".") : options.exitFile.substr(0, slash);
}

std::string containerFile(const Options &options, const char *name)
{
    return containerDirectory(options) + "/" + name;
}

std::string runtimeLogPath(const Options &options)
{
    return containerFile(options, "runtime.log");
}

// Runs berth-runtime with the given stdio and waits for it. Returns its exit status.
int runRuntime(const Options &options, const std::vector<std::string> &arguments, int stdoutFd, int stderrFd,
               int stdinFd = -1)
{
    const pid_t pid = ::fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        const int null = ::open("/dev/null", O_RDWR);
        ::dup2(stdinFd >= 0 ? stdinFd : null, 0);
        ::dup2(stdoutFd >= 0 ? stdoutFd : null, 1);
        ::dup2(stderrFd >= 0 ? stderrFd : null, 2);
        std::vector<std::string> all{options.runtime, "--root", options.runtimeRoot, "--log", runtimeLogPath(options)};
        all.insert(all.end(), arguments.begin(), arguments.end());
        std::vector<char *> pointers;
        for (auto &argument : all)
            pointers.push_back(argument.data());
        pointers.push_back(nullptr);
        ::execv(options.runtime.c_str(), pointers.data());
        ::_exit(127);
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return status;
}

// The runtime's own complaint: the last line of the log it was told to keep.
std::string runtimeComplaint(const Options &options)
{
    const std::string log = berth::monitor::readSmallFile(runtimeLogPath(options)).value_or(std::string());
    const std::size_t end = log.find_last_not_of('\n');
    if (end == std::string::npos)
        return "berth-runtime failed without saying why";
    const std::size_t newline = log.rfind('\n', end);
    const std::size_t start = newline == std::string::npos ? 0 : newline + 1;
    return log.substr(start, end + 1 - start);
}

void tellReady(int fd, const std::string &message)
{
    if (fd < 0)
        return;
    (void)!::write(fd, message.data(), message.size());
    ::close(fd);
}

[[noreturn]] void failBeforeStart(const Options &options, const std::string &why)
{
    const std::string document = "{\"error\":\"" + berth::monitor::jsonEscape(why) + "\",\"finishedAt\":\"" +
                                 berth::runtime::timestampNow() + "\"}\n";
    (void)berth::monitor::writeFileAtomically(options.exitFile, document);
    tellReady(options.readyFd, "error " + why + "\n");
    ::_exit(1);
}

std::optional<pid_t> readPidFile(const std::string &path)
{
    const auto text = berth::monitor::readSmallFile(path, 64);
    if (!text)
        return std::nullopt;
    const std::size_t end = text->find_first_not_of("0123456789");
    pid_t pid = 0;
    auto [stop, error] = std::from_chars(text->data(), text->data() + (end == std::string::npos ? text->size() : end), pid);
    if (error != std::errc() || stop == text->data() || pid <= 0)
        return std::nullopt;
    return pid;
}

/// A socket where berth-runtime sends the terminal's primary side (--console-socket),
/// named through /proc so that a long container path still fits a socket address.
struct ConsoleSocket {
    berth::UniqueFd listener;
    std::string pathForRuntime;
    std::string pathToRemove;
};

std::optional<ConsoleSocket> listenForConsole(int directoryFd, const std::string &directory, std::string &why)
{
    ConsoleSocket console;
    console.pathToRemove = directory + "/console.sock";
    ::unlink(console.pathToRemove.c_str());
    console.listener.reset(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const std::string ours = "/proc/self/fd/" + std::to_string(directoryFd) + "/console.sock";
    std::strncpy(address.sun_path, ours.c_str(), sizeof address.sun_path - 1);
    const mode_t previous = ::umask(0177);
    const bool bound = console.listener.valid() &&
                       ::bind(console.listener.get(), reinterpret_cast<sockaddr *>(&address), sizeof address) == 0 &&
                       ::listen(console.listener.get(), 1) == 0;
    ::umask(previous);
    if (!bound) {
        why = std::string("making the console socket: ") + std::strerror(errno);
        return std::nullopt;
    }
    console.pathForRuntime = "/proc/" + std::to_string(::getpid()) + "/fd/" + std::to_string(directoryFd) + "/console.sock";
    return console;
}

/// The terminal berth-runtime sent while it created the container.
std::optional<berth::UniqueFd> receiveConsole(ConsoleSocket &console, std::string &why)
{
    berth::UniqueFd connection(::accept4(console.listener.get(), nullptr, nullptr, SOCK_CLOEXEC));
    ::unlink(console.pathToRemove.c_str());
    console.listener.reset();
    if (!connection.valid()) {
        why = "berth-runtime created the container but sent no terminal";
        return std::nullopt;
    }
    auto terminal = berth::runtime::receiveFileDescriptor(connection.get());
    if (!terminal) {
        why = terminal.error().describe();
        return std::nullopt;
    }
    return std::move(*terminal);
}

} // namespace

int main(int argc, char **argv)
{
    Options options = parseOptions(argc, argv);
    // Our own session: a signal to the helper's process group or session never reaches us.
    ::setsid();
    ::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
    ::signal(SIGPIPE, SIG_IGN);
    ::signal(SIGHUP, SIG_IGN);

    berth::monitor::ContainerLogWriter log(options.logPath, options.logMaxBytes, options.logMaxFiles);
    if (auto opened = log.open(); !opened)
        failBeforeStart(options, opened.error().describe());

    int stdoutPipe[2];
    int stderrPipe[2];
    if (::pipe2(stdoutPipe, O_CLOEXEC) != 0 || ::pipe2(stderrPipe, O_CLOEXEC) != 0)
        failBeforeStart(options, std::string("creating the output pipes: ") + std::strerror(errno));
    // The write ends are inherited by the runtime (as its stdout and stderr) and from it by
    // the container; dup2 in the child clears close-on-exec on the copies.

    const std::string directory = containerDirectory(options);
    const berth::UniqueFd directoryFd(::open(directory.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!directoryFd.valid())
        failBeforeStart(options, "opening " + directory + ": " + std::strerror(errno));
    berth::monitor::AttachHub hub;
    if (options.attach) {
        if (auto listening = hub.listen(directoryFd.get(), std::string(berth::attach::socketName)); !listening)
            failBeforeStart(options, listening.error().describe());
    }
    if (options.attachFd >= 0) {
        ::fcntl(options.attachFd, F_SETFD, FD_CLOEXEC);
        hub.adoptHoldingOutput(berth::UniqueFd(options.attachFd));
    }
    berth::UniqueFd stdinRead;
    if (options.stdinOpen && !options.tty) {
        int stdinPipe[2];
        if (::pipe2(stdinPipe, O_CLOEXEC) != 0)
            failBeforeStart(options, std::string("creating the input pipe: ") + std::strerror(errno));
        stdinRead.reset(stdinPipe[0]);
        hub.setStdinPipe(berth::UniqueFd(stdinPipe[1]));
    }
    std::optional<ConsoleSocket> console;
    if (options.tty) {
        std::string why;
        console = listenForConsole(directoryFd.get(), directory, why);
        if (!console)
            failBeforeStart(options, why);
    }

    sigset_t childSignals;
    sigemptyset(&childSignals);
    sigaddset(&childSignals, SIGCHLD);
    ::sigprocmask(SIG_BLOCK, &childSignals, nullptr);
    const int signalFd = ::signalfd(-1, &childSignals, SFD_CLOEXEC | SFD_NONBLOCK);

    const std::string pidFile = containerFile(options, "runtime.pid");
    // One run --detach rather than create then start: a berth-runtime process less on every
    // start. Nothing needs doing in between; the terminal waits in the console socket's queue.
    const std::string startedAt = berth::runtime::timestampNow();
    std::vector<std::string> createArguments{"run", "--detach", "--bundle", options.bundle, "--pid-file", pidFile};
    if (console) {
        createArguments.push_back("--console-socket");
        createArguments.push_back(console->pathForRuntime);
    }
    createArguments.push_back(options.id);
    const int created = runRuntime(options, createArguments, stdoutPipe[1], stderrPipe[1], stdinRead.get());
    ::close(stdoutPipe[1]);
    ::close(stderrPipe[1]);
    stdinRead.reset();
    if (!WIFEXITED(created) || WEXITSTATUS(created) != 0)
        failBeforeStart(options, runtimeComplaint(options));
    berth::UniqueFd terminal;
    if (console) {
        std::string why;
        auto received = receiveConsole(*console, why);
        if (!received) {
            runRuntime(options, {"delete", "--force", options.id}, -1, -1);
            failBeforeStart(options, why);
        }
        terminal = std::move(*received);
        ::fcntl(terminal.get(), F_SETFL, ::fcntl(terminal.get(), F_GETFL) | O_NONBLOCK);
        hub.setTerminal(terminal.get());
    }
    auto containerPid = readPidFile(pidFile);
    ::unlink(pidFile.c_str());
    if (!containerPid)
        failBeforeStart(options, "berth-runtime created the container but wrote no pid");
    // Found now, while the container's process is there to say where its cgroup is.
    const std::string oomCounter = berth::monitor::oomCounterFile(*containerPid);
    tellReady(options.readyFd, "ok " + std::to_string(*containerPid) + "\n");

    std::optional<int> containerStatus;
    bool stdoutOpen = true;
    bool stderrOpen = true;
    bool terminalOpen = terminal.valid();
    // Not zero-filled: pages of the buffer become resident only as output arrives.
    constexpr std::size_t bufferSize = 65536;
    const std::unique_ptr<char[]> buffer(new char[bufferSize]);
    // After the first process ends, output still in the pipes is read; processes that escaped
    // its pid namespace (there is none with a shared one) may hold them open, so give up after
    // a second.
    int drainingRounds = 0;
    std::vector<pollfd> waiting;
    while ((stdoutOpen || stderrOpen || terminalOpen) || !containerStatus) {
        waiting.assign({{stdoutOpen ? stdoutPipe[0] : -1, POLLIN, 0},
                        {stderrOpen ? stderrPipe[0] : -1, POLLIN, 0},
                        {terminalOpen ? terminal.get() : -1, POLLIN, 0},
                        {signalFd, POLLIN, 0}});
        hub.appendPollFds(waiting);
        const int ready = ::poll(waiting.data(), waiting.size(), containerStatus ? 100 : -1);
        if (ready < 0 && errno != EINTR)
            break;
        for (int stream = 0; stream < 3; ++stream) {
            if (!(waiting[stream].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            const ssize_t got = ::read(waiting[stream].fd, buffer.get(), bufferSize);
            // What the terminal shows is the container's stdout, as Docker logs it.
            const char *name = stream == 1 ? "stderr" : "stdout";
            bool &open = stream == 0 ? stdoutOpen : stream == 1 ? stderrOpen : terminalOpen;
            if (got > 0) {
                const std::string_view data(buffer.get(), static_cast<std::size_t>(got));
                (void)log.append(name, data);
                hub.broadcast(stream == 1 ? berth::attach::errorOutput : berth::attach::output, data);
            } else if (got == 0 || (errno != EINTR && errno != EAGAIN)) {
                // A terminal says EIO once every process holding it has ended.
                (void)log.flush(name);
                open = false;
            }
        }
        if (waiting[3].revents & POLLIN) {
            signalfd_siginfo info{};
            while (::read(signalFd, &info, sizeof info) == sizeof info) {
            }
            // Reap everything re-parented to us; only the first process's status matters.
            int status = 0;
            pid_t done;
            while ((done = ::waitpid(-1, &status, WNOHANG)) > 0) {
                if (done == *containerPid)
                    containerStatus = status;
            }
        }
        hub.handle(std::span<const pollfd>(waiting).subspan(4));
        if (containerStatus && ready == 0 && ++drainingRounds > 10)
            break;
    }
    hub.closeClients();
    (void)log.flush("stdout");
    (void)log.flush("stderr");

    const int status = containerStatus.value_or(0);
    const int exitCode = WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
    const bool oomKilled = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL &&
                           berth::monitor::readOomKillCount(oomCounter).value_or(0) > 0;
    const std::string document = "{\"exitCode\":" + std::to_string(exitCode) +
                                 ",\"signal\":" + std::to_string(WIFSIGNALED(status) ? WTERMSIG(status) : 0) +
                                 ",\"oomKilled\":" + (oomKilled ? "true" : "false") + ",\"startedAt\":\"" + startedAt +
                                 "\",\"finishedAt\":\"" + berth::runtime::timestampNow() + "\"}\n";
    if (!berth::monitor::writeFileAtomically(options.exitFile, document)) {
        std::fprintf(stderr, "berth-monitor: writing %s: %s\n", options.exitFile.c_str(), std::strerror(errno));
        return 1;
    }
    // The runtime's record and cgroup go with the process, whether or not the helper is
    // there to see it; what the helper needs is in the exit file and the log.
    runRuntime(options, {"delete", "--force", options.id}, -1, -1);
    return 0;
}
