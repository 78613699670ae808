// The Volumes panel's C++ models against the real helper on the fixture's bus, each watched
// by QAbstractItemModelTester: the list from empty to full, following VolumesChanged and
// ContainersChanged (a container that mounts a volume shows up as its user), the filter by
// name, label or user, a remove
// refused while in use with the user named, prune's reclaimed space, one volume's inspect
// JSON and size, and browsing its folders without leaving it.
#include "test_support.h"

#include "volume_details.h"
#include "volume_directory_model.h"
#include "volume_filter_model.h"
#include "volume_list_model.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <sys/stat.h>

using berth::test::runCli;

namespace {

const QString volumeName = QStringLiteral("gui-model-volume");
const QString userName = QStringLiteral("gui-model-user");

QString image()
{
    QFile port(berth::test::environmentDirectory() + QStringLiteral("/registry/port"));
    if (!port.open(QIODevice::ReadOnly))
        return {};
    return QStringLiteral("127.0.0.1:") + QString::fromUtf8(port.readAll()).trimmed() +
           QStringLiteral("/berth-test/busybox:latest");
}

QStringList namesOf(const QAbstractItemModel &model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names << model.index(row, 0).data(Qt::DisplayRole).toString();
    return names;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

class TestVolumeModels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!berth::test::isRoot())
            QSKIP("needs root: containers need namespaces and the test writes into volumes");
        QVERIFY(!image().isEmpty());
        const auto pulled = runCli({QStringLiteral("pull"), QStringLiteral("-q"), image()});
        QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.out + pulled.err));
        runCli({QStringLiteral("rm"), QStringLiteral("-f"), userName});
        runCli({QStringLiteral("volume"), QStringLiteral("rm"), QStringLiteral("-f"), volumeName});
    }

    void cleanupTestCase()
    {
        runCli({QStringLiteral("rm"), QStringLiteral("-f"), userName});
        runCli({QStringLiteral("volume"), QStringLiteral("rm"), QStringLiteral("-f"), volumeName});
    }

    void commandsReadAsTheCliTakesThem()
    {
        QCOMPARE(VolumeListModel::createCommand(QStringLiteral("data"), QStringLiteral("purpose=db\n\n  flag \nnote=a b")),
                 QStringLiteral("berth volume create --label purpose=db --label flag= --label 'note=a b' data"));
        QCOMPARE(VolumeListModel::createCommand(QString(), QString()), QStringLiteral("berth volume create"));
        QCOMPARE(VolumeListModel::removeCommand(QStringLiteral("data"), true), QStringLiteral("berth volume rm -f data"));
        QCOMPARE(VolumeListModel::pruneCommand(true), QStringLiteral("berth volume prune -f -a"));
        QCOMPARE(VolumeListModel::inspectCommand(QStringLiteral("data")), QStringLiteral("berth volume inspect data"));
        QVERIFY(VolumeListModel::createProblem(QStringLiteral("data"), QStringLiteral("a=b")).isEmpty());
        QVERIFY(!VolumeListModel::createProblem(QStringLiteral("bad/name"), QString()).isEmpty());
        QVERIFY(!VolumeListModel::createProblem(QStringLiteral("x"), QString()).isEmpty());
        QVERIFY(!VolumeListModel::createProblem(QStringLiteral("data"), QStringLiteral("=value")).isEmpty());
        QCOMPARE(VolumeDirectoryModel::modeText(S_IFDIR | 0755), QStringLiteral("drwxr-xr-x"));
        QCOMPARE(VolumeDirectoryModel::modeText(S_IFREG | S_ISUID | 0755), QStringLiteral("-rwsr-xr-x"));
        QCOMPARE(VolumeDirectoryModel::modeText(S_IFDIR | S_ISVTX | 0777), QStringLiteral("drwxrwxrwt"));
        QCOMPARE(VolumeDirectoryModel::modeText(S_IFLNK | 0777), QStringLiteral("lrwxrwxrwx"));
    }

    void listFollowsCreateUseAndRemove()
    {
        VolumeListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.reload();
        QTRY_VERIFY2_WITH_TIMEOUT(model.loaded(), qPrintable(model.loadError()), 30000);
        QVERIFY2(model.loadError().isEmpty(), qPrintable(model.loadError()));
        QCOMPARE(model.rowOf(volumeName), -1);

        QSignalSpy finished(&model, &VolumeListModel::actionFinished);
        model.create(volumeName, QStringLiteral("purpose=test\nowner=gui"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QVERIFY2(finished.at(0).at(2).toBool(), qPrintable(finished.at(0).at(3).toString()));
        QTRY_VERIFY_WITH_TIMEOUT(model.rowOf(volumeName) >= 0, 10000);
        int row = model.rowOf(volumeName);
        const QModelIndex index = model.index(row);
        QCOMPARE(index.data(VolumeListModel::DriverRole).toString(), QStringLiteral("local"));
        QCOMPARE(index.data(VolumeListModel::LabelsTextRole).toString(), QStringLiteral("owner=gui, purpose=test"));
        QCOMPARE(index.data(VolumeListModel::UsedByCountRole).toInt(), 0);
        QVERIFY(index.data(VolumeListModel::MountpointRole).toString().endsWith(QStringLiteral("/volumes/gui-model-volume/_data")));
        QVERIFY(index.data(VolumeListModel::CreatedRole).toDateTime().isValid());
        QVERIFY(!index.data(VolumeListModel::AnonymousRole).toBool());

        // A container made by another client: the list learns of it from ContainersChanged.
        const auto created = runCli({QStringLiteral("create"), QStringLiteral("--name"), userName, QStringLiteral("-v"),
                                     volumeName + QStringLiteral(":/data"), image(), QStringLiteral("true")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        QTRY_COMPARE_WITH_TIMEOUT(model.index(model.rowOf(volumeName)).data(VolumeListModel::UsedByCountRole).toInt(), 1, 15000);
        row = model.rowOf(volumeName);
        QCOMPARE(model.index(row).data(VolumeListModel::UsedByTextRole).toString(), userName + QStringLiteral(" (/data)"));
        const QVariantList users = model.index(row).data(VolumeListModel::UsedByRole).toList();
        QCOMPARE(users.size(), 1);
        QCOMPARE(users.at(0).toMap().value(QStringLiteral("name")).toString(), userName);
        QCOMPARE(users.at(0).toMap().value(QStringLiteral("destination")).toString(), QStringLiteral("/data"));

        // The filter finds a volume by name, label or user, every word having to match.
        VolumeFilterModel filtered;
        QAbstractItemModelTester filteredTester(&filtered, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filtered.setSourceModel(&model);
        QCOMPARE(filtered.count(), model.count());
        for (const QString &text : {QStringLiteral("gui-model-vol"), QStringLiteral("purpose=test"),
                                   QStringLiteral("GUI-MODEL-USER"), QStringLiteral("owner=gui model-user")}) {
            filtered.setFilterText(text);
            QCOMPARE(filtered.count(), 1);
            QCOMPARE(filtered.rowOf(volumeName), 0);
        }
        filtered.setFilterText(QStringLiteral("owner=gui nobody-uses-this"));
        QCOMPARE(filtered.count(), 0);
        QCOMPARE(filtered.rowOf(volumeName), -1);
        filtered.setFilterText(QString());
        QCOMPARE(filtered.count(), model.count());

        // In use: the helper refuses, even with force, and the message names the user.
        model.remove(volumeName, true);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000);
        QVERIFY(!finished.at(1).at(2).toBool());
        QVERIFY2(model.actionError().contains(userName), qPrintable(model.actionError()));
        QVERIFY2(model.actionError().contains(QStringLiteral("berth volume rm -f gui-model-volume")), qPrintable(model.actionError()));
        QVERIFY(model.rowOf(volumeName) >= 0);

        QCOMPARE(runCli({QStringLiteral("rm"), userName}).exitCode, 0);
        QTRY_COMPARE_WITH_TIMEOUT(model.index(model.rowOf(volumeName)).data(VolumeListModel::UsedByCountRole).toInt(), 0, 15000);
        model.remove(volumeName);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 30000);
        QVERIFY2(finished.at(2).at(2).toBool(), qPrintable(finished.at(2).at(3).toString()));
        QTRY_COMPARE_WITH_TIMEOUT(model.rowOf(volumeName), -1, 10000);
    }

    void detailsAndBrowsingStayInTheVolume()
    {
        VolumeListModel model;
        QSignalSpy finished(&model, &VolumeListModel::actionFinished);
        model.create(volumeName, QString());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QVERIFY(finished.at(0).at(2).toBool());
        model.reload(false);
        QTRY_VERIFY_WITH_TIMEOUT(model.rowOf(volumeName) >= 0, 10000);
        const QString mountpoint = model.index(model.rowOf(volumeName)).data(VolumeListModel::MountpointRole).toString();
        QVERIFY(QDir(mountpoint).mkpath(QStringLiteral("logs")));
        QVERIFY(writeFile(mountpoint + QStringLiteral("/logs/today.log"), QByteArray(3000, 'x')));
        QVERIFY(writeFile(mountpoint + QStringLiteral("/a-file.txt"), "hello"));
        QVERIFY(QFile::link(QStringLiteral("/etc"), mountpoint + QStringLiteral("/host-etc")));
        QVERIFY(QFile::link(QStringLiteral("logs"), mountpoint + QStringLiteral("/to-logs")));

        VolumeDetails details;
        details.load(volumeName);
        QTRY_VERIFY_WITH_TIMEOUT(!details.loading() && details.sizeBytes() >= 0, 15000);
        QVERIFY2(details.error().isEmpty(), qPrintable(details.error()));
        QVERIFY2(details.sizeBytes() >= 3005, qPrintable(QString::number(details.sizeBytes())));
        const QJsonArray inspected = QJsonDocument::fromJson(details.inspectText().toUtf8()).array();
        QCOMPARE(inspected.size(), 1);
        QCOMPARE(inspected.at(0).toObject().value(QStringLiteral("Name")).toString(), volumeName);
        QCOMPARE(inspected.at(0).toObject().value(QStringLiteral("Mountpoint")).toString(), mountpoint);

        VolumeDirectoryModel directory;
        QAbstractItemModelTester tester(&directory, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy listed(&directory, &VolumeDirectoryModel::listed);
        directory.setVolume(volumeName);
        QTRY_VERIFY_WITH_TIMEOUT(!directory.loading() && directory.count() > 0, 15000);
        QCOMPARE(directory.path(), QStringLiteral("/"));
        // Folders first, then by name; links described, not followed.
        QCOMPARE(namesOf(directory), (QStringList{QStringLiteral("logs"), QStringLiteral("a-file.txt"),
                                                  QStringLiteral("host-etc"), QStringLiteral("to-logs")}));
        QCOMPARE(directory.index(0).data(VolumeDirectoryModel::ModeTextRole).toString().left(1), QStringLiteral("d"));
        QCOMPARE(directory.index(1).data(VolumeDirectoryModel::SizeRole).toULongLong(), 5ull);
        QCOMPARE(directory.index(2).data(VolumeDirectoryModel::TargetRole).toString(), QStringLiteral("/etc"));
        QCOMPARE(directory.command(), QStringLiteral("berth run --rm -v gui-model-volume:/volume:ro busybox ls -la /volume"));
        QCOMPARE(directory.crumbs(), QStringList{QStringLiteral("/")});

        directory.enter(QStringLiteral("to-logs"));
        QTRY_COMPARE_WITH_TIMEOUT(directory.path(), QStringLiteral("/logs"), 15000);
        QCOMPARE(namesOf(directory), QStringList{QStringLiteral("today.log")});
        QCOMPARE(directory.crumbs(), (QStringList{QStringLiteral("/"), QStringLiteral("/logs")}));

        // Up past the top stays at the top.
        directory.open(QStringLiteral("/logs/../../.."));
        QTRY_COMPARE_WITH_TIMEOUT(directory.path(), QStringLiteral("/"), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(!directory.loading(), 15000);
        QVERIFY(namesOf(directory).contains(QStringLiteral("logs")));

        // The link to /etc leads to the volume's own /etc, which is not there: an error, and
        // the folder shown stays.
        const int before = int(listed.size());
        directory.enter(QStringLiteral("host-etc"));
        QTRY_VERIFY_WITH_TIMEOUT(listed.size() > before && !directory.loading(), 15000);
        QVERIFY2(directory.error().startsWith(QStringLiteral("host-etc points to /etc, which is not inside this volume")),
                 qPrintable(directory.error()));
        QCOMPARE(directory.path(), QStringLiteral("/"));
        QVERIFY(!namesOf(directory).contains(QStringLiteral("passwd")));
        // A path typed (not a link entered) gets the helper's own words.
        directory.open(QStringLiteral("/no/such/folder"));
        QTRY_VERIFY_WITH_TIMEOUT(directory.error().contains(QStringLiteral("does not exist in the volume")), 15000);
        QCOMPARE(directory.path(), QStringLiteral("/"));

        model.remove(volumeName);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000);
        QVERIFY2(finished.at(1).at(2).toBool(), qPrintable(finished.at(1).at(3).toString()));
    }

    void pruneSaysWhatItReclaimed()
    {
        VolumeListModel model;
        QSignalSpy finished(&model, &VolumeListModel::actionFinished);
        // An anonymous volume (empty name), with something in it.
        model.create(QString(), QString());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QVERIFY(finished.at(0).at(2).toBool());
        const QString anonymous = finished.at(0).at(1).toString();
        QCOMPARE(anonymous.size(), 64);
        model.reload(false);
        QTRY_VERIFY_WITH_TIMEOUT(model.rowOf(anonymous) >= 0, 10000);
        QCOMPARE(model.index(model.rowOf(anonymous)).data(VolumeListModel::ShortNameRole).toString(), anonymous.left(12));
        const QString mountpoint = model.index(model.rowOf(anonymous)).data(VolumeListModel::MountpointRole).toString();
        QVERIFY(writeFile(mountpoint + QStringLiteral("/blob"), QByteArray(20000, 'y')));

        model.prune(false);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000);
        QVERIFY2(finished.at(1).at(2).toBool(), qPrintable(finished.at(1).at(3).toString()));
        QVERIFY2(finished.at(1).at(4).toULongLong() >= 20000, qPrintable(finished.at(1).at(4).toString()));
        QVERIFY2(model.actionMessage().contains(QStringLiteral("reclaimed")), qPrintable(model.actionMessage()));
        QTRY_COMPARE_WITH_TIMEOUT(model.rowOf(anonymous), -1, 10000);
    }
};

QTEST_GUILESS_MAIN(TestVolumeModels)
#include "tst_volume_models.moc"
