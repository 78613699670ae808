#include "volume_details.h"

#include "command_text.h"
#include "helper_client.h"
#include "helper_connection.h"

#include "formatting.h"

#include <QDBusPendingCallWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

VolumeDetails::VolumeDetails(QObject *parent) : QObject(parent) {}

QString VolumeDetails::sizeText() const
{
    return sizeBytes_ < 0 ? QString() : berth::client::formatDecimalSize(quint64(sizeBytes_));
}

void VolumeDetails::load(const QString &name, bool showCommand)
{
    if (showCommand)
        HelperClient::instance()->showCommand(berth::gui::commandLine({QStringLiteral("volume"), QStringLiteral("inspect"), name}));
    if (name != name_) {
        name_ = name;
        inspectText_.clear();
        sizeBytes_ = -1;
        error_.clear();
        Q_EMIT loaded();
    }
    if (const QString failure = HelperClient::instance()->busFailure(); !failure.isEmpty()) {
        error_ = failure;
        Q_EMIT loaded();
        return;
    }
    // A later load wins over an answer still on its way for another volume.
    const quint64 generation = ++generation_;
    loading_ = true;
    Q_EMIT loadingChanged();
    auto *watcher = new QDBusPendingCallWatcher(HelperClient::instance()->proxy()->InspectVolume(name), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, generation]() {
        watcher->deleteLater();
        if (generation != generation_)
            return;
        QDBusPendingReply<QString> reply = *watcher;
        loading_ = false;
        if (reply.isError()) {
            error_ = berth::client::describeFailure(reply.error()).message;
        } else {
            error_.clear();
            QJsonObject volume = QJsonDocument::fromJson(reply.value().toUtf8()).object();
            sizeBytes_ = volume.value(QStringLiteral("UsageData")).toObject().value(QStringLiteral("Size")).toInteger(-1);
            // The CLI prints the helper's object as it came, in an array.
            inspectText_ = QString::fromUtf8(QJsonDocument(QJsonArray{volume}).toJson(QJsonDocument::Indented));
        }
        Q_EMIT loadingChanged();
        Q_EMIT loaded();
    });
}
