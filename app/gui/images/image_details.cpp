#include "image_details.h"

#include "command_text.h"
#include "helper_client.h"
#include "helper_connection.h"

#include "formatting.h"

#include <QDBusPendingCallWatcher>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace {

// ["/bin/sh", "-c", "echo hi"] as a person would type it, JSON-ish like docker shows it.
QString joinCommand(const QVariant &value)
{
    const QStringList words = value.toStringList();
    if (words.isEmpty())
        return {};
    QStringList quoted;
    for (const QString &word : words)
        quoted << QString::fromUtf8(QJsonDocument(QJsonArray{word}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    return QLatin1Char('[') + quoted.join(QStringLiteral(", ")) + QLatin1Char(']');
}

} // namespace

ImageDetails::ImageDetails(QObject *parent) : QObject(parent) {}

void ImageDetails::setName(const QString &name)
{
    if (name_ == name)
        return;
    name_ = name;
    Q_EMIT nameChanged();
}

void ImageDetails::reload(bool showCommand)
{
    if (name_.isEmpty())
        return;
    if (showCommand)
        HelperClient::instance()->showCommand(berth::gui::commandLine({QStringLiteral("image"), QStringLiteral("inspect"), name_}));
    if (const QString failure = HelperClient::instance()->busFailure(); !failure.isEmpty()) {
        error_ = failure;
        Q_EMIT changed();
        return;
    }
    loading_ = true;
    Q_EMIT loadingChanged();
    const QString asked = name_;
    auto *watcher = new QDBusPendingCallWatcher(HelperClient::instance()->proxy()->InspectImage(asked), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, asked]() {
        watcher->deleteLater();
        if (asked != name_)
            return;
        QDBusPendingReply<QVariantMap> reply = *watcher;
        if (reply.isError()) {
            error_ = berth::client::describeFailure(reply.error()).message;
            inspect_.clear();
            config_.clear();
            rawJson_.clear();
        } else {
            error_.clear();
            inspect_ = reply.value();
            config_ = QJsonDocument::fromJson(inspect_.value(QStringLiteral("ConfigJson")).toString().toUtf8()).object().toVariantMap();
            // The raw view: the helper's answer with the two embedded documents unfolded.
            QVariantMap whole = inspect_;
            for (const QString &key : {QStringLiteral("ConfigJson"), QStringLiteral("ManifestJson")}) {
                const auto document = QJsonDocument::fromJson(whole.value(key).toString().toUtf8());
                if (document.isObject())
                    whole.insert(key, document.object().toVariantMap());
            }
            rawJson_ = QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(whole)).toJson(QJsonDocument::Indented));
        }
        loading_ = false;
        Q_EMIT loadingChanged();
        Q_EMIT changed();
    });
}

QVariantMap ImageDetails::containerConfig() const
{
    return config_.value(QStringLiteral("config")).toMap();
}

QString ImageDetails::id() const
{
    return inspect_.value(QStringLiteral("Id")).toString();
}

QString ImageDetails::shortId() const
{
    QString hex = id();
    if (hex.startsWith(QLatin1String("sha256:")))
        hex = hex.mid(7);
    return hex.left(12);
}

QStringList ImageDetails::repoTags() const
{
    return inspect_.value(QStringLiteral("RepoTags")).toStringList();
}

QStringList ImageDetails::repoDigests() const
{
    return inspect_.value(QStringLiteral("RepoDigests")).toStringList();
}

QString ImageDetails::createdText() const
{
    const QString text = inspect_.value(QStringLiteral("Created")).toString();
    const QDateTime created = QDateTime::fromString(text, Qt::ISODateWithMs);
    return created.isValid() ? QLocale().toString(created.toLocalTime(), QLocale::LongFormat) : text;
}

QString ImageDetails::sizeText() const
{
    const qulonglong size = inspect_.value(QStringLiteral("Size")).toULongLong();
    return tr("%1 (%2 bytes)").arg(berth::client::formatDecimalSize(size), QLocale().toString(size));
}

QString ImageDetails::platform() const
{
    QString platform = config_.value(QStringLiteral("os"), inspect_.value(QStringLiteral("Os"))).toString() + QLatin1Char('/')
                     + config_.value(QStringLiteral("architecture"), inspect_.value(QStringLiteral("Architecture"))).toString();
    if (const QString variant = config_.value(QStringLiteral("variant")).toString(); !variant.isEmpty())
        platform += QLatin1Char('/') + variant;
    return platform;
}

QString ImageDetails::author() const
{
    return config_.value(QStringLiteral("author")).toString();
}

QStringList ImageDetails::env() const
{
    return containerConfig().value(QStringLiteral("Env")).toStringList();
}

QString ImageDetails::cmd() const
{
    return joinCommand(containerConfig().value(QStringLiteral("Cmd")));
}

QString ImageDetails::entrypoint() const
{
    return joinCommand(containerConfig().value(QStringLiteral("Entrypoint")));
}

QString ImageDetails::workingDir() const
{
    return containerConfig().value(QStringLiteral("WorkingDir")).toString();
}

QString ImageDetails::user() const
{
    return containerConfig().value(QStringLiteral("User")).toString();
}

QStringList ImageDetails::exposedPorts() const
{
    QStringList ports = containerConfig().value(QStringLiteral("ExposedPorts")).toMap().keys();
    ports.sort();
    return ports;
}

QStringList ImageDetails::volumes() const
{
    QStringList volumes = containerConfig().value(QStringLiteral("Volumes")).toMap().keys();
    volumes.sort();
    return volumes;
}

QString ImageDetails::stopSignal() const
{
    return containerConfig().value(QStringLiteral("StopSignal")).toString();
}

QVariantList ImageDetails::labels() const
{
    QVariantList labels;
    const QVariantMap map = containerConfig().value(QStringLiteral("Labels")).toMap();
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        labels.append(QVariantMap{{QStringLiteral("key"), it.key()}, {QStringLiteral("value"), it.value().toString()}});
    return labels;
}

QStringList ImageDetails::diffIds() const
{
    return config_.value(QStringLiteral("rootfs")).toMap().value(QStringLiteral("diff_ids")).toStringList();
}
