// A container's log as the Logs tab shows it: the helper's ContainerLogs stream read as JSON
// lines from a pipe without blocking the GUI, one row per line (time, stream, text), the
// newest kept up to a cap, following the container while it runs and opened again when it
// starts again.
#pragma once

#include "engine/core/unique_fd.h"

#include <QAbstractListModel>
#include <QByteArray>
#include <QQmlEngine>
#include <QString>

#include <deque>

class QSocketNotifier;

class ContainerLogModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    /// The container: a name, id or id prefix. Setting it opens its log.
    Q_PROPERTY(QString name READ name WRITE setName NOTIFY nameChanged)
    /// Whether the container runs: the stream then follows new lines, and turning true again
    /// (it was started again) opens the log afresh.
    Q_PROPERTY(bool running READ running WRITE setRunning NOTIFY runningChanged)
    /// How many of the last lines to ask for (`--tail`); 0 or less means all.
    Q_PROPERTY(int tail READ tail WRITE setTail NOTIFY tailChanged)
    /// Only lines since then (`--since`): a duration such as 10m or 1h, or a time; empty: all.
    Q_PROPERTY(QString since READ since WRITE setSince NOTIFY sinceChanged)
    /// The most lines kept; older ones are dropped as new ones come.
    Q_PROPERTY(int maximumLines READ maximumLines WRITE setMaximumLines NOTIFY maximumLinesChanged)
    /// Only changes commandLine: every row knows its time.
    Q_PROPERTY(bool timestamps READ timestamps WRITE setTimestamps NOTIFY timestampsChanged)
    /// The stream is open (lines may still come).
    Q_PROPERTY(bool streaming READ streaming NOTIFY streamingChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    /// Lines dropped from the top because of maximumLines since the log was opened.
    Q_PROPERTY(int droppedLines READ droppedLines NOTIFY countChanged)
    /// `berth logs -f --tail 1000 NAME`, with -t when timestamps is on.
    Q_PROPERTY(QString commandLine READ commandLine NOTIFY commandLineChanged)

public:
    enum Role {
        TimeRole = Qt::UserRole + 1,
        StreamRole,
        TextRole,
        IsErrorRole,
    };
    Q_ENUM(Role)

    struct Line {
        QString time;
        QString stream;
        QString text;
    };

    explicit ContainerLogModel(QObject *parent = nullptr);
    ~ContainerLogModel() override;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString name() const { return name_; }
    void setName(const QString &name);
    [[nodiscard]] bool running() const { return running_; }
    void setRunning(bool running);
    [[nodiscard]] int tail() const { return tail_; }
    [[nodiscard]] QString since() const { return since_; }
    void setSince(const QString &since);
    void setTail(int lines);
    [[nodiscard]] int maximumLines() const { return maximumLines_; }
    void setMaximumLines(int lines);
    [[nodiscard]] bool timestamps() const { return timestamps_; }
    void setTimestamps(bool on);
    [[nodiscard]] bool streaming() const { return readNotifier_ != nullptr || callPending_; }
    [[nodiscard]] QString error() const { return error_; }
    [[nodiscard]] int count() const { return int(lines_.size()); }
    [[nodiscard]] int droppedLines() const { return droppedLines_; }
    [[nodiscard]] QString commandLine() const;

    /// Drops what is shown and asks the helper for the log again.
    Q_INVOKABLE void reload();
    /// Stops reading; what was read stays.
    Q_INVOKABLE void stop();
    /// The rows as text, one line each, with their time first when withTimestamps; only the
    /// rows whose text contains `containing` (case-insensitive) when it is not empty.
    Q_INVOKABLE QString text(bool withTimestamps, const QString &containing = {}) const;

    /// Adds the complete JSON lines in bytes (as ContainerLogs writes them with format
    /// "json-lines"); a line that is not such an object is shown as it is, on stdout.
    void appendJsonLines(const QByteArray &bytes);

Q_SIGNALS:
    void nameChanged();
    void runningChanged();
    void tailChanged();
    void sinceChanged();
    void maximumLinesChanged();
    void timestampsChanged();
    void streamingChanged();
    void errorChanged();
    void countChanged();
    void commandLineChanged();
    /// Rows were appended at the end (the view may scroll to them).
    void linesAppended();

private:
    void scheduleReload();
    void open();
    void readAvailable();
    void closeStream();
    void setError(const QString &error);
    void append(std::vector<Line> lines);

    QString name_;
    bool running_ = false;
    int tail_ = 1000;
    QString since_;
    int maximumLines_ = 10000;
    bool timestamps_ = false;
    bool reloadScheduled_ = false;
    bool callPending_ = false;
    /// Tells apart the answers of an earlier open from the current one.
    quint64 generation_ = 0;
    QString error_;
    std::deque<Line> lines_;
    int droppedLines_ = 0;
    berth::UniqueFd readEnd_;
    QSocketNotifier *readNotifier_ = nullptr;
    QByteArray partialLine_;
};
