#include "container_list_model.h"

#include "command_text.h"
#include "container_status.h"
#include "dbus_types.h"
#include "helper_client.h"
#include "helper_connection.h"

#include "formatting.h"

#include <QDBusPendingCallWatcher>
#include <QSet>

namespace {

QString shortId(const QString &id)
{
    return id.left(12);
}

QString commandText(const QStringList &words)
{
    QStringList quoted;
    for (const QString &word : words)
        quoted << berth::gui::quoteForShell(word);
    return quoted.join(QLatin1Char(' '));
}

} // namespace

ContainerListModel::ContainerListModel(QObject *parent) : HelperListModel(parent)
{
    berth::gui::registerImageDBusTypes();
    followChanges();
    // After a bus reconnect the helper client has new proxies: follow the new one.
    connect(HelperClient::instance(), &HelperClient::reachableChanged, this, &ContainerListModel::followChanges);
    clock_.setInterval(15 * 1000);
    connect(&clock_, &QTimer::timeout, this, [this]() {
        if (!rows_.isEmpty())
            Q_EMIT dataChanged(index(0), index(count() - 1), {StatusTextRole, CreatedTextRole});
    });
    clock_.start();
    connect(&sampler_, &ContainerStatsSampler::samplingChanged, this, &ContainerListModel::statsSamplingChanged);
    connect(&sampler_, &ContainerStatsSampler::sampled, this, [this](const QStringList &ids) {
        for (const QString &id : ids) {
            if (const int row = rowOf(id); row >= 0)
                Q_EMIT dataChanged(index(row), index(row), {CpuHistoryRole, MemoryHistoryRole, StatsTimesRole, UsageTextRole});
        }
    });
    connect(this, &ContainerListModel::countChanged, this, [this]() { sampler_.setAnyRunning(runningCount() > 0); });
}

void ContainerListModel::setSampleStats(bool on)
{
    if (sampler_.active() == on)
        return;
    sampler_.setAnyRunning(runningCount() > 0);
    sampler_.setActive(on);
    Q_EMIT sampleStatsChanged();
}

void ContainerListModel::followChanges()
{
    HelperProxy *proxy = HelperClient::instance()->proxy();
    if (proxy == followed_ && changesConnection_)
        return;
    disconnect(changesConnection_);
    followed_ = proxy;
    changesConnection_ = connect(proxy, &HelperProxy::ContainersChanged, this, [this]() { reload(false); });
}

int ContainerListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(rows_.size());
}

int ContainerListModel::runningCount() const
{
    return int(std::count_if(rows_.begin(), rows_.end(), [](const Row &row) {
        return row.state == QLatin1String("running") || row.state == QLatin1String("paused");
    }));
}

QVariant ContainerListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = rows_.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return row.name;
    case IdRole: return row.id;
    case ShortIdRole: return shortId(row.id);
    case ImageRole: return row.image;
    case ImageIdRole: return row.imageId;
    case CommandRole: return commandText(row.command);
    case CreatedRole: return row.created;
    case CreatedTextRole:
        return row.created.isValid()
                   ? berth::client::humanDuration(row.created.secsTo(QDateTime::currentDateTimeUtc())) + tr(" ago")
                   : QString();
    case ContainerStateRole: return row.state;
    case StatusTextRole:
        return ContainerStatus::text(row.state, row.exitCode, row.startedAt, row.finishedAt, QDateTime::currentDateTimeUtc());
    case ToneRole: return ContainerStatus::tone(row.state, row.exitCode);
    case ExitCodeRole: return row.exitCode;
    case StartedAtRole: return row.startedAt;
    case FinishedAtRole: return row.finishedAt;
    case PidRole: return row.pid;
    case RestartCountRole: return row.restartCount;
    case OomKilledRole: return row.oomKilled;
    case ErrorRole: return row.error;
    case AliveRole: return row.state == QLatin1String("running") || row.state == QLatin1String("paused");
    case CpuHistoryRole:
    case MemoryHistoryRole:
    case StatsTimesRole:
    case UsageTextRole: {
        // A stopped container's last points would show use that is no longer there.
        const bool alive = row.state == QLatin1String("running") || row.state == QLatin1String("paused");
        const berth::gui::StatsHistory *history = alive ? sampler_.history(row.id) : nullptr;
        if (!history)
            return role == UsageTextRole ? QVariant(QString()) : QVariant::fromValue(QList<qreal>());
        if (role == CpuHistoryRole)
            return QVariant::fromValue(history->series(&berth::gui::StatsPoint::cpuPercent));
        if (role == MemoryHistoryRole)
            return QVariant::fromValue(history->series(&berth::gui::StatsPoint::memoryUsage));
        if (role == StatsTimesRole)
            return QVariant::fromValue(history->secondsBeforeLatest());
        const double cpu = history->latest().cpuPercent;
        return tr("%1 % · %2").arg(cpu, 0, 'f', cpu < 10 ? 1 : 0).arg(berth::client::formatBytes(quint64(history->latest().memoryUsage)));
    }
    default: return {};
    }
}

QHash<int, QByteArray> ContainerListModel::roleNames() const
{
    return {{IdRole, "containerId"},     {ShortIdRole, "shortId"},
            {NameRole, "name"},          {ImageRole, "image"},
            {ImageIdRole, "imageId"},    {CommandRole, "command"},
            {CreatedRole, "created"},    {CreatedTextRole, "createdText"},
            {ContainerStateRole, "containerState"}, {StatusTextRole, "statusText"},
            {ToneRole, "tone"},          {ExitCodeRole, "exitCode"},
            {StartedAtRole, "startedAt"}, {FinishedAtRole, "finishedAt"},
            {PidRole, "pid"},            {RestartCountRole, "restartCount"},
            {OomKilledRole, "oomKilled"}, {ErrorRole, "error"},
            {AliveRole, "alive"},        {CpuHistoryRole, "cpuHistory"},
            {MemoryHistoryRole, "memoryHistory"}, {StatsTimesRole, "statsTimes"},
            {UsageTextRole, "usageText"}};
}

void ContainerListModel::reload(bool showCommand, bool all)
{
    if (showCommand)
        HelperClient::instance()->showCommand(all ? QStringLiteral("berth ps -a") : QStringLiteral("berth ps"));
    if (!beginLoad())
        return;
    auto *watcher = new QDBusPendingCallWatcher(HelperClient::instance()->proxy()->ListContainers(), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher]() {
        watcher->deleteLater();
        QDBusPendingReply<QList<QVariantMap>> reply = *watcher;
        QString error;
        if (reply.isError()) {
            error = berth::client::describeFailure(reply.error()).message;
        } else {
            QList<Row> fresh;
            for (const QVariantMap &container : reply.value()) {
                Row row;
                row.id = container.value(QStringLiteral("Id")).toString();
                row.name = container.value(QStringLiteral("Name")).toString();
                row.image = container.value(QStringLiteral("Image")).toString();
                row.imageId = container.value(QStringLiteral("ImageId")).toString();
                row.command = container.value(QStringLiteral("Command")).toStringList();
                row.created = QDateTime::fromSecsSinceEpoch(container.value(QStringLiteral("Created")).toLongLong(), Qt::UTC);
                row.state = container.value(QStringLiteral("State")).toString();
                row.exitCode = container.value(QStringLiteral("ExitCode")).toInt();
                row.startedAt = container.value(QStringLiteral("StartedAt")).toString();
                row.finishedAt = container.value(QStringLiteral("FinishedAt")).toString();
                row.pid = container.value(QStringLiteral("Pid")).toInt();
                row.restartCount = container.value(QStringLiteral("RestartCount")).toInt();
                row.oomKilled = container.value(QStringLiteral("OOMKilled")).toBool();
                row.error = container.value(QStringLiteral("Error")).toString();
                fresh.append(std::move(row));
            }
            apply(std::move(fresh));
        }
        finishLoad(error, [this]() { reload(false); });
    });
}

// Merged by id in the helper's order, so that views keep their current row.
void ContainerListModel::apply(QList<Row> fresh)
{
    const int before = count();
    const int runningBefore = runningCount();
    mergeRows(rows_, std::move(fresh), [](const Row &row) { return row.id; });
    if (count() != before || runningCount() != runningBefore)
        Q_EMIT countChanged();
}

int ContainerListModel::rowOf(const QString &idOrName) const
{
    for (int at = 0; at < rows_.size(); ++at) {
        if (rows_.at(at).name == idOrName || rows_.at(at).id == idOrName)
            return at;
    }
    return -1;
}

QString ContainerListModel::actionCommand(const QString &verb, const QString &name, bool force, bool volumes,
                                          const QString &signal)
{
    QStringList words{verb};
    if (verb == QLatin1String("rm")) {
        if (force)
            words << QStringLiteral("-f");
        if (volumes)
            words << QStringLiteral("-v");
    } else if (verb == QLatin1String("kill") && !signal.isEmpty() && signal != QLatin1String("KILL")) {
        words << QStringLiteral("-s") << signal;
    }
    words << name;
    return berth::gui::commandLine(words);
}

void ContainerListModel::clearAction()
{
    if (actionError_.isEmpty() && actionMessage_.isEmpty())
        return;
    actionError_.clear();
    actionMessage_.clear();
    Q_EMIT actionChanged();
}

void ContainerListModel::finishAction(const QString &verb, const QString &name, bool ok, const QString &message)
{
    actionError_ = ok ? QString() : message;
    actionMessage_ = ok ? message : QString();
    --pending_;
    if (pending_ == 0)
        Q_EMIT busyChanged();
    Q_EMIT actionChanged();
    Q_EMIT actionFinished(verb, name, ok, message);
}

void ContainerListModel::act(const QString &verb, const QString &name, const QString &command, const QString &doneMessage,
                             const std::function<QDBusPendingCall(HelperProxy &)> &call)
{
    HelperClient::instance()->showCommand(command);
    ++pending_;
    if (pending_ == 1)
        Q_EMIT busyChanged();
    if (const QString failure = HelperClient::instance()->busFailure(); !failure.isEmpty()) {
        finishAction(verb, name, false, failure);
        return;
    }
    auto *watcher = new QDBusPendingCallWatcher(call(*HelperClient::instance()->changeProxy()), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, verb, name, command, doneMessage]() {
        watcher->deleteLater();
        if (watcher->isError()) {
            const QString reason = berth::client::describeFailure(watcher->error()).message;
            finishAction(verb, name, false, tr("`%1` failed: %2").arg(command, reason));
            return;
        }
        finishAction(verb, name, true, doneMessage);
        // ContainersChanged follows too; asking now keeps the list right if it is missed.
        reload(false);
    });
}

void ContainerListModel::start(const QString &name)
{
    act(QStringLiteral("start"), name, actionCommand(QStringLiteral("start"), name), tr("Started %1").arg(name),
        [name](HelperProxy &proxy) { return proxy.StartContainer(name); });
}

void ContainerListModel::stop(const QString &name)
{
    act(QStringLiteral("stop"), name, actionCommand(QStringLiteral("stop"), name), tr("Stopped %1").arg(name),
        [name](HelperProxy &proxy) { return proxy.StopContainer(name, -1); });
}

void ContainerListModel::restart(const QString &name)
{
    act(QStringLiteral("restart"), name, actionCommand(QStringLiteral("restart"), name), tr("Restarted %1").arg(name),
        [name](HelperProxy &proxy) { return proxy.RestartContainer(name, -1); });
}

void ContainerListModel::pause(const QString &name)
{
    act(QStringLiteral("pause"), name, actionCommand(QStringLiteral("pause"), name), tr("Paused %1").arg(name),
        [name](HelperProxy &proxy) { return proxy.PauseContainer(name); });
}

void ContainerListModel::unpause(const QString &name)
{
    act(QStringLiteral("unpause"), name, actionCommand(QStringLiteral("unpause"), name), tr("Unpaused %1").arg(name),
        [name](HelperProxy &proxy) { return proxy.UnpauseContainer(name); });
}

void ContainerListModel::kill(const QString &name, const QString &signal)
{
    const QString chosen = signal.trimmed().isEmpty() ? QStringLiteral("KILL") : signal.trimmed();
    act(QStringLiteral("kill"), name, actionCommand(QStringLiteral("kill"), name, false, false, chosen),
        tr("Sent %1 to %2").arg(chosen, name), [name, chosen](HelperProxy &proxy) { return proxy.KillContainer(name, chosen); });
}

void ContainerListModel::remove(const QString &name, bool force, bool volumes)
{
    act(QStringLiteral("rm"), name, actionCommand(QStringLiteral("rm"), name, force, volumes), tr("Removed %1").arg(name),
        [name, force, volumes](HelperProxy &proxy) { return proxy.RemoveContainer(name, force, volumes); });
}
