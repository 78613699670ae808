#include "engine/core/system_info.h"

#include <QTemporaryDir>
#include <QTest>

#include <sys/utsname.h>
#include <unistd.h>

using namespace berth;

class TestSystemInfo : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void prettyName()
    {
        QCOMPARE(prettyNameFromOsRelease("NAME=\"Debian\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n"),
                 std::string("Debian GNU/Linux 12 (bookworm)"));
        QCOMPARE(prettyNameFromOsRelease("PRETTY_NAME=Arch\n"), std::string("Arch"));
        QCOMPARE(prettyNameFromOsRelease(""), std::string("Linux"));
    }

    void readsThisMachine()
    {
        QTemporaryDir directory;
        const SystemInfo info = collectSystemInfo(directory.path().toStdString());
        utsname names{};
        QCOMPARE(uname(&names), 0);
        QCOMPARE(info.kernelRelease, std::string(names.release));
        QCOMPARE(info.cpus, int(sysconf(_SC_NPROCESSORS_ONLN)));
        QVERIFY(info.memoryBytes > 0);
        QVERIFY(info.storageTotalBytes >= info.storageFreeBytes);
        QVERIFY(info.storageTotalBytes > 0);
        QVERIFY(!info.libseccompVersion.empty());
        QVERIFY(!info.seccomp.detail.empty());
    }

    void overlayProbeCleansUp()
    {
        QTemporaryDir directory;
        const std::filesystem::path root = directory.path().toStdString();
        const Support overlay = probeOverlay(root);
        if (geteuid() != 0)
            QCOMPARE(overlay.available, false);
        QVERIFY(!overlay.detail.empty());
        QVERIFY(std::filesystem::is_empty(root));
    }

    void overlayWorksAsRoot()
    {
        if (geteuid() != 0)
            QSKIP("mounting overlayfs needs root");
        QTemporaryDir directory;
        const Support overlay = probeOverlay(directory.path().toStdString());
        QVERIFY2(overlay.available, overlay.detail.c_str());
    }
};

QTEST_GUILESS_MAIN(TestSystemInfo)
#include "tst_system_info.moc"
