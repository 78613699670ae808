// berth version: the client's version, then the helper's, like `docker version`.
#include "cli.h"

#include "engine/core/version.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>

namespace berth::cli {

namespace {

QVariantMap clientVersion()
{
    const QString cpu = QSysInfo::currentCpuArchitecture();
    return {
        {QStringLiteral("Version"), QString::fromLatin1(engineVersion)},
        {QStringLiteral("ApiVersion"), QStringLiteral("1")},
        {QStringLiteral("Os"), QStringLiteral("linux")},
        {QStringLiteral("Arch"), cpu == QLatin1String("x86_64") ? QStringLiteral("amd64") : cpu},
        {QStringLiteral("QtVersion"), QString::fromLatin1(qVersion())},
    };
}

void printSection(const QVariantMap &version)
{
    const auto row = [](const QString &label, const QString &value) {
        out() << ' ' << (label + QLatin1Char(':')).leftJustified(14) << value << '\n';
    };
    row(tr("Version"), version.value(QStringLiteral("Version")).toString());
    row(tr("API version"), version.value(QStringLiteral("ApiVersion")).toString());
    row(tr("OS/Arch"), version.value(QStringLiteral("Os")).toString() + QLatin1Char('/') +
                           version.value(QStringLiteral("Arch")).toString());
    if (version.contains(QStringLiteral("Kernel")))
        row(tr("Kernel"), version.value(QStringLiteral("Kernel")).toString());
    if (version.contains(QStringLiteral("QtVersion")))
        row(tr("Qt"), version.value(QStringLiteral("QtVersion")).toString());
}

} // namespace

int runVersion(const QStringList &arguments)
{
    const QCommandLineOption format({QStringLiteral("f"), QStringLiteral("format")},
                                    tr("Output format: \"json\", or empty for the table"), QStringLiteral("string"));
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth version [OPTIONS]"), tr("Show the Berth version information"), {format}, 0, 0};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    const QString wanted = parser.value(format);
    if (!wanted.isEmpty() && wanted != QLatin1String("json")) {
        err() << tr("unknown format \"%1\": use --format json").arg(wanted) << '\n';
        return UsageError;
    }

    const QVariantMap client = clientVersion();
    QVariantMap server;
    std::optional<berth::client::Failure> failure;
    if (!berth::client::systemBus().isConnected()) {
        failure = berth::client::busUnreachable();
    } else {
        auto proxy = berth::client::makeHelperProxy();
        auto reply = proxy->Version();
        reply.waitForFinished();
        if (reply.isError())
            failure = berth::client::describeFailure(reply.error());
        else
            server = reply.value();
    }

    if (wanted == QLatin1String("json")) {
        QJsonObject document{{QStringLiteral("Client"), QJsonObject::fromVariantMap(client)}};
        if (!failure)
            document.insert(QStringLiteral("Server"), QJsonObject::fromVariantMap(server));
        out() << QJsonDocument(document).toJson(QJsonDocument::Compact) << '\n';
    } else {
        out() << tr("Client:") << '\n';
        printSection(client);
        if (!failure) {
            out() << '\n' << tr("Server: Berth Engine") << '\n';
            printSection(server);
        }
    }
    out().flush();
    return failure ? reportFailure(*failure) : Success;
}

} // namespace berth::cli
