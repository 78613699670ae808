// berth inspect / berth image inspect: an image's details in Docker's JSON shape, and the
// `image` command group.
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

} // namespace

int runInspect(const QStringList &arguments)
{
    const QCommandLineOption format({QStringLiteral("f"), QStringLiteral("format")},
                                    tr("Format the output using a template: {{.Field}} or {{json .Field}}"), QStringLiteral("string"));
    const QCommandLineOption type(QStringLiteral("type"), tr("Return JSON for the given type (image)"), QStringLiteral("string"));
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth inspect [OPTIONS] NAME|ID [NAME|ID...]"),
                      tr("Return low-level information on Berth objects"), {format, type}, 1, 1000};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    if (parser.isSet(type) && parser.value(type) != QLatin1String("image")) {
        err() << tr("\"--type %1\" is not supported yet; only images can be inspected").arg(parser.value(type)) << '\n';
        return UsageError;
    }
    if (!busReachable())
        return Failed;
    auto proxy = berth::client::makeHelperProxy();
    QJsonArray found;
    int status = Success;
    for (const auto &name : parser.positionalArguments()) {
        auto reply = proxy->InspectImage(name);
        reply.waitForFinished();
        if (reply.isError()) {
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

int runImage(const QStringList &arguments)
{
    const QString sub = arguments.value(1);
    const QStringList rest = arguments.mid(1);
    if (sub == QLatin1String("ls") || sub == QLatin1String("list"))
        return runImages(rest);
    if (sub == QLatin1String("pull"))
        return runPull(rest);
    if (sub == QLatin1String("inspect"))
        return runInspect(rest);
    if (sub == QLatin1String("rm"))
        return runRemoveImages(rest);
    if (sub == QLatin1String("tag"))
        return runTag(rest);
    if (sub == QLatin1String("history"))
        return runHistoryCommand(rest);
    if (sub == QLatin1String("save"))
        return runSave(rest);
    if (sub == QLatin1String("load"))
        return runLoad(rest);
    const auto usage = [](QTextStream &stream) {
        stream << '\n' << tr("Usage:") << "  berth image COMMAND\n\n" << tr("Manage images") << "\n\n" << tr("Commands:") << '\n'
               << "  history   " << tr("Show the history of an image") << '\n'
               << "  inspect   " << tr("Display detailed information on one or more images") << '\n'
               << "  load      " << tr("Load an image from a tar archive or STDIN") << '\n'
               << "  ls        " << tr("List images") << '\n'
               << "  pull      " << tr("Download an image from a registry") << '\n'
               << "  rm        " << tr("Remove one or more images") << '\n'
               << "  save      " << tr("Save one or more images to a tar archive (streamed to STDOUT by default)") << '\n'
               << "  tag       " << tr("Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE") << '\n';
        stream.flush();
    };
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        usage(out());
        return Success;
    }
    err() << (sub.isEmpty() ? tr("berth image needs a command.") : tr("berth image: unknown command \"%1\".").arg(sub)) << '\n';
    usage(err());
    return UsageError;
}

} // namespace berth::cli
