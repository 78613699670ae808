// berth images: the local images, as `docker images` lists them.
#include "cli.h"

#include "formatting.h"

#include "engine/core/reference.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace berth::cli {

namespace {

struct Row {
    QString repository;
    QString tag;
    QString digest;
    QString id;
    QString created;
    QString createdAgo;
    quint64 size = 0;
};

// Splits "name:tag" where name may have a registry port ("host:5000/a:tag").
std::pair<QString, QString> splitTag(const QString &name)
{
    const int colon = name.lastIndexOf(QLatin1Char(':'));
    if (colon < 0 || name.indexOf(QLatin1Char('/'), colon) >= 0)
        return {name, QStringLiteral("<none>")};
    return {name.left(colon), name.mid(colon + 1)};
}

// --filter reference=PATTERN takes shell-style globs, as Docker's does.
bool matchesReference(const Row &row, const QString &pattern)
{
    const auto glob = QRegularExpression(QRegularExpression::wildcardToRegularExpression(pattern));
    return glob.match(row.repository).hasMatch() || glob.match(row.repository + QLatin1Char(':') + row.tag).hasMatch();
}

} // namespace

int runImages(const QStringList &arguments)
{
    const QCommandLineOption all({QStringLiteral("a"), QStringLiteral("all")}, tr("Show all images (default hides intermediate images)"));
    const QCommandLineOption quiet({QStringLiteral("q"), QStringLiteral("quiet")}, tr("Only show image IDs"));
    const QCommandLineOption digests(QStringLiteral("digests"), tr("Show digests"));
    const QCommandLineOption noTrunc(QStringLiteral("no-trunc"), tr("Don't truncate output"));
    const QCommandLineOption filter({QStringLiteral("f"), QStringLiteral("filter")},
                                    tr("Filter output: dangling=true|false, reference=PATTERN"), QStringLiteral("filter"));
    const QCommandLineOption format(QStringLiteral("format"), tr("Output format: \"json\" (one object per line), or empty for the table"),
                                    QStringLiteral("string"));
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth images [OPTIONS] [REPOSITORY[:TAG]]"), tr("List images"),
                      {all, digests, filter, format, noTrunc, quiet}, 0, 1};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    const QString wanted = parser.value(format);
    if (!wanted.isEmpty() && wanted != QLatin1String("json")) {
        err() << tr("unknown format \"%1\": use --format json").arg(wanted) << '\n';
        return UsageError;
    }
    std::optional<bool> dangling;
    QStringList referencePatterns;
    for (const auto &value : parser.values(filter)) {
        const QString key = value.section(QLatin1Char('='), 0, 0);
        const QString argument = value.section(QLatin1Char('='), 1);
        if (key == QLatin1String("dangling") && (argument == QLatin1String("true") || argument == QLatin1String("false"))) {
            dangling = argument == QLatin1String("true");
        } else if (key == QLatin1String("reference") && !argument.isEmpty()) {
            referencePatterns << argument;
        } else {
            err() << tr("invalid filter \"%1\": use dangling=true|false or reference=PATTERN").arg(value) << '\n';
            return UsageError;
        }
    }
    std::optional<berth::image::Reference> only;
    if (!parser.positionalArguments().isEmpty()) {
        auto parsed = berth::image::parseReferenceNoDefaultTag(parser.positionalArguments().at(0).toStdString());
        if (!parsed) {
            err() << tr("Error:") << ' ' << QString::fromStdString(parsed.error().describe()) << '\n';
            return UsageError;
        }
        only = *parsed;
    }
    if (!busReachable())
        return Failed;
    auto proxy = berth::client::makeHelperProxy();
    auto reply = proxy->ListImages();
    if (!waitFor(reply))
        return Failed;

    std::vector<Row> rows;
    for (const auto &image : reply.value()) {
        const QString id = image.value(QStringLiteral("Id")).toString();
        const QString created = image.value(QStringLiteral("Created")).toString();
        const quint64 size = image.value(QStringLiteral("Size")).toULongLong();
        const QStringList tags = image.value(QStringLiteral("RepoTags")).toStringList();
        const QStringList repoDigests = image.value(QStringLiteral("RepoDigests")).toStringList();
        const auto digestFor = [&](const QString &repository) {
            for (const auto &each : repoDigests) {
                if (each.section(QLatin1Char('@'), 0, 0) == repository)
                    return each.section(QLatin1Char('@'), 1);
            }
            return QStringLiteral("<none>");
        };
        if (tags.isEmpty()) {
            if (dangling == false)
                continue;
            const QString repository = repoDigests.isEmpty() ? QStringLiteral("<none>") : repoDigests.first().section(QLatin1Char('@'), 0, 0);
            rows.push_back(Row{repository, QStringLiteral("<none>"), digestFor(repository), id, created,
                               berth::client::timeAgo(created), size});
            continue;
        }
        if (dangling == true)
            continue;
        for (const auto &tag : tags) {
            const auto [repository, tagName] = splitTag(tag);
            rows.push_back(Row{repository, tagName, digestFor(repository), id, created, berth::client::timeAgo(created), size});
        }
    }
    if (only) {
        const QString repository = QString::fromStdString(only->familiarRepository());
        const QString tag = QString::fromStdString(only->tag);
        std::erase_if(rows, [&](const Row &row) { return row.repository != repository || (!tag.isEmpty() && row.tag != tag); });
    }
    for (const auto &pattern : referencePatterns)
        std::erase_if(rows, [&](const Row &row) { return !matchesReference(row, pattern); });

    const bool truncate = !parser.isSet(noTrunc);
    const auto shownId = [&](const QString &id) { return truncate ? id.mid(7, 12) : id; };
    if (parser.isSet(quiet)) {
        QStringList seen;
        for (const auto &row : rows) {
            if (seen.contains(row.id))
                continue;
            seen << row.id;
            out() << shownId(row.id) << '\n';
        }
    } else if (wanted == QLatin1String("json")) {
        for (const auto &row : rows) {
            QJsonObject object{{QStringLiteral("Repository"), row.repository}, {QStringLiteral("Tag"), row.tag},
                               {QStringLiteral("Digest"), row.digest},         {QStringLiteral("ID"), shownId(row.id)},
                               {QStringLiteral("CreatedAt"), row.created},     {QStringLiteral("CreatedSince"), row.createdAgo},
                               {QStringLiteral("Size"), berth::client::formatDecimalSize(row.size)}};
            out() << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
        }
    } else {
        // Columns sized to their content, three spaces apart, as docker's tabwriter does.
        QList<QStringList> table;
        QStringList header{tr("REPOSITORY"), tr("TAG")};
        if (parser.isSet(digests))
            header << tr("DIGEST");
        header << tr("IMAGE ID") << tr("CREATED") << tr("SIZE");
        table << header;
        for (const auto &row : rows) {
            QStringList cells{row.repository, row.tag};
            if (parser.isSet(digests))
                cells << row.digest;
            cells << shownId(row.id) << row.createdAgo << berth::client::formatDecimalSize(row.size);
            table << cells;
        }
        printTable(table);
    }
    out().flush();
    return Success;
}

} // namespace berth::cli
