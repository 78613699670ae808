#include "container_filter_model.h"

#include "container_list_model.h"

ContainerFilterModel::ContainerFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(this, signal, this, &ContainerFilterModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &ContainerFilterModel::countChanged);
    // A container that stops leaves the `ps` view; one that starts enters it.
    setDynamicSortFilter(true);
}

void ContainerFilterModel::setFilterText(const QString &text)
{
    if (filterText_ == text)
        return;
    filterText_ = text;
    invalidateRowsFilter();
    Q_EMIT filterTextChanged();
    Q_EMIT countChanged();
}

void ContainerFilterModel::setShowAll(bool showAll)
{
    if (showAll_ == showAll)
        return;
    showAll_ = showAll;
    invalidateRowsFilter();
    Q_EMIT showAllChanged();
    Q_EMIT countChanged();
}

QVariant ContainerFilterModel::get(int row, const QString &roleName) const
{
    if (!sourceModel() || row < 0 || row >= rowCount())
        return {};
    const int role = roleNames().key(roleName.toUtf8(), -1);
    return role < 0 ? QVariant() : index(row, 0).data(role);
}

int ContainerFilterModel::rowOf(const QString &idOrName) const
{
    for (int row = 0; row < rowCount(); ++row) {
        const QModelIndex at = index(row, 0);
        if (at.data(ContainerListModel::NameRole).toString() == idOrName || at.data(ContainerListModel::IdRole).toString() == idOrName)
            return row;
    }
    return -1;
}

bool ContainerFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    // As `ps` without -a: what is running, paused or restarting.
    if (!showAll_) {
        const QString state = index.data(ContainerListModel::ContainerStateRole).toString();
        if (state != QLatin1String("running") && state != QLatin1String("paused") && state != QLatin1String("restarting"))
            return false;
    }
    const QString needle = filterText_.trimmed();
    if (needle.isEmpty())
        return true;
    const QString name = index.data(ContainerListModel::NameRole).toString();
    const QString image = index.data(ContainerListModel::ImageRole).toString();
    const QString id = index.data(ContainerListModel::IdRole).toString();
    // Every word must match, so "web busybox" finds the web container of busybox.
    for (const QString &word : needle.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!name.contains(word, Qt::CaseInsensitive) && !image.contains(word, Qt::CaseInsensitive)
            && !id.startsWith(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}
