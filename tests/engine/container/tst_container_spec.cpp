// The OCI spec Berth writes for `berth run`: Docker's rules for command, environment, user,
// capabilities, limits and mounts, checked case by case, and one spec run by berth-runtime.
#include "engine/container/container_spec.h"
#include "engine/container/default_seccomp_profile.h"
#include "engine/runtime/oci_spec.h"
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <fstream>

using berth::ErrorCode;
using berth::container::ImageRunConfig;
using berth::container::RunOptions;
using nlohmann::json;

Q_DECLARE_METATYPE(std::vector<std::string>)

namespace {

std::vector<std::string> strings(const QStringList &list)
{
    std::vector<std::string> result;
    for (const auto &item : list)
        result.push_back(item.toStdString());
    return result;
}

QStringList qstrings(const json &array)
{
    QStringList result;
    for (const auto &item : array)
        result << QString::fromStdString(item.get<std::string>());
    return result;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

const json *findMount(const json &spec, const std::string &destination)
{
    for (const auto &mount : spec["mounts"])
        if (mount["destination"] == destination)
            return &mount;
    return nullptr;
}

} // namespace

class ContainerSpecTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir workspace_;
    QString rootfs_;
    const std::string id_ = "0123456789abcdef0123456789abcdef";

    berth::Result<json> build(const ImageRunConfig &image, const RunOptions &options)
    {
        return berth::container::buildContainerSpec(image, options, rootfs_.toStdString(), id_);
    }

    // A spec that must build, and that berth-runtime's own parser must accept.
    json mustBuild(const ImageRunConfig &image, const RunOptions &options)
    {
        auto spec = build(image, options);
        if (!spec) {
            qWarning("%s", spec.error().describe().c_str());
            return json();
        }
        auto parsed = berth::runtime::parseRuntimeSpec(spec->dump(), "/");
        if (!parsed) {
            qWarning("berth-runtime refuses the spec: %s", parsed.error().describe().c_str());
            return json();
        }
        return *spec;
    }

    static ImageRunConfig shellImage()
    {
        ImageRunConfig image;
        image.cmd = {"/bin/sh"};
        return image;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(workspace_.isValid());
        rootfs_ = workspace_.filePath(QStringLiteral("rootfs"));
        QVERIFY(writeFile(rootfs_ + QStringLiteral("/etc/passwd"),
                          "root:x:0:0:root:/root:/bin/sh\n"
                          "# a comment line\n"
                          "broken line without fields\n"
                          "app:x:1000:1000:App:/home/app:/bin/sh\n"
                          "web:x:33:33::/var/www:/bin/false\n"));
        QVERIFY(writeFile(rootfs_ + QStringLiteral("/etc/group"),
                          "root:x:0:root\n"
                          "wheel:x:10:root,app\n"
                          "audio:x:29:app\n"
                          "app:x:1000:\n"
                          "staff:x:50:\n"));
    }

    void imageConfigParses()
    {
        const json config = json::parse(R"({
            "Env": ["PATH=/usr/bin:/bin", "LANG=C.UTF-8"], "Entrypoint": ["/entry.sh"], "Cmd": ["serve", "--port", "80"],
            "User": "app:staff", "WorkingDir": "/srv", "StopSignal": "SIGQUIT",
            "Volumes": {"/data": {}}, "ExposedPorts": {"80/tcp": {}, "53/udp": {}},
            "Labels": {"org.opencontainers.image.title": "demo"}, "ArgsEscaped": true})");
        auto parsed = berth::container::parseImageRunConfig(config);
        QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().describe().c_str());
        QCOMPARE(parsed->env, (std::vector<std::string>{"PATH=/usr/bin:/bin", "LANG=C.UTF-8"}));
        QCOMPARE(parsed->entrypoint, std::vector<std::string>{"/entry.sh"});
        QCOMPARE(parsed->cmd, (std::vector<std::string>{"serve", "--port", "80"}));
        QCOMPARE(parsed->user, std::string("app:staff"));
        QCOMPARE(parsed->workingDir, std::string("/srv"));
        QCOMPARE(parsed->stopSignal, std::string("SIGQUIT"));
        QCOMPARE(parsed->volumes, std::vector<std::string>{"/data"});
        QCOMPARE(parsed->exposedPorts.size(), std::size_t(2));
        QCOMPARE(parsed->labels.at("org.opencontainers.image.title"), std::string("demo"));

        auto empty = berth::container::parseImageRunConfig(json::parse(R"({"Entrypoint": null, "Cmd": null})"));
        QVERIFY(empty && empty->entrypoint.empty() && empty->cmd.empty());
        QVERIFY(berth::container::parseImageRunConfig(json()).has_value());

        for (const char *bad : {R"({"Cmd": "sh -c x"})", R"({"Env": [1]})", R"({"User": 5})",
                                R"({"Labels": {"a": 1}})", R"({"Volumes": ["/data"]})", R"([1])"}) {
            auto refused = berth::container::parseImageRunConfig(json::parse(bad));
            QVERIFY2(!refused, bad);
            QCOMPARE(refused.error().code(), ErrorCode::InvalidArgument);
            QVERIFY2(refused.error().message().starts_with("image config"), refused.error().message().c_str());
        }
    }

    void commandRules_data()
    {
        QTest::addColumn<QStringList>("imageEntrypoint");
        QTest::addColumn<QStringList>("imageCmd");
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<bool>("overrideEntrypoint");
        QTest::addColumn<QStringList>("entrypoint");
        QTest::addColumn<QStringList>("expected"); // empty: "no command specified"

        const QStringList none;
        QTest::newRow("cmd only") << none << QStringList{"sh", "-c", "x"} << none << false << none << QStringList{"sh", "-c", "x"};
        QTest::newRow("command replaces cmd") << none << QStringList{"sh"} << QStringList{"ls", "/"} << false << none << QStringList{"ls", "/"};
        QTest::newRow("entrypoint + cmd") << QStringList{"/entry", "-v"} << QStringList{"serve"} << none << false << none
                                          << QStringList{"/entry", "-v", "serve"};
        QTest::newRow("command replaces cmd after entrypoint")
            << QStringList{"/entry"} << QStringList{"serve"} << QStringList{"debug"} << false << none << QStringList{"/entry", "debug"};
        QTest::newRow("entrypoint override drops image cmd")
            << QStringList{"/entry"} << QStringList{"serve"} << none << true << QStringList{"/bin/ls"} << QStringList{"/bin/ls"};
        QTest::newRow("entrypoint override with command")
            << QStringList{"/entry"} << QStringList{"serve"} << QStringList{"-l"} << true << QStringList{"/bin/ls"}
            << QStringList{"/bin/ls", "-l"};
        QTest::newRow("empty entrypoint clears it") << QStringList{"/entry"} << QStringList{"serve"} << QStringList{"id"} << true
                                                    << QStringList{""} << QStringList{"id"};
        QTest::newRow("empty entrypoint without command") << QStringList{"/entry"} << QStringList{"serve"} << none << true
                                                          << QStringList{""} << none;
        QTest::newRow("nothing at all") << none << none << none << false << none << none;
    }

    void commandRules()
    {
        QFETCH(QStringList, imageEntrypoint);
        QFETCH(QStringList, imageCmd);
        QFETCH(QStringList, command);
        QFETCH(bool, overrideEntrypoint);
        QFETCH(QStringList, entrypoint);
        QFETCH(QStringList, expected);
        ImageRunConfig image;
        image.entrypoint = strings(imageEntrypoint);
        image.cmd = strings(imageCmd);
        RunOptions options;
        options.command = strings(command);
        if (overrideEntrypoint)
            options.entrypoint = strings(entrypoint);
        auto spec = build(image, options);
        if (expected.isEmpty()) {
            QVERIFY(!spec);
            QCOMPARE(spec.error().code(), ErrorCode::InvalidArgument);
            QVERIFY2(spec.error().message().starts_with("no command specified") &&
                         spec.error().message().find("berth run IMAGE") != std::string::npos,
                     spec.error().describe().c_str());
            return;
        }
        QVERIFY2(spec.has_value(), spec ? "" : spec.error().describe().c_str());
        QCOMPARE(qstrings((*spec)["process"]["args"]), expected);
    }

    void envMerge_data()
    {
        QTest::addColumn<QStringList>("imageEnv");
        QTest::addColumn<QStringList>("runEnv");
        QTest::addColumn<QString>("user");
        QTest::addColumn<bool>("tty");
        QTest::addColumn<QStringList>("expected");

        const QString path = QStringLiteral("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        const QString host = QStringLiteral("HOSTNAME=0123456789ab");
        QTest::newRow("defaults") << QStringList{} << QStringList{} << QString() << false
                                  << QStringList{path, host, "HOME=/root"};
        QTest::newRow("image path replaces the default in place")
            << QStringList{"PATH=/opt/bin", "LANG=C"} << QStringList{} << QString() << false
            << QStringList{"PATH=/opt/bin", host, "LANG=C", "HOME=/root"};
        QTest::newRow("-e overrides the image, then the image's rest")
            << QStringList{"A=image", "B=image"} << QStringList{"B=run", "C=run"} << QString() << false
            << QStringList{path, host, "B=run", "C=run", "A=image", "HOME=/root"};
        QTest::newRow("last -e wins") << QStringList{} << QStringList{"A=1", "A=2"} << QString() << false
                                      << QStringList{path, host, "A=2", "HOME=/root"};
        QTest::newRow("-e NAME from the caller") << QStringList{"FROM_CALLER=image"} << QStringList{"FROM_CALLER"} << QString() << false
                                                 << QStringList{path, host, "FROM_CALLER=caller value", "HOME=/root"};
        QTest::newRow("-e NAME the caller lacks unsets it")
            << QStringList{"MISSING=image", "KEEP=1"} << QStringList{"MISSING"} << QString() << false
            << QStringList{path, host, "KEEP=1", "HOME=/root"};
        QTest::newRow("tty adds TERM") << QStringList{} << QStringList{} << QString() << true
                                       << QStringList{path, host, "TERM=xterm", "HOME=/root"};
        QTest::newRow("-e TERM beats tty") << QStringList{} << QStringList{"TERM=dumb"} << QString() << true
                                           << QStringList{path, host, "TERM=dumb", "HOME=/root"};
        QTest::newRow("HOME of the user") << QStringList{} << QStringList{} << QStringLiteral("app") << false
                                          << QStringList{path, host, "HOME=/home/app"};
        QTest::newRow("HOME without a passwd entry") << QStringList{} << QStringList{} << QStringLiteral("4321") << false
                                                     << QStringList{path, host, "HOME=/"};
        QTest::newRow("HOME given is kept") << QStringList{"HOME=/srv"} << QStringList{} << QStringLiteral("app") << false
                                            << QStringList{path, host, "HOME=/srv"};
        QTest::newRow("HOSTNAME given is kept") << QStringList{} << QStringList{"HOSTNAME=mine"} << QString() << false
                                                << QStringList{path, "HOSTNAME=mine", "HOME=/root"};
    }

    void envMerge()
    {
        QFETCH(QStringList, imageEnv);
        QFETCH(QStringList, runEnv);
        QFETCH(QString, user);
        QFETCH(bool, tty);
        QFETCH(QStringList, expected);
        ImageRunConfig image = shellImage();
        image.env = strings(imageEnv);
        RunOptions options;
        options.env = strings(runEnv);
        options.callerEnvironment = {{"FROM_CALLER", "caller value"}};
        options.tty = tty;
        if (!user.isEmpty())
            options.user = user.toStdString();
        const json spec = mustBuild(image, options);
        QVERIFY(!spec.is_null());
        QCOMPARE(qstrings(spec["process"]["env"]), expected);
        QCOMPARE(spec["process"]["terminal"].get<bool>(), tty);
        QCOMPARE(spec["hostname"].get<std::string>(), std::string("0123456789ab"));
    }

    void userForms_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<int>("uid");
        QTest::addColumn<int>("gid");
        QTest::addColumn<QList<int>>("groups");
        QTest::addColumn<QString>("error"); // part of the message when it must fail

        QTest::newRow("default is root") << QString() << 0 << 0 << QList<int>{0, 10} << QString();
        QTest::newRow("name") << "app" << 1000 << 1000 << QList<int>{10, 29} << QString();
        QTest::newRow("uid with entry") << "1000" << 1000 << 1000 << QList<int>{10, 29} << QString();
        QTest::newRow("uid without entry") << "4321" << 4321 << 0 << QList<int>{} << QString();
        QTest::newRow("uid:gid") << "4321:4321" << 4321 << 4321 << QList<int>{} << QString();
        QTest::newRow("name:group") << "app:staff" << 1000 << 50 << QList<int>{} << QString();
        QTest::newRow("name:gid") << "web:29" << 33 << 29 << QList<int>{} << QString();
        QTest::newRow("root:group") << "root:staff" << 0 << 50 << QList<int>{} << QString();
        QTest::newRow("unknown name") << "nobodyhere" << 0 << 0 << QList<int>{} << "user `nobodyhere` was not found";
        QTest::newRow("unknown group") << "app:nogroup" << 0 << 0 << QList<int>{} << "group `nogroup` was not found";
        QTest::newRow("uid out of range") << "99999999999" << 0 << 0 << QList<int>{} << "out of range";
        QTest::newRow("empty group") << "app:" << 0 << 0 << QList<int>{} << "without a group";
    }

    void userForms()
    {
        QFETCH(QString, user);
        QFETCH(int, uid);
        QFETCH(int, gid);
        QFETCH(QList<int>, groups);
        QFETCH(QString, error);
        auto resolved = berth::container::resolveContainerUser(rootfs_.toStdString(), user.toStdString());
        if (!error.isEmpty()) {
            QVERIFY(!resolved);
            QVERIFY2(resolved.error().message().find(error.toStdString()) != std::string::npos, resolved.error().describe().c_str());
            QCOMPARE(resolved.error().code(), error.contains(QStringLiteral("not found")) ? ErrorCode::NotFound : ErrorCode::InvalidArgument);
            // Through the spec builder the error names what it was doing.
            RunOptions options;
            options.user = user.toStdString();
            auto spec = build(shellImage(), options);
            QVERIFY(!spec);
            QVERIFY2(spec.error().describe().find("resolving the user") != std::string::npos, spec.error().describe().c_str());
            return;
        }
        QVERIFY2(resolved.has_value(), resolved ? "" : resolved.error().describe().c_str());
        QCOMPARE(int(resolved->uid), uid);
        QCOMPARE(int(resolved->gid), gid);
        QList<int> actual;
        for (auto group : resolved->additionalGids)
            actual << int(group);
        QCOMPARE(actual, groups);

        RunOptions options;
        options.user = user.toStdString();
        const json spec = mustBuild(shellImage(), options);
        QCOMPARE(spec["process"]["user"]["uid"].get<int>(), uid);
        QCOMPARE(spec["process"]["user"]["gid"].get<int>(), gid);
        QCOMPARE(spec["process"]["user"].contains("additionalGids"), !groups.isEmpty());
    }

    void imageUserIsUsedUnlessOverridden()
    {
        ImageRunConfig image = shellImage();
        image.user = "app";
        QCOMPARE(mustBuild(image, {})["process"]["user"]["uid"].get<int>(), 1000);
        RunOptions options;
        options.user = "";
        QCOMPARE(mustBuild(image, options)["process"]["user"]["uid"].get<int>(), 0);
    }

    void symlinkedPasswdStaysInsideTheRootfs()
    {
        // jail/rootfs/etc/passwd → /../../host-passwd: joined as strings it would name the
        // workspace's host-passwd; resolved in the root it names jail/rootfs/host-passwd.
        const QString jail = workspace_.filePath(QStringLiteral("jail/rootfs"));
        QVERIFY(writeFile(workspace_.filePath(QStringLiteral("host-passwd")), "evil:x:4242:4242::/evil:/bin/sh\n"));
        QVERIFY(writeFile(jail + QStringLiteral("/host-passwd"), "inside:x:77:78::/inside:/bin/sh\n"));
        QVERIFY(QDir().mkpath(jail + QStringLiteral("/etc")));
        QVERIFY(QFile::link(QStringLiteral("/../../host-passwd"), jail + QStringLiteral("/etc/passwd")));
        QVERIFY(QFileInfo(jail + QStringLiteral("/../../host-passwd")).exists()); // the trap is real

        auto evil = berth::container::resolveContainerUser(jail.toStdString(), "evil");
        QVERIFY(!evil);
        QCOMPARE(evil.error().code(), ErrorCode::NotFound);
        auto inside = berth::container::resolveContainerUser(jail.toStdString(), "inside");
        QVERIFY2(inside.has_value(), inside ? "" : inside.error().describe().c_str());
        QCOMPARE(int(inside->uid), 77);
        QCOMPARE(int(inside->gid), 78);
        QCOMPARE(inside->home, std::string("/inside"));

        // No /etc/group at all: numeric groups still work, named ones are NotFound.
        auto numeric = berth::container::resolveContainerUser(jail.toStdString(), "inside:5");
        QVERIFY(numeric && numeric->gid == 5);
        QCOMPARE(berth::container::resolveContainerUser(jail.toStdString(), "inside:staff").error().code(), ErrorCode::NotFound);

        // A directory where /etc/passwd should be is an error that says what to do.
        const QString odd = workspace_.filePath(QStringLiteral("odd"));
        QVERIFY(QDir().mkpath(odd + QStringLiteral("/etc/passwd")));
        auto directory = berth::container::resolveContainerUser(odd.toStdString(), "app");
        QVERIFY(!directory);
        QVERIFY2(directory.error().message().find("not a regular file") != std::string::npos, directory.error().describe().c_str());
    }

    void capabilities_data()
    {
        QTest::addColumn<QStringList>("add");
        QTest::addColumn<QStringList>("drop");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QStringList>("expected");
        const QStringList defaults = [] {
            QStringList list;
            for (const auto &name : berth::container::dockerDefaultCapabilities())
                list << QString::fromStdString(name);
            return list;
        }();
        QStringList withoutChownPlusAdmin = defaults;
        withoutChownPlusAdmin.removeAll(QStringLiteral("CAP_CHOWN"));
        withoutChownPlusAdmin.removeAll(QStringLiteral("CAP_NET_RAW"));
        withoutChownPlusAdmin << QStringLiteral("CAP_NET_ADMIN") << QStringLiteral("CAP_SYS_PTRACE");

        QTest::newRow("defaults") << QStringList{} << QStringList{} << QString() << defaults;
        QTest::newRow("add and drop, with and without CAP_")
            << QStringList{"net_admin", "CAP_SYS_PTRACE", "NET_ADMIN"} << QStringList{"chown", "CAP_NET_RAW"} << QString()
            << withoutChownPlusAdmin;
        QTest::newRow("drop ALL, add one") << QStringList{"NET_BIND_SERVICE"} << QStringList{"ALL"} << QString()
                                           << QStringList{"CAP_NET_BIND_SERVICE"};
        QTest::newRow("drop ALL") << QStringList{} << QStringList{"all"} << QString() << QStringList{};
        QTest::newRow("adding a default again changes nothing") << QStringList{"KILL"} << QStringList{} << QString() << defaults;
        QTest::newRow("non-root keeps the bounding set") << QStringList{} << QStringList{} << QStringLiteral("app") << defaults;
    }

    void capabilities()
    {
        QFETCH(QStringList, add);
        QFETCH(QStringList, drop);
        QFETCH(QString, user);
        QFETCH(QStringList, expected);
        RunOptions options;
        options.capAdd = strings(add);
        options.capDrop = strings(drop);
        if (!user.isEmpty())
            options.user = user.toStdString();
        const json spec = mustBuild(shellImage(), options);
        QVERIFY(!spec.is_null());
        const json &sets = spec["process"]["capabilities"];
        QCOMPARE(qstrings(sets["bounding"]), expected);
        if (user.isEmpty()) {
            QCOMPARE(qstrings(sets["effective"]), expected);
            QCOMPARE(qstrings(sets["permitted"]), expected);
        } else {
            QVERIFY(sets["effective"].empty());
            QVERIFY(sets["permitted"].empty());
        }
        QVERIFY(!sets.contains("inheritable") && !sets.contains("ambient"));
        // The seccomp profile is built for the final bounding set.
        QVERIFY(spec["linux"]["seccomp"] == berth::container::defaultSeccompProfile(strings(expected)));
    }

    void addAllAndBadNames()
    {
        RunOptions all;
        all.capAdd = {"ALL"};
        all.capDrop = {"SYS_ADMIN"};
        auto caps = berth::container::containerCapabilities(all);
        QVERIFY(caps.has_value());
        QVERIFY(caps->size() > 30);
        QVERIFY(std::ranges::find(*caps, "CAP_SYS_ADMIN") == caps->end());
        QVERIFY(std::ranges::find(*caps, "CAP_SYS_MODULE") != caps->end());

        for (auto [add, drop] : {std::pair{"FLY", ""}, std::pair{"", "CAP_TELEPORT"}}) {
            RunOptions options;
            if (*add)
                options.capAdd = {add};
            if (*drop)
                options.capDrop = {drop};
            auto refused = build(shellImage(), options);
            QVERIFY(!refused);
            QCOMPARE(refused.error().code(), ErrorCode::InvalidArgument);
            QVERIFY2(refused.error().message().find(std::string("`") + (*add ? add : drop) + "`") != std::string::npos,
                     refused.error().describe().c_str());
        }
    }

    void privileged()
    {
        RunOptions options;
        options.privileged = true;
        options.capDrop = {"CHOWN"}; // ignored, as by Docker
        const json spec = mustBuild(shellImage(), options);
        QVERIFY(!spec.is_null());
        const auto bounding = qstrings(spec["process"]["capabilities"]["bounding"]);
        QVERIFY(bounding.contains(QStringLiteral("CAP_SYS_ADMIN")) && bounding.contains(QStringLiteral("CAP_CHOWN")));
        QCOMPARE(qstrings(spec["process"]["capabilities"]["effective"]), bounding);
        QVERIFY(!spec["linux"].contains("seccomp"));
        QVERIFY(!spec["linux"].contains("maskedPaths"));
        QVERIFY(!spec["linux"].contains("readonlyPaths"));
        QVERIFY(!qstrings((*findMount(spec, "/sys"))["options"]).contains(QStringLiteral("ro")));
        QVERIFY(!qstrings((*findMount(spec, "/sys/fs/cgroup"))["options"]).contains(QStringLiteral("ro")));

        const json plain = mustBuild(shellImage(), {});
        QVERIFY(plain["linux"].contains("seccomp"));
        QVERIFY(qstrings(plain["linux"]["maskedPaths"]).contains(QStringLiteral("/proc/kcore")));
        QVERIFY(qstrings((*findMount(plain, "/sys"))["options"]).contains(QStringLiteral("ro")));
    }

    void securityOptions()
    {
        RunOptions unconfined;
        unconfined.securityOptions = {"seccomp=unconfined", "no-new-privileges"};
        json spec = mustBuild(shellImage(), unconfined);
        QVERIFY(!spec["linux"].contains("seccomp"));
        QCOMPARE(spec["process"]["noNewPrivileges"].get<bool>(), true);

        // A profile in Docker's format: includes/excludes are decided for this container.
        RunOptions custom;
        custom.capAdd = {"SYS_ADMIN"};
        custom.securityOptions = {"no-new-privileges:false", "seccomp=" + json::parse(R"({
            "defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 1,
            "archMap": [{"architecture": "SCMP_ARCH_X86_64", "subArchitectures": ["SCMP_ARCH_X86"]},
                        {"architecture": "SCMP_ARCH_AARCH64", "subArchitectures": ["SCMP_ARCH_ARM"]}],
            "syscalls": [
                {"names": ["read", "write"], "action": "SCMP_ACT_ALLOW"},
                {"names": ["mount"], "action": "SCMP_ACT_ALLOW", "includes": {"caps": ["CAP_SYS_ADMIN"]}},
                {"names": ["ptrace"], "action": "SCMP_ACT_ALLOW", "includes": {"caps": ["CAP_SYS_PTRACE"]}},
                {"names": ["unshare"], "action": "SCMP_ACT_ALLOW", "excludes": {"caps": ["CAP_SYS_ADMIN"]}}]})").dump()};
        spec = mustBuild(shellImage(), custom);
        QVERIFY(!spec.is_null());
        QCOMPARE(spec["process"]["noNewPrivileges"].get<bool>(), false);
        const json &seccomp = spec["linux"]["seccomp"];
        QCOMPARE(seccomp["defaultAction"].get<std::string>(), std::string("SCMP_ACT_ERRNO"));
        QStringList names;
        for (const auto &rule : seccomp["syscalls"]) {
            QVERIFY(!rule.contains("includes") && !rule.contains("excludes"));
            names += qstrings(rule["names"]);
        }
        QCOMPARE(names, (QStringList{"read", "write", "mount"}));
        QVERIFY(!seccomp["architectures"].empty());

        for (const char *bad : {"seccomp={not json", "apparmor=unconfined", "no-new-privileges=maybe", "seccomp",
                                "seccomp={\"syscalls\": []}"}) {
            RunOptions options;
            options.securityOptions = {bad};
            auto refused = build(shellImage(), options);
            QVERIFY2(!refused, bad);
            QCOMPARE(refused.error().code(), ErrorCode::InvalidArgument);
        }
    }

    void limits_data()
    {
        QTest::addColumn<qint64>("memory");       // 0: not given
        QTest::addColumn<qint64>("swap");         // 0: not given
        QTest::addColumn<double>("cpus");         // 0: not given
        QTest::addColumn<qint64>("shares");       // 0: not given
        QTest::addColumn<qint64>("pids");         // 0: not given
        QTest::addColumn<QString>("expected");    // linux.resources as JSON, or "error: …"

        const qint64 mib = 1024 * 1024;
        QTest::newRow("none") << 0LL << 0LL << 0.0 << 0LL << 0LL << "{}";
        QTest::newRow("memory gets as much swap")
            << 64 * mib << 0LL << 0.0 << 0LL << 0LL << R"({"memory":{"limit":67108864,"swap":134217728}})";
        QTest::newRow("swap unlimited") << 64 * mib << -1LL << 0.0 << 0LL << 0LL << R"({"memory":{"limit":67108864,"swap":-1}})";
        QTest::newRow("swap given") << 64 * mib << 96 * mib << 0.0 << 0LL << 0LL << R"({"memory":{"limit":67108864,"swap":100663296}})";
        QTest::newRow("half a cpu") << 0LL << 0LL << 0.5 << 0LL << 0LL << R"({"cpu":{"period":100000,"quota":50000}})";
        QTest::newRow("1.25 cpus and shares") << 0LL << 0LL << 1.25 << 512LL << 0LL
                                              << R"({"cpu":{"period":100000,"quota":125000,"shares":512}})";
        QTest::newRow("shares clamped") << 0LL << 0LL << 0.0 << 1LL << 0LL << R"({"cpu":{"shares":2}})";
        QTest::newRow("pids") << 0LL << 0LL << 0.0 << 0LL << 100LL << R"({"pids":{"limit":100}})";
        QTest::newRow("pids -1 unlimited") << 0LL << 0LL << 0.0 << 0LL << -1LL << "{}";
        QTest::newRow("memory too small") << 1 * mib << 0LL << 0.0 << 0LL << 0LL << "error: minimum of 6 MiB";
        QTest::newRow("swap without memory") << 0LL << 64 * mib << 0.0 << 0LL << 0LL << "error: needs --memory";
        QTest::newRow("swap below memory") << 64 * mib << 32 * mib << 0.0 << 0LL << 0LL << "error: smaller than --memory";
        QTest::newRow("too few cpus") << 0LL << 0LL << 0.001 << 0LL << 0LL << "error: out of range";
        QTest::newRow("more cpus than the host") << 0LL << 0LL << 100000.0 << 0LL << 0LL << "error: out of range";
        QTest::newRow("negative shares") << 0LL << 0LL << 0.0 << -5LL << 0LL << "error: negative";
    }

    void limits()
    {
        QFETCH(qint64, memory);
        QFETCH(qint64, swap);
        QFETCH(double, cpus);
        QFETCH(qint64, shares);
        QFETCH(qint64, pids);
        QFETCH(QString, expected);
        RunOptions options;
        if (memory)
            options.memoryBytes = memory;
        if (swap)
            options.memorySwapBytes = swap;
        if (cpus != 0)
            options.cpus = cpus;
        if (shares)
            options.cpuShares = shares;
        if (pids)
            options.pidsLimit = pids;
        if (expected.startsWith(QStringLiteral("error: "))) {
            auto refused = build(shellImage(), options);
            QVERIFY(!refused);
            QCOMPARE(refused.error().code(), ErrorCode::InvalidArgument);
            QVERIFY2(refused.error().message().find(expected.mid(7).toStdString()) != std::string::npos,
                     refused.error().describe().c_str());
            return;
        }
        const json spec = mustBuild(shellImage(), options);
        QVERIFY(!spec.is_null());
        QCOMPARE(QString::fromStdString(spec["linux"]["resources"].dump()), expected);
        QCOMPARE(spec["linux"]["cgroupsPath"].get<std::string>(), std::string("/berth/" + id_));
    }

    void ulimits_data()
    {
        QTest::addColumn<QStringList>("ulimits");
        QTest::addColumn<QString>("expected"); // process.rlimits as JSON, or "error: …"
        QTest::newRow("soft and hard") << QStringList{"nofile=1024:2048"}
                                       << R"([{"hard":2048,"soft":1024,"type":"RLIMIT_NOFILE"}])";
        QTest::newRow("soft only is both") << QStringList{"nproc=512"} << R"([{"hard":512,"soft":512,"type":"RLIMIT_NPROC"}])";
        QTest::newRow("unlimited") << QStringList{"core=-1"}
                                   << R"([{"hard":18446744073709551615,"soft":18446744073709551615,"type":"RLIMIT_CORE"}])";
        QTest::newRow("last wins, order kept") << QStringList{"nofile=1:2", "stack=8192", "nofile=3:4"}
                                               << R"([{"hard":4,"soft":3,"type":"RLIMIT_NOFILE"},{"hard":8192,"soft":8192,"type":"RLIMIT_STACK"}])";
        QTest::newRow("unknown name") << QStringList{"files=10"} << "error: unknown limit `files`";
        QTest::newRow("soft above hard") << QStringList{"nofile=10:5"} << "error: soft limit is above";
        QTest::newRow("not a number") << QStringList{"nofile=lots"} << "error: `lots` is not a number";
        QTest::newRow("no value") << QStringList{"nofile"} << "error: not name=soft[:hard]";
    }

    void ulimits()
    {
        QFETCH(QStringList, ulimits);
        QFETCH(QString, expected);
        RunOptions options;
        options.ulimits = strings(ulimits);
        if (expected.startsWith(QStringLiteral("error: "))) {
            auto refused = build(shellImage(), options);
            QVERIFY(!refused);
            QVERIFY2(refused.error().message().find(expected.mid(7).toStdString()) != std::string::npos,
                     refused.error().describe().c_str());
            return;
        }
        const json spec = mustBuild(shellImage(), options);
        QVERIFY(!spec.is_null());
        QCOMPARE(QString::fromStdString(spec["process"]["rlimits"].dump()), expected);
    }

    void mounts()
    {
        RunOptions options;
        options.tmpfs = {"/run:exec,size=1m,mode=700,size=2m", "/dev/shm:size=128m"};
        options.binds = {"/srv/cache:/data/cache:ro", "/srv/data:/data/"};
        options.volumeMounts = {{"/var/lib/berth/volumes/db/_data", "/var/lib/db", false}};
        options.readOnly = true;
        const json spec = mustBuild(shellImage(), options);
        QVERIFY(!spec.is_null());
        QCOMPARE(spec["root"]["readonly"].get<bool>(), true);
        QCOMPARE(spec["root"]["path"].get<std::string>(), rootfs_.toStdString());

        const json *run = findMount(spec, "/run");
        QVERIFY(run);
        QCOMPARE(qstrings((*run)["options"]), (QStringList{"nosuid", "nodev", "rprivate", "exec", "mode=700", "size=2m"}));
        // The user's /dev/shm replaces Docker's default one.
        int shmMounts = 0;
        for (const auto &mount : spec["mounts"])
            shmMounts += mount["destination"] == "/dev/shm";
        QCOMPARE(shmMounts, 1);
        QVERIFY(qstrings((*findMount(spec, "/dev/shm"))["options"]).contains(QStringLiteral("size=128m")));

        const json *data = findMount(spec, "/data");
        const json *cache = findMount(spec, "/data/cache");
        QVERIFY(data && cache);
        QCOMPARE((*data)["type"].get<std::string>(), std::string("bind"));
        QCOMPARE((*data)["source"].get<std::string>(), std::string("/srv/data"));
        QCOMPARE(qstrings((*data)["options"]), (QStringList{"rbind", "rprivate"}));
        QCOMPARE(qstrings((*cache)["options"]), (QStringList{"rbind", "rprivate", "ro"}));
        QVERIFY(data < cache); // parents first
        QCOMPARE((*findMount(spec, "/var/lib/db"))["source"].get<std::string>(), std::string("/var/lib/berth/volumes/db/_data"));
        QVERIFY(findMount(spec, "/proc") && findMount(spec, "/dev/pts"));

        struct Bad {
            std::vector<std::string> tmpfs;
            std::vector<std::string> binds;
            const char *message;
        };
        for (const Bad &bad : {Bad{{"relative"}, {}, "not an absolute path"},
                               Bad{{"/run:bogus"}, {}, "unknown option `bogus`"},
                               Bad{{"/run:colour=red"}, {}, "not a tmpfs option"},
                               Bad{{"/"}, {}, "the container's root"},
                               Bad{{}, {"myvolume:/data"}, "named volume"},
                               Bad{{}, {"/srv:/data:rx"}, "neither ro nor rw"},
                               Bad{{}, {"/srv"}, "not /host/path:/container/path"},
                               Bad{{"/data"}, {"/srv:/data"}, "two mounts go to `/data`"}}) {
            RunOptions badOptions;
            badOptions.tmpfs = bad.tmpfs;
            badOptions.binds = bad.binds;
            auto refused = build(shellImage(), badOptions);
            QVERIFY2(!refused, bad.message);
            QCOMPARE(refused.error().code(), ErrorCode::InvalidArgument);
            QVERIFY2(refused.error().message().find(bad.message) != std::string::npos, refused.error().describe().c_str());
        }
    }

    void workdirNetworkHostnameAnnotations()
    {
        ImageRunConfig image = shellImage();
        image.workingDir = "/srv/app/";
        image.stopSignal = "SIGQUIT";
        RunOptions options;
        options.imageName = "docker.io/library/busybox:latest";
        json spec = mustBuild(image, options);
        QCOMPARE(spec["process"]["cwd"].get<std::string>(), std::string("/srv/app"));
        QCOMPARE(spec["annotations"][std::string(berth::container::imageNameAnnotation)].get<std::string>(), std::string("docker.io/library/busybox:latest"));
        QCOMPARE(spec["annotations"]["org.opencontainers.image.stopSignal"].get<std::string>(), std::string("SIGQUIT"));
        QStringList namespaces;
        for (const auto &space : spec["linux"]["namespaces"])
            namespaces << QString::fromStdString(space["type"].get<std::string>());
        QCOMPARE(namespaces, (QStringList{"pid", "mount", "uts", "ipc", "network", "cgroup"}));

        QCOMPARE(mustBuild(shellImage(), {})["process"]["cwd"].get<std::string>(), std::string("/"));
        QVERIFY(!mustBuild(shellImage(), {}).contains("annotations"));

        options.workdir = "/tmp";
        options.hostname = "web-1";
        options.network = berth::container::NetworkMode::Host;
        spec = mustBuild(image, options);
        QCOMPARE(spec["process"]["cwd"].get<std::string>(), std::string("/tmp"));
        QCOMPARE(spec["hostname"].get<std::string>(), std::string("web-1"));
        QVERIFY(qstrings(spec["process"]["env"]).contains(QStringLiteral("HOSTNAME=web-1")));
        namespaces.clear();
        for (const auto &space : spec["linux"]["namespaces"])
            namespaces << QString::fromStdString(space["type"].get<std::string>());
        QVERIFY(!namespaces.contains(QStringLiteral("network")));

        // Host network without -h: the host's own name, as Docker.
        RunOptions hostNetwork;
        hostNetwork.network = berth::container::NetworkMode::Host;
        char hostname[256] = {};
        QCOMPARE(::gethostname(hostname, sizeof hostname - 1), 0);
        QCOMPARE(mustBuild(shellImage(), hostNetwork)["hostname"].get<std::string>(), std::string(hostname));

        RunOptions relative;
        relative.workdir = "app";
        auto refused = build(shellImage(), relative);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message().find("`app` is not absolute") != std::string::npos, refused.error().describe().c_str());
        RunOptions badHost;
        badHost.hostname = "bad host/name";
        QVERIFY(!build(shellImage(), badHost));
        QVERIFY(!berth::container::buildContainerSpec(shellImage(), {}, rootfs_.toStdString(), "../escape"));
        QVERIFY(!berth::container::buildContainerSpec(shellImage(), {}, "relative/rootfs", id_));
        RunOptions badEnv;
        badEnv.env = {"=value"};
        auto noName = build(shellImage(), badEnv);
        QVERIFY(!noName);
        QVERIFY2(noName.error().message().find("no variable name") != std::string::npos, noName.error().describe().c_str());
    }

    // The spec as `berth run` will write it, run by berth-runtime in a busybox rootfs.
    void runsInBerthRuntime()
    {
        if (!berth::test::isRoot())
            QSKIP("berth-runtime needs root to create namespaces and cgroups");
        const QString runtime = qEnvironmentVariable("BERTH_RUNTIME");
        QVERIFY2(!runtime.isEmpty(), "BERTH_RUNTIME must name the berth-runtime executable");
        const QString bundle = workspace_.filePath(QStringLiteral("bundle"));
        const QString rootfs = bundle + QStringLiteral("/rootfs");
        for (const char *directory : {"bin", "tmp", "etc", "data", "run", "home/app", "proc", "sys", "dev"})
            QVERIFY(QDir().mkpath(rootfs + QLatin1Char('/') + QLatin1String(directory)));
        QVERIFY2(QFile::copy(QStringLiteral("/bin/busybox"), rootfs + QStringLiteral("/bin/busybox")),
                 "busybox-static must be installed (/bin/busybox)");
        auto applets = berth::test::run(QStringLiteral("/bin/busybox"), {QStringLiteral("--list")});
        for (const auto &applet : applets.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            QFile::link(QStringLiteral("busybox"), rootfs + QStringLiteral("/bin/") + applet);
        QVERIFY(QFile::copy(rootfs_ + QStringLiteral("/etc/passwd"), rootfs + QStringLiteral("/etc/passwd")));
        QVERIFY(QFile::copy(rootfs_ + QStringLiteral("/etc/group"), rootfs + QStringLiteral("/etc/group")));
        const QString shared = workspace_.filePath(QStringLiteral("shared"));
        QVERIFY(writeFile(shared + QStringLiteral("/hello"), "hello from the host\n"));

        auto image = berth::container::parseImageRunConfig(json::parse(R"({
            "Env": ["PATH=/bin", "FROM_IMAGE=yes"], "Entrypoint": ["/bin/sh", "-c"], "Cmd": ["echo image cmd"],
            "WorkingDir": "/home/app", "User": "app"})"));
        QVERIFY(image.has_value());
        RunOptions options;
        options.command = {"id; echo cwd=$(pwd); env | sort; cat /data/hello; (touch /data/x) 2>/dev/null && echo data=rw || "
                           "echo data=ro; (touch /rootfile) 2>/dev/null && echo root=rw || echo root=ro; touch /run/ok && "
                           "echo run=rw; grep -E '^(CapEff|CapBnd|Seccomp):' /proc/self/status; ulimit -n"};
        options.env = {"FOO=bar baz"};
        options.binds = {shared.toStdString() + ":/data:ro"};
        options.tmpfs = {"/run:size=1m,mode=1777"};
        options.readOnly = true;
        options.ulimits = {"nofile=512:512"};
        options.imageName = "test/busybox:spec";
        const std::string id = "5bec" + std::to_string(::getpid()) + "0000000000000000";
        auto spec = berth::container::buildContainerSpec(*image, options, rootfs.toStdString(), id);
        QVERIFY2(spec.has_value(), spec ? "" : spec.error().describe().c_str());
        std::ofstream(QString(bundle + QStringLiteral("/config.json")).toStdString()) << spec->dump(2);

        auto result = berth::test::run(runtime, {QStringLiteral("--root"), workspace_.filePath(QStringLiteral("state")),
                                                 QStringLiteral("run"), QStringLiteral("--bundle"), bundle, QString::fromStdString(id)});
        const QString out = result.out;
        QVERIFY2(result.exitCode == 0, qPrintable(out + result.err));
        QVERIFY2(out.contains(QStringLiteral("uid=1000(app) gid=1000(app)")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("10(wheel)")) && out.contains(QStringLiteral("29(audio)")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("cwd=/home/app\n")), qPrintable(out));
        for (const QString &variable : {QStringLiteral("FOO=bar baz"), QStringLiteral("FROM_IMAGE=yes"), QStringLiteral("HOME=/home/app"),
                                        QStringLiteral("PATH=/bin"), QStringLiteral("HOSTNAME=") + QString::fromStdString(id.substr(0, 12))})
            QVERIFY2(out.contains(variable + QLatin1Char('\n')), qPrintable(variable + QStringLiteral(" missing in:\n") + out));
        QVERIFY2(!out.contains(QStringLiteral("image cmd")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("hello from the host\n")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("data=ro")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("root=ro")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("run=rw")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("CapEff:\t0000000000000000")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("CapBnd:\t00000000a80425fb")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("Seccomp:\t2")), qPrintable(out));
        QVERIFY2(out.trimmed().endsWith(QStringLiteral("512")), qPrintable(out));
        QVERIFY(!QFileInfo::exists(shared + QStringLiteral("/x")));
    }
};

QTEST_GUILESS_MAIN(ContainerSpecTest)
#include "tst_container_spec.moc"
