// What the panels' lists (images, containers, volumes) share: the helper's list asked for
// once at a time (a change announced meanwhile asks once more when the answer is in), and
// each answer merged into the rows by key, in the helper's order, so that views keep their
// current row and scroll position.
#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QQmlEngine>
#include <QSet>
#include <QString>

#include <algorithm>
#include <functional>

class HelperListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    /// The first answer is in (a list, or loadError).
    Q_PROPERTY(bool loaded READ loaded NOTIFY loadingChanged)
    Q_PROPERTY(QString loadError READ loadError NOTIFY loadErrorChanged)

public:
    using QAbstractListModel::QAbstractListModel;

    [[nodiscard]] bool loading() const { return loading_; }
    [[nodiscard]] bool loaded() const { return loaded_; }
    [[nodiscard]] QString loadError() const { return loadError_; }

Q_SIGNALS:
    void loadingChanged();
    void loadErrorChanged();

protected:
    /// True when a load may start now (and it is marked started); false when the bus is
    /// unreachable (loadError says why) or a load is under way (another follows it).
    [[nodiscard]] bool beginLoad();
    /// Ends the load with its error (empty when the rows were merged); asks again through
    /// reloadAgain when a change came while it was under way.
    void finishLoad(const QString &error, const std::function<void()> &reloadAgain);
    void setLoadError(const QString &error);

    /// Makes rows what fresh holds, matching rows by keyOf(row): gone rows are removed, new
    /// ones inserted, kept ones moved into the fresh order and updated in place.
    template <typename Row, typename KeyOf>
    void mergeRows(QList<Row> &rows, QList<Row> fresh, KeyOf keyOf)
    {
        QSet<QString> freshKeys;
        for (const Row &row : fresh)
            freshKeys.insert(keyOf(row));
        for (int at = int(rows.size()) - 1; at >= 0; --at) {
            if (!freshKeys.contains(keyOf(rows.at(at)))) {
                beginRemoveRows({}, at, at);
                rows.removeAt(at);
                endRemoveRows();
            }
        }
        for (int target = 0; target < fresh.size(); ++target) {
            Row &row = fresh[target];
            const QString key = keyOf(row);
            const auto existing = std::find_if(rows.begin(), rows.end(), [&](const Row &old) { return keyOf(old) == key; });
            if (existing == rows.end()) {
                beginInsertRows({}, target, target);
                rows.insert(target, std::move(row));
                endInsertRows();
                continue;
            }
            const int at = int(existing - rows.begin());
            if (at != target) {
                beginMoveRows({}, at, at, {}, target > at ? target + 1 : target);
                rows.move(at, target);
                endMoveRows();
            }
            rows[target] = std::move(row);
            Q_EMIT dataChanged(index(target), index(target));
        }
    }

private:
    bool loading_ = false;
    bool loaded_ = false;
    bool reloadAgain_ = false;
    QString loadError_;
};
