#include "volume_list_model.h"

#include "command_text.h"
#include "dbus_types.h"
#include "helper_client.h"
#include "helper_connection.h"

#include "formatting.h"

#include <QDBusPendingCallWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <utility>

namespace {

bool isGeneratedName(const QString &name)
{
    static const QRegularExpression generated(QStringLiteral("^[0-9a-f]{64}$"));
    return generated.match(name).hasMatch();
}

// KEY=VALUE per line, blank lines skipped; the order kept so the command reads as typed.
QList<QPair<QString, QString>> parseLabels(const QString &labels)
{
    QList<QPair<QString, QString>> pairs;
    for (const QString &line : labels.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty())
            continue;
        const qsizetype equals = trimmed.indexOf(QLatin1Char('='));
        if (equals < 0)
            pairs.append({trimmed, QString()});
        else
            pairs.append({trimmed.left(equals).trimmed(), trimmed.mid(equals + 1)});
    }
    return pairs;
}

} // namespace

VolumeListModel::VolumeListModel(QObject *parent) : HelperListModel(parent)
{
    berth::gui::registerImageDBusTypes();
    followChanges();
    connect(HelperClient::instance(), &HelperClient::reachableChanged, this, &VolumeListModel::followChanges);
}

// Volumes change with VolumesChanged; who uses them changes when containers are created
// or removed, which only ContainersChanged tells.
void VolumeListModel::followChanges()
{
    HelperProxy *proxy = HelperClient::instance()->proxy();
    if (proxy == followed_ && !changeConnections_.isEmpty())
        return;
    for (const auto &connection : std::as_const(changeConnections_))
        disconnect(connection);
    changeConnections_.clear();
    followed_ = proxy;
    changeConnections_ << connect(proxy, &HelperProxy::VolumesChanged, this, [this]() { reload(false); });
    changeConnections_ << connect(proxy, &HelperProxy::ContainersChanged, this, [this]() { reload(false); });
}

int VolumeListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(rows_.size());
}

int VolumeListModel::unusedCount() const
{
    return int(std::count_if(rows_.begin(), rows_.end(), [](const Row &row) { return row.usedBy.isEmpty(); }));
}

QVariant VolumeListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = rows_.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return row.name;
    case ShortNameRole: return isGeneratedName(row.name) ? row.name.left(12) : row.name;
    case DriverRole: return row.driver;
    case MountpointRole: return row.mountpoint;
    case CreatedRole: return row.created;
    case CreatedTextRole:
        return row.created.isValid()
                   ? berth::client::humanDuration(row.created.secsTo(QDateTime::currentDateTimeUtc())) + tr(" ago")
                   : QString();
    case LabelsRole: return row.labels;
    case LabelsTextRole: {
        QStringList pairs;
        for (auto it = row.labels.begin(); it != row.labels.end(); ++it)
            pairs << it.key() + QLatin1Char('=') + it.value().toString();
        return pairs.join(QStringLiteral(", "));
    }
    case AnonymousRole:
        return row.labels.contains(QStringLiteral("com.docker.volume.anonymous")) || isGeneratedName(row.name);
    case UsedByRole: {
        QVariantList users;
        for (const User &user : row.usedBy)
            users << QVariantMap{{QStringLiteral("containerId"), user.containerId},
                                 {QStringLiteral("name"), user.name},
                                 {QStringLiteral("destination"), user.destination}};
        return users;
    }
    case UsedByTextRole: {
        QStringList users;
        for (const User &user : row.usedBy)
            users << tr("%1 (%2)").arg(user.name, user.destination);
        return users.join(QStringLiteral(", "));
    }
    case UsedByCountRole: return int(row.usedBy.size());
    default: return {};
    }
}

QHash<int, QByteArray> VolumeListModel::roleNames() const
{
    return {{NameRole, "name"},           {ShortNameRole, "shortName"},   {DriverRole, "driver"},
            {MountpointRole, "mountpoint"}, {CreatedRole, "created"},     {CreatedTextRole, "createdText"},
            {LabelsRole, "labels"},       {LabelsTextRole, "labelsText"}, {AnonymousRole, "anonymous"},
            {UsedByRole, "usedBy"},       {UsedByTextRole, "usedByText"}, {UsedByCountRole, "usedByCount"}};
}

void VolumeListModel::reload(bool showCommand)
{
    if (showCommand)
        HelperClient::instance()->showCommand(QStringLiteral("berth volume ls"));
    if (!beginLoad())
        return;
    auto *watcher = new QDBusPendingCallWatcher(HelperClient::instance()->proxy()->ListVolumes({}), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher]() {
        watcher->deleteLater();
        QDBusPendingReply<QString> reply = *watcher;
        QString error;
        if (reply.isError()) {
            error = berth::client::describeFailure(reply.error()).message;
        } else {
            QList<Row> fresh;
            const QJsonArray volumes = QJsonDocument::fromJson(reply.value().toUtf8()).array();
            for (const QJsonValue &value : volumes) {
                const QJsonObject volume = value.toObject();
                Row row;
                row.name = volume.value(QStringLiteral("Name")).toString();
                row.driver = volume.value(QStringLiteral("Driver")).toString();
                row.mountpoint = volume.value(QStringLiteral("Mountpoint")).toString();
                row.created = QDateTime::fromString(volume.value(QStringLiteral("CreatedAt")).toString(), Qt::ISODate);
                row.labels = volume.value(QStringLiteral("Labels")).toObject().toVariantMap();
                for (const QJsonValue &user : volume.value(QStringLiteral("UsedBy")).toArray()) {
                    const QJsonObject object = user.toObject();
                    row.usedBy.append({object.value(QStringLiteral("Id")).toString(),
                                       object.value(QStringLiteral("Name")).toString(),
                                       object.value(QStringLiteral("Destination")).toString()});
                }
                fresh.append(std::move(row));
            }
            apply(std::move(fresh));
        }
        finishLoad(error, [this]() { reload(false); });
    });
}

// Merged by name (the helper lists them by name) in the helper's order, so that views keep their current row.
void VolumeListModel::apply(QList<Row> fresh)
{
    const int before = count();
    const int unusedBefore = unusedCount();
    mergeRows(rows_, std::move(fresh), [](const Row &row) { return row.name; });
    if (count() != before || unusedCount() != unusedBefore)
        Q_EMIT countChanged();
}

int VolumeListModel::rowOf(const QString &name) const
{
    for (int at = 0; at < rows_.size(); ++at) {
        if (rows_.at(at).name == name)
            return at;
    }
    return -1;
}

QVariant VolumeListModel::get(int row, const QString &roleName) const
{
    if (row < 0 || row >= count())
        return {};
    const int role = roleNames().key(roleName.toUtf8(), -1);
    return role < 0 ? QVariant() : data(index(row), role);
}

QString VolumeListModel::createProblem(const QString &name, const QString &labels)
{
    // Docker's rule for local volume names; the helper checks it again.
    static const QRegularExpression valid(QStringLiteral("^[a-zA-Z0-9][a-zA-Z0-9_.-]+$"));
    if (!name.isEmpty() && !valid.match(name).hasMatch())
        return tr("A volume name starts with a letter or digit and has at least two characters: "
                  "letters, digits, _ . or -. Leave it empty for a generated name.");
    for (const auto &[key, value] : parseLabels(labels)) {
        if (key.isEmpty())
            return tr("A label line starts with its key: write KEY=VALUE, one per line.");
    }
    return {};
}

QString VolumeListModel::createCommand(const QString &name, const QString &labels)
{
    QStringList words{QStringLiteral("volume"), QStringLiteral("create")};
    for (const auto &[key, value] : parseLabels(labels))
        words << QStringLiteral("--label") << (key + QLatin1Char('=') + value);
    if (!name.isEmpty())
        words << name;
    return berth::gui::commandLine(words);
}

QString VolumeListModel::removeCommand(const QString &name, bool force)
{
    QStringList words{QStringLiteral("volume"), QStringLiteral("rm")};
    if (force)
        words << QStringLiteral("-f");
    words << name;
    return berth::gui::commandLine(words);
}

QString VolumeListModel::pruneCommand(bool all)
{
    // -f: the panel asked already, so the command does not ask again.
    QStringList words{QStringLiteral("volume"), QStringLiteral("prune"), QStringLiteral("-f")};
    if (all)
        words << QStringLiteral("-a");
    return berth::gui::commandLine(words);
}

QString VolumeListModel::inspectCommand(const QString &name)
{
    return berth::gui::commandLine({QStringLiteral("volume"), QStringLiteral("inspect"), name});
}

void VolumeListModel::clearAction()
{
    if (actionError_.isEmpty() && actionMessage_.isEmpty())
        return;
    actionError_.clear();
    actionMessage_.clear();
    Q_EMIT actionChanged();
}

void VolumeListModel::startAction()
{
    ++pending_;
    if (pending_ == 1)
        Q_EMIT busyChanged();
}

void VolumeListModel::finishAction(const QString &verb, const QString &name, bool ok, const QString &message,
                                   qulonglong reclaimedBytes)
{
    actionError_ = ok ? QString() : message;
    actionMessage_ = ok ? message : QString();
    --pending_;
    if (pending_ == 0)
        Q_EMIT busyChanged();
    Q_EMIT actionChanged();
    Q_EMIT actionFinished(verb, name, ok, message, reclaimedBytes);
}

void VolumeListModel::create(const QString &name, const QString &labels)
{
    const QString command = createCommand(name, labels);
    HelperClient::instance()->showCommand(command);
    startAction();
    if (const QString problem = createProblem(name, labels); !problem.isEmpty()) {
        finishAction(QStringLiteral("create"), name, false, problem);
        return;
    }
    if (const QString failure = HelperClient::instance()->busFailure(); !failure.isEmpty()) {
        finishAction(QStringLiteral("create"), name, false, failure);
        return;
    }
    QVariantMap labelMap;
    for (const auto &[key, value] : parseLabels(labels))
        labelMap.insert(key, value);
    auto *watcher = new QDBusPendingCallWatcher(HelperClient::instance()->changeProxy()->CreateVolume(name, labelMap), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, name, command]() {
        watcher->deleteLater();
        QDBusPendingReply<QString> reply = *watcher;
        if (reply.isError()) {
            finishAction(QStringLiteral("create"), name, false,
                         tr("`%1` failed: %2").arg(command, berth::client::describeFailure(reply.error()).message));
            return;
        }
        const QString created = QJsonDocument::fromJson(reply.value().toUtf8()).object().value(QStringLiteral("Name")).toString();
        finishAction(QStringLiteral("create"), created, true, tr("Created volume %1").arg(created));
        reload(false);
    });
}

void VolumeListModel::remove(const QString &name, bool force)
{
    const QString command = removeCommand(name, force);
    HelperClient::instance()->showCommand(command);
    startAction();
    if (const QString failure = HelperClient::instance()->busFailure(); !failure.isEmpty()) {
        finishAction(QStringLiteral("rm"), name, false, failure);
        return;
    }
    auto *watcher = new QDBusPendingCallWatcher(HelperClient::instance()->changeProxy()->RemoveVolume(name, force), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, name, command]() {
        watcher->deleteLater();
        if (watcher->isError()) {
            const auto failure = berth::client::describeFailure(watcher->error());
            QString message = tr("`%1` failed: %2").arg(command, failure.message);
            const int row = rowOf(name);
            // The helper names the containers by id; say which they are and what to do.
            if (failure.message.contains(QStringLiteral("in use")) && row >= 0 && !rows_.at(row).usedBy.isEmpty()) {
                QStringList users;
                for (const User &user : rows_.at(row).usedBy)
                    users << user.name;
                message = tr("%1 is in use by %2. Remove those containers first (berth rm), then remove the volume. "
                             "(`%3` refused: %4)")
                              .arg(name, users.join(QStringLiteral(", ")), command, failure.message);
            }
            finishAction(QStringLiteral("rm"), name, false, message);
            return;
        }
        finishAction(QStringLiteral("rm"), name, true, tr("Removed volume %1").arg(name));
        reload(false);
    });
}

void VolumeListModel::prune(bool all)
{
    const QString command = pruneCommand(all);
    HelperClient::instance()->showCommand(command);
    startAction();
    if (const QString failure = HelperClient::instance()->busFailure(); !failure.isEmpty()) {
        finishAction(QStringLiteral("prune"), {}, false, failure);
        return;
    }
    const QStringList filters = all ? QStringList{QStringLiteral("all=true")} : QStringList{};
    auto *watcher = new QDBusPendingCallWatcher(HelperClient::instance()->changeProxy()->PruneVolumes(filters), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, command, all]() {
        watcher->deleteLater();
        QDBusPendingReply<QStringList, qulonglong> reply = *watcher;
        if (reply.isError()) {
            finishAction(QStringLiteral("prune"), {}, false,
                         tr("`%1` failed: %2").arg(command, berth::client::describeFailure(reply.error()).message));
            return;
        }
        const QStringList removed = reply.argumentAt<0>();
        const qulonglong reclaimed = reply.argumentAt<1>();
        const QString message = removed.isEmpty() && all ? tr("Nothing to prune: every volume is in use.")
                                : removed.isEmpty() ? tr("Nothing to prune: no anonymous volume is unused. Tick "
                                                         "\"Named volumes too\" to include named ones.")
                                                    : tr("Removed %n volume(s), reclaimed %1", "", int(removed.size()))
                                          .arg(berth::client::formatDecimalSize(reclaimed));
        finishAction(QStringLiteral("prune"), {}, true, message, reclaimed);
        reload(false);
    });
}
