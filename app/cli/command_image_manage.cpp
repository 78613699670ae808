// berth rmi, tag, history and search: managing local images and finding remote ones.
#include "cli.h"

#include "formatting.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace berth::cli {

namespace {

QString shortId(const QString &id)
{
    return id.startsWith(QLatin1String("sha256:")) ? id.mid(7, 12) : id;
}

// docker truncates long cells with an ellipsis.
QString truncated(const QString &text, int width)
{
    QString single = text;
    single.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('\t'), QLatin1Char(' '));
    return single.size() <= width ? single : single.left(width - 1) + QStringLiteral("…");
}

} // namespace

int runRemoveImages(const QStringList &arguments)
{
    const QCommandLineOption force({QStringLiteral("f"), QStringLiteral("force")},
                                   tr("Force removal of the image (all its tags, even if containers use it)"));
    const QCommandLineOption noPrune(QStringLiteral("no-prune"),
                                     tr("Do not delete untagged parents (Berth keeps no parent images, so there are none)"));
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth rmi [OPTIONS] IMAGE [IMAGE...]"), tr("Remove one or more images"),
                      {force, noPrune}, 1, 1000};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    if (!busReachable())
        return Failed;
    auto proxy = berth::client::makeHelperProxy(berth::client::changeTimeoutMs);
    auto reply = proxy->RemoveImages(parser.positionalArguments(), parser.isSet(force));
    if (!waitFor(reply))
        return Failed;
    int status = Success;
    for (const auto &step : reply.value()) {
        if (step.contains(QStringLiteral("Untagged")))
            out() << tr("Untagged: %1").arg(step.value(QStringLiteral("Untagged")).toString()) << '\n';
        else if (step.contains(QStringLiteral("Deleted")))
            out() << tr("Deleted: %1").arg(step.value(QStringLiteral("Deleted")).toString()) << '\n';
        else if (step.contains(QStringLiteral("Error"))) {
            reportFailure(berth::client::Failure{berth::client::FailureKind::Other, step.value(QStringLiteral("Error")).toString()});
            status = Failed;
        }
    }
    out().flush();
    return status;
}

int runTag(const QStringList &arguments)
{
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]"),
                      tr("Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE"), {}, 2, 2};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    if (!busReachable())
        return Failed;
    auto proxy = berth::client::makeHelperProxy(berth::client::changeTimeoutMs);
    auto reply = proxy->TagImage(parser.positionalArguments().at(0), parser.positionalArguments().at(1));
    return waitFor(reply) ? Success : Failed;
}

int runHistory(QStringList arguments)
{
    // Docker's -H is on by default and turned off as -H=false.
    bool human = true;
    for (auto it = arguments.begin(); it != arguments.end();) {
        if (*it == QLatin1String("-H=false") || *it == QLatin1String("--human=false")) {
            human = false;
            it = arguments.erase(it);
        } else if (*it == QLatin1String("-H=true") || *it == QLatin1String("--human=true")) {
            it = arguments.erase(it);
        } else {
            ++it;
        }
    }
    const QCommandLineOption humanOption({QStringLiteral("H"), QStringLiteral("human")},
                                         tr("Print sizes and dates in human readable format (default true; -H=false turns it off)"));
    const QCommandLineOption noTrunc(QStringLiteral("no-trunc"), tr("Don't truncate output"));
    const QCommandLineOption quiet({QStringLiteral("q"), QStringLiteral("quiet")}, tr("Only show image IDs"));
    const QCommandLineOption format(QStringLiteral("format"), tr("Output format: \"json\" (one object per line), or empty for the table"),
                                    QStringLiteral("string"));
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth history [OPTIONS] IMAGE"), tr("Show the history of an image"),
                      {format, humanOption, noTrunc, quiet}, 1, 1};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    const QString wanted = parser.value(format);
    if (!wanted.isEmpty() && wanted != QLatin1String("json")) {
        err() << tr("unknown format \"%1\": use --format json").arg(wanted) << '\n';
        return UsageError;
    }
    if (!busReachable())
        return Failed;
    auto proxy = berth::client::makeHelperProxy();
    auto reply = proxy->ImageHistory(parser.positionalArguments().at(0));
    if (!waitFor(reply))
        return Failed;
    const bool full = parser.isSet(noTrunc);
    QList<QStringList> table{{tr("IMAGE"), tr("CREATED"), tr("CREATED BY"), tr("SIZE"), tr("COMMENT")}};
    for (const auto &entry : reply.value()) {
        const QString id = entry.value(QStringLiteral("Id")).toString();
        const QString shownId = full || id == QLatin1String("<missing>") ? id : shortId(id);
        if (parser.isSet(quiet)) {
            out() << shownId << '\n';
            continue;
        }
        const QString created = entry.value(QStringLiteral("Created")).toString();
        const quint64 size = entry.value(QStringLiteral("Size")).toULongLong();
        if (wanted == QLatin1String("json")) {
            out() << QJsonDocument(QJsonObject{{QStringLiteral("ID"), shownId},
                                               {QStringLiteral("CreatedAt"), created},
                                               {QStringLiteral("CreatedSince"), berth::client::timeAgo(created)},
                                               {QStringLiteral("CreatedBy"), entry.value(QStringLiteral("CreatedBy")).toString()},
                                               {QStringLiteral("Size"), berth::client::formatDecimalSize(size)},
                                               {QStringLiteral("Comment"), entry.value(QStringLiteral("Comment")).toString()}})
                         .toJson(QJsonDocument::Compact)
                  << '\n';
            continue;
        }
        const QString createdBy = entry.value(QStringLiteral("CreatedBy")).toString();
        table << QStringList{shownId, human ? berth::client::timeAgo(created) : created,
                             full ? createdBy : truncated(createdBy, 45),
                             human ? berth::client::formatDecimalSize(size) : QString::number(size),
                             entry.value(QStringLiteral("Comment")).toString()};
    }
    if (!parser.isSet(quiet) && wanted.isEmpty())
        printTable(table);
    out().flush();
    return Success;
}

int runHistoryCommand(const QStringList &arguments)
{
    return runHistory(arguments);
}

int runSearch(const QStringList &arguments)
{
    const QCommandLineOption limit(QStringLiteral("limit"), tr("Max number of search results (default 25)"), QStringLiteral("int"));
    const QCommandLineOption filter({QStringLiteral("f"), QStringLiteral("filter")},
                                    tr("Filter output: stars=N, is-official=true|false"), QStringLiteral("filter"));
    const QCommandLineOption noTrunc(QStringLiteral("no-trunc"), tr("Don't truncate output"));
    const QCommandLineOption format(QStringLiteral("format"), tr("Output format: \"json\" (one object per line), or empty for the table"),
                                    QStringLiteral("string"));
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth search [OPTIONS] TERM"),
                      tr("Search Docker Hub, or a private registry's catalog as HOST:PORT/TERM"), {filter, format, limit, noTrunc}, 1, 1};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    QVariantMap options;
    if (parser.isSet(limit)) {
        bool numeric = false;
        const uint count = parser.value(limit).toUInt(&numeric);
        if (!numeric || count < 1 || count > 100) {
            err() << tr("--limit takes a number from 1 to 100, got \"%1\"").arg(parser.value(limit)) << '\n';
            return UsageError;
        }
        options.insert(QStringLiteral("limit"), count);
    }
    std::optional<bool> official;
    for (const auto &value : parser.values(filter)) {
        const QString key = value.section(QLatin1Char('='), 0, 0);
        const QString argument = value.section(QLatin1Char('='), 1);
        bool numeric = false;
        if (key == QLatin1String("stars") && (argument.toUInt(&numeric), numeric)) {
            options.insert(QStringLiteral("stars"), argument.toUInt());
        } else if (key == QLatin1String("is-official") && (argument == QLatin1String("true") || argument == QLatin1String("false"))) {
            official = argument == QLatin1String("true");
        } else {
            err() << tr("invalid filter \"%1\": use stars=N or is-official=true|false").arg(value) << '\n';
            return UsageError;
        }
    }
    const QString wanted = parser.value(format);
    if (!wanted.isEmpty() && wanted != QLatin1String("json")) {
        err() << tr("unknown format \"%1\": use --format json").arg(wanted) << '\n';
        return UsageError;
    }
    if (!busReachable())
        return Failed;
    auto proxy = berth::client::makeHelperProxy();
    auto reply = proxy->SearchImages(parser.positionalArguments().at(0), options);
    if (!waitFor(reply))
        return Failed;
    QList<QStringList> table{{tr("NAME"), tr("DESCRIPTION"), tr("STARS"), tr("OFFICIAL")}};
    for (const auto &result : reply.value()) {
        const bool isOfficial = result.value(QStringLiteral("Official")).toBool();
        if (official && *official != isOfficial)
            continue;
        const QString description = result.value(QStringLiteral("Description")).toString();
        if (wanted == QLatin1String("json")) {
            out() << QJsonDocument(QJsonObject::fromVariantMap(result)).toJson(QJsonDocument::Compact) << '\n';
            continue;
        }
        table << QStringList{result.value(QStringLiteral("Name")).toString(),
                             parser.isSet(noTrunc) ? description : truncated(description, 45),
                             result.value(QStringLiteral("Stars")).toString(), isOfficial ? tr("[OK]") : QString()};
    }
    if (wanted.isEmpty())
        printTable(table);
    out().flush();
    return Success;
}

} // namespace berth::cli
