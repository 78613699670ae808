// One running container's isolation for the Isolation tab: ContainerIsolation's JSON (read
// live from the kernel by the helper) with the lists the tab shows ready for QML.
#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>

class IsolationReport : public QObject {
    Q_OBJECT
    QML_ELEMENT
    /// The container: a name, id or id prefix.
    Q_PROPERTY(QString name READ name WRITE setName NOTIFY nameChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY changed)
    /// Why the last read failed (a stopped container, no helper), or empty.
    Q_PROPERTY(QString error READ error NOTIFY changed)
    /// The whole answer, as the helper sent it (see io.berth.Helper1.xml).
    Q_PROPERTY(QVariantMap report READ report NOTIFY changed)
    Q_PROPERTY(int hostPid READ hostPid NOTIFY changed)
    Q_PROPERTY(int pidInside READ pidInside NOTIFY changed)
    /// [{Type, Container, Host, Shared}]
    Q_PROPERTY(QVariantList namespaces READ namespaces NOTIFY changed)
    /// [{MountPoint, Root, Source, FsType, Options, ReadOnly}], the root first.
    Q_PROPERTY(QVariantList mounts READ mounts NOTIFY changed)
    Q_PROPERTY(QVariantMap cgroup READ cgroup NOTIFY changed)
    Q_PROPERTY(QStringList effectiveCapabilities READ effectiveCapabilities NOTIFY changed)
    Q_PROPERTY(QStringList hostCapabilities READ hostCapabilities NOTIFY changed)
    /// The host's capabilities the container's processes do not have.
    Q_PROPERTY(QStringList droppedCapabilities READ droppedCapabilities NOTIFY changed)
    Q_PROPERTY(int seccompMode READ seccompMode NOTIFY changed)
    Q_PROPERTY(bool noNewPrivileges READ noNewPrivileges NOTIFY changed)

public:
    explicit IsolationReport(QObject *parent = nullptr);

    [[nodiscard]] QString name() const { return name_; }
    void setName(const QString &name);
    [[nodiscard]] bool loading() const { return loading_; }
    [[nodiscard]] bool loaded() const { return !report_.isEmpty(); }
    [[nodiscard]] QString error() const { return error_; }
    [[nodiscard]] QVariantMap report() const { return report_; }
    [[nodiscard]] int hostPid() const;
    [[nodiscard]] int pidInside() const;
    [[nodiscard]] QVariantList namespaces() const;
    [[nodiscard]] QVariantList mounts() const;
    [[nodiscard]] QVariantMap cgroup() const;
    [[nodiscard]] QStringList effectiveCapabilities() const;
    [[nodiscard]] QStringList hostCapabilities() const;
    [[nodiscard]] QStringList droppedCapabilities() const;
    [[nodiscard]] int seccompMode() const;
    [[nodiscard]] bool noNewPrivileges() const;

    /// Asks the helper to read the kernel again.
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void nameChanged();
    void loadingChanged();
    void changed();

private:
    [[nodiscard]] QStringList capabilityNames(const QString &set) const;

    QString name_;
    bool loading_ = false;
    bool reloadAgain_ = false;
    QString error_;
    QVariantMap report_;
};
