// The containers as `berth ps -a` lists them, newest first, kept up to date by the helper's
// ContainersChanged signal; plus the list's actions (start, stop, restart, pause, unpause,
// kill, remove), each shown as its berth command, with the helper's answer kept for the page.
#pragma once

#include "container_stats_sampler.h"

#include "helper_list_model.h"

#include <QAbstractListModel>
#include <QDBusPendingCall>
#include <QDateTime>
#include <QMetaObject>
#include <QQmlEngine>
#include <QTimer>

#include <functional>

class HelperProxy;

class ContainerListModel : public HelperListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    /// How many containers are running (or paused), for the header.
    Q_PROPERTY(int runningCount READ runningCount NOTIFY countChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString actionError READ actionError NOTIFY actionChanged)
    Q_PROPERTY(QString actionMessage READ actionMessage NOTIFY actionChanged)
    /// Whether the running containers' CPU and memory are sampled for the sparklines (every
    /// 2 s); the list sets it while it is shown.
    Q_PROPERTY(bool sampleStats READ sampleStats WRITE setSampleStats NOTIFY sampleStatsChanged)
    /// Samples are being taken now (sampleStats and something runs).
    Q_PROPERTY(bool statsSampling READ statsSampling NOTIFY statsSamplingChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        ShortIdRole,
        NameRole,
        ImageRole,
        ImageIdRole,
        /// The command as created, words joined as a shell would read them; empty when the
        /// image's own command runs.
        CommandRole,
        CreatedRole,
        CreatedTextRole,
        /// created, running, paused, restarting, exited or dead (not "state": QML's
        /// Item.state would shadow it in delegates).
        ContainerStateRole,
        StatusTextRole,
        /// positive, neutral, plain or negative: the colour of the status.
        ToneRole,
        ExitCodeRole,
        StartedAtRole,
        FinishedAtRole,
        PidRole,
        RestartCountRole,
        OomKilledRole,
        ErrorRole,
        /// Running or paused: its processes exist.
        AliveRole,
        /// The last few minutes of CPU % (100: one CPU) and memory bytes, oldest first; empty
        /// until two samples came, and for a stopped container.
        CpuHistoryRole,
        MemoryHistoryRole,
        /// Each point's seconds before the newest.
        StatsTimesRole,
        /// "12 % · 3.4 MiB", or empty.
        UsageTextRole,
    };
    Q_ENUM(Role)

    explicit ContainerListModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] int count() const { return int(rows_.size()); }
    [[nodiscard]] int runningCount() const;
    [[nodiscard]] bool busy() const { return pending_ > 0; }
    [[nodiscard]] QString actionError() const { return actionError_; }
    [[nodiscard]] QString actionMessage() const { return actionMessage_; }
    [[nodiscard]] bool sampleStats() const { return sampler_.active(); }
    void setSampleStats(bool on);
    [[nodiscard]] bool statsSampling() const { return sampler_.sampling(); }

    /// Asks the helper for the list again (it also follows ContainersChanged by itself).
    /// showCommand puts `berth ps -a` (or `berth ps` when all is false) in the command strip.
    Q_INVOKABLE void reload(bool showCommand = true, bool all = true);
    /// The row of a container by id or name, or -1.
    Q_INVOKABLE int rowOf(const QString &idOrName) const;

    Q_INVOKABLE void start(const QString &name);
    /// Stops with the container's own stop signal, then SIGKILL after its timeout.
    Q_INVOKABLE void stop(const QString &name);
    Q_INVOKABLE void restart(const QString &name);
    Q_INVOKABLE void pause(const QString &name);
    Q_INVOKABLE void unpause(const QString &name);
    /// Sends signal (a name such as KILL or TERM, or a number).
    Q_INVOKABLE void kill(const QString &name, const QString &signal = QStringLiteral("KILL"));
    /// Removes as `berth rm [-f] [-v] NAME`: force kills a running container first, volumes
    /// removes its anonymous volumes too.
    Q_INVOKABLE void remove(const QString &name, bool force = false, bool volumes = false);

    /// The berth command of an action: verb is start, stop, restart, pause, unpause, kill
    /// or rm; force and volumes apply to rm, signal to kill.
    Q_INVOKABLE static QString actionCommand(const QString &verb, const QString &name, bool force = false,
                                             bool volumes = false, const QString &signal = QString());
    Q_INVOKABLE void clearAction();

Q_SIGNALS:
    void countChanged();
    void busyChanged();
    void actionChanged();
    void sampleStatsChanged();
    void statsSamplingChanged();
    /// An action finished; ok is false when the helper refused it.
    void actionFinished(const QString &verb, const QString &name, bool ok, const QString &message);

private:
    struct Row {
        QString id;
        QString name;
        QString image;
        QString imageId;
        QStringList command;
        QDateTime created;
        QString state;
        int exitCode = 0;
        QString startedAt;
        QString finishedAt;
        int pid = 0;
        int restartCount = 0;
        bool oomKilled = false;
        QString error;
    };
    void apply(QList<Row> fresh);
    /// Sends the call for verb and reports its outcome as actionMessage/actionError.
    void act(const QString &verb, const QString &name, const QString &command, const QString &doneMessage,
             const std::function<QDBusPendingCall(HelperProxy &)> &call);
    void finishAction(const QString &verb, const QString &name, bool ok, const QString &message);
    /// Listens to ContainersChanged on the helper's current proxy (a new one after the bus
    /// is reconnected).
    void followChanges();

    QList<Row> rows_;
    int pending_ = 0;
    QString actionError_;
    QString actionMessage_;
    HelperProxy *followed_ = nullptr;
    QMetaObject::Connection changesConnection_;
    /// Uptimes and "Exited … ago" age as the list stays open.
    QTimer clock_;
    ContainerStatsSampler sampler_;
};
