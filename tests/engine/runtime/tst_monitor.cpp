// berth-monitor with the real berth-runtime: the container log (streams apart, lines
// whole, rotation), the exit file (code, signal, OOM kill, a failed create), and nothing
// left of the container in the runtime or the cgroups once it has ended.
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <fstream>

using nlohmann::json;

class MonitorTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir workspace_;
    QString rootfs_;
    int counter_ = 0;

    struct Outcome {
        int monitorExit = -1;
        QString readyMessage;
        QJsonObject exit;
        QString directory;
        QString id;
    };

    json spec(const std::vector<std::string> &args)
    {
        return json{
            {"ociVersion", "1.0.2"},
            {"root", {{"path", rootfs_.toStdString()}}},
            {"process", {{"args", args}, {"env", {"PATH=/bin"}}, {"cwd", "/"}}},
            {"mounts", {{{"destination", "/proc"}, {"type", "proc"}, {"source", "proc"}},
                        {{"destination", "/dev"}, {"type", "tmpfs"}, {"source", "tmpfs"}, {"options", {"mode=755"}}}}},
            {"linux", {{"namespaces", {{{"type", "pid"}}, {{"type", "mount"}}, {{"type", "ipc"}}, {{"type", "uts"}}, {{"type", "network"}}}},
                       {"resources", json::object()}}},
        };
    }

    Outcome runMonitor(const json &config, const QStringList &extra = {})
    {
        Outcome outcome;
        outcome.id = QStringLiteral("monitored-%1-%2").arg(getpid()).arg(++counter_);
        outcome.directory = workspace_.filePath(outcome.id);
        QDir().mkpath(outcome.directory + QStringLiteral("/bundle"));
        std::ofstream(QString(outcome.directory + QStringLiteral("/bundle/config.json")).toStdString()) << config.dump();
        int ready[2];
        if (pipe2(ready, O_CLOEXEC) != 0)
            return outcome;
        QProcess monitor;
        // The ready pipe's write end must reach the monitor: give it fd 3 in the child.
        monitor.setChildProcessModifier([writeEnd = ready[1]] { ::dup2(writeEnd, 3); });
        QStringList arguments{QStringLiteral("--runtime"), qEnvironmentVariable("BERTH_RUNTIME"),
                              QStringLiteral("--runtime-root"), workspace_.filePath(QStringLiteral("state")),
                              QStringLiteral("--id"), outcome.id,
                              QStringLiteral("--bundle"), outcome.directory + QStringLiteral("/bundle"),
                              QStringLiteral("--log"), outcome.directory + QStringLiteral("/container.log"),
                              QStringLiteral("--exit-file"), outcome.directory + QStringLiteral("/exit.json"),
                              QStringLiteral("--ready-fd"), QStringLiteral("3")};
        monitor.start(qEnvironmentVariable("BERTH_MONITOR"), arguments + extra);
        ::close(ready[1]);
        QByteArray message;
        char buffer[512];
        ssize_t got;
        while ((got = ::read(ready[0], buffer, sizeof buffer)) > 0)
            message.append(buffer, got);
        ::close(ready[0]);
        outcome.readyMessage = QString::fromUtf8(message);
        if (!monitor.waitForFinished(60000))
            monitor.kill();
        outcome.monitorExit = monitor.exitCode();
        QFile exitFile(outcome.directory + QStringLiteral("/exit.json"));
        if (exitFile.open(QIODevice::ReadOnly))
            outcome.exit = QJsonDocument::fromJson(exitFile.readAll()).object();
        return outcome;
    }

    static QList<QJsonObject> logEntries(const QString &path)
    {
        QList<QJsonObject> entries;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return entries;
        for (const auto &line : file.readAll().split('\n')) {
            if (!line.isEmpty())
                entries << QJsonDocument::fromJson(line).object();
        }
        return entries;
    }

    bool runtimeForgot(const QString &id)
    {
        return !QFileInfo::exists(workspace_.filePath(QStringLiteral("state/") + id)) &&
               !QFileInfo::exists(QStringLiteral("/sys/fs/cgroup/pids/berth/") + id) &&
               !QFileInfo::exists(QStringLiteral("/sys/fs/cgroup/berth/") + id);
    }

private slots:
    void initTestCase()
    {
        if (!berth::test::isRoot())
            QSKIP("the monitor runs containers, which needs root");
        QVERIFY(!qEnvironmentVariable("BERTH_MONITOR").isEmpty());
        rootfs_ = workspace_.filePath(QStringLiteral("rootfs"));
        QVERIFY(QDir().mkpath(rootfs_ + QStringLiteral("/bin")));
        QVERIFY(QFile::copy(QStringLiteral("/bin/busybox"), rootfs_ + QStringLiteral("/bin/busybox")));
        for (const char *applet : {"sh", "echo", "printf", "sleep", "head", "tr", "seq"})
            QFile::link(QStringLiteral("busybox"), rootfs_ + QStringLiteral("/bin/") + QLatin1String(applet));
    }

    void logsKeepStreamsApartAndLinesWhole()
    {
        auto outcome = runMonitor(spec({"sh", "-c", "echo out1; echo err1 >&2; printf 'half'; sleep 0.3; echo ' whole'; printf 'no newline'; exit 3"}));
        QCOMPARE(outcome.monitorExit, 0);
        QVERIFY2(outcome.readyMessage.startsWith(QStringLiteral("ok ")), qPrintable(outcome.readyMessage));
        QCOMPARE(outcome.exit.value(QStringLiteral("exitCode")).toInt(), 3);
        QCOMPARE(outcome.exit.value(QStringLiteral("oomKilled")).toBool(), false);
        QVERIFY(!outcome.exit.value(QStringLiteral("startedAt")).toString().isEmpty());
        QVERIFY(outcome.exit.value(QStringLiteral("finishedAt")).toString() > outcome.exit.value(QStringLiteral("startedAt")).toString());
        const auto entries = logEntries(outcome.directory + QStringLiteral("/container.log"));
        QStringList seen;
        for (const auto &entry : entries) {
            seen << entry.value(QStringLiteral("stream")).toString() + QLatin1Char(':') + entry.value(QStringLiteral("log")).toString();
            QVERIFY(entry.value(QStringLiteral("time")).toString().endsWith(QLatin1Char('Z')));
        }
        QCOMPARE(seen, (QStringList{QStringLiteral("stdout:out1\n"), QStringLiteral("stderr:err1\n"),
                                    QStringLiteral("stdout:half whole\n"), QStringLiteral("stdout:no newline")}));
        QVERIFY(runtimeForgot(outcome.id));
    }

    void logRotatesAtItsCap()
    {
        auto outcome = runMonitor(spec({"sh", "-c", "for i in $(seq 400); do echo line-$i-xxxxxxxxxxxxxxxxxxxx; done"}),
                                  {QStringLiteral("--log-max-size"), QStringLiteral("4096"), QStringLiteral("--log-max-files"), QStringLiteral("3")});
        QCOMPARE(outcome.exit.value(QStringLiteral("exitCode")).toInt(), 0);
        const QString log = outcome.directory + QStringLiteral("/container.log");
        for (const QString &path : {log, log + QStringLiteral(".1"), log + QStringLiteral(".2")}) {
            QVERIFY2(QFileInfo::exists(path), qPrintable(path));
            QVERIFY(QFileInfo(path).size() <= 4096);
        }
        QVERIFY(!QFileInfo::exists(log + QStringLiteral(".3")));
        const auto newest = logEntries(log);
        QVERIFY(!newest.isEmpty());
        QCOMPARE(newest.last().value(QStringLiteral("log")).toString(), QStringLiteral("line-400-xxxxxxxxxxxxxxxxxxxx\n"));
    }

    void oomKillIsRecorded()
    {
        // PID 1 itself doubles a string until the kernel kills it.
        json direct = spec({"sh", "-c", "x=a; while true; do x=$x$x; done"});
        direct["linux"]["resources"] = {{"memory", {{"limit", 32 * 1024 * 1024}}}};
        auto killed = runMonitor(direct);
        QCOMPARE(killed.exit.value(QStringLiteral("exitCode")).toInt(), 137);
        QCOMPARE(killed.exit.value(QStringLiteral("signal")).toInt(), 9);
        QVERIFY(killed.exit.value(QStringLiteral("oomKilled")).toBool());
        QVERIFY(runtimeForgot(killed.id));
    }

    void failedCreateIsReported()
    {
        auto outcome = runMonitor(spec({"no-such-program"}));
        QCOMPARE(outcome.monitorExit, 1);
        QVERIFY2(outcome.readyMessage.startsWith(QStringLiteral("error ")), qPrintable(outcome.readyMessage));
        QVERIFY2(outcome.readyMessage.contains(QStringLiteral("not found in the container's PATH")), qPrintable(outcome.readyMessage));
        QVERIFY(outcome.exit.value(QStringLiteral("error")).toString().contains(QStringLiteral("no-such-program")));
        // The runtime's complaint is not container output.
        QCOMPARE(QFileInfo(outcome.directory + QStringLiteral("/container.log")).size(), 0);
        QVERIFY(runtimeForgot(outcome.id));
    }
};

QTEST_GUILESS_MAIN(MonitorTest)
#include "tst_monitor.moc"
