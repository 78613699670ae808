// The container list as the Containers panel shows it: only running ones unless "show all"
// is on (as `berth ps` and `berth ps -a`), filtered as you type by name, image or id.
#pragma once

#include <QQmlEngine>
#include <QSortFilterProxyModel>

class ContainerFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString filterText READ filterText WRITE setFilterText NOTIFY filterTextChanged)
    /// Stopped and created containers too, as `ps -a`.
    Q_PROPERTY(bool showAll READ showAll WRITE setShowAll NOTIFY showAllChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    explicit ContainerFilterModel(QObject *parent = nullptr);

    [[nodiscard]] QString filterText() const { return filterText_; }
    void setFilterText(const QString &text);
    [[nodiscard]] bool showAll() const { return showAll_; }
    void setShowAll(bool showAll);
    [[nodiscard]] int count() const { return rowCount(); }

    /// The row's data by role name, for actions on the current row.
    Q_INVOKABLE QVariant get(int row, const QString &roleName) const;
    /// The row showing the container with this id or name, or -1.
    Q_INVOKABLE int rowOf(const QString &idOrName) const;

Q_SIGNALS:
    void filterTextChanged();
    void showAllChanged();
    void countChanged();

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString filterText_;
    bool showAll_ = true;
};
