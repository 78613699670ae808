// The login store: how servers are named, what a login may hold, and the file's life —
// modes, atomic replacement, one lock for concurrent writers, removal.
#include "engine/image/credentials.h"

#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include <thread>
#include <vector>

using namespace berth;
using namespace berth::image;

class TestCredentials : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void serversAreNormalised_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty is Docker Hub") << "" << "docker.io";
        QTest::newRow("docker.io") << "docker.io" << "docker.io";
        QTest::newRow("legacy index URL") << "https://index.docker.io/v1/" << "docker.io";
        QTest::newRow("registry host of Hub") << "registry-1.docker.io" << "docker.io";
        QTest::newRow("host and port") << "127.0.0.1:5000" << "127.0.0.1:5000";
        QTest::newRow("scheme and path dropped") << "https://Registry.Example.com:443/v2/" << "registry.example.com:443";
        QTest::newRow("localhost") << "localhost:5000" << "localhost:5000";
    }
    void serversAreNormalised()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        auto normalised = normaliseRegistryServer(input.toStdString());
        QVERIFY2(normalised, normalised ? "" : normalised.error().describe().c_str());
        QCOMPARE(QString::fromStdString(*normalised), expected);
    }

    void badServersAreRefused_data()
    {
        QTest::addColumn<QString>("input");
        QTest::newRow("no dot, no port") << "myhost";
        QTest::newRow("space") << "my host:5000";
        QTest::newRow("bad port") << "host.example:99999";
        QTest::newRow("control character") << "host.example\n";
    }
    void badServersAreRefused()
    {
        QFETCH(QString, input);
        auto normalised = normaliseRegistryServer(input.toStdString());
        QVERIFY(!normalised);
        QCOMPARE(normalised.error().code(), ErrorCode::InvalidArgument);
        QVERIFY(normalised.error().message().find("HOST[:PORT]") != std::string::npos);
    }

    void loginsAreChecked()
    {
        QVERIFY(validateCredentials({"user", "secret"}));
        QVERIFY(!validateCredentials({"", "secret"}));
        QVERIFY(!validateCredentials({"user", ""}));
        QVERIFY(!validateCredentials({"us:er", "secret"}));
        QVERIFY(!validateCredentials({"user", "line\nbreak"}));
        QVERIFY(validateCredentials({"user", "pass:with:colons"}));
        // A refusal never quotes the password.
        const auto refused = validateCredentials({"user", std::string(5000, 'x')});
        QVERIFY(!refused);
        QVERIFY(refused.error().describe().find("xxxx") == std::string::npos);
    }

    void storeFindRemove()
    {
        QTemporaryDir root;
        CredentialStore store(root.path().toStdString());
        auto none = store.find(1000, "127.0.0.1:5000");
        QVERIFY(none && !*none);
        QVERIFY(store.store(1000, "127.0.0.1:5000", {"alice", "one"}));
        QVERIFY(store.store(1000, "docker.io", {"alice", "two"}));
        QVERIFY(store.store(1001, "127.0.0.1:5000", {"bob", "three"}));
        auto found = store.find(1000, "127.0.0.1:5000");
        QVERIFY(found && *found);
        QCOMPARE((*found)->username, std::string("alice"));
        QCOMPARE((*found)->password, std::string("one"));
        // Per user: bob's login is his alone.
        QCOMPARE((*store.find(1001, "127.0.0.1:5000"))->password, std::string("three"));
        QVERIFY(!*store.find(1001, "docker.io"));

        struct stat directory {}, file {};
        QCOMPARE(::lstat(store.directory().c_str(), &directory), 0);
        QCOMPARE(directory.st_mode & 07777, 0700u);
        QCOMPARE(::lstat(store.fileFor(1000).c_str(), &file), 0);
        QCOMPARE(file.st_mode & 07777, 0600u);

        // Replacing keeps the other entries and leaves no temporary file.
        QVERIFY(store.store(1000, "127.0.0.1:5000", {"alice", "four"}));
        QCOMPARE((*store.find(1000, "127.0.0.1:5000"))->password, std::string("four"));
        QCOMPARE((*store.find(1000, "docker.io"))->password, std::string("two"));
        for (const auto &entry : std::filesystem::directory_iterator(store.directory()))
            QVERIFY2(!entry.path().filename().string().starts_with(".tmp-"), entry.path().c_str());

        QVERIFY(*store.remove(1000, "docker.io"));
        QVERIFY(!*store.remove(1000, "docker.io"));
        QVERIFY(!*store.find(1000, "docker.io"));
        // The last login gone, the file goes too.
        QVERIFY(*store.remove(1000, "127.0.0.1:5000"));
        QVERIFY(!std::filesystem::exists(store.fileFor(1000)));
    }

    void looseDirectoryIsTightened()
    {
        QTemporaryDir root;
        CredentialStore store(root.path().toStdString());
        QVERIFY(std::filesystem::create_directory(store.directory()));
        ::chmod(store.directory().c_str(), 0755);
        QVERIFY(store.store(0, "docker.io", {"a", "b"}));
        struct stat directory {};
        QCOMPARE(::lstat(store.directory().c_str(), &directory), 0);
        QCOMPARE(directory.st_mode & 07777, 0700u);
    }

    void damagedFileIsExplained()
    {
        QTemporaryDir root;
        CredentialStore store(root.path().toStdString());
        QVERIFY(store.store(7, "docker.io", {"a", "b"}));
        {
            std::FILE *file = std::fopen(store.fileFor(7).c_str(), "w");
            std::fputs("{not json", file);
            std::fclose(file);
        }
        auto found = store.find(7, "docker.io");
        QVERIFY(!found);
        QVERIFY(found.error().message().find("damaged") != std::string::npos);
    }

    void concurrentWritersKeepEveryLogin()
    {
        QTemporaryDir root;
        CredentialStore store(root.path().toStdString());
        std::vector<std::jthread> writers;
        std::atomic<int> failures = 0;
        for (int index = 0; index < 8; ++index) {
            writers.emplace_back([&, index] {
                if (!store.store(42, "registry" + std::to_string(index) + ".example:5000", {"u", "p" + std::to_string(index)}))
                    ++failures;
            });
        }
        writers.clear();
        QCOMPARE(failures.load(), 0);
        for (int index = 0; index < 8; ++index) {
            auto found = store.find(42, "registry" + std::to_string(index) + ".example:5000");
            QVERIFY(found && *found);
            QCOMPARE((*found)->password, "p" + std::to_string(index));
        }
    }
};

QTEST_GUILESS_MAIN(TestCredentials)
#include "tst_credentials.moc"
