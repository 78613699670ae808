// Shared by the test suites: running Berth's executables as a person would (optionally as
// another user), and where the ctest fixture put its services.
#pragma once

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <poll.h>
#include <pty.h>
#include <sys/ioctl.h>
#include <unistd.h>

namespace berth::test {

struct RunResult {
    int exitCode = -1;
    QString out;
    QString err;
};

/// The fixture's directory (bus socket, registry, storage root), from BERTH_TEST_ENV_DIR.
inline QString environmentDirectory()
{
    return qEnvironmentVariable("BERTH_TEST_ENV_DIR");
}

/// Runs program with arguments; asUser (a user name) runs it through setpriv with that
/// user's groups, so polkit sees a real unprivileged caller.
inline RunResult run(const QString &program, const QStringList &arguments,
                     const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
                     const QString &asUser = {}, int timeoutMs = 60000)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    if (asUser.isEmpty()) {
        process.start(program, arguments);
    } else {
        QStringList wrapped{QStringLiteral("--reuid"), asUser, QStringLiteral("--regid"),
                            asUser == QLatin1String("nobody") ? QStringLiteral("nogroup") : asUser,
                            asUser == QLatin1String("nobody") ? QStringLiteral("--clear-groups")
                                                              : QStringLiteral("--init-groups"),
                            program};
        wrapped += arguments;
        process.start(QStringLiteral("setpriv"), wrapped);
    }
    RunResult result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.err = QStringLiteral("timed out");
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

inline RunResult runCli(const QStringList &arguments,
                        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
                        const QString &asUser = {})
{
    return run(qEnvironmentVariable("BERTH_CLI"), arguments, environment, asUser);
}

/// The fixture registry's busybox image ("127.0.0.1:PORT/berth-test/busybox:latest"),
/// empty when the fixture is not running.
inline QString testImage()
{
    QFile port(environmentDirectory() + QStringLiteral("/registry/port"));
    if (!port.open(QIODevice::ReadOnly))
        return {};
    return QStringLiteral("127.0.0.1:") + QString::fromUtf8(port.readAll()).trimmed() +
           QStringLiteral("/berth-test/busybox:latest");
}

/// Reads from fd (a terminal's master end, say) into seen until text has arrived, the
/// descriptor ends, or the time is up; returns all that was read.
inline QByteArray readUntil(int fd, const QByteArray &text, QByteArray &seen, int timeoutMs = 10000)
{
    QElapsedTimer clock;
    clock.start();
    while (!seen.contains(text) && clock.elapsed() < timeoutMs) {
        pollfd wait{fd, POLLIN, 0};
        if (::poll(&wait, 1, 100) <= 0)
            continue;
        char buffer[4096];
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got <= 0)
            break;
        seen.append(buffer, got);
    }
    return seen;
}

/// Starts the CLI with arguments on a new pseudo-terminal of the given size, as its
/// controlling terminal; returns the master end, or -1 when no terminal could be made.
inline int startOnTerminal(QProcess &process, const QStringList &arguments, unsigned short rows = 30,
                           unsigned short columns = 100)
{
    int master = -1;
    int slave = -1;
    winsize size{};
    size.ws_row = rows;
    size.ws_col = columns;
    if (::openpty(&master, &slave, nullptr, nullptr, &size) != 0)
        return -1;
    process.setChildProcessModifier([slave]() {
        ::setsid();
        ::ioctl(slave, TIOCSCTTY, 0);
        ::dup2(slave, 0);
        ::dup2(slave, 1);
        ::dup2(slave, 2);
    });
    process.start(qEnvironmentVariable("BERTH_CLI"), arguments);
    ::close(slave);
    return master;
}

inline bool isRoot()
{
    return geteuid() == 0;
}

} // namespace berth::test
