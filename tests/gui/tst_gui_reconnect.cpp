// Retry after the system bus was missing or died: Qt never reconnects a failed
// QDBusConnection, so the GUI drops its named connection and builds a new one. The bus
// address is a symbolic link this test points at no bus, at a bus of its own that it then
// kills, and at the fixture's bus with the real helper; after each Retry the GUI must say
// what it sees now, and in the end work again, following the helper's signals.
#include "test_support.h"

#include "helper_client.h"
#include "helper_connection.h"
#include "image_list_model.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QTest>

class TestGuiReconnect : public QObject {
    Q_OBJECT
    QTemporaryDir scratch;
    QString fixtureSocket;
    QString link;

    bool pointLinkAt(const QString &target)
    {
        QFile::remove(link);
        return QFile::link(target, link);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(scratch.isValid());
        const QString address = qEnvironmentVariable("DBUS_SYSTEM_BUS_ADDRESS");
        QVERIFY2(address.startsWith(QLatin1String("unix:path=")), qPrintable(address));
        fixtureSocket = address.mid(int(qstrlen("unix:path=")));
        link = scratch.filePath(QStringLiteral("bus"));
        // Before the GUI's first connection: it starts with no bus at all.
        qputenv("DBUS_SYSTEM_BUS_ADDRESS", QByteArray("unix:path=") + QFile::encodeName(link));
    }

    void retryReconnectsAfterTheBusComesAndGoes()
    {
        HelperClient *client = HelperClient::instance();
        QVERIFY(!client->reachable());
        QVERIFY2(client->statusText().contains(QStringLiteral("cannot connect to the system bus")), qPrintable(client->statusText()));

        // A bus without Berth's helper: Retry connects and says the helper is not installed there.
        QProcess bus;
        bus.setProcessChannelMode(QProcess::ForwardedChannels);
        const QString ownSocket = scratch.filePath(QStringLiteral("own-bus"));
        bus.start(QStringLiteral("dbus-daemon"), {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--nopidfile"),
                                                  QStringLiteral("--address=unix:path=") + ownSocket});
        QVERIFY(bus.waitForStarted());
        QTRY_VERIFY(QFile::exists(ownSocket));
        QVERIFY(pointLinkAt(ownSocket));
        client->connectToHelper();
        QTRY_VERIFY2_WITH_TIMEOUT(client->statusText().contains(QStringLiteral("no service named io.berth.Helper")),
                                  qPrintable(client->statusText()), 30000);
        QVERIFY(berth::client::systemBus().isConnected());
        QVERIFY(!client->reachable());

        // That bus dies: the connection is gone for good, as after `service dbus restart`.
        bus.terminate();
        QVERIFY(bus.waitForFinished(10000));
        QTRY_VERIFY_WITH_TIMEOUT(!berth::client::systemBus().isConnected(), 10000);
        QVERIFY(!client->busFailure().isEmpty());

        // The real bus is back: Retry reaches the helper.
        QVERIFY(pointLinkAt(fixtureSocket));
        client->connectToHelper();
        QTRY_VERIFY2_WITH_TIMEOUT(client->reachable(), qPrintable(client->statusText()), 30000);
        QVERIFY(client->statusText().startsWith(QStringLiteral("Connected to Berth's helper")));

        // Calls and the helper's signals both come over the new connection.
        ImageListModel images;
        images.reload();
        QTRY_VERIFY_WITH_TIMEOUT(images.loaded(), 30000);
        QCOMPARE(images.loadError(), QString());
        QFile port(berth::test::environmentDirectory() + QStringLiteral("/registry/port"));
        QVERIFY(port.open(QIODevice::ReadOnly));
        const QString name = QStringLiteral("127.0.0.1:%1/berth-test/busybox:1.0").arg(QString::fromLatin1(port.readAll()).trimmed());
        const QString alias = QStringLiteral("berth-test/reconnected:1");
        QVERIFY(berth::test::runCli({QStringLiteral("pull"), name}).exitCode == 0);
        const int before = images.count();
        QSignalSpy changed(client, &HelperClient::imagesChanged);
        QVERIFY(berth::test::runCli({QStringLiteral("tag"), name, alias}).exitCode == 0);
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(images.count(), before + 1, 20000);
        QVERIFY(berth::test::runCli({QStringLiteral("rmi"), alias}).exitCode == 0);
    }
};

QTEST_MAIN(TestGuiReconnect)
#include "tst_gui_reconnect.moc"
