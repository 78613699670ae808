// A container's processes as the Processes tab shows them: the helper's ContainerTop (`ps -ef`
// on the host, kept to the container's cgroup) as a table, asked again every few seconds
// while the tab is shown and the container runs, never blocking the window.
#pragma once

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QStringList>
#include <QTimer>

class ContainerProcessModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    /// The container: a name, id or id prefix, as `berth top` takes.
    Q_PROPERTY(QString name READ name WRITE setName NOTIFY nameChanged)
    /// Whether someone looks (the tab is shown): refreshes by itself only then.
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
    /// Whether the container runs; a stopped one has no processes, and the rows go.
    Q_PROPERTY(bool running READ running WRITE setRunning NOTIFY runningChanged)
    /// Milliseconds between automatic refreshes (at least 500).
    Q_PROPERTY(int interval READ interval WRITE setInterval NOTIFY intervalChanged)
    /// The column titles ps printed (UID, PID, PPID, C, STIME, TTY, TIME, CMD).
    Q_PROPERTY(QStringList titles READ titles NOTIFY titlesChanged)
    /// Characters of the widest cell of each column (title included), for the view's widths.
    Q_PROPERTY(QList<int> columnCharacters READ columnCharacters NOTIFY titlesChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    /// At least one answer came for this name.
    Q_PROPERTY(bool loaded READ loaded NOTIFY loadedChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    /// When the rows were read, as the local time of day.
    Q_PROPERTY(QString updatedText READ updatedText NOTIFY loadingChanged)
    /// `berth top NAME`.
    Q_PROPERTY(QString commandLine READ commandLine NOTIFY nameChanged)

public:
    enum Role {
        /// The row's cells, in the order of titles.
        CellsRole = Qt::UserRole + 1,
        /// The process id (host view), or empty when ps printed no PID column.
        PidRole,
        /// The command line (the CMD or COMMAND column).
        CommandRole,
    };
    Q_ENUM(Role)

    explicit ContainerProcessModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString name() const { return name_; }
    void setName(const QString &name);
    [[nodiscard]] bool active() const { return active_; }
    void setActive(bool active);
    [[nodiscard]] bool running() const { return running_; }
    void setRunning(bool running);
    [[nodiscard]] int interval() const { return timer_.interval(); }
    void setInterval(int milliseconds);
    [[nodiscard]] QStringList titles() const { return titles_; }
    [[nodiscard]] QList<int> columnCharacters() const { return columnCharacters_; }
    [[nodiscard]] bool loading() const { return callPending_; }
    [[nodiscard]] bool loaded() const { return loaded_; }
    [[nodiscard]] QString error() const { return error_; }
    [[nodiscard]] int count() const { return int(rows_.size()); }
    [[nodiscard]] QString updatedText() const { return updatedText_; }
    [[nodiscard]] QString commandLine() const;

    /// Asks the helper now; shows `berth top NAME` in the command strip when showCommand.
    Q_INVOKABLE void refresh(bool showCommand = false);
    /// The cells of a row (for tests and Copy).
    Q_INVOKABLE QStringList cellsAt(int row) const;
    /// The column of a title, or -1.
    Q_INVOKABLE int columnOf(const QString &title) const;

    /// Puts in the answer of ContainerTop (exposed for tests of the table itself).
    void apply(const QStringList &titles, const QList<QStringList> &rows);

Q_SIGNALS:
    void nameChanged();
    void activeChanged();
    void runningChanged();
    void intervalChanged();
    void titlesChanged();
    void loadingChanged();
    void loadedChanged();
    void errorChanged();
    void countChanged();

private:
    void updateTimer();
    void clearRows();
    void setError(const QString &error);
    void setLoaded(bool loaded);

    QString name_;
    bool active_ = false;
    bool running_ = false;
    bool loaded_ = false;
    bool callPending_ = false;
    quint64 generation_ = 0;
    QString error_;
    QString updatedText_;
    QStringList titles_;
    QList<int> columnCharacters_;
    QList<QStringList> rows_;
    QTimer timer_;
};
