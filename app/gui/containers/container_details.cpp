#include "container_details.h"

#include "command_text.h"
#include "container_status.h"
#include "helper_client.h"
#include "helper_connection.h"

#include "formatting.h"

#include <QDBusPendingCallWatcher>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace {

QString shellLine(const QStringList &words)
{
    QStringList quoted;
    for (const QString &word : words)
        quoted << berth::gui::quoteForShell(word);
    return quoted.join(QLatin1Char(' '));
}

} // namespace

ContainerDetails::ContainerDetails(QObject *parent) : QObject(parent)
{
    followChanges();
    connect(HelperClient::instance(), &HelperClient::reachableChanged, this, &ContainerDetails::followChanges);
}

void ContainerDetails::followChanges()
{
    HelperProxy *proxy = HelperClient::instance()->proxy();
    if (proxy == followed_ && changesConnection_)
        return;
    disconnect(changesConnection_);
    followed_ = proxy;
    changesConnection_ = connect(proxy, &HelperProxy::ContainersChanged, this, [this]() {
        if (!name_.isEmpty())
            reload(false);
    });
}

void ContainerDetails::setName(const QString &name)
{
    if (name_ == name)
        return;
    name_ = name;
    inspect_.clear();
    rawJson_.clear();
    error_.clear();
    sizeText_.clear();
    measuringSize_ = false;
    Q_EMIT nameChanged();
    Q_EMIT changed();
    Q_EMIT sizeChanged();
}

void ContainerDetails::measureSize()
{
    const QString target = id().isEmpty() ? name_ : id();
    if (target.isEmpty() || measuringSize_ || !HelperClient::instance()->busFailure().isEmpty())
        return;
    HelperClient::instance()->showCommand(berth::gui::commandLine(
        {QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("-s"), QStringLiteral("--filter"), QStringLiteral("name=") + containerName()}));
    measuringSize_ = true;
    Q_EMIT sizeChanged();
    const QString asked = name_;
    auto *watcher = new QDBusPendingCallWatcher(HelperClient::instance()->proxy()->ContainerSizes({target}), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, asked]() {
        watcher->deleteLater();
        // The page shows another container now: this answer is not its.
        if (asked != name_)
            return;
        measuringSize_ = false;
        QDBusPendingReply<QList<QVariantMap>> reply = *watcher;
        if (reply.isError()) {
            sizeText_ = tr("unknown: %1").arg(berth::client::describeFailure(reply.error()).message);
        } else {
            for (const QVariantMap &size : reply.value()) {
                sizeText_ = tr("%1 written (virtual %2, with its image)")
                                .arg(berth::client::formatDecimalSize(size.value(QStringLiteral("SizeRw")).toULongLong()),
                                     berth::client::formatDecimalSize(size.value(QStringLiteral("SizeRootFs")).toULongLong()));
            }
        }
        Q_EMIT sizeChanged();
    });
}

void ContainerDetails::reload(bool showCommand)
{
    if (name_.isEmpty())
        return;
    if (showCommand)
        HelperClient::instance()->showCommand(berth::gui::commandLine({QStringLiteral("inspect"), name_}));
    if (const QString failure = HelperClient::instance()->busFailure(); !failure.isEmpty()) {
        error_ = failure;
        Q_EMIT changed();
        return;
    }
    if (loading_) {
        reloadAgain_ = true;
        return;
    }
    loading_ = true;
    Q_EMIT loadingChanged();
    // Once known, by id: a rename elsewhere must not lose the page.
    const QString asked = name_;
    const QString target = id().isEmpty() ? name_ : id();
    auto *watcher = new QDBusPendingCallWatcher(HelperClient::instance()->proxy()->InspectContainer(target), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, asked]() {
        watcher->deleteLater();
        loading_ = false;
        Q_EMIT loadingChanged();
        if (asked != name_) {
            reload(false);
            return;
        }
        QDBusPendingReply<QString> reply = *watcher;
        const bool wasLoaded = loaded();
        if (reply.isError()) {
            const auto failure = berth::client::describeFailure(reply.error());
            error_ = failure.message;
            inspect_.clear();
            rawJson_.clear();
            Q_EMIT changed();
            if (wasLoaded && failure.kind == berth::client::FailureKind::NotFound)
                Q_EMIT vanished();
        } else {
            const QJsonDocument document = QJsonDocument::fromJson(reply.value().toUtf8());
            if (!document.isObject()) {
                error_ = tr("The helper's answer for %1 is not a JSON object; run `berth inspect %1` to see it.").arg(asked);
                inspect_.clear();
                rawJson_.clear();
            } else {
                error_.clear();
                inspect_ = document.object().toVariantMap();
                rawJson_ = QString::fromUtf8(document.toJson(QJsonDocument::Indented));
            }
            Q_EMIT changed();
        }
        if (reloadAgain_) {
            reloadAgain_ = false;
            reload(false);
        }
    });
}

QVariantMap ContainerDetails::state() const
{
    return inspect_.value(QStringLiteral("State")).toMap();
}

QVariantMap ContainerDetails::hostConfig() const
{
    return inspect_.value(QStringLiteral("HostConfig")).toMap();
}

QVariantMap ContainerDetails::config() const
{
    return inspect_.value(QStringLiteral("Config")).toMap();
}

QString ContainerDetails::id() const
{
    return inspect_.value(QStringLiteral("Id")).toString();
}

QString ContainerDetails::containerName() const
{
    QString name = inspect_.value(QStringLiteral("Name")).toString();
    if (name.startsWith(QLatin1Char('/')))
        name.remove(0, 1);
    return name;
}

QString ContainerDetails::image() const
{
    return config().value(QStringLiteral("Image")).toString();
}

QString ContainerDetails::imageId() const
{
    return inspect_.value(QStringLiteral("Image")).toString();
}

QString ContainerDetails::command() const
{
    const QString path = inspect_.value(QStringLiteral("Path")).toString();
    if (path.isEmpty())
        return shellLine(config().value(QStringLiteral("Cmd")).toStringList());
    return shellLine(QStringList{path} + inspect_.value(QStringLiteral("Args")).toStringList());
}

QString ContainerDetails::entrypoint() const
{
    return shellLine(config().value(QStringLiteral("Entrypoint")).toStringList());
}

QString ContainerDetails::containerState() const
{
    return state().value(QStringLiteral("Status")).toString();
}

QString ContainerDetails::statusText() const
{
    if (!loaded())
        return {};
    const QVariantMap current = state();
    return ContainerStatus::text(containerState(), exitCode(), current.value(QStringLiteral("StartedAt")).toString(),
                                 current.value(QStringLiteral("FinishedAt")).toString(), QDateTime::currentDateTimeUtc());
}

QString ContainerDetails::tone() const
{
    return ContainerStatus::tone(containerState(), exitCode());
}

bool ContainerDetails::alive() const
{
    return containerState() == QLatin1String("running") || containerState() == QLatin1String("paused");
}

int ContainerDetails::exitCode() const
{
    return state().value(QStringLiteral("ExitCode")).toInt();
}

bool ContainerDetails::oomKilled() const
{
    return state().value(QStringLiteral("OOMKilled")).toBool();
}

int ContainerDetails::pid() const
{
    return state().value(QStringLiteral("Pid")).toInt();
}

QString ContainerDetails::stateError() const
{
    return state().value(QStringLiteral("Error")).toString();
}

QString ContainerDetails::createdText() const
{
    return ContainerStatus::localTime(inspect_.value(QStringLiteral("Created")).toString());
}

QString ContainerDetails::startedText() const
{
    return ContainerStatus::localTime(state().value(QStringLiteral("StartedAt")).toString());
}

QString ContainerDetails::finishedText() const
{
    return ContainerStatus::localTime(state().value(QStringLiteral("FinishedAt")).toString());
}

QString ContainerDetails::restartPolicy() const
{
    const QVariantMap policy = hostConfig().value(QStringLiteral("RestartPolicy")).toMap();
    const QString name = policy.value(QStringLiteral("Name")).toString();
    const int retries = policy.value(QStringLiteral("MaximumRetryCount")).toInt();
    if (name.isEmpty())
        return loaded() ? QStringLiteral("no") : QString();
    if (name == QLatin1String("on-failure") && retries > 0)
        return tr("on-failure (at most %n retries)", nullptr, retries);
    return name;
}

int ContainerDetails::restartCount() const
{
    return inspect_.value(QStringLiteral("RestartCount")).toInt();
}

bool ContainerDetails::autoRemove() const
{
    return hostConfig().value(QStringLiteral("AutoRemove")).toBool();
}

QString ContainerDetails::memoryLimit() const
{
    const qint64 bytes = hostConfig().value(QStringLiteral("Memory")).toLongLong();
    return bytes > 0 ? berth::client::formatBytes(quint64(bytes)) : QString();
}

QString ContainerDetails::cpuLimit() const
{
    const qint64 nanoCpus = hostConfig().value(QStringLiteral("NanoCpus")).toLongLong();
    return nanoCpus > 0 ? QLocale::c().toString(double(nanoCpus) / 1e9, 'g', 6) : QString();
}

QString ContainerDetails::pidsLimit() const
{
    const QVariant limit = hostConfig().value(QStringLiteral("PidsLimit"));
    return limit.isValid() && !limit.isNull() && limit.toLongLong() > 0 ? QString::number(limit.toLongLong()) : QString();
}

QString ContainerDetails::networkMode() const
{
    return hostConfig().value(QStringLiteral("NetworkMode")).toString();
}

QString ContainerDetails::hostname() const
{
    return config().value(QStringLiteral("Hostname")).toString();
}

QString ContainerDetails::user() const
{
    return config().value(QStringLiteral("User")).toString();
}

QString ContainerDetails::workingDir() const
{
    return config().value(QStringLiteral("WorkingDir")).toString();
}

QStringList ContainerDetails::env() const
{
    return config().value(QStringLiteral("Env")).toStringList();
}

bool ContainerDetails::tty() const
{
    return config().value(QStringLiteral("Tty")).toBool();
}

bool ContainerDetails::openStdin() const
{
    return config().value(QStringLiteral("OpenStdin")).toBool();
}

QVariantList ContainerDetails::mounts() const
{
    QVariantList list;
    for (const QVariant &entry : inspect_.value(QStringLiteral("Mounts")).toList()) {
        const QVariantMap mount = entry.toMap();
        list << QVariantMap{{QStringLiteral("type"), mount.value(QStringLiteral("Type"))},
                            {QStringLiteral("source"), mount.value(QStringLiteral("Source"))},
                            {QStringLiteral("destination"), mount.value(QStringLiteral("Destination"))},
                            {QStringLiteral("readOnly"), !mount.value(QStringLiteral("RW"), true).toBool()}};
    }
    return list;
}
