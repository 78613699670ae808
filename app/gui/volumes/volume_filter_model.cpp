#include "volume_filter_model.h"

#include "volume_list_model.h"

VolumeFilterModel::VolumeFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(this, signal, this, &VolumeFilterModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &VolumeFilterModel::countChanged);
    // A volume that gains or loses a user may start or stop matching.
    setDynamicSortFilter(true);
}

void VolumeFilterModel::setFilterText(const QString &text)
{
    if (filterText_ == text)
        return;
    filterText_ = text;
    invalidateRowsFilter();
    Q_EMIT filterTextChanged();
    Q_EMIT countChanged();
}

int VolumeFilterModel::rowOf(const QString &name) const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (index(row, 0).data(VolumeListModel::NameRole).toString() == name)
            return row;
    }
    return -1;
}

bool VolumeFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QString needle = filterText_.trimmed();
    if (needle.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const QString haystack = index.data(VolumeListModel::NameRole).toString() + QLatin1Char(' ')
                             + index.data(VolumeListModel::LabelsTextRole).toString() + QLatin1Char(' ')
                             + index.data(VolumeListModel::UsedByTextRole).toString();
    // Every word must match, so "web cache" finds web-cache and a volume web uses for /cache.
    for (const QString &word : needle.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!haystack.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}
