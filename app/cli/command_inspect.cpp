// berth inspect / berth image inspect: an image's details in Docker's JSON shape.
#include "cli.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace berth::cli {

namespace {

QJsonObject dockerShape(const QVariantMap &image)
{
    const QJsonObject config = QJsonDocument::fromJson(image.value(QStringLiteral("ConfigJson")).toString().toUtf8()).object();
    QJsonObject object;
    object.insert(QStringLiteral("Id"), image.value(QStringLiteral("Id")).toString());
    object.insert(QStringLiteral("RepoTags"), QJsonArray::fromStringList(image.value(QStringLiteral("RepoTags")).toStringList()));
    object.insert(QStringLiteral("RepoDigests"), QJsonArray::fromStringList(image.value(QStringLiteral("RepoDigests")).toStringList()));
    object.insert(QStringLiteral("Parent"), QString());
    object.insert(QStringLiteral("Comment"), config.value(QStringLiteral("comment")).toString());
    object.insert(QStringLiteral("Created"), image.value(QStringLiteral("Created")).toString());
    object.insert(QStringLiteral("DockerVersion"), config.value(QStringLiteral("docker_version")).toString());
    object.insert(QStringLiteral("Author"), config.value(QStringLiteral("author")).toString());
    object.insert(QStringLiteral("Config"), config.value(QStringLiteral("config")).toObject());
    object.insert(QStringLiteral("Architecture"), image.value(QStringLiteral("Architecture")).toString());
    if (config.contains(QStringLiteral("variant")))
        object.insert(QStringLiteral("Variant"), config.value(QStringLiteral("variant")).toString());
    object.insert(QStringLiteral("Os"), image.value(QStringLiteral("Os")).toString());
    object.insert(QStringLiteral("Size"), image.value(QStringLiteral("Size")).toLongLong());
    object.insert(QStringLiteral("GraphDriver"), QJsonObject{{QStringLiteral("Name"), QStringLiteral("overlay")},
                                                             {QStringLiteral("Data"), QJsonValue::Null}});
    object.insert(QStringLiteral("RootFS"),
                  QJsonObject{{QStringLiteral("Type"), QStringLiteral("layers")},
                              {QStringLiteral("Layers"), QJsonArray::fromStringList(image.value(QStringLiteral("DiffIds")).toStringList())}});
    object.insert(QStringLiteral("Metadata"), QJsonObject{{QStringLiteral("LastTagTime"), QString()}});
    return object;
}

} // namespace

// Docker's --format takes Go templates; the common `{{.Field}}` and `{{json .Field}}` forms
// are understood, anything else is refused rather than guessed.
std::optional<QString> applyFormat(const QString &format, const QJsonObject &object)
{
    QString result = format;
    static const QRegularExpression field(QStringLiteral(R"(\{\{\s*(json\s+)?\.([A-Za-z.]+)\s*\}\})"));
    auto match = field.globalMatch(format);
    QList<QPair<QString, QString>> replacements;
    while (match.hasNext()) {
        const auto found = match.next();
        QJsonValue value = object;
        for (const auto &part : found.captured(2).split(QLatin1Char('.')))
            value = value.toObject().value(part);
        QString text;
        if (!found.captured(1).isEmpty() || value.isObject() || value.isArray()) {
            text = value.isObject()  ? QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact))
                   : value.isArray() ? QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact))
                   : value.isString() ? QStringLiteral("\"%1\"").arg(value.toString())
                                      : value.toVariant().toString();
        } else {
            text = value.toVariant().toString();
        }
        replacements << qMakePair(found.captured(0), text);
    }
    QString rest = format;
    for (const auto &[pattern, text] : replacements)
        rest.remove(pattern);
    if (rest.contains(QStringLiteral("{{")))
        return std::nullopt;
    for (const auto &[pattern, text] : replacements)
        result.replace(pattern, text);
    return result;
}

int inspectContainers(const QStringList &names, const QString &format)
{
    QStringList arguments{QStringLiteral("inspect"), QStringLiteral("--type"), QStringLiteral("container")};
    if (!format.isEmpty())
        arguments << QStringLiteral("--format") << format;
    return runInspect(arguments + names);
}

int runInspect(const QStringList &arguments)
{
    const QCommandLineOption format({QStringLiteral("f"), QStringLiteral("format")},
                                    tr("Format the output using a template: {{.Field}} or {{json .Field}}"), QStringLiteral("string"));
    const QCommandLineOption type(QStringLiteral("type"), tr("Return JSON for the given type (container or image)"), QStringLiteral("string"));
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth inspect [OPTIONS] NAME|ID [NAME|ID...]"),
                      tr("Return low-level information on Berth objects"), {format, type}, 1, 1000};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    const QString wanted = parser.value(type);
    if (wanted == QLatin1String("volume"))
        return runVolume(QStringList{QStringLiteral("volume"), QStringLiteral("inspect")} +
                         (parser.isSet(format) ? QStringList{QStringLiteral("--format"), parser.value(format)} : QStringList()) +
                         parser.positionalArguments());
    if (!wanted.isEmpty() && wanted != QLatin1String("image") && wanted != QLatin1String("container")) {
        err() << tr("\"--type %1\" is not supported yet; use --type container, image or volume").arg(wanted) << '\n';
        return UsageError;
    }
    if (!busReachable())
        return Failed;
    auto proxy = berth::client::makeHelperProxy();
    QJsonArray found;
    int status = Success;
    for (const auto &name : parser.positionalArguments()) {
        // As docker: without --type a container of that name wins over an image.
        if (wanted != QLatin1String("image")) {
            auto container = proxy->InspectContainer(name);
            container.waitForFinished();
            if (!container.isError()) {
                found.append(QJsonDocument::fromJson(container.value().toUtf8()).object());
                continue;
            }
            if (wanted == QLatin1String("container") ||
                !container.error().name().endsWith(QLatin1String("NotFound"))) {
                reportFailure(berth::client::describeFailure(container.error()));
                status = Failed;
                continue;
            }
        }
        auto reply = proxy->InspectImage(name);
        reply.waitForFinished();
        if (reply.isError()) {
            // As docker, a volume of that name comes last.
            if (wanted.isEmpty() && reply.error().name().endsWith(QLatin1String("NotFound"))) {
                auto volume = proxy->InspectVolume(name);
                volume.waitForFinished();
                if (!volume.isError()) {
                    found.append(QJsonDocument::fromJson(volume.value().toUtf8()).object());
                    continue;
                }
            }
            // Neither a container, an image nor a volume: the image's message says how to get one.
            reportFailure(berth::client::describeFailure(reply.error()));
            status = Failed;
            continue;
        }
        found.append(dockerShape(reply.value()));
    }
    if (parser.isSet(format)) {
        for (const auto &value : found) {
            auto text = applyFormat(parser.value(format), value.toObject());
            if (!text) {
                err() << tr("template \"%1\" is not supported: use {{.Field}}, {{.Field.Sub}} or {{json .Field}}").arg(parser.value(format)) << '\n';
                return UsageError;
            }
            out() << *text << '\n';
        }
    } else if (!found.isEmpty() || status == Success) {
        out() << QJsonDocument(found).toJson(QJsonDocument::Indented);
    }
    out().flush();
    return status;
}

} // namespace berth::cli
