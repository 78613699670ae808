#include "engine/core/settings.h"
#include "engine/core/store.h"

#include <QTemporaryDir>
#include <QTest>

using namespace berth;

class TestSettings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void canonicalValues_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("mirror lowercased, slash dropped") << "registry-mirrors" << "HTTPS://Mirror.Example.COM/" << "https://mirror.example.com";
        QTest::newRow("mirrors split on comma and space, deduplicated")
            << "registry-mirrors" << "https://a.example, http://b.example:5000/v2  https://a.example" << "https://a.example,http://b.example:5000/v2";
        QTest::newRow("empty list") << "registry-mirrors" << "" << "";
        QTest::newRow("insecure host, port, cidr") << "insecure-registries" << "Registry.Local:5000 192.168.0.0/16" << "registry.local:5000,192.168.0.0/16";
        QTest::newRow("ipv6 registry") << "insecure-registries" << "[fd00::1]:5000" << "[fd00::1]:5000";
        QTest::newRow("subnet") << "default-bridge-subnet" << " 10.77.0.0/16 " << "10.77.0.0/16";
        QTest::newRow("subnet 172.16/12") << "default-bridge-subnet" << "172.20.0.0/16" << "172.20.0.0/16";
        QTest::newRow("dns v4 and v6") << "dns" << "10.77.0.1, fd00:0::53" << "10.77.0.1,fd00::53";
        QTest::newRow("size in m") << "log-max-size" << "20M" << "20m";
        QTest::newRow("size in bytes to k") << "log-max-size" << "8192" << "8k";
        QTest::newRow("size with b suffix") << "log-max-size" << "1gb" << "1g";
        QTest::newRow("integer") << "max-concurrent-downloads" << " 6 " << "6";
    }
    void canonicalValues()
    {
        QFETCH(QString, key);
        QFETCH(QString, input);
        QFETCH(QString, canonical);
        auto result = canonicalSettingValue(key.toStdString(), input.toStdString());
        QVERIFY2(result.has_value(), result ? "" : result.error().describe().c_str());
        QCOMPARE(QString::fromStdString(*result), canonical);
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expectedText");
        QTest::newRow("unknown key") << "registry-mirror" << "x" << "unknown setting `registry-mirror`; known settings: registry-mirrors";
        QTest::newRow("mirror without scheme") << "registry-mirrors" << "mirror.example.com" << "write it as https://HOST";
        QTest::newRow("mirror ftp") << "registry-mirrors" << "ftp://mirror.example.com" << "is not a mirror URL";
        QTest::newRow("mirror bad host") << "registry-mirrors" << "https://bad_host!/" << "is not a valid host name";
        QTest::newRow("mirror bad port") << "registry-mirrors" << "https://m.example:99999" << "is not a port number";
        QTest::newRow("mirror query") << "registry-mirrors" << "https://m.example/x?y=1" << "must not have a query";
        QTest::newRow("insecure with scheme") << "insecure-registries" << "http://r.local" << "has a scheme";
        QTest::newRow("insecure bad cidr") << "insecure-registries" << "10.0.0.0/40" << "prefix length";
        QTest::newRow("subnet public") << "default-bridge-subnet" << "8.8.0.0/16" << "not inside a private range";
        QTest::newRow("subnet host bits") << "default-bridge-subnet" << "10.77.0.1/16" << "the network address is 10.77.0.0/16";
        QTest::newRow("subnet no prefix") << "default-bridge-subnet" << "10.77.0.0" << "has no prefix length";
        QTest::newRow("subnet too small") << "default-bridge-subnet" << "10.77.0.0/30" << "between 8 and 28";
        QTest::newRow("dns name") << "dns" << "dns.example" << "is not an IP address";
        QTest::newRow("size junk") << "log-max-size" << "ten megs" << "is not a size";
        QTest::newRow("size too small") << "log-max-size" << "1k" << "out of range";
        QTest::newRow("integer junk") << "log-max-file" << "3x" << "is not a whole number";
        QTest::newRow("integer too big") << "max-concurrent-downloads" << "1000" << "out of range; use 1 to 32";
        QTest::newRow("integer zero") << "log-max-file" << "0" << "out of range";
        QTest::newRow("too long") << "registry-mirrors" << QString(5000, QLatin1Char('a')) << "longer than 4096 bytes";
    }
    void refusals()
    {
        QFETCH(QString, key);
        QFETCH(QString, input);
        QFETCH(QString, expectedText);
        auto result = canonicalSettingValue(key.toStdString(), input.toStdString());
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().code(), ErrorCode::InvalidArgument);
        const QString text = QString::fromStdString(result.error().describe());
        QVERIFY2(text.contains(expectedText), qPrintable(text));
    }

    void nulByteRefused()
    {
        auto result = canonicalSettingValue("dns", std::string_view("10.0.0.1\0", 9));
        QVERIFY(!result);
        QVERIFY(result.error().describe().find("NUL") != std::string::npos);
    }

    void storedSettingsSurviveReopening()
    {
        QTemporaryDir directory;
        const std::filesystem::path root = directory.path().toStdString() + "/root";
        {
            auto store = Store::open(root);
            QVERIFY(store);
            Settings settings(store->database());
            auto value = settings.get("log-max-size");
            QVERIFY(value);
            QCOMPARE(value->value, std::string("10m"));
            QVERIFY(value->isDefault);
            auto stored = settings.set("log-max-size", "2048k");
            QVERIFY(stored);
            QCOMPARE(*stored, std::string("2m"));
            QVERIFY(!settings.set("log-max-size", "huge"));
        }
        {
            auto store = Store::open(root);
            QVERIFY(store);
            Settings settings(store->database());
            auto value = settings.get("log-max-size");
            QCOMPARE(value->value, std::string("2m"));
            QVERIFY(!value->isDefault);
            auto all = settings.all();
            QVERIFY(all);
            QCOMPARE(all->size(), settingDefinitions().size());
            QVERIFY(settings.reset("log-max-size"));
            QVERIFY(settings.get("log-max-size")->isDefault);
            QVERIFY(!settings.reset("no-such-key"));
            QVERIFY(!settings.get("no-such-key"));
        }
    }

    void everyDefaultIsValid()
    {
        for (const auto &definition : settingDefinitions()) {
            auto canonical = canonicalSettingValue(definition.key, definition.defaultValue);
            QVERIFY2(canonical, std::string(definition.key).c_str());
            QCOMPARE(*canonical, std::string(definition.defaultValue));
        }
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
