// berth run -it / -i, start -a and attach through the helper on the fixture's bus: the
// container's terminal held by its monitor, joined to a real pseudo-terminal here; detaching
// with ctrl-p ctrl-q (and other keys) leaves it running; attaching again reaches the same
// shell, and its exit code comes back; stdin piped through run -i ends with our input.
#include "test_support.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonArray>
#include <QJsonObject>
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

bool writeText(int fd, const QByteArray &text)
{
    return ::write(fd, text.constData(), static_cast<size_t>(text.size())) == text.size();
}

QJsonObject state(const QString &container)
{
    const auto inspected = runCli({QStringLiteral("inspect"), container});
    const auto array = QJsonDocument::fromJson(inspected.out.toUtf8()).array();
    return array.isEmpty() ? QJsonObject() : array.first().toObject().value(QStringLiteral("State")).toObject();
}

} // namespace

class TestCliAttach : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!berth::test::isRoot())
            QSKIP("needs root: containers need namespaces, mounts and cgroups");
        const auto pulled = runCli({QStringLiteral("pull"), QStringLiteral("-q"), image()});
        QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.out + pulled.err));
    }

    void cleanupTestCase()
    {
        runCli({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("shell"), QStringLiteral("once"),
                QStringLiteral("keys")});
    }

    void interactiveTerminalDetachAndAttachAgain()
    {
        QProcess run;
        const int master = startOnTerminal(run, {QStringLiteral("run"), QStringLiteral("-it"), QStringLiteral("--name"),
                                                 QStringLiteral("shell"), image(), QStringLiteral("sh")});
        QVERIFY(master >= 0);
        QVERIFY(run.waitForStarted());
        QByteArray seen;
        readUntil(master, "# ", seen);
        QVERIFY2(seen.contains("# "), seen.constData());
        QVERIFY(writeText(master, "tty; echo $((6*7)); stty size\n"));
        readUntil(master, "30 100", seen);
        QVERIFY2(seen.contains("/dev/pts/0"), seen.constData());
        QVERIFY2(seen.contains("42"), seen.constData());
        QVERIFY2(seen.contains("30 100"), seen.constData());
        // Its first process is the shell, on the terminal the monitor holds.
        QVERIFY(writeText(master, "echo pid=$$\n"));
        readUntil(master, "pid=1", seen);
        QVERIFY2(seen.contains("pid=1"), seen.constData());
        // A resized window follows: on SIGWINCH the CLI sends its size to the monitor, which
        // sets the container's terminal to it.
        winsize size{};
        size.ws_row = 33;
        size.ws_col = 111;
        ::ioctl(master, TIOCSWINSZ, &size);
        ::kill(static_cast<pid_t>(run.processId()), SIGWINCH);
        // Asked until the new size shows (the resize travels CLI → monitor → terminal).
        for (int attempt = 0; attempt < 20 && !seen.contains("33 111"); ++attempt) {
            QVERIFY(writeText(master, "stty size\n"));
            readUntil(master, "33 111", seen, 500);
        }
        QVERIFY2(seen.contains("33 111"), seen.constData());

        // ctrl-p ctrl-q: the CLI leaves, the shell stays.
        QVERIFY(writeText(master, "\x10\x11"));
        QVERIFY(run.waitForFinished(10000));
        QCOMPARE(run.exitCode(), 0);
        readUntil(master, "keeps running", seen, 2000);
        QVERIFY2(seen.contains("Detached from"), seen.constData());
        ::close(master);
        QCOMPARE(state(QStringLiteral("shell")).value(QStringLiteral("Running")).toBool(), true);

        // Attaching again reaches the same shell (what it remembers shows it), at the new
        // terminal's size.
        QProcess attach;
        const int second = startOnTerminal(attach, {QStringLiteral("attach"), QStringLiteral("shell")}, 40, 120);
        QVERIFY(second >= 0);
        QVERIFY(attach.waitForStarted());
        QTest::qWait(300);
        QByteArray again;
        QVERIFY(writeText(second, "stty size; echo remembered=$((6*7))\n"));
        readUntil(second, "remembered=42", again);
        QVERIFY2(again.contains("40 120"), again.constData());
        QVERIFY2(again.contains("remembered=42"), again.constData());
        QVERIFY(writeText(second, "exit 5\n"));
        QVERIFY(attach.waitForFinished(15000));
        QCOMPARE(attach.exitCode(), 5);
        ::close(second);
        const auto ended = state(QStringLiteral("shell"));
        QCOMPARE(ended.value(QStringLiteral("Running")).toBool(), false);
        QCOMPARE(ended.value(QStringLiteral("ExitCode")).toInt(), 5);
        // What the terminal showed is in the log too.
        const auto logs = runCli({QStringLiteral("logs"), QStringLiteral("shell")});
        QVERIFY2(logs.out.contains(QStringLiteral("remembered=42")), qPrintable(logs.out));
    }

    void otherDetachKeys()
    {
        QProcess run;
        const int master = startOnTerminal(run, {QStringLiteral("run"), QStringLiteral("-it"), QStringLiteral("--detach-keys"),
                                                 QStringLiteral("ctrl-a,x"), QStringLiteral("--name"), QStringLiteral("keys"),
                                                 image(), QStringLiteral("sh")});
        QVERIFY(master >= 0);
        QVERIFY(run.waitForStarted());
        QByteArray seen;
        readUntil(master, "# ", seen);
        // ctrl-p ctrl-q are ordinary keys now; ctrl-a x detaches.
        QVERIFY(writeText(master, "\x10\x11"));
        QVERIFY(!run.waitForFinished(500));
        QVERIFY(writeText(master, "\x01x"));
        QVERIFY(run.waitForFinished(10000));
        QCOMPARE(run.exitCode(), 0);
        ::close(master);
        QCOMPARE(state(QStringLiteral("keys")).value(QStringLiteral("Running")).toBool(), true);
        const auto bad = runCli({QStringLiteral("attach"), QStringLiteral("--detach-keys"), QStringLiteral("ctrl-1"),
                                 QStringLiteral("keys")});
        QVERIFY(bad.exitCode != 0);
        QVERIFY2(bad.err.contains(QStringLiteral("ctrl-p,ctrl-q")), qPrintable(bad.err));
        QCOMPARE(runCli({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("keys")}).exitCode, 0);
    }

    void pipedInputThroughRunInteractive()
    {
        QProcess run;
        run.start(qEnvironmentVariable("BERTH_CLI"),
                  {QStringLiteral("run"), QStringLiteral("-i"), QStringLiteral("--rm"), QStringLiteral("--name"),
                   QStringLiteral("piped"), image(), QStringLiteral("sh"), QStringLiteral("-c"),
                   QStringLiteral("cat; echo done >&2; exit 7")});
        QVERIFY(run.waitForStarted());
        run.write("line one\nline two\n");
        run.closeWriteChannel();
        QVERIFY(run.waitForFinished(15000));
        QCOMPARE(run.exitCode(), 7);
        QCOMPARE(run.readAllStandardOutput(), QByteArray("line one\nline two\n"));
        QCOMPARE(run.readAllStandardError(), QByteArray("done\n"));
        // --rm: gone once it ended.
        QVERIFY(runCli({QStringLiteral("inspect"), QStringLiteral("piped")}).exitCode != 0);
    }

    void startAttachedAndRefusals()
    {
        QCOMPARE(runCli({QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("once"), image(),
                         QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo out; echo err >&2; exit 3")})
                     .exitCode,
                 0);
        const auto started = runCli({QStringLiteral("start"), QStringLiteral("-a"), QStringLiteral("once")});
        QCOMPARE(started.exitCode, 3);
        QCOMPARE(started.out, QStringLiteral("out\n"));
        QCOMPARE(started.err, QStringLiteral("err\n"));

        const auto stopped = runCli({QStringLiteral("attach"), QStringLiteral("once")});
        QVERIFY(stopped.exitCode != 0);
        QVERIFY2(stopped.err.contains(QStringLiteral("start it first")), qPrintable(stopped.err));
        const auto missing = runCli({QStringLiteral("attach"), QStringLiteral("no-such-container")});
        QVERIFY(missing.exitCode != 0);
        QVERIFY2(missing.err.contains(QStringLiteral("No such container")), qPrintable(missing.err));
        const auto noTerminal = runCli({QStringLiteral("run"), QStringLiteral("-it"), QStringLiteral("--rm"), image(),
                                        QStringLiteral("true")});
        QCOMPARE(noTerminal.exitCode, 2);
        QVERIFY2(noTerminal.err.contains(QStringLiteral("not a TTY")), qPrintable(noTerminal.err));
    }
};

QTEST_GUILESS_MAIN(TestCliAttach)
#include "tst_cli_attach.moc"
