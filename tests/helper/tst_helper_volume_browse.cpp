// ListVolumeDirectory on the fixture's helper: a volume's folders listed with types, sizes
// and modes, and no symbolic link or `..` (in the request or left in the volume by a
// container) lists anything of the host outside the volume.
#include "test_support.h"

#include "engine/core/version.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

namespace {

const QString volumeName = QStringLiteral("browse-test");

QDBusMessage call(const QString &method, const QVariantList &arguments)
{
    auto message = QDBusMessage::createMethodCall(QLatin1String(berth::dbusServiceName),
                                                  QLatin1String(berth::dbusObjectPath),
                                                  QLatin1String(berth::dbusInterfaceName), method);
    message.setArguments(arguments);
    return QDBusConnection::systemBus().call(message, QDBus::Block, 30000);
}

struct Listing {
    QDBusMessage reply;
    QList<QVariantMap> entries;
    QString resolvedPath;
    bool truncated = false;

    [[nodiscard]] QStringList names() const
    {
        QStringList list;
        for (const auto &entry : entries)
            list << entry.value(QStringLiteral("Name")).toString();
        return list;
    }
    [[nodiscard]] QVariantMap entry(const QString &name) const
    {
        for (const auto &each : entries)
            if (each.value(QStringLiteral("Name")).toString() == name)
                return each;
        return {};
    }
};

Listing list(const QString &path, uint limit = 0, const QString &volume = volumeName)
{
    Listing listing;
    listing.reply = call(QStringLiteral("ListVolumeDirectory"), {volume, path, limit});
    if (listing.reply.type() != QDBusMessage::ReplyMessage)
        return listing;
    const auto arguments = listing.reply.arguments();
    listing.entries = qdbus_cast<QList<QVariantMap>>(arguments.at(0));
    listing.resolvedPath = arguments.at(1).toString();
    listing.truncated = arguments.at(2).toBool();
    return listing;
}

} // namespace

class TestHelperVolumeBrowse : public QObject {
    Q_OBJECT

private:
    QString mountpoint_;

private Q_SLOTS:
    void initTestCase()
    {
        if (!berth::test::isRoot())
            QSKIP("needs root: the test fills the volume's directory, which only root may write");
        qDBusRegisterMetaType<QList<QVariantMap>>();
        (void)call(QStringLiteral("RemoveVolume"), {volumeName, true});
        const auto created = call(QStringLiteral("CreateVolume"), {volumeName, QVariantMap{}});
        QVERIFY2(created.type() == QDBusMessage::ReplyMessage, qPrintable(created.errorMessage()));
        mountpoint_ = QJsonDocument::fromJson(created.arguments().at(0).toString().toUtf8())
                          .object()
                          .value(QStringLiteral("Mountpoint"))
                          .toString();
        QVERIFY(QDir(mountpoint_).exists());
        // What a container could leave in its volume: links to the host's /etc, absolute and
        // climbing, and a link back up.
        QVERIFY(QDir(mountpoint_).mkpath(QStringLiteral("sub/deeper")));
        QFile file(mountpoint_ + QStringLiteral("/sub/notes.txt"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("twelve bytes");
        file.close();
        QVERIFY(::chmod(QFile::encodeName(file.fileName()).constData(), 0604) == 0);
        QVERIFY(QFile::link(QStringLiteral("/etc"), mountpoint_ + QStringLiteral("/etc-absolute")));
        QVERIFY(QFile::link(QStringLiteral("../../../../../../../../etc"), mountpoint_ + QStringLiteral("/etc-climbing")));
        QVERIFY(QFile::link(QStringLiteral(".."), mountpoint_ + QStringLiteral("/sub/up")));
    }

    void cleanupTestCase()
    {
        if (!mountpoint_.isEmpty())
            (void)call(QStringLiteral("RemoveVolume"), {volumeName, true});
    }

    void listsTheTopWithTypesSizesAndModes()
    {
        const auto top = list(QStringLiteral("/"));
        QVERIFY2(top.reply.type() == QDBusMessage::ReplyMessage, qPrintable(top.reply.errorMessage()));
        QCOMPARE(top.resolvedPath, QStringLiteral("/"));
        QCOMPARE(top.names(), (QStringList{QStringLiteral("etc-absolute"), QStringLiteral("etc-climbing"), QStringLiteral("sub")}));
        QCOMPARE(top.entry(QStringLiteral("sub")).value(QStringLiteral("Type")).toString(), QStringLiteral("dir"));
        const auto link = top.entry(QStringLiteral("etc-absolute"));
        QCOMPARE(link.value(QStringLiteral("Type")).toString(), QStringLiteral("symlink"));
        QCOMPARE(link.value(QStringLiteral("Target")).toString(), QStringLiteral("/etc"));

        const auto sub = list(QStringLiteral("sub"));
        QCOMPARE(sub.resolvedPath, QStringLiteral("/sub"));
        const auto notes = sub.entry(QStringLiteral("notes.txt"));
        QCOMPARE(notes.value(QStringLiteral("Type")).toString(), QStringLiteral("file"));
        QCOMPARE(notes.value(QStringLiteral("Size")).toULongLong(), 12ull);
        QCOMPARE(notes.value(QStringLiteral("Mode")).toUInt() & 07777, 0604u);
        QVERIFY(S_ISREG(notes.value(QStringLiteral("Mode")).toUInt()));
        QCOMPARE(notes.value(QStringLiteral("Uid")).toUInt(), 0u);
        QVERIFY(notes.value(QStringLiteral("Modified")).toLongLong() > 0);
    }

    void linksToTheHostsEtcDoNotEscape()
    {
        for (const QString &path : {QStringLiteral("etc-absolute"), QStringLiteral("/etc-climbing"),
                                   QStringLiteral("sub/up/etc-absolute")}) {
            const auto listing = list(path);
            // /etc does not exist inside the volume, so the link leads nowhere.
            QCOMPARE(listing.reply.type(), QDBusMessage::ErrorMessage);
            QCOMPARE(listing.reply.errorName(), QStringLiteral("io.berth.Error.NotFound"));
            QVERIFY2(!listing.reply.errorMessage().contains(QStringLiteral("passwd")), qPrintable(listing.reply.errorMessage()));
        }
    }

    void dotDotStopsAtTheVolumesTop()
    {
        for (const QString &path : {QStringLiteral(".."), QStringLiteral("../../.."), QStringLiteral("sub/../../../.."),
                                   QStringLiteral("sub/up"), QStringLiteral("sub/up/sub/up/..")}) {
            const auto listing = list(path);
            QVERIFY2(listing.reply.type() == QDBusMessage::ReplyMessage, qPrintable(path + listing.reply.errorMessage()));
            QCOMPARE(listing.resolvedPath, QStringLiteral("/"));
            QVERIFY(listing.names().contains(QStringLiteral("sub")));
            // Not the volumes directory above, nor the host's root.
            QVERIFY(!listing.names().contains(QStringLiteral("_data")));
            QVERIFY(!listing.names().contains(QStringLiteral("etc")));
        }
        const auto climbing = list(QStringLiteral("../../../../etc"));
        QCOMPARE(climbing.reply.errorName(), QStringLiteral("io.berth.Error.NotFound"));
    }

    void refusalsAreNamed()
    {
        QCOMPARE(list(QStringLiteral("/"), 0, QStringLiteral("no-such-volume")).reply.errorName(),
                 QStringLiteral("io.berth.Error.NotFound"));
        QCOMPARE(list(QStringLiteral("/"), 0, QStringLiteral("../volumes")).reply.errorName(),
                 QStringLiteral("io.berth.Error.InvalidArgument"));
        QCOMPARE(list(QStringLiteral("sub/notes.txt")).reply.errorName(), QStringLiteral("io.berth.Error.InvalidArgument"));
        const auto limited = list(QStringLiteral("/"), 1);
        QVERIFY(limited.truncated);
        QCOMPARE(limited.names(), QStringList{QStringLiteral("etc-absolute")});
    }
};

QTEST_GUILESS_MAIN(TestHelperVolumeBrowse)
#include "tst_helper_volume_browse.moc"
