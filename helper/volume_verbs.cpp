// The volume verbs of io.berth.Helper1: `docker volume create|ls|inspect|rm|prune`, and
// ListVolumeDirectory for browsing one. The store is the container manager's (containers
// attach volumes); answers are Docker's JSON.
#include "helper_service.h"

#include "container_manager.h"
#include "dbus_errors.h"

#include <QDBusMessage>

#include <algorithm>

using namespace berth;

namespace {

// Volumes hold containers' data: reading them is listing containers, changing them is
// managing containers.
constexpr const char *listAction = "io.berth.container-list";
constexpr const char *manageAction = "io.berth.container-manage";

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

constexpr uint defaultBrowseLimit = 5000;
constexpr uint maximumBrowseLimit = 100000;
constexpr int maximumPathLength = 4096;

} // namespace

QString HelperService::CreateVolume(const QString &name, const QVariantMap &labels)
{
    authorizeThen(manageAction, [this, name, labels](const QDBusMessage &message) {
        std::map<std::string, std::string> labelMap;
        for (auto it = labels.begin(); it != labels.end(); ++it)
            labelMap[it.key().toStdString()] = it.value().toString().toStdString();
        auto created = containers_->volumes().create(name.toStdString(), labelMap, false);
        if (!created)
            return errorReply(message, created.error());
        emit VolumesChanged();
        return message.createReply(fromStd(created->toJson().dump()));
    });
    return {};
}

QString HelperService::ListVolumes(const QStringList &filters)
{
    authorizeThen(listAction, [this, filters](const QDBusMessage &message) {
        volume::VolumeFilters parsed;
        for (const auto &filter : filters)
            if (auto added = parsed.add(filter.toStdString()); !added)
                return errorReply(message, added.error());
        auto volumes = containers_->volumes().list(parsed);
        if (!volumes)
            return errorReply(message, volumes.error());
        nlohmann::json list = nlohmann::json::array();
        for (const auto &volume : *volumes)
            list.push_back(volume.toJson());
        return message.createReply(fromStd(list.dump()));
    });
    return {};
}

QString HelperService::InspectVolume(const QString &name)
{
    authorizeThen(listAction, [this, name](const QDBusMessage &message) {
        auto volume = containers_->volumes().inspect(name.toStdString());
        if (!volume)
            return errorReply(message, volume.error());
        auto json = volume->toJson();
        if (auto size = containers_->volumes().size(volume->name))
            json["UsageData"] = {{"Size", size->bytes}, {"RefCount", volume->usedBy.size()}};
        return message.createReply(fromStd(json.dump()));
    });
    return {};
}

void HelperService::RemoveVolume(const QString &name, bool force)
{
    authorizeThen(manageAction, [this, name, force](const QDBusMessage &message) {
        auto removed = containers_->volumes().remove(name.toStdString(), force);
        if (!removed)
            return errorReply(message, removed.error());
        emit VolumesChanged();
        return message.createReply();
    });
}

QStringList HelperService::PruneVolumes(const QStringList &filters, qulonglong &reclaimedBytes)
{
    reclaimedBytes = 0;
    authorizeThen(manageAction, [this, filters](const QDBusMessage &message) {
        volume::PruneOptions options;
        for (const auto &filter : filters)
            if (auto added = options.add(filter.toStdString()); !added)
                return errorReply(message, added.error());
        auto report = containers_->volumes().prune(options);
        if (!report)
            return errorReply(message, report.error());
        QStringList removed;
        for (const auto &name : report->removed)
            removed << fromStd(name);
        if (!removed.isEmpty())
            emit VolumesChanged();
        return message.createReply({QVariant(removed), QVariant::fromValue(qulonglong(report->reclaimedBytes))});
    });
    return {};
}

// Listing a folder shows names and metadata only, never contents: as reading containers'
// changed paths (ContainerChanges), it needs the list action.
QList<QVariantMap> HelperService::ListVolumeDirectory(const QString &name, const QString &path, uint limit, QString &,
                                                      bool &)
{
    authorizeThen(listAction, [this, name, path, limit](const QDBusMessage &message) {
        if (auto valid = volume::validateVolumeName(name.toStdString()); !valid)
            return errorReply(message, valid.error());
        if (path.size() > maximumPathLength || path.contains(QChar(0)))
            return errorReply(message, ErrorCode::InvalidArgument,
                              tr("Give a path inside the volume of at most 4096 characters, without NUL."));
        const uint cap = limit == 0 ? defaultBrowseLimit : std::min(limit, maximumBrowseLimit);
        auto listing = containers_->volumes().listDirectory(name.toStdString(), path.toStdString(), cap);
        if (!listing)
            return errorReply(message, listing.error());
        QList<QVariantMap> entries;
        entries.reserve(qsizetype(listing->entries.size()));
        for (const auto &entry : listing->entries) {
            QVariantMap row{{QStringLiteral("Name"), fromStd(entry.name)},
                            {QStringLiteral("Type"), fromStd(entry.type)},
                            {QStringLiteral("Size"), QVariant::fromValue(qulonglong(entry.size))},
                            {QStringLiteral("Mode"), QVariant::fromValue(uint(entry.mode))},
                            {QStringLiteral("Uid"), QVariant::fromValue(uint(entry.uid))},
                            {QStringLiteral("Gid"), QVariant::fromValue(uint(entry.gid))},
                            {QStringLiteral("Modified"), QVariant::fromValue(qlonglong(entry.modifiedSeconds))}};
            if (!entry.linkTarget.empty())
                row.insert(QStringLiteral("Target"), fromStd(entry.linkTarget));
            entries << row;
        }
        return message.createReply(
            {QVariant::fromValue(entries), fromStd(listing->path), QVariant(listing->truncated)});
    });
    return {};
}
