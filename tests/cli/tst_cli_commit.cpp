// berth commit through the helper on the fixture's bus: a container's added, changed and
// deleted files become one more layer of a new image (deletions as whiteouts, so they stay
// deleted), its settings and --change instructions reach the image's config, author and
// message reach inspect and history, and bad requests say what to do.
#include "test_support.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using berth::test::runCli;

namespace {

QString image()
{
    QFile port(berth::test::environmentDirectory() + QStringLiteral("/registry/port"));
    if (!port.open(QIODevice::ReadOnly))
        return {};
    return QStringLiteral("127.0.0.1:") + QString::fromUtf8(port.readAll()).trimmed() +
           QStringLiteral("/berth-test/busybox:latest");
}

QJsonObject inspectImage(const QString &name)
{
    const auto inspected = runCli({QStringLiteral("image"), QStringLiteral("inspect"), name});
    const auto array = QJsonDocument::fromJson(inspected.out.toUtf8()).array();
    return array.isEmpty() ? QJsonObject() : array.first().toObject();
}

} // namespace

class TestCliCommit : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!berth::test::isRoot())
            QSKIP("needs root: containers need namespaces, mounts and cgroups");
        const auto pulled = runCli({QStringLiteral("pull"), QStringLiteral("-q"), image()});
        QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.out + pulled.err));
    }

    void cleanupTestCase()
    {
        runCli({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("source"), QStringLiteral("running")});
        runCli({QStringLiteral("rmi"), QStringLiteral("-f"), QStringLiteral("committed:v1"), QStringLiteral("live:v1")});
    }

    void changesBecomeALayer()
    {
        const auto made = runCli({QStringLiteral("run"), QStringLiteral("--name"), QStringLiteral("source"),
                                  QStringLiteral("-e"), QStringLiteral("FROM_RUN=yes"), image(), QStringLiteral("sh"),
                                  QStringLiteral("-c"),
                                  QStringLiteral("mkdir -p /data/sub && echo hello > /data/sub/greeting && "
                                                 "ln /data/sub/greeting /data/linked && ln -s sub/greeting /data/link && "
                                                 "rm /bin/true && rm -rf /home && mkdir /home && echo new > /home/only && "
                                                 "echo changed >> /etc/passwd")});
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        const auto before = inspectImage(image());
        const int parentLayers = before.value(QStringLiteral("RootFS")).toObject().value(QStringLiteral("Layers")).toArray().size();
        QVERIFY(parentLayers > 0);

        const auto committed = runCli({QStringLiteral("commit"), QStringLiteral("-a"), QStringLiteral("Test Author <t@example.com>"),
                                       QStringLiteral("-m"), QStringLiteral("added a greeting"), QStringLiteral("-c"),
                                       QStringLiteral("CMD [\"cat\", \"/data/sub/greeting\"]"), QStringLiteral("-c"),
                                       QStringLiteral("ENV GREETING=\"hi there\""), QStringLiteral("-c"),
                                       QStringLiteral("WORKDIR /data"), QStringLiteral("source"), QStringLiteral("committed:v1")});
        QVERIFY2(committed.exitCode == 0, qPrintable(committed.err));
        QVERIFY2(committed.out.startsWith(QStringLiteral("sha256:")), qPrintable(committed.out));

        // The new image runs its new command, with the changes in place.
        const auto ran = runCli({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("committed:v1")});
        QCOMPARE(ran.exitCode, 0);
        QCOMPARE(ran.out, QStringLiteral("hello\n"));
        const auto looked = runCli({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("committed:v1"),
                                    QStringLiteral("sh"), QStringLiteral("-c"),
                                    QStringLiteral("pwd; echo $GREETING/$FROM_RUN; readlink link; cat linked; "
                                                   "stat -c %h sub/greeting; ls /home; tail -n 1 /etc/passwd; "
                                                   "test -e /bin/true && echo still-there || echo deleted")});
        QCOMPARE(looked.exitCode, 0);
        QCOMPARE(looked.out, QStringLiteral("/data\nhi there/yes\nsub/greeting\nhello\n2\nonly\nchanged\ndeleted\n"));

        const auto inspected = inspectImage(QStringLiteral("committed:v1"));
        QCOMPARE(inspected.value(QStringLiteral("Author")).toString(), QStringLiteral("Test Author <t@example.com>"));
        QCOMPARE(inspected.value(QStringLiteral("RootFS")).toObject().value(QStringLiteral("Layers")).toArray().size(),
                 parentLayers + 1);
        const auto history = runCli({QStringLiteral("history"), QStringLiteral("--no-trunc"), QStringLiteral("committed:v1")});
        QVERIFY2(history.out.contains(QStringLiteral("added a greeting")), qPrintable(history.out));
    }

    void runningContainerIsPausedAndResumed()
    {
        QCOMPARE(runCli({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("running"),
                         image(), QStringLiteral("sh"), QStringLiteral("-c"),
                         QStringLiteral("echo live > /marker; exec sleep 1000")})
                     .exitCode,
                 0);
        QTest::qWait(300);
        const auto committed = runCli({QStringLiteral("commit"), QStringLiteral("running"), QStringLiteral("live:v1")});
        QVERIFY2(committed.exitCode == 0, qPrintable(committed.err));
        const auto state = runCli({QStringLiteral("inspect"), QStringLiteral("--format"), QStringLiteral("{{.State.Status}}"),
                                   QStringLiteral("running")});
        QCOMPARE(state.out.trimmed(), QStringLiteral("running"));
        const auto ran = runCli({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("live:v1"),
                                 QStringLiteral("cat"), QStringLiteral("/marker")});
        QCOMPARE(ran.out, QStringLiteral("live\n"));
    }

    void badRequestsSayWhatToDo()
    {
        const auto missing = runCli({QStringLiteral("commit"), QStringLiteral("no-such-container")});
        QVERIFY(missing.exitCode != 0);
        QVERIFY2(missing.err.contains(QStringLiteral("No such container")), qPrintable(missing.err));
        const auto badChange = runCli({QStringLiteral("commit"), QStringLiteral("-c"), QStringLiteral("RUN echo hi"),
                                       QStringLiteral("source")});
        QVERIFY(badChange.exitCode != 0);
        QVERIFY2(badChange.err.contains(QStringLiteral("CMD, ENTRYPOINT")), qPrintable(badChange.err));
        const auto badName = runCli({QStringLiteral("commit"), QStringLiteral("source"), QStringLiteral("Bad Name")});
        QVERIFY(badName.exitCode != 0);
        const auto badPause = runCli({QStringLiteral("commit"), QStringLiteral("--pause"), QStringLiteral("maybe"),
                                      QStringLiteral("source")});
        QCOMPARE(badPause.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliCommit)
#include "tst_cli_commit.moc"
