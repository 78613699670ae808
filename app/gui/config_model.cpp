#include "config_model.h"

#include "helper_client.h"
#include "helper_connection.h"

#include "engine/core/settings.h"

#include <QDBusPendingCallWatcher>
#include <QRegularExpression>

namespace {

QString fromView(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

QString descriptionOf(const QString &key)
{
    if (key == QLatin1String("registry-mirrors"))
        return ConfigModel::tr("Mirrors tried before Docker Hub when pulling, in order. A nearby mirror makes pulls "
                               "much faster (for example in mainland China).");
    if (key == QLatin1String("insecure-registries"))
        return ConfigModel::tr("Registries that may be reached over plain HTTP or with an unverified certificate. "
                               "Registries on 127.0.0.0/8 are always allowed.");
    if (key == QLatin1String("default-bridge-subnet"))
        return ConfigModel::tr("The private address range of the default bridge network that containers join.");
    if (key == QLatin1String("dns"))
        return ConfigModel::tr("DNS servers given to containers instead of the host's.");
    if (key == QLatin1String("log-max-size"))
        return ConfigModel::tr("How large a container's log may grow before it is rotated.");
    if (key == QLatin1String("log-max-file"))
        return ConfigModel::tr("How many rotated log files are kept per container.");
    if (key == QLatin1String("max-concurrent-downloads"))
        return ConfigModel::tr("How many layers are downloaded at once during a pull.");
    if (key == QLatin1String("max-concurrent-uploads"))
        return ConfigModel::tr("How many layers are uploaded at once during a push.");
    if (key == QLatin1String("max-layer-size"))
        return ConfigModel::tr("The largest a layer may be once decompressed; a bigger one is refused as a likely "
                               "decompression bomb.");
    if (key == QLatin1String("max-download-attempts"))
        return ConfigModel::tr("How many times a failed layer download is tried.");
    return {};
}

QString titleOf(const QString &key)
{
    if (key == QLatin1String("registry-mirrors"))
        return ConfigModel::tr("Registry mirrors");
    if (key == QLatin1String("insecure-registries"))
        return ConfigModel::tr("Insecure registries");
    if (key == QLatin1String("default-bridge-subnet"))
        return ConfigModel::tr("Default bridge subnet");
    if (key == QLatin1String("dns"))
        return ConfigModel::tr("DNS servers");
    if (key == QLatin1String("log-max-size"))
        return ConfigModel::tr("Largest log file");
    if (key == QLatin1String("log-max-file"))
        return ConfigModel::tr("Log files kept");
    if (key == QLatin1String("max-concurrent-downloads"))
        return ConfigModel::tr("Parallel downloads");
    if (key == QLatin1String("max-concurrent-uploads"))
        return ConfigModel::tr("Parallel uploads");
    if (key == QLatin1String("max-layer-size"))
        return ConfigModel::tr("Largest layer");
    if (key == QLatin1String("max-download-attempts"))
        return ConfigModel::tr("Download attempts");
    return key;
}

QString groupOf(const berth::SettingDefinition &definition)
{
    switch (definition.kind) {
    case berth::SettingKind::UrlList:
    case berth::SettingKind::RegistryList: return ConfigModel::tr("Registries");
    case berth::SettingKind::Subnet:
    case berth::SettingKind::AddressList: return ConfigModel::tr("Network");
    case berth::SettingKind::Size:
    case berth::SettingKind::Integer: break;
    }
    return definition.key.starts_with("log-") ? ConfigModel::tr("Container logs") : ConfigModel::tr("Pulling and pushing");
}

QString exampleOf(const berth::SettingDefinition &definition)
{
    switch (definition.kind) {
    case berth::SettingKind::UrlList: return QStringLiteral("https://mirror.example.com");
    case berth::SettingKind::RegistryList: return QStringLiteral("registry.local:5000, 192.168.0.0/16");
    case berth::SettingKind::AddressList: return QStringLiteral("10.77.0.1");
    case berth::SettingKind::Subnet: return QStringLiteral("10.77.0.0/16");
    case berth::SettingKind::Size:
        return definition.defaultValue.empty() ? QStringLiteral("10m") : fromView(definition.defaultValue);
    case berth::SettingKind::Integer: return fromView(definition.defaultValue);
    }
    return {};
}

} // namespace

ConfigModel::ConfigModel(QObject *parent) : QAbstractListModel(parent)
{
    connect(HelperClient::instance(), &HelperClient::configChanged, this, [this](const QString &key, const QString &value) {
        updateRow(key, [&](Row &row) {
            const auto *definition = berth::findSetting(key.toStdString());
            row.value = value;
            row.isDefault = definition && value == fromView(definition->defaultValue);
        });
    });
}

int ConfigModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(rows_.size());
}

QVariant ConfigModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = rows_.at(index.row());
    const auto *definition = berth::findSetting(row.key.toStdString());
    switch (role) {
    case Qt::DisplayRole:
    case KeyRole: return row.key;
    case ValueRole: return row.value;
    case IsDefaultRole: return row.isDefault;
    case DefaultValueRole: return definition ? fromView(definition->defaultValue) : QString();
    case DockerKeyRole: return definition ? fromView(definition->dockerEquivalent) : QString();
    case TitleRole: return titleOf(row.key);
    case GroupRole: return definition ? groupOf(*definition) : QString();
    case DescriptionRole: return descriptionOf(row.key);
    case ExampleRole: return definition ? exampleOf(*definition) : QString();
    case SavingRole: return row.saving;
    case ErrorRole: return row.error;
    default: return {};
    }
}

QHash<int, QByteArray> ConfigModel::roleNames() const
{
    return {{KeyRole, "key"},
            {ValueRole, "value"},
            {IsDefaultRole, "isDefault"},
            {DefaultValueRole, "defaultValue"},
            {DockerKeyRole, "dockerKey"},
            {TitleRole, "title"},
            {GroupRole, "group"},
            {DescriptionRole, "description"},
            {ExampleRole, "example"},
            {SavingRole, "saving"},
            {ErrorRole, "errorText"}};
}

int ConfigModel::rowOf(const QString &key) const
{
    for (int index = 0; index < rows_.size(); ++index) {
        if (rows_.at(index).key == key)
            return index;
    }
    return -1;
}

void ConfigModel::updateRow(const QString &key, const std::function<void(Row &)> &change)
{
    const int index = rowOf(key);
    if (index < 0)
        return;
    change(rows_[index]);
    Q_EMIT dataChanged(this->index(index), this->index(index));
}

void ConfigModel::setLoading(bool loading)
{
    if (loading_ == loading)
        return;
    loading_ = loading;
    Q_EMIT loadingChanged();
}

void ConfigModel::reload()
{
    HelperClient::instance()->showCommand(QStringLiteral("berth config get"));
    if (const QString failure = HelperClient::instance()->busFailure(); !failure.isEmpty()) {
        if (loadError_ != failure) {
            loadError_ = failure;
            Q_EMIT loadErrorChanged();
        }
        return;
    }
    setLoading(true);
    auto *watcher = new QDBusPendingCallWatcher(HelperClient::instance()->proxy()->GetConfig(QString()), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher]() {
        watcher->deleteLater();
        QDBusPendingReply<QVariantMap, QStringList> reply = *watcher;
        const QString error = reply.isError() ? berth::client::describeFailure(reply.error()).message : QString();
        if (reply.isValid()) {
            const QVariantMap values = reply.argumentAt<0>();
            const QStringList explicitKeys = reply.argumentAt<1>();
            // The GUI lists the keys it can explain, in the CLI's order; the helper says
            // what each is set to.
            QList<Row> fresh;
            for (const auto &definition : berth::settingDefinitions()) {
                const QString key = fromView(definition.key);
                fresh.append(Row{key, values.value(key, fromView(definition.defaultValue)).toString(),
                                 !explicitKeys.contains(key), false, {}});
            }
            if (rows_.isEmpty()) {
                beginInsertRows({}, 0, int(fresh.size()) - 1);
                rows_ = std::move(fresh);
                endInsertRows();
            } else {
                rows_ = std::move(fresh);
                Q_EMIT dataChanged(index(0), index(int(rows_.size()) - 1));
            }
        }
        if (loadError_ != error) {
            loadError_ = error;
            Q_EMIT loadErrorChanged();
        }
        setLoading(false);
    });
}

QString ConfigModel::commandFor(const QString &key, const QString &value)
{
    QString quotedValue = value;
    if (value.isEmpty() || value.contains(QRegularExpression(QStringLiteral("[^A-Za-z0-9_./:,=@%+-]"))))
        quotedValue = QLatin1Char('\'') + QString(value).replace(QLatin1Char('\''), QStringLiteral("'\\''")) + QLatin1Char('\'');
    return QStringLiteral("berth config set %1 %2").arg(key, quotedValue);
}

void ConfigModel::save(const QString &key, const QString &value)
{
    HelperClient::instance()->showCommand(commandFor(key, value));
    if (const QString failure = HelperClient::instance()->busFailure(); !failure.isEmpty()) {
        updateRow(key, [&](Row &row) { row.error = failure; });
        Q_EMIT saveFailed(key, failure);
        return;
    }
    updateRow(key, [](Row &row) {
        row.saving = true;
        row.error.clear();
    });
    auto *watcher = new QDBusPendingCallWatcher(HelperClient::instance()->changeProxy()->SetConfig(key, value), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, key]() {
        watcher->deleteLater();
        QDBusPendingReply<QString> reply = *watcher;
        if (reply.isError()) {
            const QString message = berth::client::describeFailure(reply.error()).message;
            updateRow(key, [&](Row &row) {
                row.saving = false;
                row.error = message;
            });
            Q_EMIT saveFailed(key, message);
            return;
        }
        const QString canonical = reply.value();
        updateRow(key, [&](Row &row) {
            row.saving = false;
            row.value = canonical;
            row.isDefault = false;
        });
        Q_EMIT saved(key, canonical);
    });
}

void ConfigModel::reset(const QString &key)
{
    HelperClient::instance()->showCommand(QStringLiteral("berth config unset %1").arg(key));
    if (const QString failure = HelperClient::instance()->busFailure(); !failure.isEmpty()) {
        updateRow(key, [&](Row &row) { row.error = failure; });
        Q_EMIT saveFailed(key, failure);
        return;
    }
    updateRow(key, [](Row &row) {
        row.saving = true;
        row.error.clear();
    });
    auto *watcher = new QDBusPendingCallWatcher(HelperClient::instance()->changeProxy()->ResetConfig(key), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, key]() {
        watcher->deleteLater();
        QDBusPendingReply<> reply = *watcher;
        const QString message = reply.isError() ? berth::client::describeFailure(reply.error()).message : QString();
        const auto *definition = berth::findSetting(key.toStdString());
        updateRow(key, [&](Row &row) {
            row.saving = false;
            row.error = message;
            if (message.isEmpty() && definition) {
                row.value = fromView(definition->defaultValue);
                row.isDefault = true;
            }
        });
        if (!message.isEmpty())
            Q_EMIT saveFailed(key, message);
    });
}
