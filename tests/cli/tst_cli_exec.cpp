// berth exec through the helper on the fixture's bus: the caller's stdio passed straight to
// the process, -e/-w/-u, exit codes, errors for stopped or missing containers, and -it on a
// real pseudo-terminal (the master end crosses the bus), with the window size following
// the caller's terminal.
#include "test_support.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTest>

#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <sys/ioctl.h>
#include <unistd.h>

using berth::test::readUntil;
using berth::test::startOnTerminal;
using berth::test::runCli;

namespace {

QString image()
{
    return berth::test::testImage();
}

} // namespace

class TestCliExec : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!berth::test::isRoot())
            QSKIP("needs root: containers need namespaces, mounts and cgroups");
        const auto pulled = runCli({QStringLiteral("pull"), QStringLiteral("-q"), image()});
        QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.out + pulled.err));
        const auto started = runCli({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"),
                                     QStringLiteral("target"), QStringLiteral("-e"), QStringLiteral("FROM_RUN=yes"),
                                     image(), QStringLiteral("sleep"), QStringLiteral("1000")});
        QVERIFY2(started.exitCode == 0, qPrintable(started.err));
    }

    void cleanupTestCase()
    {
        runCli({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("target")});
    }

    void outputStreamsAndExitCodePassThrough()
    {
        const auto result = runCli({QStringLiteral("exec"), QStringLiteral("target"), QStringLiteral("sh"),
                                    QStringLiteral("-c"), QStringLiteral("echo out; echo err >&2; exit 4")});
        QCOMPARE(result.exitCode, 4);
        QCOMPARE(result.out, QStringLiteral("out\n"));
        QCOMPARE(result.err, QStringLiteral("err\n"));
    }

    void optionsReachTheProcess()
    {
        const auto result = runCli({QStringLiteral("exec"), QStringLiteral("-e"), QStringLiteral("ADDED=1"),
                                    QStringLiteral("-w"), QStringLiteral("/etc"), QStringLiteral("-u"),
                                    QStringLiteral("nobody"), QStringLiteral("target"), QStringLiteral("sh"),
                                    QStringLiteral("-c"), QStringLiteral("echo $ADDED $FROM_RUN $(pwd) $(id -u)")});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out, QStringLiteral("1 yes /etc 65534\n"));
        // It runs inside the container: its pid namespace, where sleep is PID 1.
        const auto ps = runCli({QStringLiteral("exec"), QStringLiteral("target"), QStringLiteral("cat"),
                                QStringLiteral("/proc/1/cmdline")});
        QVERIFY2(ps.out.startsWith(QStringLiteral("sleep")), qPrintable(ps.out));
    }

    void standardInputWithInteractive()
    {
        QProcess exec;
        exec.start(qEnvironmentVariable("BERTH_CLI"),
                   {QStringLiteral("exec"), QStringLiteral("-i"), QStringLiteral("target"), QStringLiteral("cat")});
        QVERIFY(exec.waitForStarted());
        exec.write("through stdin\n");
        exec.closeWriteChannel();
        QVERIFY(exec.waitForFinished(15000));
        QCOMPARE(exec.exitCode(), 0);
        QCOMPARE(exec.readAllStandardOutput(), QByteArray("through stdin\n"));
    }

    void badRequestsSayWhatToDo()
    {
        const auto missing = runCli({QStringLiteral("exec"), QStringLiteral("no-such"), QStringLiteral("true")});
        QVERIFY(missing.exitCode != 0);
        QVERIFY2(missing.err.contains(QStringLiteral("No such container")), qPrintable(missing.err));
        QCOMPARE(runCli({QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("idle"), image()}).exitCode, 0);
        const auto stopped = runCli({QStringLiteral("exec"), QStringLiteral("idle"), QStringLiteral("true")});
        QVERIFY(stopped.exitCode != 0);
        QVERIFY2(stopped.err.contains(QStringLiteral("is not running")), qPrintable(stopped.err));
        QCOMPARE(runCli({QStringLiteral("rm"), QStringLiteral("idle")}).exitCode, 0);
        const auto noProgram = runCli({QStringLiteral("exec"), QStringLiteral("target"), QStringLiteral("no-such-program")});
        QCOMPARE(noProgram.exitCode, 127); // as docker and podman: not found
        QVERIFY2(noProgram.err.contains(QStringLiteral("no-such-program")), qPrintable(noProgram.err));
        const auto notExecutable = runCli({QStringLiteral("exec"), QStringLiteral("target"), QStringLiteral("/etc/passwd")});
        QCOMPARE(notExecutable.exitCode, 126); // found, cannot be run
        QVERIFY2(notExecutable.err.contains(QStringLiteral("not an executable file")), qPrintable(notExecutable.err));
        const auto noTerminal = runCli({QStringLiteral("exec"), QStringLiteral("-it"), QStringLiteral("target"), QStringLiteral("sh")});
        QCOMPARE(noTerminal.exitCode, 2);
        QVERIFY2(noTerminal.err.contains(QStringLiteral("not a TTY")), qPrintable(noTerminal.err));
    }

    void interactiveTerminal()
    {
        QProcess exec;
        const int master = startOnTerminal(
            exec, {QStringLiteral("exec"), QStringLiteral("-it"), QStringLiteral("target"), QStringLiteral("sh")}, 30, 100);
        QVERIFY(master >= 0);
        QVERIFY(exec.waitForStarted());
        QByteArray seen;
        readUntil(master, "# ", seen);
        QVERIFY2(seen.contains("# "), seen.constData());
        const QByteArray command = "tty; echo $((6*7)); stty size\n";
        QCOMPARE(::write(master, command.constData(), command.size()), ssize_t(command.size()));
        readUntil(master, "30 100", seen);
        QVERIFY2(seen.contains("/dev/pts/"), seen.constData());
        QVERIFY2(seen.contains("42"), seen.constData());
        QVERIFY2(seen.contains("30 100"), seen.constData());

        // A resized window follows: the CLI copies its size to the exec's terminal on SIGWINCH.
        winsize size{};
        size.ws_row = 40;
        size.ws_col = 120;
        ::ioctl(master, TIOCSWINSZ, &size);
        ::kill(static_cast<pid_t>(exec.processId()), SIGWINCH);
        QTest::qWait(300);
        const QByteArray second = "stty size; exit 3\n";
        QCOMPARE(::write(master, second.constData(), second.size()), ssize_t(second.size()));
        readUntil(master, "40 120", seen);
        QVERIFY2(seen.contains("40 120"), seen.constData());
        QVERIFY(exec.waitForFinished(15000));
        QCOMPARE(exec.exitCode(), 3);
        ::close(master);
    }

    void interactiveMissingProgram()
    {
        // The runtime ends without sending a terminal: the helper answers (it does not wait
        // out its timeout), the runtime's reason reaches this terminal, the code is 127.
        QProcess exec;
        QElapsedTimer timer;
        timer.start();
        const int master = startOnTerminal(exec, {QStringLiteral("exec"), QStringLiteral("-it"), QStringLiteral("target"),
                                                  QStringLiteral("no-such-program")});
        QVERIFY(master >= 0);
        QVERIFY(exec.waitForStarted());
        QByteArray seen;
        readUntil(master, "PATH", seen);
        QVERIFY(exec.waitForFinished(15000));
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(exec.exitCode(), 127);
        QVERIFY2(seen.contains("`no-such-program` was not found"), seen.constData());
        ::close(master);
    }
};

QTEST_GUILESS_MAIN(TestCliExec)
#include "tst_cli_exec.moc"
