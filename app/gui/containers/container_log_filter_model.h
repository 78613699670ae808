// The Logs tab's search: only the log lines whose text contains what was typed
// (case-insensitive), or all of them when nothing is typed.
#pragma once

#include <QQmlEngine>
#include <QSortFilterProxyModel>

class ContainerLogFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    explicit ContainerLogFilterModel(QObject *parent = nullptr);

    [[nodiscard]] QString search() const { return search_; }
    void setSearch(const QString &text);
    [[nodiscard]] int count() const { return rowCount(); }

Q_SIGNALS:
    void searchChanged();
    void countChanged();

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString search_;
};
