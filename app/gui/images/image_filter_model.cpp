#include "image_filter_model.h"

#include "image_list_model.h"

#include <QDateTime>

ImageFilterModel::ImageFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(this, signal, this, &ImageFilterModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &ImageFilterModel::countChanged);
    // The proxy remembers the sort and applies it to whatever source it is given.
    applySort();
}

void ImageFilterModel::setFilterText(const QString &text)
{
    if (filterText_ == text)
        return;
    filterText_ = text;
    invalidateRowsFilter();
    Q_EMIT filterTextChanged();
    Q_EMIT countChanged();
}

void ImageFilterModel::setSortColumn(const QString &column)
{
    if (sortColumn_ == column)
        return;
    sortColumn_ = column;
    applySort();
    Q_EMIT sortChanged();
}

void ImageFilterModel::setAscending(bool ascending)
{
    if (ascending_ == ascending)
        return;
    ascending_ = ascending;
    applySort();
    Q_EMIT sortChanged();
}

void ImageFilterModel::sortBy(const QString &column)
{
    if (column == sortColumn_) {
        setAscending(!ascending_);
        return;
    }
    sortColumn_ = column;
    // Newest and largest first, names from A.
    ascending_ = column != QLatin1String("created") && column != QLatin1String("size");
    applySort();
    Q_EMIT sortChanged();
}

void ImageFilterModel::applySort()
{
    // The roles by the names QML uses (ImageListModel::roleNames()).
    static const QHash<QString, int> roles{{QStringLiteral("repository"), ImageListModel::RepositoryRole},
                                           {QStringLiteral("tag"), ImageListModel::TagRole},
                                           {QStringLiteral("imageId"), ImageListModel::IdRole},
                                           {QStringLiteral("created"), ImageListModel::CreatedRole},
                                           {QStringLiteral("size"), ImageListModel::SizeRole}};
    setSortRole(roles.value(sortColumn_, ImageListModel::CreatedRole));
    sort(0, ascending_ ? Qt::AscendingOrder : Qt::DescendingOrder);
}

QVariant ImageFilterModel::get(int row, const QString &roleName) const
{
    if (!sourceModel() || row < 0 || row >= rowCount())
        return {};
    const int role = roleNames().key(roleName.toUtf8(), -1);
    return role < 0 ? QVariant() : index(row, 0).data(role);
}

bool ImageFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QString needle = filterText_.trimmed();
    if (needle.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const QString name = index.data(ImageListModel::RepositoryRole).toString() + QLatin1Char(':')
                       + index.data(ImageListModel::TagRole).toString();
    QString id = index.data(ImageListModel::FullIdRole).toString();
    if (id.startsWith(QLatin1String("sha256:")))
        id = id.mid(7);
    // Every word must match, so "busybox 1.0" finds busybox:1.0.
    for (const QString &word : needle.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!name.contains(word, Qt::CaseInsensitive) && !id.startsWith(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

bool ImageFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const int role = sortRole();
    const QVariant a = left.data(role);
    const QVariant b = right.data(role);
    if (role == ImageListModel::CreatedRole && a.toDateTime() != b.toDateTime())
        return a.toDateTime() < b.toDateTime();
    if (role == ImageListModel::SizeRole && a.toULongLong() != b.toULongLong())
        return a.toULongLong() < b.toULongLong();
    const int order = QString::compare(a.toString(), b.toString(), Qt::CaseInsensitive);
    if (order != 0)
        return order < 0;
    // Ties in a stable order, so rows do not jump when the list refreshes.
    return left.data(ImageListModel::ReferenceRole).toString() < right.data(ImageListModel::ReferenceRole).toString();
}
