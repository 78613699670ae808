#include "engine/container/container_records.h"
#include "engine/core/store.h"

#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace berth;
using namespace berth::container;

namespace {

const std::string imageId = "sha256:" + std::string(64, 'a');

ContainerRecord makeRecord(const std::string &id, const std::string &name)
{
    ContainerRecord record;
    record.id = id;
    record.name = name;
    record.imageId = imageId;
    record.imageName = "busybox";
    record.createdAt = 1700000000;
    record.config = {{"Image", "busybox"}, {"Cmd", {"sh", "-c", "echo hi"}}};
    return record;
}

} // namespace

class TestContainerRecords : public QObject {
    Q_OBJECT
    QTemporaryDir directory_;
    std::optional<Store> store_;

private Q_SLOTS:
    void init()
    {
        QVERIFY(directory_.isValid());
        std::filesystem::remove_all(directory_.path().toStdString() + "/root");
        auto store = Store::open(directory_.path().toStdString() + "/root");
        QVERIFY2(store, store ? "" : store.error().describe().c_str());
        store_.emplace(std::move(*store));
        QVERIFY(store_->database().run("INSERT INTO images (id, manifest_digest, manifest_media_type, architecture, os, "
                                       "created, size, stored_at) VALUES (?, ?, 'm', 'amd64', 'linux', '', 0, 0)",
                                       {imageId, imageId}));
    }
    void cleanup() { store_.reset(); }

    void addFindListRoundTrip()
    {
        ContainerRecords records(store_->database());
        auto first = makeRecord(std::string(64, 'b'), "web");
        first.state.status = ContainerStatus::Exited;
        first.state.exitCode = 137;
        first.state.oomKilled = true;
        first.state.startedAt = "2026-11-23T10:00:00.000000001Z";
        first.state.finishedAt = "2026-11-23T10:00:05Z";
        first.state.restartCount = 3;
        first.state.stoppedByUser = true;
        QVERIFY(records.add(first));
        QVERIFY(records.add(makeRecord("bc" + std::string(62, '1'), "db")));

        auto found = records.find("web");
        QVERIFY2(found, found ? "" : found.error().describe().c_str());
        QCOMPARE(found->id, first.id);
        QVERIFY(found->config == first.config);
        QCOMPARE(found->state.status, ContainerStatus::Exited);
        QCOMPARE(found->state.exitCode, 137);
        QVERIFY(found->state.oomKilled);
        QCOMPARE(found->state.startedAt, first.state.startedAt);
        QCOMPARE(found->state.restartCount, 3);
        QVERIFY(found->state.stoppedByUser);
        QCOMPARE(records.find("/web")->id, first.id);
        QCOMPARE(records.find(first.id)->name, std::string("web"));
        QCOMPARE(records.find("bc1")->name, std::string("db"));

        auto ambiguous = records.find("b");
        QVERIFY(!ambiguous);
        QCOMPARE(ambiguous.error().code(), ErrorCode::Conflict);
        auto missing = records.find("nothere");
        QVERIFY(!missing);
        QCOMPARE(missing.error().code(), ErrorCode::NotFound);
        QVERIFY(missing.error().describe().find("No such container: nothere") != std::string::npos);

        auto all = records.list();
        QVERIFY(all);
        QCOMPARE(all->size(), std::size_t{2});
        QCOMPARE(store_->counts()->containers, 2);
    }

    void nameInUseIsAConflict()
    {
        ContainerRecords records(store_->database());
        QVERIFY(records.add(makeRecord(std::string(64, 'c'), "web")));
        auto again = records.add(makeRecord(std::string(64, 'd'), "web"));
        QVERIFY(!again);
        QCOMPARE(again.error().code(), ErrorCode::Conflict);
        QVERIFY(again.error().describe().find("\"/web\" is already in use") != std::string::npos);
        QCOMPARE(records.list()->size(), std::size_t{1});
    }

    void stateSavedAndRenamed()
    {
        ContainerRecords records(store_->database());
        const std::string id(64, 'e');
        QVERIFY(records.add(makeRecord(id, "one")));
        ContainerState state;
        state.status = ContainerStatus::Running;
        state.monitorPid = 1234;
        state.pid = 1240;
        QVERIFY(records.saveState(id, state));
        QCOMPARE(records.find(id)->state.monitorPid, 1234);
        QCOMPARE(records.find(id)->state.status, ContainerStatus::Running);
        QVERIFY(records.rename(id, "two"));
        QVERIFY(!records.find("one"));
        QCOMPARE(records.find("two")->id, id);
        QVERIFY(!records.rename(id, "bad name!"));
        QVERIFY(records.remove(id));
        QVERIFY(!records.find(id));
    }

    void namesValidatedAndGenerated()
    {
        QVERIFY(validateContainerName("web-1.test_a"));
        for (const char *bad : {"", "a", "-web", "_x", "we b", "wéb", "a/b"})
            QVERIFY2(!validateContainerName(bad), bad);
        std::set<std::string> seen;
        for (int i = 0; i < 200; ++i) {
            const std::string name = randomContainerName([&](const std::string &n) { return seen.contains(n); });
            QVERIFY(validateContainerName(name));
            QVERIFY(seen.insert(name).second);
        }
        auto id = newContainerId();
        QVERIFY(id);
        QCOMPARE(id->size(), std::size_t{64});
        QVERIFY(id->find_first_not_of("0123456789abcdef") == std::string::npos);
        QVERIFY(*id != *newContainerId());
    }

    void statusNamesRoundTrip()
    {
        for (auto status : {ContainerStatus::Created, ContainerStatus::Running, ContainerStatus::Paused,
                            ContainerStatus::Restarting, ContainerStatus::Exited, ContainerStatus::Dead,
                            ContainerStatus::Removing})
            QCOMPARE(statusFromName(statusName(status)), std::optional(status));
        QVERIFY(!statusFromName("sleeping"));
    }
};

QTEST_GUILESS_MAIN(TestContainerRecords)
#include "tst_container_records.moc"
