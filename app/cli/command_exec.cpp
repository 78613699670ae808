// berth exec: a command in a running container. Without -t the process gets this
// process's own stdin (with -i), stdout and stderr through the bus; with -t the helper sends
// back a terminal's master end, which this process joins to its own terminal (raw mode,
// window size, SIGWINCH).
#include "cli.h"

#include <QDBusUnixFileDescriptor>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

namespace berth::cli {

namespace {

volatile sig_atomic_t windowChanged = 0;

/// Copies between this terminal and the exec's until the exec's side closes.
void joinTerminal(int master, bool withInput)
{
    termios saved{};
    const bool rawInput = withInput && ::isatty(STDIN_FILENO) && ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (rawInput) {
        termios raw = saved;
        ::cfmakeraw(&raw);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &raw);
    }
    struct sigaction action {};
    struct sigaction previous {};
    action.sa_handler = [](int) { windowChanged = 1; };
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGWINCH, &action, &previous);
    bool inputOpen = withInput;
    char buffer[16384];
    while (true) {
        if (windowChanged) {
            windowChanged = 0;
            winsize size{};
            if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0)
                ::ioctl(master, TIOCSWINSZ, &size);
        }
        pollfd waits[2] = {{master, POLLIN, 0}, {inputOpen ? STDIN_FILENO : -1, POLLIN, 0}};
        if (::poll(waits, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (waits[0].revents != 0) {
            const ssize_t got = ::read(master, buffer, sizeof buffer);
            if (got < 0 && errno == EINTR)
                continue;
            if (got <= 0) // EIO: every process on the terminal has ended
                break;
            for (ssize_t written = 0; written < got;) {
                const ssize_t now = ::write(STDOUT_FILENO, buffer + written, static_cast<size_t>(got - written));
                if (now < 0 && errno == EINTR)
                    continue;
                if (now <= 0)
                    break;
                written += now;
            }
        }
        if (inputOpen && waits[1].revents != 0) {
            const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
            if (got < 0 && errno == EINTR)
                continue;
            if (got <= 0) {
                // End of our input: the terminal's end-of-file character tells the program.
                const char endOfFile = 4;
                (void)!::write(master, &endOfFile, 1);
                inputOpen = false;
                continue;
            }
            (void)!::write(master, buffer, static_cast<size_t>(got));
        }
    }
    ::sigaction(SIGWINCH, &previous, nullptr);
    if (rawInput)
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
}

} // namespace

int runExec(const QStringList &arguments)
{
    const QCommandLineOption interactive({QStringLiteral("i"), QStringLiteral("interactive")},
                                         tr("Keep STDIN open even if not attached"));
    const QCommandLineOption tty({QStringLiteral("t"), QStringLiteral("tty")}, tr("Allocate a pseudo-TTY"));
    const QCommandLineOption detach({QStringLiteral("d"), QStringLiteral("detach")},
                                    tr("Detached mode: run command in the background"));
    const QCommandLineOption env({QStringLiteral("e"), QStringLiteral("env")}, tr("Set environment variables"),
                                 QStringLiteral("list"));
    const QCommandLineOption user({QStringLiteral("u"), QStringLiteral("user")},
                                  tr("Username or UID (format: \"<name|uid>[:<group|gid>]\")"), QStringLiteral("string"));
    const QCommandLineOption workdir({QStringLiteral("w"), QStringLiteral("workdir")},
                                     tr("Working directory inside the container"), QStringLiteral("string"));
    QCommandLineParser parser;
    Usage usage{QStringLiteral("berth exec [OPTIONS] CONTAINER COMMAND [ARG...]"),
                tr("Execute a command in a running container"), {interactive, tty, detach, env, user, workdir}, 2, 100000};
    usage.optionsEndAtFirstPositional = true;
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    const bool withTerminal = parser.isSet(tty) && !parser.isSet(detach);
    if (withTerminal && parser.isSet(interactive) && !::isatty(STDIN_FILENO)) {
        err() << tr("the input device is not a TTY; leave out -t, or run from a terminal") << '\n';
        return UsageError;
    }
    const QStringList positional = parser.positionalArguments();
    QVariantMap options{{QStringLiteral("Cmd"), positional.mid(1)}};
    QStringList environment;
    for (const auto &item : parser.values(env)) {
        if (item.contains(QLatin1Char('=')))
            environment << item;
        else if (qEnvironmentVariableIsSet(item.toLocal8Bit().constData()))
            environment << item + QLatin1Char('=') + qEnvironmentVariable(item.toLocal8Bit().constData());
    }
    if (!environment.isEmpty())
        options.insert(QStringLiteral("Env"), environment);
    if (parser.isSet(user))
        options.insert(QStringLiteral("User"), parser.value(user));
    if (parser.isSet(workdir))
        options.insert(QStringLiteral("WorkingDir"), parser.value(workdir));
    if (!busReachable())
        return Failed;
    // Docker's codes: 126 cannot run, 127 not found, otherwise the command's own.
    constexpr int engineFailed = 126;
    auto proxy = berth::client::makeHelperProxy(berth::client::changeTimeoutMs);
    QString execId;
    if (withTerminal) {
        winsize size{};
        if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_row > 0) {
            options.insert(QStringLiteral("Rows"), uint(size.ws_row));
            options.insert(QStringLiteral("Columns"), uint(size.ws_col));
        }
        QDBusPendingReply<QString, QDBusUnixFileDescriptor> reply =
            proxy->ExecContainerWithTerminal(positional.first(), options, QDBusUnixFileDescriptor(STDERR_FILENO));
        if (!waitFor(reply))
            return engineFailed;
        execId = reply.argumentAt<0>();
        const int master = ::fcntl(reply.argumentAt<1>().fileDescriptor(), F_DUPFD_CLOEXEC, 3);
        joinTerminal(master, parser.isSet(interactive));
        ::close(master);
    } else {
        const int nullFd = ::open("/dev/null", O_RDWR | O_CLOEXEC);
        const bool quiet = parser.isSet(detach);
        auto reply = proxy->ExecContainer(
            positional.first(), options,
            QDBusUnixFileDescriptor(parser.isSet(interactive) && !quiet ? STDIN_FILENO : nullFd),
            QDBusUnixFileDescriptor(quiet ? nullFd : STDOUT_FILENO), QDBusUnixFileDescriptor(quiet ? nullFd : STDERR_FILENO));
        ::close(nullFd);
        if (!waitFor(reply))
            return engineFailed;
        if (quiet)
            return Success;
        execId = reply.value();
    }
    auto waitProxy = berth::client::makeHelperProxy(24 * 3600 * 1000);
    auto waited = waitProxy->WaitExec(execId);
    if (!waitFor(waited))
        return engineFailed;
    return waited.value();
}

} // namespace berth::cli
