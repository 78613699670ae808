// The Images panel's C++ models against the real helper on the fixture's bus, each watched
// by QAbstractItemModelTester: the image list from empty to full (pull through the CLI,
// tag and remove through the model), the filter/sort proxy, history, and one layer's
// changes of berth-test/busybox (whiteout and opaque directory in layer 3).
#include "test_support.h"

#include "image_filter_model.h"
#include "image_history_model.h"
#include "image_list_model.h"
#include "layer_changes_model.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

namespace {

QString registry()
{
    QFile file(berth::test::environmentDirectory() + QStringLiteral("/registry/port"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QStringLiteral("127.0.0.1:") + QString::fromLatin1(file.readAll()).trimmed();
}

QStringList referencesOf(const QAbstractItemModel &model)
{
    QStringList references;
    for (int row = 0; row < model.rowCount(); ++row)
        references << model.index(row, 0).data(ImageListModel::ReferenceRole).toString();
    return references;
}

} // namespace

class TestImageModels : public QObject {
    Q_OBJECT
    QString repository;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(!registry().isEmpty());
        repository = registry() + QStringLiteral("/berth-test/busybox");
        // Start from no image of the test repository (other suites may have pulled it).
        berth::test::runCli({QStringLiteral("rmi"), QStringLiteral("-f"), repository + QStringLiteral(":latest"),
                             repository + QStringLiteral(":1.0"), repository + QStringLiteral(":gui-tag")});
    }

    void listFromEmptyToFull()
    {
        ImageListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ImageFilterModel filtered;
        QAbstractItemModelTester filteredTester(&filtered, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filtered.setSourceModel(&model);
        QCOMPARE(model.rowCount(), 0);
        model.reload();
        QTRY_VERIFY2_WITH_TIMEOUT(model.loaded(), qPrintable(QStringLiteral("loading %1, error \"%2\"").arg(model.loading()).arg(model.loadError())), 30000);
        QVERIFY2(model.loadError().isEmpty(), qPrintable(model.loadError()));
        QVERIFY(!referencesOf(model).contains(repository + QStringLiteral(":latest")));

        // Pulled by another client: the helper's ImagesChanged brings it in.
        const auto pulled = berth::test::runCli({QStringLiteral("pull"), repository});
        QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.err));
        QTRY_VERIFY_WITH_TIMEOUT(referencesOf(model).contains(repository + QStringLiteral(":latest")), 20000);
        const int row = int(referencesOf(model).indexOf(repository + QStringLiteral(":latest")));
        const QModelIndex index = model.index(row, 0);
        QCOMPARE(index.data(ImageListModel::RepositoryRole).toString(), repository);
        QCOMPARE(index.data(ImageListModel::TagRole).toString(), QStringLiteral("latest"));
        QCOMPARE(index.data(ImageListModel::IdRole).toString().size(), 12);
        QCOMPARE(index.data(ImageListModel::LayerCountRole).toUInt(), 3u);
        QVERIFY(index.data(ImageListModel::SizeRole).toULongLong() > 0);
        QVERIFY(index.data(ImageListModel::DigestRole).toString().startsWith(QLatin1String("sha256:")));

        // Tag through the model: a second row for the same image, and the command shown.
        QSignalSpy finished(&model, &ImageListModel::actionFinished);
        model.tag(repository + QStringLiteral(":latest"), repository + QStringLiteral(":gui-tag"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        QTRY_VERIFY_WITH_TIMEOUT(referencesOf(model).contains(repository + QStringLiteral(":gui-tag")), 20000);

        // Filter as you type: by name and tag, and by id prefix.
        filtered.setFilterText(QStringLiteral("gui-tag"));
        QCOMPARE(referencesOf(filtered), QStringList{repository + QStringLiteral(":gui-tag")});
        filtered.setFilterText(index.data(ImageListModel::IdRole).toString().left(6));
        QVERIFY(filtered.rowCount() >= 2);
        filtered.setFilterText(QStringLiteral("no-such-image-anywhere"));
        QCOMPARE(filtered.rowCount(), 0);
        filtered.setFilterText({});
        QCOMPARE(filtered.rowCount(), model.rowCount());
        filtered.sortBy(QStringLiteral("tag"));
        QVERIFY(filtered.ascending());
        QStringList tags;
        for (int r = 0; r < filtered.rowCount(); ++r)
            tags << filtered.index(r, 0).data(ImageListModel::TagRole).toString().toLower();
        QStringList sorted = tags;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(tags, sorted);

        // A refusal comes back as the helper's message.
        model.remove({QStringLiteral("no-such-image:never")}, false);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
        QVERIFY(!finished.at(1).at(0).toBool());
        QVERIFY(!model.actionError().isEmpty());

        // Remove the extra tag: its row goes, the image stays under :latest.
        model.remove({repository + QStringLiteral(":gui-tag")}, false);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 20000);
        QVERIFY2(finished.at(2).at(0).toBool(), qPrintable(finished.at(2).at(1).toString()));
        QVERIFY(model.actionMessage().contains(QLatin1String("Untagged")));
        QTRY_VERIFY_WITH_TIMEOUT(!referencesOf(model).contains(repository + QStringLiteral(":gui-tag")), 20000);
        QVERIFY(referencesOf(model).contains(repository + QStringLiteral(":latest")));
    }

    void commands()
    {
        QCOMPARE(ImageListModel::removeCommand({QStringLiteral("a:1"), QStringLiteral("b")}, true), QStringLiteral("berth rmi -f a:1 b"));
        QCOMPARE(ImageListModel::tagCommand(QStringLiteral("a:1"), QStringLiteral(" b:2 ")), QStringLiteral("berth tag a:1 b:2"));
        QVERIFY(ImageListModel::referenceProblem(QStringLiteral("busybox")).isEmpty());
        QVERIFY(!ImageListModel::referenceProblem(QStringLiteral("Bad Name")).isEmpty());
        QVERIFY(!ImageListModel::referenceProblem(QString()).isEmpty());
    }

    void history()
    {
        ImageHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setName(repository);
        model.reload();
        QTRY_VERIFY_WITH_TIMEOUT(!model.loading() && model.rowCount() > 0, 20000);
        QVERIFY2(model.error().isEmpty(), qPrintable(model.error()));
        const QVariantList layers = model.layers();
        QCOMPARE(layers.size(), 3);
        QCOMPARE(layers.at(0).toMap().value(QStringLiteral("layer")).toInt(), 0);
        QVERIFY(layers.at(2).toMap().value(QStringLiteral("instruction")).toString().startsWith(QLatin1String("RUN ")));
        QCOMPARE(ImageHistoryModel::instructionOf(QStringLiteral("/bin/sh -c #(nop)  CMD [\"sh\"]")), QStringLiteral("CMD [\"sh\"]"));
    }

    void layerChanges()
    {
        LayerChangesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setName(repository);
        model.setLayer(2);
        model.reload();
        QTRY_VERIFY_WITH_TIMEOUT(!model.loading() && model.rowCount() > 0, 20000);
        QVERIFY2(model.error().isEmpty(), qPrintable(model.error()));
        QCOMPARE(model.changeOf(QStringLiteral("/etc/hello")), QStringLiteral("deleted"));
        QCOMPARE(model.changeOf(QStringLiteral("/data/dir")), QStringLiteral("opaque"));
        QCOMPARE(model.changeOf(QStringLiteral("/data/dir/c")), QStringLiteral("added"));
        QVERIFY(model.deletedCount() >= 1);
        QVERIFY(model.opaqueCount() >= 1);
        // The tree: a directory right before its contents, one level deeper.
        const int dir = model.rowOf(QStringLiteral("/data/dir"));
        const int file = model.rowOf(QStringLiteral("/data/dir/c"));
        QVERIFY(dir >= 0 && file > dir);
        QCOMPARE(model.index(file, 0).data(LayerChangesModel::DepthRole).toInt(),
                 model.index(dir, 0).data(LayerChangesModel::DepthRole).toInt() + 1);
        // Folding hides the contents; filtering keeps a match's parents.
        model.toggle(QStringLiteral("/data/dir"));
        QCOMPARE(model.rowOf(QStringLiteral("/data/dir/c")), -1);
        model.toggle(QStringLiteral("/data/dir"));
        model.setFilterText(QStringLiteral("hello"));
        QVERIFY(model.rowOf(QStringLiteral("/etc/hello")) >= 0);
        QVERIFY(model.rowOf(QStringLiteral("/etc")) >= 0);
        QCOMPARE(model.rowOf(QStringLiteral("/data/dir/c")), -1);
        QCOMPARE(LayerChangesModel::modeText(0755, QStringLiteral("dir")), QStringLiteral("drwxr-xr-x"));

        // The base layer adds everything.
        model.setFilterText({});
        model.setLayer(0);
        model.reload();
        QTRY_VERIFY_WITH_TIMEOUT(!model.loading() && model.changeOf(QStringLiteral("/bin/busybox")) == QLatin1String("added"), 20000);
        QCOMPARE(model.deletedCount(), 0);
    }
};

QTEST_MAIN(TestImageModels)
#include "tst_image_models.moc"
