// The engine's settings as a list for the Settings page: one row per key, with its value,
// whether it is the default, what Docker calls it, and a sentence explaining it.
#pragma once

#include <QAbstractListModel>
#include <QQmlEngine>

#include <functional>

class ConfigModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString loadError READ loadError NOTIFY loadErrorChanged)

public:
    enum Role {
        KeyRole = Qt::UserRole + 1,
        ValueRole,
        IsDefaultRole,
        DefaultValueRole,
        DockerKeyRole,
        TitleRole,
        GroupRole,
        DescriptionRole,
        ExampleRole,
        SavingRole,
        ErrorRole,
    };
    Q_ENUM(Role)

    /// Empty until reload() has the helper's answer: the values are the helper's, so
    /// without it there is nothing true to show.
    explicit ConfigModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] bool loading() const { return loading_; }
    [[nodiscard]] QString loadError() const { return loadError_; }

    /// Reads every setting from the helper; shows `berth config get` in the command strip.
    Q_INVOKABLE void reload();
    /// Asks the helper to store value for key; the row shows the canonical value or the error.
    Q_INVOKABLE void save(const QString &key, const QString &value);
    /// Returns key to its default.
    Q_INVOKABLE void reset(const QString &key);
    /// The command `berth config set KEY VALUE` quoted for a shell, for the command strip.
    Q_INVOKABLE static QString commandFor(const QString &key, const QString &value);

Q_SIGNALS:
    void loadingChanged();
    void loadErrorChanged();
    void saved(const QString &key, const QString &value);
    void saveFailed(const QString &key, const QString &message);

private:
    struct Row {
        QString key;
        QString value;
        bool isDefault = true;
        bool saving = false;
        QString error;
    };
    [[nodiscard]] int rowOf(const QString &key) const;
    void updateRow(const QString &key, const std::function<void(Row &)> &change);
    void setLoading(bool loading);

    QList<Row> rows_;
    bool loading_ = false;
    QString loadError_;
};
