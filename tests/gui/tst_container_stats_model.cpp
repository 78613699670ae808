// The Stats and Processes tabs' models against the real helper on the fixture's bus: a running
// container that is made to burn CPU and then to fill memory shows both rising in the
// history; its processes appear in the table; sampling pauses while nobody looks, and stops by
// itself when the container stops. Also the chart's scale rounding and the history's rates.
#include "test_support.h"

#include "container_process_model.h"
#include "container_stats_model.h"
#include "helper_client.h"
#include "stats_history.h"
#include "time_series_chart.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using berth::test::runCli;

namespace {

const QString container = QStringLiteral("gui-stats-burn");

QString image()
{
    QFile port(berth::test::environmentDirectory() + QStringLiteral("/registry/port"));
    if (!port.open(QIODevice::ReadOnly))
        return {};
    return QStringLiteral("127.0.0.1:") + QString::fromUtf8(port.readAll()).trimmed() + QStringLiteral("/berth-test/busybox:latest");
}

QVariantMap sample(qint64 seconds, quint64 cpuNanoseconds, quint64 systemNanoseconds, quint64 blockRead)
{
    return {{QStringLiteral("Read"), seconds * 1000000000LL},
            {QStringLiteral("CpuNanoseconds"), cpuNanoseconds},
            {QStringLiteral("SystemNanoseconds"), systemNanoseconds},
            {QStringLiteral("OnlineCpus"), 2u},
            {QStringLiteral("MemoryUsage"), quint64(5 << 20)},
            {QStringLiteral("MemoryLimit"), quint64(64 << 20)},
            {QStringLiteral("PidsCurrent"), quint64(3)},
            {QStringLiteral("BlockRead"), blockRead}};
}

double highest(const QList<qreal> &values, qsizetype from = 0)
{
    double result = 0;
    for (qsizetype index = from; index < values.size(); ++index)
        result = std::max(result, values[index]);
    return result;
}

} // namespace

class TestContainerStatsModel : public QObject {
    Q_OBJECT

    void removeContainer()
    {
        (void)runCli({QStringLiteral("rm"), QStringLiteral("-f"), container});
    }

private Q_SLOTS:
    void historyTurnsCountersIntoRates()
    {
        berth::gui::StatsHistory history(3);
        // The first sample is only the baseline.
        QVERIFY(!history.add(sample(10, 0, 0, 0)));
        QVERIFY(history.isEmpty());
        // Half a CPU's time over one CPU's worth of system time, on 2 CPUs: 100 %.
        QVERIFY(history.add(sample(11, 500'000'000, 1'000'000'000, 4096)));
        QCOMPARE(history.latest().cpuPercent, 100.0);
        QCOMPARE(history.latest().blockReadRate, 4096.0);
        QCOMPARE(history.latest().memoryUsage, double(5 << 20));
        QVERIFY(history.add(sample(13, 500'000'000, 3'000'000'000, 8192)));
        QCOMPARE(history.latest().cpuPercent, 0.0);
        QCOMPARE(history.latest().blockReadRate, 2048.0); // 4 KiB over 2 s
        QCOMPARE(history.secondsBeforeLatest(), (QList<qreal>{-2, 0}));
        // A counter that goes back (a restart) is no negative rate; the capacity holds.
        QVERIFY(history.add(sample(14, 100, 4'000'000'000, 0)));
        QVERIFY(history.add(sample(15, 200, 5'000'000'000, 0)));
        QCOMPARE(history.points().size(), std::size_t(3));
        QCOMPARE(history.series(&berth::gui::StatsPoint::blockReadRate), (QList<qreal>{2048, 0, 0}));
        // After a pause the next sample is a baseline again, the points stay.
        history.restart();
        QVERIFY(!history.add(sample(100, 300, 9'000'000'000, 0)));
        QCOMPARE(history.points().size(), std::size_t(3));
    }

    void chartScaleIsRound()
    {
        QCOMPARE(TimeSeriesChart::niceCeiling(0, false), 1.0);
        QCOMPARE(TimeSeriesChart::niceCeiling(7, false), 10.0);
        QCOMPARE(TimeSeriesChart::niceCeiling(101, false), 200.0);
        QCOMPARE(TimeSeriesChart::niceCeiling(100, false), 100.0);
        QCOMPARE(TimeSeriesChart::niceCeiling(230, false), 500.0);
        QCOMPARE(TimeSeriesChart::niceCeiling(3 << 20, true), double(4 << 20));
        TimeSeriesChart chart;
        chart.setMinimumScale(10);
        QCOMPARE(chart.ceiling(), 10.0);
        chart.setValues({1, 45, 3});
        QCOMPARE(chart.ceiling(), 50.0);
        chart.setSecondValues({120});
        QCOMPARE(chart.ceiling(), 200.0);
    }

    void initTestCase()
    {
        if (!berth::test::isRoot())
            QSKIP("needs root: containers need namespaces, mounts and cgroups");
        HelperClient::instance()->connectToHelper();
        QTRY_VERIFY_WITH_TIMEOUT(HelperClient::instance()->reachable(), 30000);
        removeContainer();
        const auto pulled = runCli({QStringLiteral("pull"), image()});
        QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.err));
        // Idle until the test makes it work: sleep as PID 1.
        const auto ran = runCli({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), container,
                                 QStringLiteral("-m"), QStringLiteral("256m"), image(), QStringLiteral("sleep"), QStringLiteral("600")});
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err));
    }

    void cleanupTestCase()
    {
        removeContainer();
    }

    void samplesShowCpuAndMemoryRising()
    {
        ContainerStatsModel model;
        model.setInterval(500);
        model.setName(container);
        model.setRunning(true);
        QVERIFY(!model.sampling()); // nobody looks yet
        model.setActive(true);
        QVERIFY(model.sampling());
        QCOMPARE(model.commandLine(), QStringLiteral("berth stats ") + container);

        // Idle: a few points, little CPU, one process, the -m limit.
        QTRY_VERIFY2_WITH_TIMEOUT(model.sampleCount() >= 3, qPrintable(model.error()), 15000);
        QCOMPARE(model.error(), QString());
        QCOMPARE(model.containerState(), QStringLiteral("running"));
        QCOMPARE(model.pids(), 1);
        QCOMPARE(model.memoryLimit(), double(256 << 20));
        QVERIFY2(highest(model.cpuHistory()) < 25, qPrintable(QString::number(highest(model.cpuHistory()))));
        const double idleMemory = model.memoryUsage();
        QVERIFY(idleMemory > 0);
        QCOMPARE(model.timeHistory().size(), model.sampleCount());
        QCOMPARE(model.timeHistory().last(), 0.0);

        // A busy loop until told to stop: CPU near one full CPU, and a second process. It runs
        // until the test has seen both, so a fast machine cannot finish it between two samples
        // (a sample's CPU covers the interval before it, its pids only the instant it is taken).
        const int idlePoints = model.sampleCount();
        const auto burn = runCli({QStringLiteral("exec"), QStringLiteral("-d"), container, QStringLiteral("sh"), QStringLiteral("-c"),
                                  QStringLiteral("while [ ! -e /tmp/stop-burning ]; do :; done")});
        QVERIFY2(burn.exitCode == 0, qPrintable(burn.err));
        QTRY_VERIFY2_WITH_TIMEOUT(highest(model.cpuHistory(), idlePoints) > 40 && highest(model.pidsHistory(), idlePoints) >= 2,
                                  qPrintable(QStringLiteral("CPU %1, pids %2")
                                                 .arg(highest(model.cpuHistory(), idlePoints))
                                                 .arg(highest(model.pidsHistory(), idlePoints))),
                                  20000);
        const auto stopBurning = runCli({QStringLiteral("exec"), container, QStringLiteral("busybox"), QStringLiteral("touch"), QStringLiteral("/tmp/stop-burning")});
        QVERIFY2(stopBurning.exitCode == 0, qPrintable(stopBurning.err));
        QTRY_COMPARE_WITH_TIMEOUT(model.pids(), 1, 10000);

        // 64 MiB into /dev/shm (memory, not disk): the usage rises by about that much.
        const auto fill = runCli({QStringLiteral("exec"), container, QStringLiteral("busybox"), QStringLiteral("dd"),
                                  QStringLiteral("if=/dev/zero"), QStringLiteral("of=/dev/shm/fill"), QStringLiteral("bs=1048576"),
                                  QStringLiteral("count=64")});
        QVERIFY2(fill.exitCode == 0, qPrintable(fill.err));
        QTRY_VERIFY2_WITH_TIMEOUT(model.memoryUsage() > idleMemory + 48.0 * 1024 * 1024,
                                  qPrintable(QStringLiteral("%1 -> %2").arg(idleMemory).arg(model.memoryUsage())), 10000);
        QVERIFY(highest(model.memoryHistory()) > idleMemory + 48.0 * 1024 * 1024);
        QVERIFY(model.memoryPercent() > 18 && model.memoryPercent() < 100);

        // Hidden: no call, no point; shown again: it goes on.
        model.setActive(false);
        QVERIFY(!model.sampling());
        const int hiddenCount = model.sampleCount();
        QTest::qWait(1500);
        QCOMPARE(model.sampleCount(), hiddenCount);
        model.setActive(true);
        QTRY_VERIFY_WITH_TIMEOUT(model.sampleCount() >= hiddenCount + 2, 10000);
    }

    void processesListTheContainersOwn()
    {
        ContainerProcessModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setName(container);
        model.setRunning(true);
        model.setInterval(500);
        model.setActive(true);
        QTRY_VERIFY2_WITH_TIMEOUT(model.loaded(), qPrintable(model.error()), 15000);
        QCOMPARE(model.error(), QString());
        QCOMPARE(model.commandLine(), QStringLiteral("berth top ") + container);
        QCOMPARE(model.titles().first(), QStringLiteral("UID"));
        QVERIFY(model.columnOf(QStringLiteral("PID")) >= 0);
        QCOMPARE(model.count(), 1);
        QCOMPARE(model.data(model.index(0), ContainerProcessModel::CommandRole).toString(), QStringLiteral("sleep 600"));
        QCOMPARE(model.columnCharacters().size(), model.titles().size());

        // A second process appears with the next automatic refresh, and goes when it ends.
        const auto extra = runCli({QStringLiteral("exec"), QStringLiteral("-d"), container, QStringLiteral("sleep"), QStringLiteral("4")});
        QVERIFY2(extra.exitCode == 0, qPrintable(extra.err));
        QTRY_COMPARE_WITH_TIMEOUT(model.count(), 2, 10000);
        QStringList commands;
        for (int row = 0; row < model.count(); ++row)
            commands << model.data(model.index(row), ContainerProcessModel::CommandRole).toString();
        QVERIFY2(commands.contains(QStringLiteral("sleep 4")), qPrintable(commands.join(QLatin1Char('|'))));
        QTRY_COMPARE_WITH_TIMEOUT(model.count(), 1, 15000);

        // Stopped: the rows go, and nothing is asked any more.
        model.setRunning(false);
        QCOMPARE(model.count(), 0);
        QVERIFY(!model.loading());
    }

    void stoppedContainerStopsTheSampling()
    {
        ContainerStatsModel model;
        model.setInterval(500);
        model.setName(container);
        model.setRunning(true);
        model.setActive(true);
        QTRY_VERIFY_WITH_TIMEOUT(model.sampleCount() >= 2, 15000);
        QSignalSpy samplingChanges(&model, &ContainerStatsModel::samplingChanged);
        const auto stopped = runCli({QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("1"), container});
        QVERIFY2(stopped.exitCode == 0, qPrintable(stopped.err));
        // Nobody told the model: the samples themselves say it stopped.
        QTRY_VERIFY_WITH_TIMEOUT(!model.sampling(), 10000);
        QCOMPARE(samplingChanges.count(), 1);
        QVERIFY(model.running());
        QCOMPARE(model.error(), QString());
        const int count = model.sampleCount();
        QVERIFY(count >= 2); // the history of when it ran stays
        QTest::qWait(1500);
        QCOMPARE(model.sampleCount(), count);

        // Started again and said so: sampling resumes.
        const auto started = runCli({QStringLiteral("start"), container});
        QVERIFY2(started.exitCode == 0, qPrintable(started.err));
        model.setRunning(false);
        model.setRunning(true);
        QVERIFY(model.sampling());
        QTRY_VERIFY_WITH_TIMEOUT(model.sampleCount() >= count + 2, 10000);
    }
};

QTEST_MAIN(TestContainerStatsModel)

#include "tst_container_stats_model.moc"
