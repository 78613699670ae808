// The Files tab's model against the real helper on the fixture's bus, watched by
// QAbstractItemModelTester from empty to full: a container made with the CLI holds a folder,
// a file and links; the model lists them folders first with their kinds, opens folders and
// links to folders, goes up, cleans typed paths, and keeps its folder when asked for a file.
#include "container_files_model.h"
#include "helper_client.h"
#include "test_support.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using berth::test::runCli;

namespace {

constexpr const char *containerName = "gui-files-model";

QString image()
{
    QFile port(berth::test::environmentDirectory() + QStringLiteral("/registry/port"));
    if (!port.open(QIODevice::ReadOnly))
        return {};
    return QStringLiteral("127.0.0.1:") + QString::fromUtf8(port.readAll()).trimmed() + QStringLiteral("/berth-test/busybox:latest");
}

QStringList namesOf(const ContainerFilesModel &model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names << model.index(row, 0).data(ContainerFilesModel::NameRole).toString();
    return names;
}

QVariant roleOf(const ContainerFilesModel &model, const QString &name, int role)
{
    return model.index(model.rowOf(name), 0).data(role);
}

} // namespace

class TestContainerFilesModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (!berth::test::isRoot())
            QSKIP("needs root: the container is made by the helper");
        const auto pulled = runCli({QStringLiteral("pull"), QStringLiteral("-q"), image()});
        QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.out + pulled.err));
        runCli({QStringLiteral("rm"), QStringLiteral("-f"), QLatin1String(containerName)});
        // Made in a first run that ends: the model lists a stopped container's root too.
        const auto made = runCli({QStringLiteral("run"), QStringLiteral("--name"), QLatin1String(containerName), image(),
                                  QStringLiteral("sh"), QStringLiteral("-c"),
                                  QStringLiteral("mkdir -p /box/inner && printf abc > /box/file && ln -s inner /box/to-inner && "
                                                 "ln -s file /box/to-file && ln -s ../../../.. /box/climb")});
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
    }

    void cleanupTestCase()
    {
        runCli({QStringLiteral("rm"), QStringLiteral("-f"), QLatin1String(containerName)});
    }

    void listsOpensAndGoesUp()
    {
        ContainerFilesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loading(&model, &ContainerFilesModel::loadingChanged);
        model.setName(QLatin1String(containerName));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.path(), QStringLiteral("/"));
        model.open(QStringLiteral("/box"));
        QTRY_VERIFY_WITH_TIMEOUT(!model.loading() && model.rowCount() > 0, 20000);
        QCOMPARE(model.error(), QString());
        QCOMPARE(model.path(), QStringLiteral("/box"));
        QCOMPARE(model.commandLine(), QStringLiteral("berth exec gui-files-model ls -la /box"));
        // Folders and links to folders first, each group by name.
        QCOMPARE(namesOf(model), (QStringList{"climb", "inner", "to-inner", "file", "to-file"}));
        QCOMPARE(roleOf(model, "inner", ContainerFilesModel::IsDirectoryRole).toBool(), true);
        QCOMPARE(roleOf(model, "inner", ContainerFilesModel::OpensRole).toBool(), true);
        QCOMPARE(roleOf(model, "to-inner", ContainerFilesModel::IsLinkRole).toBool(), true);
        QCOMPARE(roleOf(model, "to-inner", ContainerFilesModel::OpensRole).toBool(), true);
        QCOMPARE(roleOf(model, "to-inner", ContainerFilesModel::LinkTargetRole).toString(), QStringLiteral("inner"));
        QCOMPARE(roleOf(model, "to-file", ContainerFilesModel::OpensRole).toBool(), false);
        QCOMPARE(roleOf(model, "file", ContainerFilesModel::SizeRole).toLongLong(), 3);
        QCOMPARE(roleOf(model, "file", ContainerFilesModel::PathRole).toString(), QStringLiteral("/box/file"));
        QVERIFY(roleOf(model, "file", ContainerFilesModel::ModeTextRole).toString().startsWith(QLatin1Char('-')));
        QVERIFY(roleOf(model, "inner", ContainerFilesModel::ModeTextRole).toString().startsWith(QLatin1Char('d')));

        // The climbing link opens the container's root, not this computer's.
        model.open(QStringLiteral("/box/climb"));
        QTRY_COMPARE_WITH_TIMEOUT(model.path(), QStringLiteral("/box/climb"), 20000);
        QVERIFY(model.rowOf(QStringLiteral("box")) >= 0);
        QVERIFY(model.rowOf(QStringLiteral("bin")) >= 0);

        model.up();
        QTRY_COMPARE_WITH_TIMEOUT(model.path(), QStringLiteral("/box"), 20000);
        model.open(QStringLiteral("/box/./inner/../../box//inner"));
        QTRY_COMPARE_WITH_TIMEOUT(model.path(), QStringLiteral("/box/inner"), 20000);
        QCOMPARE(model.rowCount(), 0);

        // A file is no folder: an error, and the folder stays.
        model.open(QStringLiteral("/box/file"));
        QTRY_VERIFY_WITH_TIMEOUT(!model.error().isEmpty(), 20000);
        QCOMPARE(model.path(), QStringLiteral("/box/inner"));
        QVERIFY(loading.count() >= 2);
    }

    void cleansPaths()
    {
        QCOMPARE(ContainerFilesModel::cleanPath(QStringLiteral("")), QStringLiteral("/"));
        QCOMPARE(ContainerFilesModel::cleanPath(QStringLiteral("../..")), QStringLiteral("/"));
        QCOMPARE(ContainerFilesModel::cleanPath(QStringLiteral("etc//ssl/./certs/")), QStringLiteral("/etc/ssl/certs"));
        QCOMPARE(ContainerFilesModel::cleanPath(QStringLiteral("/a/b/../c")), QStringLiteral("/a/c"));
    }
};

QTEST_MAIN(TestContainerFilesModel)
#include "tst_container_files_model.moc"
