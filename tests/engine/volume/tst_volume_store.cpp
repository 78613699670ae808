// VolumeStore against a real store database and directories: Docker's names, idempotent
// create, ls filters, inspect fields, who uses a volume, refusals while in use, prune rules,
// sizes, and the state after a kill -9 between the steps of create and remove.
#include "engine/container/container_records.h"
#include "engine/core/store.h"
#include "engine/volume/volume_store.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <set>

using namespace berth;
using namespace berth::volume;

namespace {

const std::string imageId = "sha256:" + std::string(64, 'a');

void writeFile(const std::filesystem::path &path, std::size_t bytes)
{
    std::ofstream(path, std::ios::binary) << std::string(bytes, 'x');
}

mode_t modeOf(const std::filesystem::path &path)
{
    struct stat info {};
    if (::lstat(path.c_str(), &info) != 0)
        return 0;
    return info.st_mode & 07777;
}

std::set<std::string> entriesOf(const std::filesystem::path &directory)
{
    std::set<std::string> names;
    for (const auto &entry : std::filesystem::directory_iterator(directory))
        names.insert(entry.path().filename().string());
    return names;
}

std::vector<std::string> namesOf(const Result<std::vector<VolumeInfo>> &volumes)
{
    std::vector<std::string> names;
    if (volumes)
        for (const auto &volume : *volumes)
            names.push_back(volume.name);
    return names;
}

VolumeFilters filtersOf(std::initializer_list<const char *> texts)
{
    VolumeFilters filters;
    for (const char *text : texts) {
        auto added = filters.add(text);
        if (!added)
            qFatal("filter %s: %s", text, added.error().describe().c_str());
    }
    return filters;
}

#define VERIFY_OK(expression)                                                                                          \
    do {                                                                                                               \
        auto &&result_ = (expression);                                                                                 \
        QVERIFY2(result_.has_value(), result_ ? "" : result_.error().describe().c_str());                              \
    } while (false)

} // namespace

class TestVolumeStore : public QObject {
    Q_OBJECT
    QTemporaryDir directory_;
    std::filesystem::path root_;
    std::optional<Store> store_;

    VolumeStore volumes() { return VolumeStore(store_->database(), root_); }

    void openStore()
    {
        auto store = Store::open(root_);
        QVERIFY2(store, store ? "" : store.error().describe().c_str());
        store_.emplace(std::move(*store));
    }

    std::string addContainer(char fill, const std::string &name)
    {
        container::ContainerRecord record;
        record.id = std::string(64, fill);
        record.name = name;
        record.imageId = imageId;
        record.imageName = "busybox";
        record.createdAt = 1700000000;
        auto added = container::ContainerRecords(store_->database()).add(record);
        if (!added)
            qFatal("adding container %s: %s", name.c_str(), added.error().describe().c_str());
        return record.id;
    }

    // Runs body in a child that dies by SIGKILL right after the step named; the parent's
    // store is closed meanwhile (the child opens the database itself, as a helper would).
    void killDuring(const std::string &killStep, const std::function<void(VolumeStore &)> &body)
    {
        store_.reset();
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            auto database = SqliteDatabase::open(root_ / "berth.db");
            if (!database)
                ::_exit(3);
            VolumeStore store(*database, root_);
            store.setStepObserverForTesting([&](std::string_view step) {
                if (step == killStep)
                    ::kill(::getpid(), SIGKILL);
            });
            body(store);
            ::_exit(0); // the step never came: the parent sees an exit, not a kill
        }
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY2(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
                 qPrintable(QStringLiteral("the child was to die at %1, status %2")
                                .arg(QString::fromStdString(killStep))
                                .arg(status)));
        openStore();
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(directory_.isValid());
        root_ = std::filesystem::path(directory_.path().toStdString()) / "root";
        std::filesystem::remove_all(root_);
        openStore();
        QVERIFY(store_->database().run("INSERT INTO images (id, manifest_digest, manifest_media_type, architecture, "
                                       "os, created, size, stored_at) VALUES (?, ?, 'm', 'amd64', 'linux', '', 0, 0)",
                                       {imageId, imageId}));
    }
    void cleanup() { store_.reset(); }

    void namesFollowDockersRule()
    {
        for (const char *good : {"ab", "data", "my.vol_1-2", "0x", "A9"})
            QVERIFY2(validateVolumeName(good), good);
        auto invalid = validateVolumeName("my vol");
        QVERIFY(!invalid);
        QCOMPARE(invalid.error().code(), ErrorCode::InvalidArgument);
        QCOMPARE(invalid.error().describe(),
                 std::string("\"my vol\" includes invalid characters for a local volume name, only "
                             "\"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory, "
                             "use absolute path"));
        for (const char *bad : {"-ab", ".hidden", "_x", "a/b", "../up", "wé", "a:b", "/abs"})
            QVERIFY2(!validateVolumeName(bad), bad);
        auto tooShort = validateVolumeName("a");
        QVERIFY(!tooShort);
        QVERIFY(tooShort.error().describe().find("too short") != std::string::npos);
        QVERIFY(!validateVolumeName(std::string(256, 'a')));
        QVERIFY(validateVolumeName(std::string(255, 'a')));

        auto store = volumes();
        auto refused = store.create("bad name", {}, false);
        QVERIFY(!refused);
        QVERIFY(refused.error().describe().find("includes invalid characters") != std::string::npos);
        QVERIFY(!std::filesystem::exists(root_ / "volumes" / "bad name"));
        QVERIFY(!store.ensure("x/y"));
    }

    void createMakesDirectoryThenRecord()
    {
        auto store = volumes();
        const auto before = std::time(nullptr);
        auto created = store.create("data", {{"team", "web"}, {"tier", ""}}, false);
        VERIFY_OK(created);
        QCOMPARE(created->name, std::string("data"));
        QCOMPARE(created->mountpoint, root_ / "volumes" / "data" / "_data");
        QVERIFY(std::filesystem::is_directory(created->mountpoint));
        QCOMPARE(modeOf(root_ / "volumes"), mode_t(0701));
        QCOMPARE(modeOf(root_ / "volumes" / "data"), mode_t(0701));
        QCOMPARE(modeOf(created->mountpoint), mode_t(0755));
        QCOMPARE(entriesOf(root_ / "volumes"), std::set<std::string>{"data"}); // no temporary left

        auto inspected = store.inspect("data");
        VERIFY_OK(inspected);
        QVERIFY(inspected->createdAt >= before && inspected->createdAt <= std::time(nullptr));
        QVERIFY(!inspected->anonymous);
        QVERIFY(inspected->usedBy.empty());
        const auto json = inspected->toJson();
        QVERIFY2(json["Name"] == nlohmann::json("data"), json["Name"].dump().c_str());
        QVERIFY2(json["Driver"] == nlohmann::json("local"), json["Driver"].dump().c_str());
        QVERIFY2(json["Scope"] == nlohmann::json("local"), json["Scope"].dump().c_str());
        QVERIFY2(json["Mountpoint"] == nlohmann::json((root_ / "volumes/data/_data").string()), json["Mountpoint"].dump().c_str());
        QVERIFY2(json["Options"] == nlohmann::json::object(), json["Options"].dump().c_str());
        QVERIFY2(json["Labels"] == (nlohmann::json{{"team", "web"}, {"tier", ""}}), json["Labels"].dump().c_str());
        QVERIFY2(json["UsedBy"] == nlohmann::json::array(), json["UsedBy"].dump().c_str());
        const QString createdAt = QString::fromStdString(json["CreatedAt"].get<std::string>());
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"))
                     .match(createdAt)
                     .hasMatch(),
                 qPrintable(createdAt));
        QCOMPARE(QDateTime::fromString(createdAt, Qt::ISODate).toSecsSinceEpoch(), inspected->createdAt);
        QCOMPARE(store_->counts()->volumes, 1);

        auto missing = store.inspect("nothere");
        QVERIFY(!missing);
        QCOMPARE(missing.error().code(), ErrorCode::NotFound);
        QVERIFY(missing.error().describe().find("No such volume: nothere") != std::string::npos);
    }

    void createIsIdempotentLikeDocker()
    {
        auto store = volumes();
        auto first = store.create("data", {{"a", "1"}}, false);
        VERIFY_OK(first);
        writeFile(first->mountpoint / "kept", 10);
        auto again = store.create("data", {{"b", "2"}}, false);
        VERIFY_OK(again);
        QCOMPARE(again->labels, (std::map<std::string, std::string>{{"a", "1"}}));
        QCOMPARE(again->createdAt, first->createdAt);
        QVERIFY(std::filesystem::exists(first->mountpoint / "kept"));
        QCOMPARE(store_->counts()->volumes, 1);
    }

    void anonymousVolumesGetHexNames()
    {
        auto store = volumes();
        auto anonymous = store.create("", {}, false);
        VERIFY_OK(anonymous);
        QCOMPARE(anonymous->name.size(), std::size_t{64});
        QVERIFY(anonymous->name.find_first_not_of("0123456789abcdef") == std::string::npos);
        QVERIFY(anonymous->anonymous);
        QCOMPARE(anonymous->labels, (std::map<std::string, std::string>{{std::string(anonymousLabel), ""}}));
        QVERIFY(std::filesystem::is_directory(anonymous->mountpoint));
        auto other = store.create("", {}, true);
        VERIFY_OK(other);
        QVERIFY(other->name != anonymous->name);
        QVERIFY(store.inspect(anonymous->name)->anonymous);
    }

    void ensureCreatesOnFirstUse()
    {
        auto store = volumes();
        auto first = store.ensure("cache");
        VERIFY_OK(first);
        QVERIFY(first->created);
        QCOMPARE(first->dataDirectory, root_ / "volumes/cache/_data");
        QVERIFY(!store.inspect("cache")->anonymous);
        writeFile(first->dataDirectory / "f", 3);
        auto second = store.ensure("cache");
        VERIFY_OK(second);
        QVERIFY(!second->created);
        QVERIFY(std::filesystem::exists(first->dataDirectory / "f"));

        auto anonymous = store.ensure("");
        VERIFY_OK(anonymous);
        QVERIFY(anonymous->created);
        QVERIFY(store.inspect(anonymous->name)->anonymous);

        // A record whose directory someone deleted: made again, and reported as new so the
        // caller fills it from the image.
        std::filesystem::remove_all(root_ / "volumes/cache");
        auto repaired = store.ensure("cache");
        VERIFY_OK(repaired);
        QVERIFY(repaired->created);
        QVERIFY(std::filesystem::is_directory(repaired->dataDirectory));
        QCOMPARE(modeOf(repaired->dataDirectory), mode_t(0755));
    }

    void listFiltersAsDockerDoes()
    {
        auto store = volumes();
        VERIFY_OK(store.create("web-data", {{"app", "web"}, {"env", "prod"}}, false));
        VERIFY_OK(store.create("web-cache", {{"app", "web"}, {"env", "dev"}}, false));
        VERIFY_OK(store.create("sql", {{"app", "sql"}}, false));
        auto anonymous = store.create("", {}, false);
        VERIFY_OK(anonymous);
        const std::string id = addContainer('c', "site");
        VERIFY_OK(store.attach(id, "web-data", "/srv"));

        using Names = std::vector<std::string>;
        const std::string hex = anonymous->name;
        QCOMPARE(namesOf(store.list()), (Names{hex, "sql", "web-cache", "web-data"}));
        QCOMPARE(namesOf(store.list(filtersOf({"dangling=true"}))), (Names{hex, "sql", "web-cache"}));
        QCOMPARE(namesOf(store.list(filtersOf({"dangling=false"}))), (Names{"web-data"}));
        QCOMPARE(namesOf(store.list(filtersOf({"dangling=1"}))), (Names{hex, "sql", "web-cache"}));
        QCOMPARE(namesOf(store.list(filtersOf({"name=web"}))), (Names{"web-cache", "web-data"}));
        QCOMPARE(namesOf(store.list(filtersOf({"name=cache", "name=sql"}))), (Names{"sql", "web-cache"}));
        QCOMPARE(namesOf(store.list(filtersOf({"label=app"}))), (Names{"sql", "web-cache", "web-data"}));
        QCOMPARE(namesOf(store.list(filtersOf({"label=app=web"}))), (Names{"web-cache", "web-data"}));
        QCOMPARE(namesOf(store.list(filtersOf({"label=app=web", "label=env=dev"}))), (Names{"web-cache"}));
        QCOMPARE(namesOf(store.list(filtersOf({"label!=app=web"}))), (Names{hex, "sql"}));
        QCOMPARE(namesOf(store.list(filtersOf({"label=com.docker.volume.anonymous"}))), (Names{hex}));
        QCOMPARE(namesOf(store.list(filtersOf({"driver=local", "name=sql"}))), (Names{"sql"}));
        QCOMPARE(namesOf(store.list(filtersOf({"driver=nfs"}))), Names{});
        QCOMPARE(namesOf(store.list(filtersOf({"dangling=true", "label=app=web"}))), (Names{"web-cache"}));

        auto listed = store.list(filtersOf({"name=web-data"}));
        VERIFY_OK(listed);
        QCOMPARE(listed->front().usedBy.size(), std::size_t{1});
        QCOMPARE(listed->front().usedBy.front().containerName, std::string("site"));

        VolumeFilters filters;
        for (const char *bad : {"dangling=maybe", "colour=red", "noequals", "=x", "label="}) {
            auto refused = filters.add(bad);
            QVERIFY2(!refused, bad);
            QCOMPARE(refused.error().code(), ErrorCode::InvalidArgument);
        }
        QVERIFY(filters.add("dangling=true"));
        QVERIFY(!filters.add("dangling=false"));
    }

    void inspectSaysWhoUsesAVolume()
    {
        auto store = volumes();
        VERIFY_OK(store.create("shared", {}, false));
        VERIFY_OK(store.create("other", {}, false));
        const std::string web = addContainer('b', "web");
        const std::string api = addContainer('a', "api");
        QVERIFY(store_->database().transaction([&]() -> Status {
            if (auto attached = store.attach(web, "shared", "/data"); !attached)
                return attached;
            if (auto attached = store.attach(web, "other", "/other"); !attached)
                return attached;
            return store.attach(api, "shared", "/var/lib/shared");
        }));

        auto inspected = store.inspect("shared");
        VERIFY_OK(inspected);
        QCOMPARE(inspected->usedBy.size(), std::size_t{2});
        QCOMPARE(inspected->usedBy[0].containerId, api);
        QCOMPARE(inspected->usedBy[0].containerName, std::string("api"));
        QCOMPARE(inspected->usedBy[0].destination, std::string("/var/lib/shared"));
        QCOMPARE(inspected->usedBy[1].containerName, std::string("web"));
        QVERIFY2(inspected->toJson()["UsedBy"][1] == (nlohmann::json{{"Id", web}, {"Name", "web"}, {"Destination", "/data"}}), inspected->toJson()["UsedBy"][1].dump().c_str());

        auto mounts = store.mountsOf(web);
        VERIFY_OK(mounts);
        QCOMPARE(mounts->size(), std::size_t{2});
        QCOMPARE(mounts->at(0).volumeName, std::string("shared"));
        QCOMPARE(mounts->at(0).destination, std::string("/data"));
        QCOMPARE(mounts->at(1).volumeName, std::string("other"));

        auto missing = store.attach(web, "nosuch", "/x");
        QVERIFY(!missing);
        QCOMPARE(missing.error().code(), ErrorCode::NotFound);
        auto relative = store.attach(web, "other", "data");
        QVERIFY(!relative);
        QCOMPARE(relative.error().code(), ErrorCode::InvalidArgument);
        auto twice = store.attach(web, "other", "/data");
        QVERIFY(!twice);
        QCOMPARE(twice.error().code(), ErrorCode::Conflict);
        QVERIFY(twice.error().describe().find("Duplicate mount point: /data") != std::string::npos);

        // A failed create transaction leaves no mount behind.
        const std::string failed = addContainer('d', "failed");
        QVERIFY(!store_->database().transaction([&]() -> Status {
            if (auto attached = store.attach(failed, "other", "/o"); !attached)
                return attached;
            return fail(ErrorCode::Internal, "the create failed later");
        }));
        QVERIFY(store.mountsOf(failed)->empty());

        VERIFY_OK(store.detachAll(web));
        QVERIFY(store.mountsOf(web)->empty());
        QCOMPARE(store.inspect("shared")->usedBy.size(), std::size_t{1});
        // Removing a container's record forgets its mounts too.
        VERIFY_OK(container::ContainerRecords(store_->database()).remove(api));
        QVERIFY(store.inspect("shared")->usedBy.empty());
    }

    void removeRefusedWhileInUse()
    {
        auto store = volumes();
        VERIFY_OK(store.create("data", {}, false));
        const std::string first = addContainer('1', "one");
        const std::string second = addContainer('2', "two");
        VERIFY_OK(store.attach(first, "data", "/a"));
        VERIFY_OK(store.attach(first, "data", "/b"));
        VERIFY_OK(store.attach(second, "data", "/a"));

        for (bool force : {false, true}) {
            auto refused = store.remove("data", force);
            QVERIFY(!refused);
            QCOMPARE(refused.error().code(), ErrorCode::Conflict);
            QCOMPARE(refused.error().describe(),
                     "remove data: volume is in use - [" + first + ", " + second + "]");
        }
        QVERIFY(std::filesystem::is_directory(root_ / "volumes/data/_data"));

        container::ContainerRecords records(store_->database());
        VERIFY_OK(records.remove(first));
        auto stillUsed = store.remove("data", false);
        QVERIFY(!stillUsed);
        QCOMPARE(stillUsed.error().describe(), "remove data: volume is in use - [" + second + "]");
        VERIFY_OK(records.remove(second));

        writeFile(root_ / "volumes/data/_data/file", 100);
        std::filesystem::create_directories(root_ / "volumes/data/_data/deep/er");
        std::filesystem::create_symlink("/etc", root_ / "volumes/data/_data/deep/etc");
        VERIFY_OK(store.remove("data", false));
        QVERIFY(!std::filesystem::exists(root_ / "volumes/data"));
        QVERIFY(std::filesystem::exists("/etc/passwd")); // the link was removed, not followed
        QVERIFY(entriesOf(root_ / "volumes").empty());
        QCOMPARE(store_->counts()->volumes, 0);

        auto missing = store.remove("data", false);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code(), ErrorCode::NotFound);
        QVERIFY(missing.error().describe().find("No such volume: data") != std::string::npos);
        VERIFY_OK(store.remove("data", true));
    }

    void pruneFollowsDocker23()
    {
        auto store = volumes();
        auto unusedAnonymous = store.create("", {{"keep", "no"}}, false);
        VERIFY_OK(unusedAnonymous);
        auto usedAnonymous = store.create("", {}, false);
        VERIFY_OK(usedAnonymous);
        VERIFY_OK(store.create("named", {{"keep", "no"}}, false));
        VERIFY_OK(store.create("precious", {{"keep", "yes"}}, false));
        VERIFY_OK(store.create("used", {}, false));
        const std::string id = addContainer('e', "user");
        VERIFY_OK(store.attach(id, usedAnonymous->name, "/anon"));
        VERIFY_OK(store.attach(id, "used", "/used"));
        writeFile(unusedAnonymous->mountpoint / "a", 1000);
        std::filesystem::create_directory(unusedAnonymous->mountpoint / "d");
        writeFile(unusedAnonymous->mountpoint / "d/b", 2345);
        writeFile(root_ / "volumes/named/_data/c", 500);
        writeFile(root_ / "volumes/precious/_data/p", 7);

        auto anonymousOnly = store.prune({});
        VERIFY_OK(anonymousOnly);
        QCOMPARE(anonymousOnly->removed, std::vector<std::string>{unusedAnonymous->name});
        QCOMPARE(anonymousOnly->reclaimedBytes, std::uint64_t{3345});
        QVERIFY(!std::filesystem::exists(unusedAnonymous->mountpoint));

        PruneOptions labelled;
        QVERIFY(labelled.add("all=true"));
        QVERIFY(labelled.add("label!=keep=yes"));
        auto filtered = store.prune(labelled);
        VERIFY_OK(filtered);
        QCOMPARE(filtered->removed, std::vector<std::string>{"named"});
        QCOMPARE(filtered->reclaimedBytes, std::uint64_t{500});

        PruneOptions all;
        all.all = true;
        auto everything = store.prune(all);
        VERIFY_OK(everything);
        QCOMPARE(everything->removed, std::vector<std::string>{"precious"});
        QCOMPARE(everything->reclaimedBytes, std::uint64_t{7});
        using Names = std::vector<std::string>;
        const Names left = usedAnonymous->name < std::string("used") ? Names{usedAnonymous->name, "used"}
                                                                      : Names{"used", usedAnonymous->name};
        QCOMPARE(namesOf(store.list()), left);

        PruneOptions bad;
        QVERIFY(!bad.add("dangling=true"));
        QVERIFY(!bad.add("all=perhaps"));
    }

    void sizeCountsEachInodeOnceAndFollowsNoLink()
    {
        auto store = volumes();
        auto created = store.create("sized", {}, false);
        VERIFY_OK(created);
        const auto data = created->mountpoint;
        writeFile(data / "one", 4096 * 3);
        std::filesystem::create_hard_link(data / "one", data / "same");
        std::filesystem::create_directories(data / "a/b");
        writeFile(data / "a/b/two", 10);
        std::filesystem::create_symlink("/usr", data / "a/usr"); // 4 bytes of link, not /usr
        auto size = store.size("sized");
        VERIFY_OK(size);
        QCOMPARE(size->bytes, std::uint64_t{4096 * 3 + 10 + 4});
        QVERIFY(size->bytesOnDisk >= 4096 * 3);
        QVERIFY(size->bytesOnDisk < 1024 * 1024);
        QVERIFY(!store.size("absent"));
    }

    void leftoversRemovedAtStart()
    {
        auto store = volumes();
        VERIFY_OK(store.create("kept", {}, false));
        writeFile(root_ / "volumes/kept/_data/file", 5);
        VERIFY_OK(store.create("lost", {}, false));
        std::filesystem::remove_all(root_ / "volumes/lost");
        // What a create or remove cut short leaves, and what is not ours.
        std::filesystem::create_directories(root_ / "volumes/.tmp-0123456789abcdef/_data");
        std::filesystem::create_directories(root_ / "volumes/.trash-fedcba9876543210/_data/sub");
        writeFile(root_ / "volumes/.trash-fedcba9876543210/_data/sub/file", 5);
        std::filesystem::create_directories(root_ / "volumes/orphan/_data");
        std::filesystem::create_symlink("/etc", root_ / "volumes/orphan/_data/etc");
        std::filesystem::create_directory(root_ / "volumes/lost+found");

        auto report = VolumeStore::removeLeftovers(root_, store_->database());
        VERIFY_OK(report);
        QCOMPARE(std::set<std::string>(report->removedDirectories.begin(), report->removedDirectories.end()),
                 (std::set<std::string>{".tmp-0123456789abcdef", ".trash-fedcba9876543210", "orphan"}));
        QCOMPARE(report->recreatedDirectories, std::vector<std::string>{"lost"});
        QCOMPARE(entriesOf(root_ / "volumes"), (std::set<std::string>{"kept", "lost", "lost+found"}));
        QVERIFY(std::filesystem::exists(root_ / "volumes/kept/_data/file"));
        QVERIFY(std::filesystem::is_directory(root_ / "volumes/lost/_data"));
        QVERIFY(std::filesystem::exists("/etc/passwd"));

        auto again = VolumeStore::removeLeftovers(root_, store_->database());
        VERIFY_OK(again);
        QVERIFY(again->removedDirectories.empty());
        QVERIFY(again->recreatedDirectories.empty());
    }

    void killedCreateLeavesNoVolume()
    {
        killDuring("create:renamed", [](VolumeStore &store) { (void)store.create("half", {}, false); });
        // The directory is in place but was never recorded: no volume exists.
        QVERIFY(std::filesystem::is_directory(root_ / "volumes/half/_data"));
        QVERIFY(namesOf(volumes().list()).empty());
        auto report = VolumeStore::removeLeftovers(root_, store_->database());
        VERIFY_OK(report);
        QCOMPARE(report->removedDirectories, std::vector<std::string>{"half"});
        QVERIFY(entriesOf(root_ / "volumes").empty());
        auto store = volumes();
        auto ensured = store.ensure("half");
        VERIFY_OK(ensured);
        QVERIFY(ensured->created);
    }

    void killedCreateBeforeCleanupStillWorks()
    {
        // Without removeLeftovers, a create of the same name replaces the unrecorded directory.
        killDuring("create:renamed", [](VolumeStore &store) { (void)store.create("again", {}, false); });
        writeFile(root_ / "volumes/again/_data/stale", 1);
        auto store = volumes();
        auto created = store.create("again", {}, false);
        VERIFY_OK(created);
        QVERIFY(std::filesystem::is_empty(created->mountpoint));
        QCOMPARE(entriesOf(root_ / "volumes"), std::set<std::string>{"again"});
    }

    void killedRemoveFinishesAtStart_data()
    {
        QTest::addColumn<QString>("step");
        QTest::newRow("after the record") << QStringLiteral("remove:recorded");
        QTest::newRow("after the rename to trash") << QStringLiteral("remove:trashed");
    }
    void killedRemoveFinishesAtStart()
    {
        QFETCH(QString, step);
        {
            auto store = volumes();
            VERIFY_OK(store.create("doomed", {}, false));
            VERIFY_OK(store.create("bystander", {}, false));
        }
        for (int i = 0; i < 50; ++i)
            writeFile(root_ / "volumes/doomed/_data" / ("f" + std::to_string(i)), 100);
        writeFile(root_ / "volumes/bystander/_data/mine", 1);
        killDuring(step.toStdString(), [](VolumeStore &store) { (void)store.remove("doomed", false); });

        auto store = volumes();
        QCOMPARE(namesOf(store.list()), std::vector<std::string>{"bystander"});
        QVERIFY(!store.inspect("doomed"));
        auto report = VolumeStore::removeLeftovers(root_, store_->database());
        VERIFY_OK(report);
        QCOMPARE(report->removedDirectories.size(), std::size_t{1});
        QCOMPARE(entriesOf(root_ / "volumes"), std::set<std::string>{"bystander"});
        QVERIFY(std::filesystem::exists(root_ / "volumes/bystander/_data/mine"));
    }

    void killedAtRandomTimesStaysConsistent()
    {
        // A child creating and removing volumes, killed at arbitrary moments: after
        // removeLeftovers every record has its directory and every directory its record.
        for (int round = 0; round < 6; ++round) {
            store_.reset();
            const pid_t child = ::fork();
            QVERIFY(child >= 0);
            if (child == 0) {
                auto database = SqliteDatabase::open(root_ / "berth.db");
                if (!database)
                    ::_exit(3);
                VolumeStore store(*database, root_);
                for (int i = 0;; ++i) {
                    const std::string name = "v" + std::to_string(i % 7);
                    if (auto created = store.create(name, {}, i % 3 == 0); created)
                        for (int f = 0; f < 20; ++f)
                            std::ofstream(created->mountpoint / std::to_string(f)) << "data";
                    if (i % 2 == 1)
                        (void)store.remove("v" + std::to_string((i * 5) % 7), true);
                }
            }
            ::usleep(static_cast<useconds_t>(20000 + round * 37000));
            ::kill(child, SIGKILL);
            int status = 0;
            QCOMPARE(::waitpid(child, &status, 0), child);
            QVERIFY(WIFSIGNALED(status));
            openStore();
            auto report = VolumeStore::removeLeftovers(root_, store_->database());
            VERIFY_OK(report);
            QVERIFY(report->recreatedDirectories.empty()); // the order of steps never loses one
            auto listed = volumes().list();
            VERIFY_OK(listed);
            std::set<std::string> recorded;
            for (const auto &volume : *listed) {
                recorded.insert(volume.name);
                QVERIFY2(std::filesystem::is_directory(volume.mountpoint), volume.name.c_str());
            }
            QCOMPARE(entriesOf(root_ / "volumes"), recorded);
        }
    }
};

QTEST_GUILESS_MAIN(TestVolumeStore)
#include "tst_volume_store.moc"
