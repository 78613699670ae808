#include "engine/core/settings.h"
#include "engine/core/store.h"

#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace berth;

class TestStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void createsRootAndDatabase()
    {
        QTemporaryDir directory;
        const std::filesystem::path root = directory.path().toStdString() + "/a/b/root";
        auto store = Store::open(root);
        QVERIFY2(store, store ? "" : store.error().describe().c_str());
        QVERIFY(std::filesystem::is_directory(root));
        QVERIFY(std::filesystem::exists(root / "berth.db"));
        auto counts = store->counts();
        QVERIFY(counts);
        QCOMPARE(counts->images, 0);
        QCOMPARE(counts->containers, 0);
        QCOMPARE(counts->volumes, 0);
    }

    void countsAreRead()
    {
        QTemporaryDir directory;
        auto store = Store::open(directory.path().toStdString());
        QVERIFY(store);
        QVERIFY(store->database().run("INSERT INTO volumes(name, created_at) VALUES('data', 1)"));
        QVERIFY(store->database().run("INSERT INTO volumes(name, created_at) VALUES('cache', 2)"));
        QCOMPARE(store->counts()->volumes, 2);
    }

    void secondOwnerRefused()
    {
        QTemporaryDir directory;
        auto first = Store::open(directory.path().toStdString());
        QVERIFY(first);
        // flock is per open file description, so a second open in this process conflicts too.
        auto second = Store::open(directory.path().toStdString());
        QVERIFY(!second);
        QCOMPARE(second.error().code(), ErrorCode::Conflict);
        QVERIFY(second.error().describe().find("another berth-helper") != std::string::npos);
    }

    void relativeRootRefused()
    {
        auto store = Store::open("relative/root");
        QVERIFY(!store);
        QCOMPARE(store.error().code(), ErrorCode::InvalidArgument);
    }

    void rootThatIsAFileRefused()
    {
        QTemporaryDir directory;
        const auto file = directory.path().toStdString() + "/file";
        QVERIFY(std::fclose(std::fopen(file.c_str(), "w")) == 0);
        auto store = Store::open(file);
        QVERIFY(!store);
        QVERIFY(store.error().describe().find("not a directory") != std::string::npos);
    }

    void newerSchemaRefused()
    {
        QTemporaryDir directory;
        {
            auto store = Store::open(directory.path().toStdString());
            QVERIFY(store);
            QVERIFY(store->database().execute("PRAGMA user_version = 99"));
        }
        auto store = Store::open(directory.path().toStdString());
        QVERIFY(!store);
        QCOMPARE(store.error().code(), ErrorCode::Unsupported);
        QVERIFY(store.error().describe().find("newer than this Berth") != std::string::npos);
    }

    void killDuringTransactionLosesNothingCommitted()
    {
        QTemporaryDir directory;
        const std::filesystem::path root = directory.path().toStdString();
        {
            auto store = Store::open(root);
            QVERIFY(store);
            QVERIFY(Settings(store->database()).set("log-max-file", "7"));
        }
        // A child changes a setting inside a transaction and is killed before committing,
        // as kill -9 of the helper would.
        int ready[2];
        QVERIFY(pipe(ready) == 0);
        const pid_t child = fork();
        if (child == 0) {
            close(ready[0]);
            auto store = Store::open(root);
            if (!store)
                _exit(3);
            (void)store->database().transaction([&]() -> Status {
                (void)Settings(store->database()).set("log-max-file", "9");
                (void)write(ready[1], "x", 1);
                pause();
                return {};
            });
            _exit(4);
        }
        close(ready[1]);
        char byte = 0;
        QCOMPARE(read(ready[0], &byte, 1), ssize_t(1));
        close(ready[0]);
        kill(child, SIGKILL);
        int status = 0;
        QCOMPARE(waitpid(child, &status, 0), child);
        QVERIFY(WIFSIGNALED(status));

        auto store = Store::open(root);
        QVERIFY2(store, store ? "" : store.error().describe().c_str());
        QCOMPARE(Settings(store->database()).get("log-max-file")->value, std::string("7"));
        auto check = store->database().query("PRAGMA integrity_check");
        QVERIFY(check);
        QCOMPARE(sqlText(check->front().front()), std::string("ok"));
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
