// The image list as the Images panel shows it: filtered as you type (repository:tag or id)
// and sorted by the column header the person clicked.
#pragma once

#include <QQmlEngine>
#include <QSortFilterProxyModel>

class ImageFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString filterText READ filterText WRITE setFilterText NOTIFY filterTextChanged)
    /// A role name of ImageListModel: "repository", "tag", "imageId", "created" or "size".
    Q_PROPERTY(QString sortColumn READ sortColumn WRITE setSortColumn NOTIFY sortChanged)
    Q_PROPERTY(bool ascending READ ascending WRITE setAscending NOTIFY sortChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    explicit ImageFilterModel(QObject *parent = nullptr);

    [[nodiscard]] QString filterText() const { return filterText_; }
    void setFilterText(const QString &text);
    [[nodiscard]] QString sortColumn() const { return sortColumn_; }
    void setSortColumn(const QString &column);
    [[nodiscard]] bool ascending() const { return ascending_; }
    void setAscending(bool ascending);
    [[nodiscard]] int count() const { return rowCount(); }

    /// Clicking a header: sorts by it, or reverses the order if it already sorts by it.
    Q_INVOKABLE void sortBy(const QString &column);
    /// The row's data by role name, for actions on the current row.
    Q_INVOKABLE QVariant get(int row, const QString &roleName) const;

Q_SIGNALS:
    void filterTextChanged();
    void sortChanged();
    void countChanged();

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    [[nodiscard]] bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void applySort();

    QString filterText_;
    QString sortColumn_ = QStringLiteral("created");
    bool ascending_ = false;
};
