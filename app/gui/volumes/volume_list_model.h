// The volumes as `berth volume ls` lists them, with who uses each, kept up to date by the
// helper's VolumesChanged and ContainersChanged signals; plus the panel's changing actions
// (create, remove, prune), each shown as its berth command, with the helper's answer kept
// for the page.
#pragma once

#include "helper_list_model.h"

#include <QAbstractListModel>
#include <QDBusPendingCall>
#include <QDateTime>
#include <QMetaObject>
#include <QQmlEngine>
#include <QVariantList>
#include <QVariantMap>

class HelperProxy;

class VolumeListModel : public HelperListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    /// How many volumes no container uses (what `volume prune --all` would remove).
    Q_PROPERTY(int unusedCount READ unusedCount NOTIFY countChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString actionError READ actionError NOTIFY actionChanged)
    Q_PROPERTY(QString actionMessage READ actionMessage NOTIFY actionChanged)

public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        /// The name as a list shows it: a 64-hex anonymous name cut to 12, like an id.
        ShortNameRole,
        DriverRole,
        MountpointRole,
        CreatedRole,
        CreatedTextRole,
        /// key → value
        LabelsRole,
        /// "key=value, key=value"
        LabelsTextRole,
        AnonymousRole,
        /// [{containerId, name, destination}], by container name
        UsedByRole,
        /// "web (/data), db (/var/lib/db)"
        UsedByTextRole,
        UsedByCountRole,
    };
    Q_ENUM(Role)

    explicit VolumeListModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] int count() const { return int(rows_.size()); }
    [[nodiscard]] int unusedCount() const;
    [[nodiscard]] bool busy() const { return pending_ > 0; }
    [[nodiscard]] QString actionError() const { return actionError_; }
    [[nodiscard]] QString actionMessage() const { return actionMessage_; }

    /// Asks the helper for the list again; showCommand puts `berth volume ls` in the strip.
    Q_INVOKABLE void reload(bool showCommand = true);
    /// The row of a volume by name, or -1.
    Q_INVOKABLE int rowOf(const QString &name) const;
    /// The row's data by role name (for the page of one volume).
    Q_INVOKABLE QVariant get(int row, const QString &roleName) const;

    /// `berth volume create [--label K=V]… NAME`; labels is one KEY=VALUE per line (a line
    /// without `=` is a key with an empty value). An empty name makes an anonymous volume.
    Q_INVOKABLE void create(const QString &name, const QString &labels);
    /// `berth volume rm [-f] NAME`: refused by the helper while a container uses it.
    Q_INVOKABLE void remove(const QString &name, bool force = false);
    /// `berth volume prune -f [-a]`: unused anonymous volumes, or with all every unused one.
    Q_INVOKABLE void prune(bool all);

    /// Why a create form cannot be sent, or empty: the name's rule and the labels' form,
    /// checked here so the person sees it while typing.
    Q_INVOKABLE static QString createProblem(const QString &name, const QString &labels);
    Q_INVOKABLE static QString createCommand(const QString &name, const QString &labels);
    Q_INVOKABLE static QString removeCommand(const QString &name, bool force = false);
    Q_INVOKABLE static QString pruneCommand(bool all);
    Q_INVOKABLE static QString inspectCommand(const QString &name);
    Q_INVOKABLE void clearAction();

Q_SIGNALS:
    void countChanged();
    void busyChanged();
    void actionChanged();
    /// An action finished; ok is false when the helper refused it. For prune, name is
    /// empty and reclaimedBytes says how much was freed.
    void actionFinished(const QString &verb, const QString &name, bool ok, const QString &message,
                        qulonglong reclaimedBytes);

private:
    struct User {
        QString containerId;
        QString name;
        QString destination;
    };
    struct Row {
        QString name;
        QString driver;
        QString mountpoint;
        QDateTime created;
        QVariantMap labels;
        QList<User> usedBy;
    };
    void apply(QList<Row> fresh);
    void startAction();
    void finishAction(const QString &verb, const QString &name, bool ok, const QString &message,
                      qulonglong reclaimedBytes = 0);
    void followChanges();

    QList<Row> rows_;
    int pending_ = 0;
    QString actionError_;
    QString actionMessage_;
    HelperProxy *followed_ = nullptr;
    QList<QMetaObject::Connection> changeConnections_;
};
