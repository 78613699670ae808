// berth login / berth logout: as docker does them, but the login is checked and stored by
// the helper, for the calling user only, instead of in a file in the user's home.
#include "cli.h"

#include <cstdio>
#include <iostream>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace berth::cli {

namespace {

// A line from the terminal, without its line break; echo off for passwords.
std::optional<QString> prompt(const QString &question, bool hidden)
{
    out() << question;
    out().flush();
    termios saved{};
    const bool restoreEcho = hidden && tcgetattr(STDIN_FILENO, &saved) == 0;
    if (restoreEcho) {
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    }
    std::string line;
    const bool got = static_cast<bool>(std::getline(std::cin, line));
    if (restoreEcho) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        out() << '\n';
        out().flush();
    }
    if (!got)
        return std::nullopt;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return QString::fromStdString(line);
}

// Everything on stdin, without the trailing line break(s) `echo` or a file adds.
QString readStandardInput()
{
    std::string all;
    char buffer[4096];
    while (std::cin.read(buffer, sizeof buffer) || std::cin.gcount() > 0)
        all.append(buffer, static_cast<std::size_t>(std::cin.gcount()));
    while (!all.empty() && (all.back() == '\n' || all.back() == '\r'))
        all.pop_back();
    return QString::fromStdString(all);
}

QString serverForMessages(const QString &server)
{
    return server.isEmpty() ? QStringLiteral("docker.io") : server;
}

} // namespace

int runLogin(const QStringList &arguments)
{
    const QCommandLineOption username({QStringLiteral("u"), QStringLiteral("username")}, tr("Username"),
                                      QStringLiteral("string"));
    const QCommandLineOption password({QStringLiteral("p"), QStringLiteral("password")}, tr("Password"),
                                      QStringLiteral("string"));
    const QCommandLineOption passwordStdin(QStringLiteral("password-stdin"), tr("Take the password from stdin"));
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth login [OPTIONS] [SERVER]"),
                      tr("Log in to a registry. If no server is given, Docker Hub (docker.io) is used. The login is "
                         "checked against the registry, then kept by Berth's helper for your user only."),
                      {password, passwordStdin, username},
                      0,
                      1};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    const QString server = parser.positionalArguments().value(0);
    QString user = parser.value(username);
    QString secret = parser.value(password);
    if (parser.isSet(password) && parser.isSet(passwordStdin)) {
        err() << tr("Error:") << ' ' << tr("--password and --password-stdin are mutually exclusive") << '\n';
        return UsageError;
    }
    if (parser.isSet(passwordStdin)) {
        if (user.isEmpty()) {
            err() << tr("Error:") << ' ' << tr("Must provide --username with --password-stdin") << '\n';
            return UsageError;
        }
        secret = readStandardInput();
    } else if (parser.isSet(password)) {
        err() << tr("WARNING! Using --password via the CLI is insecure. Use --password-stdin.") << '\n';
        err().flush();
    }
    const bool interactive = isatty(STDIN_FILENO);
    if (user.isEmpty()) {
        if (!interactive) {
            err() << tr("Error:") << ' '
                  << tr("Cannot perform an interactive login from a non TTY device; give -u USERNAME and "
                        "--password-stdin")
                  << '\n';
            return Failed;
        }
        auto typed = prompt(tr("Username: "), false);
        if (!typed || typed->trimmed().isEmpty()) {
            err() << tr("Error:") << ' ' << tr("Username is required") << '\n';
            return Failed;
        }
        user = typed->trimmed();
    }
    if (secret.isEmpty()) {
        if (!interactive) {
            err() << tr("Error:") << ' ' << tr("Cannot perform an interactive login from a non TTY device; give "
                                                 "--password-stdin")
                  << '\n';
            return Failed;
        }
        auto typed = prompt(tr("Password: "), true);
        if (!typed || typed->isEmpty()) {
            err() << tr("Error:") << ' ' << tr("Password is required") << '\n';
            return Failed;
        }
        secret = *typed;
    }
    if (!busReachable())
        return Failed;
    // Checking the login talks to the registry, and polkit may ask for a password first.
    auto proxy = berth::client::makeHelperProxy(berth::client::changeTimeoutMs);
    auto reply = proxy->Login(server, user, secret);
    secret.fill(QLatin1Char(' '));
    if (!waitFor(reply))
        return Failed;
    out() << tr("Login Succeeded") << '\n';
    return Success;
}

int runLogout(const QStringList &arguments)
{
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth logout [SERVER]"),
                      tr("Log out from a registry: forget the login `berth login` stored for your user. If no "
                         "server is given, Docker Hub (docker.io) is used."),
                      {},
                      0,
                      1};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    const QString server = parser.positionalArguments().value(0);
    if (!busReachable())
        return Failed;
    auto proxy = berth::client::makeHelperProxy(berth::client::changeTimeoutMs);
    auto reply = proxy->Logout(server);
    if (!waitFor(reply))
        return Failed;
    if (reply.value())
        out() << tr("Removing login credentials for %1").arg(serverForMessages(server)) << '\n';
    else
        out() << tr("Not logged in to %1").arg(serverForMessages(server)) << '\n';
    return Success;
}

} // namespace berth::cli
