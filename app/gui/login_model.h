// The registries the person using the GUI is logged in to, for the Settings page: one row
// per login (server and username, never a password — those stay in the helper), plus
// logging in (`berth login SERVER -u USER`) and out (`berth logout SERVER`).
#pragma once

#include <QAbstractListModel>
#include <QQmlEngine>

class LoginModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY loadingChanged)
    Q_PROPERTY(QString loadError READ loadError NOTIFY loadErrorChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    /// A login or logout is on its way.
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString actionError READ actionError NOTIFY actionChanged)
    Q_PROPERTY(QString actionMessage READ actionMessage NOTIFY actionChanged)

public:
    enum Role { ServerRole = Qt::UserRole + 1, UsernameRole };
    Q_ENUM(Role)

    explicit LoginModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] bool loading() const { return loading_; }
    [[nodiscard]] bool loaded() const { return loaded_; }
    [[nodiscard]] QString loadError() const { return loadError_; }
    [[nodiscard]] int count() const { return int(rows_.size()); }
    [[nodiscard]] bool busy() const { return busy_; }
    [[nodiscard]] QString actionError() const { return actionError_; }
    [[nodiscard]] QString actionMessage() const { return actionMessage_; }

    /// Asks the helper for the caller's logins (Helper1.ListLogins).
    Q_INVOKABLE void reload();
    /// Checks the login against the registry and stores it in the helper; the outcome
    /// arrives in loginFinished (and actionMessage/actionError). The password is passed
    /// on to the helper and kept nowhere here.
    Q_INVOKABLE void login(const QString &server, const QString &username, const QString &password);
    /// Forgets the login for server.
    Q_INVOKABLE void logout(const QString &server);
    Q_INVOKABLE void clearAction();
    /// `berth login [SERVER] -u USER`, quoted for a shell (the password is typed at its prompt).
    Q_INVOKABLE static QString loginCommand(const QString &server, const QString &username);
    Q_INVOKABLE static QString logoutCommand(const QString &server);

Q_SIGNALS:
    void loadingChanged();
    void loadErrorChanged();
    void countChanged();
    void busyChanged();
    void actionChanged();
    void loginFinished(bool ok, const QString &message);
    void logoutFinished(bool ok, const QString &message);

private:
    struct Row {
        QString server;
        QString username;
    };
    void apply(const QList<Row> &fresh);
    void setBusy(bool busy);
    void setAction(bool ok, const QString &message);

    QList<Row> rows_;
    bool loading_ = false;
    bool loaded_ = false;
    bool reloadAgain_ = false;
    QString loadError_;
    bool busy_ = false;
    QString actionError_;
    QString actionMessage_;
};
