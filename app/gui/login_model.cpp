#include "login_model.h"

#include "command_text.h"
#include "dbus_types.h"
#include "helper_client.h"
#include "helper_connection.h"

#include <QDBusPendingCallWatcher>

LoginModel::LoginModel(QObject *parent) : QAbstractListModel(parent)
{
    berth::gui::registerImageDBusTypes();
}

int LoginModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(rows_.size());
}

QVariant LoginModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = rows_.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case ServerRole: return row.server;
    case UsernameRole: return row.username;
    default: return {};
    }
}

QHash<int, QByteArray> LoginModel::roleNames() const
{
    return {{ServerRole, "server"}, {UsernameRole, "username"}};
}

QString LoginModel::loginCommand(const QString &server, const QString &username)
{
    QStringList words{QStringLiteral("login")};
    if (!server.trimmed().isEmpty())
        words << server.trimmed();
    words << QStringLiteral("-u") << (username.isEmpty() ? QStringLiteral("USER") : username);
    return berth::gui::commandLine(words);
}

QString LoginModel::logoutCommand(const QString &server)
{
    QStringList words{QStringLiteral("logout")};
    if (!server.trimmed().isEmpty())
        words << server.trimmed();
    return berth::gui::commandLine(words);
}

void LoginModel::reload()
{
    if (const QString failure = HelperClient::instance()->busFailure(); !failure.isEmpty()) {
        if (loadError_ != failure) {
            loadError_ = failure;
            Q_EMIT loadErrorChanged();
        }
        return;
    }
    if (loading_) {
        reloadAgain_ = true;
        return;
    }
    loading_ = true;
    Q_EMIT loadingChanged();
    auto *watcher = new QDBusPendingCallWatcher(HelperClient::instance()->proxy()->ListLogins(), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher]() {
        watcher->deleteLater();
        QDBusPendingReply<QList<QVariantMap>> reply = *watcher;
        QString error;
        if (reply.isError()) {
            error = berth::client::describeFailure(reply.error()).message;
        } else {
            QList<Row> fresh;
            for (const QVariantMap &login : reply.value())
                fresh.append(Row{login.value(QStringLiteral("Server")).toString(),
                                 login.value(QStringLiteral("Username")).toString()});
            apply(fresh);
        }
        if (loadError_ != error) {
            loadError_ = error;
            Q_EMIT loadErrorChanged();
        }
        loading_ = false;
        loaded_ = true;
        Q_EMIT loadingChanged();
        if (reloadAgain_) {
            reloadAgain_ = false;
            reload();
        }
    });
}

void LoginModel::apply(const QList<Row> &fresh)
{
    // Few rows, rarely changed: a reset is simplest and views keep nothing worth keeping.
    const int before = count();
    beginResetModel();
    rows_ = fresh;
    endResetModel();
    if (count() != before)
        Q_EMIT countChanged();
}

void LoginModel::setBusy(bool busy)
{
    if (busy_ == busy)
        return;
    busy_ = busy;
    Q_EMIT busyChanged();
}

void LoginModel::setAction(bool ok, const QString &message)
{
    actionError_ = ok ? QString() : message;
    actionMessage_ = ok ? message : QString();
    Q_EMIT actionChanged();
}

void LoginModel::clearAction()
{
    if (actionError_.isEmpty() && actionMessage_.isEmpty())
        return;
    actionError_.clear();
    actionMessage_.clear();
    Q_EMIT actionChanged();
}

void LoginModel::login(const QString &server, const QString &username, const QString &password)
{
    HelperClient::instance()->showCommand(loginCommand(server, username));
    const auto finish = [this](bool ok, const QString &message) {
        setBusy(false);
        setAction(ok, message);
        Q_EMIT loginFinished(ok, message);
    };
    if (username.isEmpty() || password.isEmpty()) {
        finish(false, tr("Type the username and the password (or access token) the registry gave you."));
        return;
    }
    if (const QString failure = HelperClient::instance()->busFailure(); !failure.isEmpty()) {
        finish(false, failure);
        return;
    }
    setBusy(true);
    auto *watcher = new QDBusPendingCallWatcher(
        HelperClient::instance()->changeProxy()->Login(server.trimmed(), username, password), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, finish]() {
        watcher->deleteLater();
        QDBusPendingReply<QString> reply = *watcher;
        if (reply.isError()) {
            finish(false, berth::client::describeFailure(reply.error()).message);
            return;
        }
        finish(true, tr("Login Succeeded: %1").arg(reply.value()));
        reload();
    });
}

void LoginModel::logout(const QString &server)
{
    HelperClient::instance()->showCommand(logoutCommand(server));
    const auto finish = [this](bool ok, const QString &message) {
        setBusy(false);
        setAction(ok, message);
        Q_EMIT logoutFinished(ok, message);
    };
    if (const QString failure = HelperClient::instance()->busFailure(); !failure.isEmpty()) {
        finish(false, failure);
        return;
    }
    setBusy(true);
    auto *watcher = new QDBusPendingCallWatcher(HelperClient::instance()->changeProxy()->Logout(server), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, server, finish]() {
        watcher->deleteLater();
        QDBusPendingReply<bool> reply = *watcher;
        if (reply.isError()) {
            finish(false, berth::client::describeFailure(reply.error()).message);
            return;
        }
        finish(true, reply.value() ? tr("Removing login credentials for %1").arg(server)
                                   : tr("Not logged in to %1").arg(server));
        reload();
    });
}
