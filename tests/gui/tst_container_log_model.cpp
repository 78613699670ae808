// The Logs tab's models without a helper, each watched by QAbstractItemModelTester: JSON
// lines split into rows (time, stream, text, stderr flag), lines that are not JSON shown as
// they are, the cap dropping the oldest rows, the text Copy takes, the search filter, and
// the CLI line the tab shows.
#include "container_log_filter_model.h"
#include "container_log_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {

QByteArray jsonLine(const char *stream, const char *time, const QByteArray &text)
{
    return QByteArray("{\"stream\":\"") + stream + "\",\"time\":\"" + time + "\",\"log\":\"" + text + "\\n\"}\n";
}

QStringList textsOf(const QAbstractItemModel &model)
{
    QStringList texts;
    for (int row = 0; row < model.rowCount(); ++row)
        texts << model.index(row, 0).data(ContainerLogModel::TextRole).toString();
    return texts;
}

} // namespace

class TestContainerLogModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rowsFromJsonLines()
    {
        ContainerLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy appended(&model, &ContainerLogModel::linesAppended);
        QCOMPARE(model.rowCount(), 0);
        model.appendJsonLines(jsonLine("stdout", "2026-11-23T10:00:00.000000001Z", "hello") +
                              jsonLine("stderr", "2026-11-23T10:00:01.5Z", "oops \\\"quoted\\\"") +
                              "not json at all\n" + jsonLine("stdout", "2026-11-23T10:00:02Z", "tab\\there"));
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(appended.count(), 1);
        const QModelIndex first = model.index(0, 0);
        QCOMPARE(first.data(ContainerLogModel::TextRole).toString(), QStringLiteral("hello"));
        QCOMPARE(first.data(ContainerLogModel::TimeRole).toString(), QStringLiteral("2026-11-23T10:00:00.000000001Z"));
        QCOMPARE(first.data(ContainerLogModel::StreamRole).toString(), QStringLiteral("stdout"));
        QCOMPARE(first.data(ContainerLogModel::IsErrorRole).toBool(), false);
        const QModelIndex second = model.index(1, 0);
        QCOMPARE(second.data(ContainerLogModel::TextRole).toString(), QStringLiteral("oops \"quoted\""));
        QCOMPARE(second.data(ContainerLogModel::IsErrorRole).toBool(), true);
        QCOMPARE(model.index(2, 0).data(ContainerLogModel::TextRole).toString(), QStringLiteral("not json at all"));
        QCOMPARE(model.index(2, 0).data(ContainerLogModel::IsErrorRole).toBool(), false);
        QCOMPARE(model.index(3, 0).data(ContainerLogModel::TextRole).toString(), QStringLiteral("tab\there"));

        QCOMPARE(model.text(false), QStringLiteral("hello\noops \"quoted\"\nnot json at all\ntab\there\n"));
        QCOMPARE(model.text(true, QStringLiteral("OOPS")), QStringLiteral("2026-11-23T10:00:01.5Z oops \"quoted\"\n"));
    }

    void capDropsTheOldest()
    {
        ContainerLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMaximumLines(5);
        QByteArray bytes;
        for (int line = 1; line <= 3; ++line)
            bytes += jsonLine("stdout", "2026-11-23T10:00:00Z", "line-" + QByteArray::number(line));
        model.appendJsonLines(bytes);
        QCOMPARE(model.droppedLines(), 0);
        bytes.clear();
        for (int line = 4; line <= 7; ++line)
            bytes += jsonLine("stdout", "2026-11-23T10:00:00Z", "line-" + QByteArray::number(line));
        model.appendJsonLines(bytes);
        QCOMPARE(textsOf(model), (QStringList{"line-3", "line-4", "line-5", "line-6", "line-7"}));
        QCOMPARE(model.droppedLines(), 2);
        // More at once than the cap: only the newest of them.
        bytes.clear();
        for (int line = 8; line <= 20; ++line)
            bytes += jsonLine("stderr", "2026-11-23T10:00:00Z", "line-" + QByteArray::number(line));
        model.appendJsonLines(bytes);
        QCOMPARE(textsOf(model), (QStringList{"line-16", "line-17", "line-18", "line-19", "line-20"}));
        QCOMPARE(model.droppedLines(), 15);
        // Lowering the cap drops at once.
        model.setMaximumLines(2);
        QCOMPARE(textsOf(model), (QStringList{"line-19", "line-20"}));
    }

    void searchFilters()
    {
        ContainerLogModel model;
        ContainerLogFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counted(&filter, &ContainerLogFilterModel::countChanged);
        model.appendJsonLines(jsonLine("stdout", "t", "GET /index.html 200") + jsonLine("stderr", "t", "error: disk full") +
                              jsonLine("stdout", "t", "GET /missing 404"));
        QCOMPARE(filter.count(), 3);
        filter.setSearch(QStringLiteral("get"));
        QCOMPARE(textsOf(filter), (QStringList{"GET /index.html 200", "GET /missing 404"}));
        model.appendJsonLines(jsonLine("stdout", "t", "get /later 200") + jsonLine("stdout", "t", "other"));
        QCOMPARE(filter.count(), 3);
        filter.setSearch(QStringLiteral("no such text"));
        QCOMPARE(filter.count(), 0);
        filter.setSearch({});
        QCOMPARE(filter.count(), 5);
        QVERIFY(counted.count() >= 4);
    }

    void commandLineFollowsTheOptions()
    {
        ContainerLogModel model;
        QCOMPARE(model.commandLine(), QStringLiteral("berth logs --tail 1000 CONTAINER"));
        model.setTimestamps(true);
        QCOMPARE(model.commandLine(), QStringLiteral("berth logs -t --tail 1000 CONTAINER"));
        model.setRunning(true);
        model.setTimestamps(false);
        model.setTail(0);
        QCOMPARE(model.commandLine(), QStringLiteral("berth logs -f CONTAINER"));
        model.stop();
    }
};

QTEST_GUILESS_MAIN(TestContainerLogModel)

#include "tst_container_log_model.moc"
