#include "container_log_model.h"

#include "command_text.h"
#include "helper_client.h"
#include "helper_connection.h"

#include <QDateTime>
#include <QDBusPendingCallWatcher>
#include <QDBusUnixFileDescriptor>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTimer>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include <fcntl.h>
#include <unistd.h>

namespace {

/// Bytes taken from the pipe per wake-up, so a burst of output does not freeze the window.
constexpr qsizetype readChunk = 256 * 1024;

ContainerLogModel::Line parseLine(const QByteArray &line)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return {QString(), QStringLiteral("stdout"), QString::fromUtf8(line)};
    const QJsonObject object = document.object();
    QString text = object.value(QLatin1String("log")).toString();
    // Each entry is one line of output with its newline; the row is the line.
    if (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    if (text.endsWith(QLatin1Char('\r')))
        text.chop(1);
    return {object.value(QLatin1String("time")).toString(), object.value(QLatin1String("stream")).toString(), text};
}

} // namespace

ContainerLogModel::ContainerLogModel(QObject *parent) : QAbstractListModel(parent) {}

ContainerLogModel::~ContainerLogModel()
{
    closeStream();
}

int ContainerLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(lines_.size());
}

QVariant ContainerLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Line &line = lines_[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return line.text;
    case TimeRole:
        return line.time;
    case StreamRole:
        return line.stream;
    case IsErrorRole:
        return line.stream == QLatin1String("stderr");
    default:
        return {};
    }
}

QHash<int, QByteArray> ContainerLogModel::roleNames() const
{
    return {{TimeRole, "time"}, {StreamRole, "stream"}, {TextRole, "text"}, {IsErrorRole, "isError"}};
}

void ContainerLogModel::setName(const QString &name)
{
    if (name_ == name)
        return;
    name_ = name;
    Q_EMIT nameChanged();
    Q_EMIT commandLineChanged();
    scheduleReload();
}

void ContainerLogModel::setRunning(bool running)
{
    if (running_ == running)
        return;
    running_ = running;
    Q_EMIT runningChanged();
    Q_EMIT commandLineChanged();
    // Started again: a new stream that follows. Stopped: the helper ends the stream itself
    // once the last output is written.
    if (running_)
        scheduleReload();
}

void ContainerLogModel::setTail(int lines)
{
    if (tail_ == lines)
        return;
    tail_ = lines;
    Q_EMIT tailChanged();
    Q_EMIT commandLineChanged();
    scheduleReload();
}

void ContainerLogModel::setSince(const QString &since)
{
    if (since_ == since)
        return;
    since_ = since;
    Q_EMIT sinceChanged();
    Q_EMIT commandLineChanged();
    scheduleReload();
}

void ContainerLogModel::setMaximumLines(int lines)
{
    lines = std::max(lines, 1);
    if (maximumLines_ == lines)
        return;
    maximumLines_ = lines;
    Q_EMIT maximumLinesChanged();
    append({});
}

void ContainerLogModel::setTimestamps(bool on)
{
    if (timestamps_ == on)
        return;
    timestamps_ = on;
    Q_EMIT timestampsChanged();
    Q_EMIT commandLineChanged();
}

QString ContainerLogModel::commandLine() const
{
    QStringList words{QStringLiteral("logs")};
    if (running_)
        words << QStringLiteral("-f");
    if (timestamps_)
        words << QStringLiteral("-t");
    if (tail_ > 0)
        words << QStringLiteral("--tail") << QString::number(tail_);
    if (!since_.isEmpty())
        words << QStringLiteral("--since") << since_;
    words << (name_.isEmpty() ? QStringLiteral("CONTAINER") : name_);
    return berth::gui::commandLine(words);
}

void ContainerLogModel::scheduleReload()
{
    // Name and running often change together when the page loads: one stream for both.
    if (reloadScheduled_)
        return;
    reloadScheduled_ = true;
    QTimer::singleShot(0, this, [this]() {
        reloadScheduled_ = false;
        reload();
    });
}

void ContainerLogModel::reload()
{
    closeStream();
    if (!lines_.empty()) {
        beginResetModel();
        lines_.clear();
        endResetModel();
    }
    droppedLines_ = 0;
    partialLine_.clear();
    Q_EMIT countChanged();
    setError({});
    if (!name_.isEmpty())
        open();
}

void ContainerLogModel::stop()
{
    closeStream();
}

void ContainerLogModel::open()
{
    if (const QString failure = HelperClient::instance()->busFailure(); !failure.isEmpty()) {
        setError(failure);
        return;
    }
    int ends[2];
    if (::pipe2(ends, O_CLOEXEC | O_NONBLOCK) != 0) {
        setError(tr("Cannot make a pipe for the log of %1: %2. Close some windows or programs and open the tab again.")
                     .arg(name_, QString::fromLocal8Bit(std::strerror(errno))));
        return;
    }
    readEnd_.reset(ends[0]);
    berth::UniqueFd writeEnd(ends[1]);
    const QVariantMap options{
        {QStringLiteral("follow"), running_},
        {QStringLiteral("timestamps"), true},
        {QStringLiteral("tail"), tail_ > 0 ? QString::number(tail_) : QStringLiteral("all")},
        {QStringLiteral("since"), since_},
        // A time without a zone means this machine's local time, as with the CLI.
        {QStringLiteral("utcOffset"), QDateTime::currentDateTime().offsetFromUtc()},
        {QStringLiteral("format"), QStringLiteral("json-lines")},
    };
    const quint64 generation = ++generation_;
    const QString asked = name_;
    QDBusPendingCallWatcher *watcher = nullptr;
    {
        // The call's message holds a copy of the write end while it lives: the watcher (the
        // only holder of the call) is deleted once answered, and ours closes here, so the
        // pipe ends when the helper closes its copy.
        const QDBusUnixFileDescriptor forHelper(writeEnd.get());
        watcher = new QDBusPendingCallWatcher(
            HelperClient::instance()->proxy()->ContainerLogs(name_, options, forHelper, forHelper), this);
    }
    writeEnd.reset();
    callPending_ = true;
    readNotifier_ = new QSocketNotifier(readEnd_.get(), QSocketNotifier::Read, this);
    connect(readNotifier_, &QSocketNotifier::activated, this, &ContainerLogModel::readAvailable);
    Q_EMIT streamingChanged();
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, generation, asked]() {
        QString failure;
        if (watcher->isError())
            failure = berth::client::describeFailure(watcher->error()).message;
        delete watcher;
        if (generation != generation_)
            return;
        callPending_ = false;
        if (!failure.isEmpty()) {
            closeStream();
            setError(tr("Cannot read the log of %1: %2").arg(asked, failure));
        }
        Q_EMIT streamingChanged();
    });
}

void ContainerLogModel::readAvailable()
{
    QByteArray bytes(readChunk, Qt::Uninitialized);
    qsizetype got = 0;
    bool ended = false;
    while (got < bytes.size()) {
        const ssize_t count = ::read(readEnd_.get(), bytes.data() + got, std::size_t(bytes.size() - got));
        if (count > 0) {
            got += count;
            continue;
        }
        if (count < 0 && errno == EINTR)
            continue;
        if (count < 0 && errno != EAGAIN) {
            setError(tr("Reading the log of %1 failed: %2. Open the tab again to retry.")
                         .arg(name_, QString::fromLocal8Bit(std::strerror(errno))));
            ended = true;
        } else if (count == 0) {
            ended = true;
        }
        break;
    }
    bytes.truncate(got);
    partialLine_ += bytes;
    const qsizetype lastNewline = partialLine_.lastIndexOf('\n');
    if (lastNewline >= 0) {
        const QByteArray complete = partialLine_.left(lastNewline + 1);
        partialLine_.remove(0, lastNewline + 1);
        appendJsonLines(complete);
    }
    if (ended) {
        if (!partialLine_.isEmpty())
            appendJsonLines(std::exchange(partialLine_, {}));
        closeStream();
    }
}

void ContainerLogModel::appendJsonLines(const QByteArray &bytes)
{
    std::vector<Line> parsed;
    for (const QByteArray &line : bytes.split('\n')) {
        if (!line.isEmpty())
            parsed.push_back(parseLine(line));
    }
    append(std::move(parsed));
}

void ContainerLogModel::append(std::vector<Line> lines)
{
    const std::size_t cap = std::size_t(maximumLines_);
    // More new lines than fit: only the newest of them count.
    if (lines.size() > cap) {
        droppedLines_ += int(lines.size() - cap);
        lines.erase(lines.begin(), lines.end() - std::ptrdiff_t(cap));
    }
    const std::size_t excess = lines_.size() + lines.size() > cap ? lines_.size() + lines.size() - cap : 0;
    if (excess > 0) {
        beginRemoveRows({}, 0, int(excess) - 1);
        lines_.erase(lines_.begin(), lines_.begin() + std::ptrdiff_t(excess));
        droppedLines_ += int(excess);
        endRemoveRows();
    }
    if (!lines.empty()) {
        const int first = int(lines_.size());
        beginInsertRows({}, first, first + int(lines.size()) - 1);
        for (Line &line : lines)
            lines_.push_back(std::move(line));
        endInsertRows();
    }
    if (excess > 0 || !lines.empty()) {
        Q_EMIT countChanged();
        if (!lines.empty())
            Q_EMIT linesAppended();
    }
}

QString ContainerLogModel::text(bool withTimestamps, const QString &containing) const
{
    QString text;
    for (const Line &line : lines_) {
        if (!containing.isEmpty() && !line.text.contains(containing, Qt::CaseInsensitive))
            continue;
        if (withTimestamps && !line.time.isEmpty())
            text += line.time + QLatin1Char(' ');
        text += line.text + QLatin1Char('\n');
    }
    return text;
}

void ContainerLogModel::closeStream()
{
    const bool wasStreaming = streaming();
    // An answer still to come belongs to a stream no longer read.
    ++generation_;
    callPending_ = false;
    if (readNotifier_) {
        // Often called from the notifier's own signal: it goes once that returns.
        readNotifier_->setEnabled(false);
        readNotifier_->deleteLater();
        readNotifier_ = nullptr;
    }
    readEnd_.reset();
    if (wasStreaming)
        Q_EMIT streamingChanged();
}

void ContainerLogModel::setError(const QString &error)
{
    if (error_ == error)
        return;
    error_ = error;
    Q_EMIT errorChanged();
}
