#include "container_log_filter_model.h"

#include "container_log_model.h"

ContainerLogFilterModel::ContainerLogFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(this, signal, this, &ContainerLogFilterModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &ContainerLogFilterModel::countChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &ContainerLogFilterModel::countChanged);
}

void ContainerLogFilterModel::setSearch(const QString &text)
{
    if (search_ == text)
        return;
    search_ = text;
    invalidateFilter();
    Q_EMIT searchChanged();
    Q_EMIT countChanged();
}

bool ContainerLogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (search_.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return index.data(ContainerLogModel::TextRole).toString().contains(search_, Qt::CaseInsensitive);
}
