// berth volume create, ls, inspect, rm and prune, as docker's `volume` group.
#include "cli.h"

#include "formatting.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <array>
#include <iostream>
#include <string>

namespace berth::cli {

namespace {

QJsonArray jsonArray(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array();
}

int volumeCreate(const QStringList &arguments)
{
    const QCommandLineOption name(QStringLiteral("name"), tr("Specify volume name"), QStringLiteral("string"));
    const QCommandLineOption driver({QStringLiteral("d"), QStringLiteral("driver")}, tr("Specify volume driver name"),
                                    QStringLiteral("string"), QStringLiteral("local"));
    const QCommandLineOption label(QStringLiteral("label"), tr("Set metadata for a volume"), QStringLiteral("list"));
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth volume create [OPTIONS] [VOLUME]"), tr("Create a volume"),
                      {name, driver, label}, 0, 1};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    if (parser.value(driver) != QLatin1String("local")) {
        err() << tr("Error:") << ' '
              << tr("volume driver \"%1\" is not available; Berth has the \"local\" driver only").arg(parser.value(driver))
              << '\n';
        return Failed;
    }
    QString volumeName = parser.positionalArguments().value(0);
    if (parser.isSet(name)) {
        if (!volumeName.isEmpty() && volumeName != parser.value(name)) {
            err() << tr("Error:") << ' '
                  << tr("conflicting options: either specify --name or provide positional arg, not both") << '\n';
            return UsageError;
        }
        volumeName = parser.value(name);
    }
    QVariantMap labels;
    for (const auto &item : parser.values(label)) {
        const auto equals = item.indexOf(QLatin1Char('='));
        labels.insert(item.left(equals), equals < 0 ? QString() : item.mid(equals + 1));
    }
    if (!busReachable())
        return Failed;
    auto proxy = berth::client::makeHelperProxy(berth::client::changeTimeoutMs);
    auto reply = proxy->CreateVolume(volumeName, labels);
    if (!waitFor(reply))
        return Failed;
    out() << QJsonDocument::fromJson(reply.value().toUtf8()).object().value(QStringLiteral("Name")).toString() << '\n';
    out().flush();
    return Success;
}

int volumeList(const QStringList &arguments)
{
    const QCommandLineOption quiet({QStringLiteral("q"), QStringLiteral("quiet")}, tr("Only display volume names"));
    const QCommandLineOption filter({QStringLiteral("f"), QStringLiteral("filter")},
                                    tr("Provide filter values (e.g. \"dangling=true\")"), QStringLiteral("filter"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    tr("Format output using a template: {{.Name}} {{.Driver}} {{.Mountpoint}} {{json .Labels}}"),
                                    QStringLiteral("string"));
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth volume ls [OPTIONS]"), tr("List volumes"), {quiet, filter, format}, 0, 0};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    if (!busReachable())
        return Failed;
    auto proxy = berth::client::makeHelperProxy();
    auto reply = proxy->ListVolumes(parser.values(filter));
    if (!waitFor(reply))
        return Failed;
    const QJsonArray volumes = jsonArray(reply.value());
    if (parser.isSet(format) && !parser.isSet(quiet)) {
        for (const auto &volume : volumes) {
            auto text = applyFormat(parser.value(format), volume.toObject());
            if (!text) {
                err() << tr("template \"%1\" is not supported: use {{.Field}} or {{json .Field}}").arg(parser.value(format))
                      << '\n';
                return UsageError;
            }
            out() << *text << '\n';
        }
    } else if (parser.isSet(quiet)) {
        for (const auto &volume : volumes)
            out() << volume.toObject().value(QStringLiteral("Name")).toString() << '\n';
    } else {
        QList<QStringList> rows{{QStringLiteral("DRIVER"), QStringLiteral("VOLUME NAME")}};
        for (const auto &volume : volumes)
            rows << QStringList{volume.toObject().value(QStringLiteral("Driver")).toString(),
                                volume.toObject().value(QStringLiteral("Name")).toString()};
        printTable(rows);
    }
    out().flush();
    return Success;
}

int volumeInspect(const QStringList &arguments)
{
    const QCommandLineOption format({QStringLiteral("f"), QStringLiteral("format")},
                                    tr("Format the output using a template: {{.Field}} or {{json .Field}}"),
                                    QStringLiteral("string"));
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth volume inspect [OPTIONS] VOLUME [VOLUME...]"),
                      tr("Display detailed information on one or more volumes"), {format}, 1, 1000};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    if (!busReachable())
        return Failed;
    auto proxy = berth::client::makeHelperProxy();
    QJsonArray found;
    int status = Success;
    for (const auto &name : parser.positionalArguments()) {
        auto reply = proxy->InspectVolume(name);
        if (!waitFor(reply)) {
            status = Failed;
            continue;
        }
        found.append(QJsonDocument::fromJson(reply.value().toUtf8()).object());
    }
    if (parser.isSet(format)) {
        for (const auto &volume : found) {
            auto text = applyFormat(parser.value(format), volume.toObject());
            if (!text) {
                err() << tr("template \"%1\" is not supported: use {{.Field}} or {{json .Field}}").arg(parser.value(format))
                      << '\n';
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

int volumeRemove(const QStringList &arguments)
{
    const QCommandLineOption force({QStringLiteral("f"), QStringLiteral("force")},
                                   tr("Do not report an error for a volume that does not exist"));
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth volume rm [OPTIONS] VOLUME [VOLUME...]"), tr("Remove one or more volumes"),
                      {force}, 1, 1000};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    if (!busReachable())
        return Failed;
    auto proxy = berth::client::makeHelperProxy(berth::client::changeTimeoutMs);
    int status = Success;
    for (const auto &name : parser.positionalArguments()) {
        auto reply = proxy->RemoveVolume(name, parser.isSet(force));
        if (!waitFor(reply)) {
            status = Failed;
            continue;
        }
        out() << name << '\n';
        out().flush();
    }
    return status;
}

int volumePrune(const QStringList &arguments)
{
    const QCommandLineOption all({QStringLiteral("a"), QStringLiteral("all")},
                                 tr("Remove all unused volumes, not just anonymous ones"));
    const QCommandLineOption force({QStringLiteral("f"), QStringLiteral("force")}, tr("Do not prompt for confirmation"));
    const QCommandLineOption filter(QStringLiteral("filter"), tr("Provide filter values (e.g. \"label=<label>\")"),
                                    QStringLiteral("filter"));
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth volume prune [OPTIONS]"), tr("Remove unused local volumes"),
                      {all, force, filter}, 0, 0};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    QStringList filters = parser.values(filter);
    if (parser.isSet(all))
        filters << QStringLiteral("all=true");
    if (!parser.isSet(force)) {
        out() << (parser.isSet(all) ? tr("WARNING! This will remove all local volumes not used by at least one container.")
                                    : tr("WARNING! This will remove anonymous local volumes not used by at least one "
                                         "container."))
              << '\n'
              << tr("Are you sure you want to continue? [y/N] ");
        out().flush();
        std::string answer;
        if (!std::getline(std::cin, answer) || (answer != "y" && answer != "Y" && answer != "yes"))
            return Success;
    }
    if (!busReachable())
        return Failed;
    auto proxy = berth::client::makeHelperProxy(berth::client::changeTimeoutMs);
    QDBusPendingReply<QStringList, qulonglong> reply = proxy->PruneVolumes(filters);
    if (!waitFor(reply))
        return Failed;
    const QStringList deleted = reply.argumentAt<0>();
    if (!deleted.isEmpty()) {
        out() << tr("Deleted Volumes:") << '\n';
        for (const auto &name : deleted)
            out() << name << '\n';
        out() << '\n';
    }
    out() << tr("Total reclaimed space: %1").arg(berth::client::formatDecimalSize(reply.argumentAt<1>())) << '\n';
    out().flush();
    return Success;
}

constexpr std::array volumeCommands{
    Command{"create", QT_TRANSLATE_NOOP("berth::cli", "Create a volume"), volumeCreate},
    Command{"inspect", QT_TRANSLATE_NOOP("berth::cli", "Display detailed information on one or more volumes"), volumeInspect},
    Command{"ls", QT_TRANSLATE_NOOP("berth::cli", "List volumes"), volumeList},
    Command{"prune", QT_TRANSLATE_NOOP("berth::cli", "Remove unused local volumes"), volumePrune},
    Command{"rm", QT_TRANSLATE_NOOP("berth::cli", "Remove one or more volumes"), volumeRemove},
};

} // namespace

int runVolume(const QStringList &arguments)
{
    QString sub = arguments.value(1);
    // docker's aliases
    if (sub == QLatin1String("list"))
        sub = QStringLiteral("ls");
    else if (sub == QLatin1String("remove"))
        sub = QStringLiteral("rm");
    for (const auto &command : volumeCommands)
        if (sub == QLatin1String(command.name))
            return command.run(arguments.mid(1));
    const bool asked = sub.isEmpty() || sub == QLatin1String("--help") || sub == QLatin1String("-h");
    QTextStream &stream = asked ? out() : err();
    if (!asked)
        stream << tr("berth volume: unknown command \"%1\"").arg(sub) << '\n';
    stream << '\n' << tr("Usage:") << "  berth volume COMMAND\n\n" << tr("Manage volumes") << "\n\n" << tr("Commands:") << '\n';
    for (const auto &command : volumeCommands)
        stream << "  " << QString::fromLatin1(command.name).leftJustified(10) << tr(command.summary) << '\n';
    stream.flush();
    return asked ? Success : UsageError;
}

} // namespace berth::cli
