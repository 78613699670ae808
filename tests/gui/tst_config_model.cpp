// ConfigModel against the real helper: empty until the helper answers, then one row per
// setting; saving, refusals, resets, and changes made by another client (the CLI).
#include "config_model.h"
#include "helper_client.h"
#include "test_support.h"

#include "engine/core/settings.h"

#include <QAbstractItemModelTester>
#include <QDBusConnection>
#include <QSignalSpy>
#include <QTest>

namespace {

constexpr int helperTimeoutMs = 15000;

QString cliValue(const QString &key)
{
    const auto result = berth::test::runCli({QStringLiteral("config"), QStringLiteral("get"), key});
    return result.exitCode == 0 ? result.out.trimmed() : QStringLiteral("<berth config get failed: %1>").arg(result.err);
}

void cliUnset(const QString &key)
{
    const auto result = berth::test::runCli({QStringLiteral("config"), QStringLiteral("unset"), key});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
}

int rowOf(const ConfigModel &model, const QString &key)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row).data(ConfigModel::KeyRole).toString() == key)
            return row;
    }
    return -1;
}

// A model that has loaded, watched by QAbstractItemModelTester for its whole life.
struct LoadedModel {
    ConfigModel model;
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
};

} // namespace

class TestConfigModel : public QObject {
    Q_OBJECT

    const QStringList touchedKeys{QStringLiteral("default-bridge-subnet"), QStringLiteral("dns"),
                                  QStringLiteral("registry-mirrors")};

    void load(ConfigModel &model)
    {
        model.reload();
        QTRY_VERIFY_WITH_TIMEOUT(!model.loading(), helperTimeoutMs);
        QCOMPARE(model.loadError(), QString());
        QCOMPARE(model.rowCount(), int(berth::settingDefinitions().size()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QDBusConnection::systemBus().isConnected(), "the fixture's private system bus is not running");
        QVERIFY(!qEnvironmentVariableIsEmpty("BERTH_CLI"));
    }

    void init()
    {
        for (const auto &key : touchedKeys)
            cliUnset(key);
    }

    void cleanupTestCase()
    {
        for (const auto &key : touchedKeys)
            cliUnset(key);
    }

    void emptyUntilTheHelperAnswersThenFull()
    {
        LoadedModel loaded;
        ConfigModel &model = loaded.model;
        QCOMPARE(model.rowCount(), 0);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy loadingChanged(&model, &ConfigModel::loadingChanged);

        model.reload();
        QVERIFY(model.loading());
        QCOMPARE(model.rowCount(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!model.loading(), helperTimeoutMs);
        QCOMPARE(model.loadError(), QString());
        QCOMPARE(loadingChanged.count(), 2);
        QCOMPARE(inserted.count(), 1);

        const auto definitions = berth::settingDefinitions();
        QCOMPARE(model.rowCount(), int(definitions.size()));
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row);
            const auto &definition = definitions[size_t(row)];
            const QString key = QString::fromUtf8(definition.key.data(), qsizetype(definition.key.size()));
            QCOMPARE(index.data(ConfigModel::KeyRole).toString(), key);
            QCOMPARE(index.data(Qt::DisplayRole).toString(), key);
            QCOMPARE(index.data(ConfigModel::ValueRole).toString(), cliValue(key));
            QVERIFY2(index.data(ConfigModel::IsDefaultRole).toBool(), qPrintable(key));
            QCOMPARE(index.data(ConfigModel::DockerKeyRole).toString(),
                     QString::fromUtf8(definition.dockerEquivalent.data(), qsizetype(definition.dockerEquivalent.size())));
            QVERIFY2(!index.data(ConfigModel::TitleRole).toString().isEmpty(), qPrintable(key));
            QVERIFY2(!index.data(ConfigModel::GroupRole).toString().isEmpty(), qPrintable(key));
            QVERIFY2(!index.data(ConfigModel::DescriptionRole).toString().isEmpty(), qPrintable(key));
            QVERIFY2(!index.data(ConfigModel::ExampleRole).toString().isEmpty(), qPrintable(key));
            QCOMPARE(index.data(ConfigModel::SavingRole).toBool(), false);
            QCOMPARE(index.data(ConfigModel::ErrorRole).toString(), QString());
        }

        // Loading again updates the rows in place.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.reload();
        QTRY_VERIFY_WITH_TIMEOUT(!model.loading(), helperTimeoutMs);
        QCOMPARE(inserted.count(), 1);
        QVERIFY(changed.count() >= 1);
        QCOMPARE(model.rowCount(), int(definitions.size()));
    }

    void refusedValueShowsTheHelpersMessage()
    {
        LoadedModel loaded;
        ConfigModel &model = loaded.model;
        load(model);
        const int row = rowOf(model, QStringLiteral("default-bridge-subnet"));
        QVERIFY(row >= 0);
        QSignalSpy failed(&model, &ConfigModel::saveFailed);
        QSignalSpy saved(&model, &ConfigModel::saved);

        model.save(QStringLiteral("default-bridge-subnet"), QStringLiteral("10.88.0.0/33"));
        QCOMPARE(model.index(row).data(ConfigModel::SavingRole).toBool(), true);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, helperTimeoutMs);
        QCOMPARE(saved.count(), 0);
        const QString message = failed.at(0).at(1).toString();
        QVERIFY2(message.contains(QLatin1String("prefix length")) && message.contains(QLatin1String("33")),
                 qPrintable(message));
        QCOMPARE(model.index(row).data(ConfigModel::ErrorRole).toString(), message);
        QCOMPARE(model.index(row).data(ConfigModel::SavingRole).toBool(), false);
        QCOMPARE(model.index(row).data(ConfigModel::ValueRole).toString(), QStringLiteral("10.77.0.0/16"));
        QCOMPARE(cliValue(QStringLiteral("default-bridge-subnet")), QStringLiteral("10.77.0.0/16"));
        QCOMPARE(HelperClient::instance()->lastCommand(),
                 QStringLiteral("berth config set default-bridge-subnet 10.88.0.0/33"));
    }

    void savedValueIsTheHelpersCanonicalForm()
    {
        LoadedModel loaded;
        ConfigModel &model = loaded.model;
        load(model);
        const int row = rowOf(model, QStringLiteral("registry-mirrors"));
        QSignalSpy saved(&model, &ConfigModel::saved);

        model.save(QStringLiteral("registry-mirrors"), QStringLiteral("https://a.example.com , https://b.example.com/"));
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, helperTimeoutMs);
        const QString canonical = QStringLiteral("https://a.example.com,https://b.example.com");
        QCOMPARE(saved.at(0).at(1).toString(), canonical);
        QCOMPARE(model.index(row).data(ConfigModel::ValueRole).toString(), canonical);
        QCOMPARE(model.index(row).data(ConfigModel::IsDefaultRole).toBool(), false);
        QCOMPARE(model.index(row).data(ConfigModel::ErrorRole).toString(), QString());
        QCOMPARE(cliValue(QStringLiteral("registry-mirrors")), canonical);
        QCOMPARE(HelperClient::instance()->lastCommand(),
                 QStringLiteral("berth config set registry-mirrors 'https://a.example.com , https://b.example.com/'"));

        model.reset(QStringLiteral("registry-mirrors"));
        QTRY_VERIFY_WITH_TIMEOUT(model.index(row).data(ConfigModel::IsDefaultRole).toBool(), helperTimeoutMs);
        QCOMPARE(model.index(row).data(ConfigModel::ValueRole).toString(), QString());
        QCOMPARE(cliValue(QStringLiteral("registry-mirrors")), QString());
        QCOMPARE(HelperClient::instance()->lastCommand(), QStringLiteral("berth config unset registry-mirrors"));
    }

    void followsChangesMadeByAnotherClient()
    {
        LoadedModel loaded;
        ConfigModel &model = loaded.model;
        load(model);
        const int row = rowOf(model, QStringLiteral("dns"));
        const auto result = berth::test::runCli(
            {QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("dns"), QStringLiteral("9.9.9.9")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QTRY_COMPARE_WITH_TIMEOUT(model.index(row).data(ConfigModel::ValueRole).toString(), QStringLiteral("9.9.9.9"),
                                  helperTimeoutMs);
        QCOMPARE(model.index(row).data(ConfigModel::IsDefaultRole).toBool(), false);
    }

    void commandIsQuotedForAShell_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("command");
        QTest::newRow("plain") << QStringLiteral("10.0.0.0/16") << QStringLiteral("berth config set k 10.0.0.0/16");
        QTest::newRow("list") << QStringLiteral("https://a.example.com:5000,b")
                              << QStringLiteral("berth config set k https://a.example.com:5000,b");
        QTest::newRow("empty") << QString() << QStringLiteral("berth config set k ''");
        QTest::newRow("space") << QStringLiteral("a b") << QStringLiteral("berth config set k 'a b'");
        QTest::newRow("quote") << QStringLiteral("it's") << QStringLiteral("berth config set k 'it'\\''s'");
        QTest::newRow("dollar") << QStringLiteral("$HOME") << QStringLiteral("berth config set k '$HOME'");
    }
    void commandIsQuotedForAShell()
    {
        QFETCH(QString, value);
        QFETCH(QString, command);
        QCOMPARE(ConfigModel::commandFor(QStringLiteral("k"), value), command);
    }
};

QTEST_MAIN(TestConfigModel)
#include "tst_config_model.moc"
