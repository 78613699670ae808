// berth-gui end to end: the real executable under Xvfb (or the offscreen platform when
// xvfb-run is missing), against the fixture's helper and against no helper at all. It
// saves its window and prints the panel's text (--screenshot, --print-page-text); the
// text must carry the facts this computer has, and the picture must not be blank.
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QImage>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/utsname.h>

namespace {

struct GuiRun {
    int exitCode = -1;
    QStringList lines;
    QString err;
    QImage image;
};

QString kernelRelease()
{
    utsname name{};
    return uname(&name) == 0 ? QString::fromLocal8Bit(name.release) : QString();
}

// What /proc/self/mountinfo says, independently of the engine's own parser.
QString cgroupMode()
{
    QFile file(QStringLiteral("/proc/self/mountinfo"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    bool v1 = false;
    bool unifiedAtRoot = false;
    bool unifiedBeside = false;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        const int separator = int(fields.indexOf("-"));
        if (fields.size() < 5 || separator < 0 || separator + 1 >= fields.size())
            continue;
        const QByteArray mountPoint = fields.at(4);
        const QByteArray type = fields.at(separator + 1);
        if (!mountPoint.startsWith("/sys/fs/cgroup"))
            continue;
        if (type == "cgroup2" && mountPoint == "/sys/fs/cgroup")
            unifiedAtRoot = true;
        else if (type == "cgroup2")
            unifiedBeside = true;
        else if (type == "cgroup")
            v1 = true;
    }
    if (unifiedAtRoot)
        return QStringLiteral("v2");
    if (v1)
        return unifiedBeside ? QStringLiteral("hybrid") : QStringLiteral("v1");
    return QStringLiteral("none");
}

GuiRun runGui(const QStringList &arguments, const QString &busAddress, const QString &screenshot)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"), busAddress);
    QString program = qEnvironmentVariable("BERTH_GUI");
    QStringList all = arguments;
    all << QStringLiteral("--screenshot") << screenshot << QStringLiteral("--print-page-text");
    // Xvfb is what CI has and what people see; offscreen is the fallback on a bare machine.
    const QString xvfbRun = QStandardPaths::findExecutable(QStringLiteral("xvfb-run"));
    if (!xvfbRun.isEmpty()) {
        environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
        all.prepend(program);
        all = QStringList{QStringLiteral("-a"), QStringLiteral("-s"), QStringLiteral("-screen 0 1280x800x24")} + all;
        program = xvfbRun;
    } else {
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    }
    const auto result = berth::test::run(program, all, environment, {}, 90000);
    GuiRun run;
    run.exitCode = result.exitCode;
    run.err = result.err;
    for (const QString &line : result.out.split(QLatin1Char('\n')))
        run.lines << line.trimmed();
    run.image.load(screenshot);
    return run;
}

QString report(const GuiRun &run)
{
    return QStringLiteral("exit %1\nstderr:\n%2\ntext:\n%3").arg(run.exitCode).arg(run.err, run.lines.join(QLatin1Char('\n')));
}

bool containsLineStartingWith(const QStringList &lines, const QString &start)
{
    return std::any_of(lines.begin(), lines.end(), [&](const QString &line) { return line.startsWith(start); });
}

// A window that drew its panel has text, borders and colours; a blank one is one colour.
void verifyNotBlank(const QImage &image, const QSize &size)
{
    QVERIFY2(!image.isNull(), "no screenshot");
    QCOMPARE(image.size(), size);
    QHash<QRgb, int> counts;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2)
            ++counts[image.pixel(x, y)];
    }
    const int sampled = (image.height() / 2) * (image.width() / 2);
    const int mostCommon = *std::max_element(counts.cbegin(), counts.cend());
    QVERIFY2(counts.size() > 50, qPrintable(QStringLiteral("only %1 colours").arg(counts.size())));
    QVERIFY2(mostCommon < sampled * 9 / 10, "one colour covers nearly the whole window");
}

} // namespace

class TestGuiEndToEnd : public QObject {
    Q_OBJECT
    QTemporaryDir scratch;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(qEnvironmentVariable("BERTH_GUI")).isExecutable(), "BERTH_GUI does not name berth-gui");
        QVERIFY(!qEnvironmentVariableIsEmpty("DBUS_SYSTEM_BUS_ADDRESS"));
        QVERIFY(scratch.isValid());
    }

    void systemPageShowsThisComputer()
    {
        const QString png = scratch.filePath(QStringLiteral("system.png"));
        const GuiRun run = runGui({QStringLiteral("--page"), QStringLiteral("system"), QStringLiteral("--size"),
                                   QStringLiteral("1280x800"), QStringLiteral("--lang"), QStringLiteral("en")},
                                  qEnvironmentVariable("DBUS_SYSTEM_BUS_ADDRESS"), png);
        QVERIFY2(run.exitCode == 0, qPrintable(report(run)));
        QVERIFY2(!run.err.contains(QLatin1String("did not finish loading")), qPrintable(report(run)));
        QVERIFY2(run.lines.contains(kernelRelease()), qPrintable(QStringLiteral("kernel %1 not shown\n").arg(kernelRelease()) + report(run)));
        const QString storageRoot = QDir(berth::test::environmentDirectory()).filePath(QStringLiteral("root"));
        QVERIFY2(run.lines.contains(storageRoot), qPrintable(storageRoot + QStringLiteral(" not shown\n") + report(run)));
        const QString mode = cgroupMode();
        QVERIFY2(containsLineStartingWith(run.lines, QStringLiteral("version %1 (%2)").arg(mode == QLatin1String("v2") ? 2 : 1).arg(mode)),
                 qPrintable(QStringLiteral("cgroup mode %1 not shown\n").arg(mode) + report(run)));
        QVERIFY2(containsLineStartingWith(run.lines, QStringLiteral("Connected to Berth's helper")), qPrintable(report(run)));
        QVERIFY2(run.lines.contains(QStringLiteral("berth info")), qPrintable(report(run)));
        QVERIFY2(!run.lines.contains(QStringLiteral("Berth's helper is not reachable")), qPrintable(report(run)));
        verifyNotBlank(run.image, QSize(1280, 800));
    }

    void smallWindowStillShowsThePanel()
    {
        const QString png = scratch.filePath(QStringLiteral("small.png"));
        const GuiRun run = runGui({QStringLiteral("--page"), QStringLiteral("settings"), QStringLiteral("--size"),
                                   QStringLiteral("900x600"), QStringLiteral("--lang"), QStringLiteral("en")},
                                  qEnvironmentVariable("DBUS_SYSTEM_BUS_ADDRESS"), png);
        QVERIFY2(run.exitCode == 0, qPrintable(report(run)));
        QVERIFY2(run.lines.contains(QStringLiteral("berth config get")), qPrintable(report(run)));
        QVERIFY2(run.lines.contains(QStringLiteral("default-bridge-subnet")), qPrintable(report(run)));
        verifyNotBlank(run.image, QSize(900, 600));
    }

    void imagesPageShowsThePulledImage()
    {
        QFile portFile(QDir(berth::test::environmentDirectory()).filePath(QStringLiteral("registry/port")));
        QVERIFY(portFile.open(QIODevice::ReadOnly));
        const QString repository = QStringLiteral("127.0.0.1:%1/berth-test/busybox").arg(QString::fromLatin1(portFile.readAll()).trimmed());
        const auto pulled = berth::test::runCli({QStringLiteral("pull"), repository + QStringLiteral(":1.0")});
        QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.err));
        const QString png = scratch.filePath(QStringLiteral("images.png"));
        const GuiRun run = runGui({QStringLiteral("--page"), QStringLiteral("images"), QStringLiteral("--size"),
                                   QStringLiteral("1280x800"), QStringLiteral("--lang"), QStringLiteral("en")},
                                  qEnvironmentVariable("DBUS_SYSTEM_BUS_ADDRESS"), png);
        QVERIFY2(run.exitCode == 0, qPrintable(report(run)));
        QVERIFY2(!run.err.contains(QLatin1String("did not finish loading")), qPrintable(report(run)));
        QVERIFY2(run.lines.contains(repository), qPrintable(repository + QStringLiteral(" not listed\n") + report(run)));
        QVERIFY2(run.lines.contains(QStringLiteral("1.0")), qPrintable(report(run)));
        QVERIFY2(run.lines.contains(QStringLiteral("berth images")), qPrintable(report(run)));
        verifyNotBlank(run.image, QSize(1280, 800));
    }

    void unreachableHelperIsExplained_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("page");
        QTest::addColumn<QString>("expected");
        QTest::newRow("en system") << QStringLiteral("en") << QStringLiteral("system")
                                   << QStringLiteral("Berth's helper is not reachable");
        QTest::newRow("en settings") << QStringLiteral("en") << QStringLiteral("settings")
                                     << QStringLiteral("Berth's helper is not reachable");
        QTest::newRow("zh_CN system") << QStringLiteral("zh_CN") << QStringLiteral("system")
                                      << QStringLiteral("无法连接 Berth 的辅助进程");
    }
    void unreachableHelperIsExplained()
    {
        QFETCH(QString, language);
        QFETCH(QString, page);
        QFETCH(QString, expected);
        const QString png = scratch.filePath(QStringLiteral("unreachable-%1-%2.png").arg(language, page));
        const QString nowhere = QStringLiteral("unix:path=") + scratch.filePath(QStringLiteral("no-such-bus"));
        const GuiRun run = runGui({QStringLiteral("--page"), page, QStringLiteral("--lang"), language}, nowhere, png);
        QVERIFY2(run.exitCode == 0, qPrintable(report(run)));
        QVERIFY2(!run.err.contains(QLatin1String("did not finish loading")), qPrintable(report(run)));
        QVERIFY2(run.lines.contains(expected), qPrintable(report(run)));
        // The fix is spelled out, not just the failure.
        QVERIFY2(run.lines.join(QLatin1Char('\n')).contains(QLatin1String("sudo service dbus start")), qPrintable(report(run)));
        verifyNotBlank(run.image, run.image.size());
    }
};

QTEST_GUILESS_MAIN(TestGuiEndToEnd)
#include "tst_gui_e2e.moc"
