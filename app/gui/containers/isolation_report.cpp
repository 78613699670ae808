#include "isolation_report.h"

#include "helper_client.h"
#include "helper_connection.h"

#include <QDBusPendingCallWatcher>
#include <QJsonDocument>
#include <QJsonObject>

IsolationReport::IsolationReport(QObject *parent) : QObject(parent) {}

void IsolationReport::setName(const QString &name)
{
    if (name_ == name)
        return;
    name_ = name;
    report_.clear();
    error_.clear();
    Q_EMIT nameChanged();
    Q_EMIT changed();
}

void IsolationReport::reload()
{
    if (name_.isEmpty())
        return;
    if (const QString failure = HelperClient::instance()->busFailure(); !failure.isEmpty()) {
        error_ = failure;
        report_.clear();
        Q_EMIT changed();
        return;
    }
    if (loading_) {
        reloadAgain_ = true;
        return;
    }
    loading_ = true;
    Q_EMIT loadingChanged();
    const QString asked = name_;
    auto *watcher = new QDBusPendingCallWatcher(HelperClient::instance()->proxy()->ContainerIsolation(asked), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, asked]() {
        watcher->deleteLater();
        loading_ = false;
        Q_EMIT loadingChanged();
        if (asked != name_ || reloadAgain_) {
            reloadAgain_ = false;
            reload();
            return;
        }
        QDBusPendingReply<QString> reply = *watcher;
        if (reply.isError()) {
            error_ = berth::client::describeFailure(reply.error()).message;
            report_.clear();
        } else {
            const QJsonDocument document = QJsonDocument::fromJson(reply.value().toUtf8());
            if (document.isObject()) {
                error_.clear();
                report_ = document.object().toVariantMap();
            } else {
                error_ = tr("The helper's answer about %1 is not a JSON object; update Berth so the GUI and the helper match.")
                             .arg(asked);
                report_.clear();
            }
        }
        Q_EMIT changed();
    });
}

int IsolationReport::hostPid() const
{
    return report_.value(QStringLiteral("Pid")).toInt();
}

int IsolationReport::pidInside() const
{
    return report_.value(QStringLiteral("PidInside")).toInt();
}

QVariantList IsolationReport::namespaces() const
{
    return report_.value(QStringLiteral("Namespaces")).toList();
}

QVariantList IsolationReport::mounts() const
{
    return report_.value(QStringLiteral("Mounts")).toList();
}

QVariantMap IsolationReport::cgroup() const
{
    return report_.value(QStringLiteral("Cgroup")).toMap();
}

QStringList IsolationReport::capabilityNames(const QString &set) const
{
    const QVariantMap capabilities = report_.value(QStringLiteral("Capabilities")).toMap();
    return capabilities.value(set).toMap().value(QStringLiteral("Names")).toStringList();
}

QStringList IsolationReport::effectiveCapabilities() const
{
    return capabilityNames(QStringLiteral("Effective"));
}

QStringList IsolationReport::hostCapabilities() const
{
    return capabilityNames(QStringLiteral("Host"));
}

QStringList IsolationReport::droppedCapabilities() const
{
    const QStringList effective = effectiveCapabilities();
    QStringList dropped;
    for (const QString &name : hostCapabilities())
        if (!effective.contains(name))
            dropped << name;
    return dropped;
}

int IsolationReport::seccompMode() const
{
    return report_.value(QStringLiteral("Seccomp")).toInt();
}

bool IsolationReport::noNewPrivileges() const
{
    return report_.value(QStringLiteral("NoNewPrivs")).toBool();
}
