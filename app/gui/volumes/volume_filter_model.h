// The volume list as the Volumes panel shows it: filtered as you type by name, label or the
// name of a container that uses the volume.
#pragma once

#include <QQmlEngine>
#include <QSortFilterProxyModel>

class VolumeFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString filterText READ filterText WRITE setFilterText NOTIFY filterTextChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    explicit VolumeFilterModel(QObject *parent = nullptr);

    [[nodiscard]] QString filterText() const { return filterText_; }
    void setFilterText(const QString &text);
    [[nodiscard]] int count() const { return rowCount(); }

    /// The row showing the volume with this name, or -1.
    Q_INVOKABLE int rowOf(const QString &name) const;

Q_SIGNALS:
    void filterTextChanged();
    void countChanged();

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString filterText_;
};
