#include "container_process_model.h"

#include "command_text.h"
#include "helper_client.h"
#include "helper_connection.h"

#include <QDBusMetaType>
#include <QDBusPendingCallWatcher>
#include <QTime>

#include <algorithm>

namespace {

/// A command can be very long; the widths the view plans with stop here.
constexpr int widestPlannedCell = 60;

} // namespace

ContainerProcessModel::ContainerProcessModel(QObject *parent) : QAbstractListModel(parent)
{
    // ContainerTop's rows are aas: the type must be known before the first reply arrives.
    static const QMetaType rowsType = qDBusRegisterMetaType<QList<QStringList>>();
    Q_UNUSED(rowsType);
    timer_.setInterval(3000);
    connect(&timer_, &QTimer::timeout, this, [this]() { refresh(false); });
}

int ContainerProcessModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(rows_.size());
}

QVariant ContainerProcessModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QStringList &cells = rows_[index.row()];
    auto cell = [&](int column) { return column >= 0 && column < cells.size() ? cells[column] : QString(); };
    switch (role) {
    case CellsRole:
        return cells;
    case PidRole:
        return cell(columnOf(QStringLiteral("PID")));
    case Qt::DisplayRole:
    case CommandRole: {
        const int command = columnOf(QStringLiteral("CMD"));
        return cell(command >= 0 ? command : columnOf(QStringLiteral("COMMAND")));
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> ContainerProcessModel::roleNames() const
{
    return {{CellsRole, "cells"}, {PidRole, "pid"}, {CommandRole, "command"}};
}

void ContainerProcessModel::setName(const QString &name)
{
    if (name_ == name)
        return;
    name_ = name;
    ++generation_;
    callPending_ = false;
    clearRows();
    setError({});
    setLoaded(false);
    Q_EMIT nameChanged();
    Q_EMIT loadingChanged();
    updateTimer();
    if (timer_.isActive())
        refresh(false);
}

void ContainerProcessModel::setActive(bool active)
{
    if (active_ == active)
        return;
    active_ = active;
    Q_EMIT activeChanged();
    updateTimer();
    // Shown again: what it shows must be now, not from when it was last looked at.
    if (timer_.isActive())
        refresh(false);
}

void ContainerProcessModel::setRunning(bool running)
{
    if (running_ == running)
        return;
    running_ = running;
    Q_EMIT runningChanged();
    if (!running) {
        ++generation_;
        callPending_ = false;
        Q_EMIT loadingChanged();
        clearRows();
        setError({});
    }
    updateTimer();
    if (timer_.isActive())
        refresh(false);
}

void ContainerProcessModel::setInterval(int milliseconds)
{
    milliseconds = std::max(500, milliseconds);
    if (timer_.interval() == milliseconds)
        return;
    timer_.setInterval(milliseconds);
    Q_EMIT intervalChanged();
}

QString ContainerProcessModel::commandLine() const
{
    return berth::gui::commandLine({QStringLiteral("top"), name_.isEmpty() ? QStringLiteral("CONTAINER") : name_});
}

void ContainerProcessModel::updateTimer()
{
    const bool wanted = active_ && running_ && !name_.isEmpty();
    if (wanted && !timer_.isActive())
        timer_.start();
    else if (!wanted)
        timer_.stop();
}

void ContainerProcessModel::refresh(bool showCommand)
{
    if (name_.isEmpty())
        return;
    if (showCommand)
        HelperClient::instance()->showCommand(commandLine());
    if (const QString failure = HelperClient::instance()->busFailure(); !failure.isEmpty()) {
        setError(failure);
        return;
    }
    // One call at a time: a slow ps must not pile up calls behind it.
    if (callPending_)
        return;
    callPending_ = true;
    Q_EMIT loadingChanged();
    const quint64 generation = generation_;
    auto *watcher = new QDBusPendingCallWatcher(HelperClient::instance()->proxy()->ContainerTop(name_, {}), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, generation]() {
        watcher->deleteLater();
        if (generation != generation_)
            return;
        callPending_ = false;
        QDBusPendingReply<QStringList, QList<QStringList>> reply = *watcher;
        updatedText_ = QTime::currentTime().toString(QStringLiteral("HH:mm:ss"));
        Q_EMIT loadingChanged();
        if (reply.isError()) {
            setError(berth::client::describeFailure(reply.error()).message);
            return;
        }
        setError({});
        apply(reply.argumentAt<0>(), reply.argumentAt<1>());
        setLoaded(true);
    });
}

QStringList ContainerProcessModel::cellsAt(int row) const
{
    return row >= 0 && row < rows_.size() ? rows_[row] : QStringList();
}

int ContainerProcessModel::columnOf(const QString &title) const
{
    return int(titles_.indexOf(title));
}

void ContainerProcessModel::apply(const QStringList &titles, const QList<QStringList> &rows)
{
    QList<int> characters;
    for (const QString &title : titles)
        characters << int(title.size());
    for (const QStringList &row : rows) {
        for (qsizetype column = 0; column < row.size() && column < characters.size(); ++column)
            characters[column] = std::max(characters[column], std::min(widestPlannedCell, int(row[column].size())));
    }
    if (titles != titles_ || characters != columnCharacters_) {
        titles_ = titles;
        columnCharacters_ = characters;
        Q_EMIT titlesChanged();
    }
    // Rows are replaced in place where they are, so the view keeps its scroll position.
    const int before = int(rows_.size());
    const int after = int(rows.size());
    if (after < before) {
        beginRemoveRows({}, after, before - 1);
        rows_.resize(after);
        endRemoveRows();
    }
    for (int row = 0; row < std::min(before, after); ++row) {
        if (rows_[row] != rows[row]) {
            rows_[row] = rows[row];
            Q_EMIT dataChanged(index(row), index(row));
        }
    }
    if (after > before) {
        beginInsertRows({}, before, after - 1);
        for (int row = before; row < after; ++row)
            rows_ << rows[row];
        endInsertRows();
    }
    if (after != before)
        Q_EMIT countChanged();
}

void ContainerProcessModel::clearRows()
{
    if (rows_.isEmpty())
        return;
    beginResetModel();
    rows_.clear();
    endResetModel();
    Q_EMIT countChanged();
}

void ContainerProcessModel::setError(const QString &error)
{
    if (error_ == error)
        return;
    error_ = error;
    Q_EMIT errorChanged();
}

void ContainerProcessModel::setLoaded(bool loaded)
{
    if (loaded_ == loaded)
        return;
    loaded_ = loaded;
    Q_EMIT loadedChanged();
}
