// berth start, stop, restart, kill, pause, unpause, rm, rename, wait, ps, and the
// `container` group that holds them under docker's group names.
#include "cli.h"

#include "formatting.h"

#include <QDateTime>
#include <QRegularExpression>

#include <array>
#include <cstdlib>
#include <functional>
#include <optional>

namespace berth::cli {

namespace {

// Runs call for every named container, printing each name as docker does; the exit code
// is Failed if any failed.
template <typename Call>
int forEachContainer(const QStringList &names, Call call, bool printNames = true)
{
    if (!busReachable())
        return Failed;
    auto proxy = berth::client::makeHelperProxy(berth::client::changeTimeoutMs);
    int status = Success;
    for (const auto &name : names) {
        auto reply = call(*proxy, name);
        reply.waitForFinished();
        if (reply.isError()) {
            reportFailure(berth::client::describeFailure(reply.error()));
            status = Failed;
        } else if (printNames) {
            out() << name << '\n';
            out().flush();
        }
    }
    return status;
}

int simpleVerb(const QStringList &arguments, const QString &line, const QString &summary,
               QDBusPendingReply<> (HelperProxy::*method)(const QString &))
{
    QCommandLineParser parser;
    const Usage usage{line, summary, {}, 1, 100000};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    return forEachContainer(parser.positionalArguments(),
                            [method](HelperProxy &proxy, const QString &name) { return (proxy.*method)(name); });
}

int stopOrRestart(const QStringList &arguments, bool restart)
{
    const QCommandLineOption time({QStringLiteral("t"), QStringLiteral("time")},
                                  tr("Seconds to wait before killing the container"), QStringLiteral("int"));
    QCommandLineParser parser;
    const Usage usage{restart ? QStringLiteral("berth restart [OPTIONS] CONTAINER [CONTAINER...]")
                              : QStringLiteral("berth stop [OPTIONS] CONTAINER [CONTAINER...]"),
                      restart ? tr("Restart one or more containers") : tr("Stop one or more running containers"),
                      {time}, 1, 100000};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    int seconds = -1;
    if (parser.isSet(time)) {
        bool ok = false;
        seconds = parser.value(time).toInt(&ok);
        if (!ok || seconds < -1) {
            err() << tr("invalid argument \"%1\" for \"-t, --time\": give a whole number of seconds").arg(parser.value(time)) << '\n';
            return UsageError;
        }
    }
    return forEachContainer(parser.positionalArguments(), [restart, seconds](HelperProxy &proxy, const QString &name) {
        return restart ? proxy.RestartContainer(name, seconds) : proxy.StopContainer(name, seconds);
    });
}

// "Up 3 minutes", "Exited (0) 2 seconds ago", "Created", as docker ps's STATUS.
QString statusText(const QVariantMap &container)
{
    const QString state = container.value(QStringLiteral("State")).toString();
    const auto since = [](const QString &timestamp) {
        const auto time = QDateTime::fromString(timestamp, Qt::ISODateWithMs);
        return time.isValid() ? time.secsTo(QDateTime::currentDateTimeUtc()) : 0;
    };
    if (state == QLatin1String("running"))
        return tr("Up %1").arg(berth::client::humanDuration(since(container.value(QStringLiteral("StartedAt")).toString())));
    if (state == QLatin1String("paused"))
        return tr("Up %1 (Paused)").arg(berth::client::humanDuration(since(container.value(QStringLiteral("StartedAt")).toString())));
    if (state == QLatin1String("restarting"))
        return tr("Restarting (%1) %2 ago")
            .arg(container.value(QStringLiteral("ExitCode")).toInt())
            .arg(berth::client::humanDuration(since(container.value(QStringLiteral("FinishedAt")).toString())));
    if (state == QLatin1String("exited"))
        return tr("Exited (%1) %2 ago")
            .arg(container.value(QStringLiteral("ExitCode")).toInt())
            .arg(berth::client::humanDuration(since(container.value(QStringLiteral("FinishedAt")).toString())));
    if (state == QLatin1String("created"))
        return tr("Created");
    return state.left(1).toUpper() + state.mid(1);
}

QString quotedCommand(const QVariantMap &container)
{
    const QString command = container.value(QStringLiteral("Command")).toStringList().join(QLatin1Char(' '));
    QString shown = command.size() > 20 ? command.left(19) + QStringLiteral("…") : command;
    return QLatin1Char('"') + shown + QLatin1Char('"');
}

// `--filter` keys docker ps understands that Berth can answer.
bool matchesFilter(const QVariantMap &container, const QString &filter)
{
    const auto equals = filter.indexOf(QLatin1Char('='));
    const QString key = filter.left(equals);
    const QString value = filter.mid(equals + 1);
    if (key == QLatin1String("status"))
        return container.value(QStringLiteral("State")).toString() == value;
    if (key == QLatin1String("name"))
        return container.value(QStringLiteral("Name")).toString().contains(QRegularExpression(value));
    if (key == QLatin1String("id"))
        return container.value(QStringLiteral("Id")).toString().startsWith(value);
    if (key == QLatin1String("ancestor"))
        return container.value(QStringLiteral("Image")).toString() == value ||
               container.value(QStringLiteral("ImageId")).toString().contains(value);
    if (key == QLatin1String("exited"))
        return container.value(QStringLiteral("State")).toString() == QLatin1String("exited") &&
               container.value(QStringLiteral("ExitCode")).toString() == value;
    return false;
}

constexpr std::array containerCommands{
    Command{"attach", QT_TRANSLATE_NOOP("berth::cli", "Attach local standard input, output, and error streams to a running container"), runAttach},
    Command{"commit", QT_TRANSLATE_NOOP("berth::cli", "Create a new image from a container's changes"), runCommit},
    Command{"create", QT_TRANSLATE_NOOP("berth::cli", "Create a new container"), runCreate},
    Command{"exec", QT_TRANSLATE_NOOP("berth::cli", "Execute a command in a running container"), runExec},
    Command{"inspect", QT_TRANSLATE_NOOP("berth::cli", "Display detailed information on one or more containers"), nullptr},
    Command{"kill", QT_TRANSLATE_NOOP("berth::cli", "Kill one or more running containers"), runKill},
    Command{"ls", QT_TRANSLATE_NOOP("berth::cli", "List containers"), runPs},
    Command{"logs", QT_TRANSLATE_NOOP("berth::cli", "Fetch the logs of a container"), runLogs},
    Command{"pause", QT_TRANSLATE_NOOP("berth::cli", "Pause all processes within one or more containers"), runPause},
    Command{"rename", QT_TRANSLATE_NOOP("berth::cli", "Rename a container"), runRename},
    Command{"restart", QT_TRANSLATE_NOOP("berth::cli", "Restart one or more containers"), runRestart},
    Command{"rm", QT_TRANSLATE_NOOP("berth::cli", "Remove one or more containers"), runRemoveContainers},
    Command{"run", QT_TRANSLATE_NOOP("berth::cli", "Create and run a new container from an image"), runRun},
    Command{"start", QT_TRANSLATE_NOOP("berth::cli", "Start one or more stopped containers"), runStart},
    Command{"stop", QT_TRANSLATE_NOOP("berth::cli", "Stop one or more running containers"), runStop},
    Command{"unpause", QT_TRANSLATE_NOOP("berth::cli", "Unpause all processes within one or more containers"), runUnpause},
    Command{"wait", QT_TRANSLATE_NOOP("berth::cli", "Block until one or more containers stop, then print their exit codes"), runWait},
    Command{"cp", QT_TRANSLATE_NOOP("berth::cli", "Copy files/folders between a container and the local filesystem"), runCopy},
    Command{"diff", QT_TRANSLATE_NOOP("berth::cli", "Inspect changes to files or directories on a container's filesystem"), runDiff},
    Command{"export", QT_TRANSLATE_NOOP("berth::cli", "Export a container's filesystem as a tar archive"), runExport},
    Command{"prune", QT_TRANSLATE_NOOP("berth::cli", "Remove all stopped containers"), runContainerPrune},
    Command{"stats", QT_TRANSLATE_NOOP("berth::cli", "Display a live stream of container(s) resource usage statistics"), runStats},
    Command{"top", QT_TRANSLATE_NOOP("berth::cli", "Display the running processes of a container"), runTop},
};

int runContainerInspect(const QStringList &arguments)
{
    const QCommandLineOption format({QStringLiteral("f"), QStringLiteral("format")},
                                    tr("Format the output using a template: {{.Field}} or {{json .Field}}"), QStringLiteral("string"));
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth container inspect [OPTIONS] CONTAINER [CONTAINER...]"),
                      tr("Display detailed information on one or more containers"), {format}, 1, 100000};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    return inspectContainers(parser.positionalArguments(), parser.value(format));
}

} // namespace

int runStart(const QStringList &arguments)
{
    const QCommandLineOption attach({QStringLiteral("a"), QStringLiteral("attach")}, tr("Attach STDOUT/STDERR and forward signals"));
    const QCommandLineOption interactive({QStringLiteral("i"), QStringLiteral("interactive")}, tr("Attach container's STDIN"));
    const QCommandLineOption detachKeys(QStringLiteral("detach-keys"), tr("Override the key sequence for detaching a container"),
                                        QStringLiteral("string"));
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth start [OPTIONS] CONTAINER [CONTAINER...]"),
                      tr("Start one or more stopped containers"), {attach, interactive, detachKeys}, 1, 100000};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    const bool attaching = parser.isSet(attach) || parser.isSet(interactive);
    if (attaching) {
        if (parser.positionalArguments().size() > 1) {
            err() << tr("you cannot start and attach multiple containers at once; give one") << '\n';
            return UsageError;
        }
        return startAttached(parser.positionalArguments().first(), parser.isSet(interactive), parser.value(detachKeys));
    }
    return forEachContainer(parser.positionalArguments(),
                            [](HelperProxy &proxy, const QString &container) { return proxy.StartContainer(container); });
}

int runStop(const QStringList &arguments)
{
    return stopOrRestart(arguments, false);
}

int runRestart(const QStringList &arguments)
{
    return stopOrRestart(arguments, true);
}

int runPause(const QStringList &arguments)
{
    return simpleVerb(arguments, QStringLiteral("berth pause CONTAINER [CONTAINER...]"),
                      tr("Pause all processes within one or more containers"), &HelperProxy::PauseContainer);
}

int runUnpause(const QStringList &arguments)
{
    return simpleVerb(arguments, QStringLiteral("berth unpause CONTAINER [CONTAINER...]"),
                      tr("Unpause all processes within one or more containers"), &HelperProxy::UnpauseContainer);
}

int runKill(const QStringList &arguments)
{
    const QCommandLineOption signal({QStringLiteral("s"), QStringLiteral("signal")}, tr("Signal to send to the container"),
                                    QStringLiteral("string"), QStringLiteral("KILL"));
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth kill [OPTIONS] CONTAINER [CONTAINER...]"),
                      tr("Kill one or more running containers"), {signal}, 1, 100000};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    const QString name = parser.value(signal);
    return forEachContainer(parser.positionalArguments(),
                            [name](HelperProxy &proxy, const QString &container) { return proxy.KillContainer(container, name); });
}

int runRemoveContainers(const QStringList &arguments)
{
    const QCommandLineOption force({QStringLiteral("f"), QStringLiteral("force")}, tr("Force the removal of a running container (uses SIGKILL)"));
    const QCommandLineOption volumes({QStringLiteral("v"), QStringLiteral("volumes")}, tr("Remove anonymous volumes associated with the container"));
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth rm [OPTIONS] CONTAINER [CONTAINER...]"), tr("Remove one or more containers"),
                      {force, volumes}, 1, 100000};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    const bool forced = parser.isSet(force);
    const bool withVolumes = parser.isSet(volumes);
    return forEachContainer(parser.positionalArguments(), [forced, withVolumes](HelperProxy &proxy, const QString &name) {
        return proxy.RemoveContainer(name, forced, withVolumes);
    });
}

int runRename(const QStringList &arguments)
{
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth rename CONTAINER NEW_NAME"), tr("Rename a container"), {}, 2, 2};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    const QString newName = parser.positionalArguments().at(1);
    return forEachContainer(
        {parser.positionalArguments().at(0)},
        [newName](HelperProxy &proxy, const QString &name) { return proxy.RenameContainer(name, newName); }, false);
}

int runWait(const QStringList &arguments)
{
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth wait CONTAINER [CONTAINER...]"),
                      tr("Block until one or more containers stop, then print their exit codes"), {}, 1, 100000};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    if (!busReachable())
        return Failed;
    auto proxy = berth::client::makeHelperProxy(24 * 3600 * 1000);
    int status = Success;
    for (const auto &name : parser.positionalArguments()) {
        auto reply = proxy->WaitContainer(name);
        if (!waitFor(reply)) {
            status = Failed;
            continue;
        }
        out() << reply.value() << '\n';
        out().flush();
    }
    return status;
}

/// The column header `ps --format "table …"` prints for a field, or nothing for an unknown one.
std::optional<QString> psFieldHeader(const QString &field)
{
    static const QHash<QString, QString> headers{
        {QStringLiteral("ID"), QStringLiteral("CONTAINER ID")}, {QStringLiteral("Image"), QStringLiteral("IMAGE")},
        {QStringLiteral("Command"), QStringLiteral("COMMAND")},  {QStringLiteral("CreatedAt"), QStringLiteral("CREATED AT")},
        {QStringLiteral("RunningFor"), QStringLiteral("CREATED")}, {QStringLiteral("Ports"), QStringLiteral("PORTS")},
        {QStringLiteral("Status"), QStringLiteral("STATUS")},    {QStringLiteral("State"), QStringLiteral("STATE")},
        {QStringLiteral("Names"), QStringLiteral("NAMES")},      {QStringLiteral("Size"), QStringLiteral("SIZE")},
    };
    const auto found = headers.constFind(field);
    return found == headers.constEnd() ? std::nullopt : std::optional<QString>(*found);
}

/// A field of `ps --format` for one container, as docker prints it (ID and Size aside).
QString psFieldValue(const QVariantMap &container, const QString &field)
{
    const auto created = QDateTime::fromSecsSinceEpoch(container.value(QStringLiteral("Created")).toLongLong());
    if (field == QLatin1String("Image"))
        return container.value(QStringLiteral("Image")).toString();
    if (field == QLatin1String("Command"))
        return quotedCommand(container);
    if (field == QLatin1String("CreatedAt")) {
        // docker's Go time format: 2024-05-01 12:00:00 +0200 CEST
        const QDateTime local = created.toLocalTime();
        const int offset = local.offsetFromUtc();
        const QString zone = QStringLiteral("%1%2%3")
                                 .arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                                 .arg(std::abs(offset) / 3600, 2, 10, QLatin1Char('0'))
                                 .arg(std::abs(offset) % 3600 / 60, 2, 10, QLatin1Char('0'));
        return local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss ")) + zone + QLatin1Char(' ') + local.timeZoneAbbreviation();
    }
    if (field == QLatin1String("RunningFor"))
        return tr("%1 ago").arg(berth::client::humanDuration(created.secsTo(QDateTime::currentDateTimeUtc())));
    if (field == QLatin1String("Status"))
        return statusText(container);
    if (field == QLatin1String("State"))
        return container.value(QStringLiteral("State")).toString();
    if (field == QLatin1String("Names"))
        return container.value(QStringLiteral("Name")).toString();
    // Ports: none can be published yet (--network none or host).
    return {};
}

int runPs(const QStringList &arguments)
{
    const QCommandLineOption all({QStringLiteral("a"), QStringLiteral("all")}, tr("Show all containers (default shows just running)"));
    const QCommandLineOption quiet({QStringLiteral("q"), QStringLiteral("quiet")}, tr("Only display container IDs"));
    const QCommandLineOption noTrunc(QStringLiteral("no-trunc"), tr("Don't truncate output"));
    const QCommandLineOption last({QStringLiteral("n"), QStringLiteral("last")}, tr("Show n last created containers (includes all states)"), QStringLiteral("int"));
    const QCommandLineOption latest({QStringLiteral("l"), QStringLiteral("latest")}, tr("Show the latest created container (includes all states)"));
    const QCommandLineOption filter({QStringLiteral("f"), QStringLiteral("filter")}, tr("Filter output based on conditions provided (status=, name=, id=, ancestor=, exited=)"), QStringLiteral("filter"));
    const QCommandLineOption format(QStringLiteral("format"), tr("Format output using a template: [table] {{.ID}}\\t{{.Names}}\\t{{.Status}}…"), QStringLiteral("string"));
    const QCommandLineOption size({QStringLiteral("s"), QStringLiteral("size")}, tr("Display total file sizes"));
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth ps [OPTIONS]"), tr("List containers"), {all, quiet, noTrunc, last, latest, filter, format, size}, 0, 0};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    for (const auto &item : parser.values(filter)) {
        static const QStringList keys{QStringLiteral("status"), QStringLiteral("name"), QStringLiteral("id"),
                                      QStringLiteral("ancestor"), QStringLiteral("exited")};
        if (!item.contains(QLatin1Char('=')) || !keys.contains(item.left(item.indexOf(QLatin1Char('='))))) {
            err() << tr("invalid filter '%1': use status=, name=, id=, ancestor= or exited=").arg(item) << '\n';
            return UsageError;
        }
    }
    if (!busReachable())
        return Failed;
    auto proxy = berth::client::makeHelperProxy();
    auto reply = proxy->ListContainers();
    if (!waitFor(reply))
        return Failed;
    QList<QVariantMap> shown;
    int limit = parser.isSet(latest) ? 1 : parser.value(last).toInt();
    const bool everything = parser.isSet(all) || limit > 0 || !parser.values(filter).isEmpty();
    for (const auto &container : reply.value()) {
        const QString state = container.value(QStringLiteral("State")).toString();
        if (!everything && state != QLatin1String("running") && state != QLatin1String("paused") &&
            state != QLatin1String("restarting"))
            continue;
        // docker ANDs different filter keys and ORs repeated ones; for Berth's keys an AND
        // of each given filter is what people mean.
        bool matches = true;
        for (const auto &item : parser.values(filter))
            matches = matches && matchesFilter(container, item);
        if (!matches)
            continue;
        shown << container;
        if (limit > 0 && shown.size() >= limit)
            break;
    }
    const bool full = parser.isSet(noTrunc);
    auto idOf = [full](const QVariantMap &container) {
        const QString id = container.value(QStringLiteral("Id")).toString();
        return full ? id : id.left(12);
    };
    if (parser.isSet(quiet)) {
        for (const auto &container : shown)
            out() << idOf(container) << '\n';
        out().flush();
        return Success;
    }
    if (parser.isSet(format) && parser.value(format) != QLatin1String("table")) {
        // docker's Go template forms that people use: {{.Field}} and a leading "table",
        // which adds the header and lines the columns up.
        QString pattern = parser.value(format);
        const bool table = pattern.startsWith(QLatin1String("table "));
        if (table)
            pattern = pattern.mid(6);
        pattern.replace(QStringLiteral("\\t"), QStringLiteral("\t"));
        static const QRegularExpression field(QStringLiteral(R"(\{\{\s*\.(\w+)\s*\}\})"));
        QString rest = pattern;
        rest.remove(field);
        bool known = !rest.contains(QStringLiteral("{{"));
        bool wantsSize = false;
        for (auto match = field.globalMatch(pattern); match.hasNext();) {
            const QString name = match.next().captured(1);
            known = known && psFieldHeader(name).has_value();
            wantsSize = wantsSize || name == QLatin1String("Size");
        }
        if (!known) {
            err() << tr("template \"%1\" is not supported: give {{.Field}} items (ID, Image, Command, CreatedAt, "
                        "RunningFor, Ports, Status, State, Names, Size), optionally after "
                        "\"table \"")
                         .arg(parser.value(format))
                  << '\n';
            return UsageError;
        }
        QHash<QString, QString> sizes;
        if (wantsSize && !shown.isEmpty()) {
            QStringList ids;
            for (const auto &container : shown)
                ids << container.value(QStringLiteral("Id")).toString();
            if ((sizes = containerSizeTexts(ids)).isEmpty())
                return Failed;
        }
        const auto render = [&pattern](const std::function<QString(const QString &)> &valueOf) {
            QString line;
            qsizetype from = 0;
            for (auto match = field.globalMatch(pattern); match.hasNext();) {
                const auto found = match.next();
                line += pattern.mid(from, found.capturedStart() - from) + valueOf(found.captured(1));
                from = found.capturedEnd();
            }
            return line + pattern.mid(from);
        };
        QList<QStringList> rows;
        if (table)
            rows << render([](const QString &name) { return *psFieldHeader(name); }).split(QLatin1Char('\t'));
        for (const auto &container : shown) {
            const QString line = render([&](const QString &name) {
                if (name == QLatin1String("ID"))
                    return idOf(container);
                if (name == QLatin1String("Size"))
                    return sizes.value(container.value(QStringLiteral("Id")).toString());
                return psFieldValue(container, name);
            });
            if (table)
                rows << line.split(QLatin1Char('\t'));
            else
                out() << line << '\n';
        }
        if (table)
            printTable(rows);
        out().flush();
        return Success;
    }
    QList<QStringList> rows{{tr("CONTAINER ID"), tr("IMAGE"), tr("COMMAND"), tr("CREATED"), tr("STATUS"), tr("PORTS"), tr("NAMES")}};
    // -s: the SIZE column from the helper (command_container_tools.cpp).
    QHash<QString, QString> sizes;
    if (parser.isSet(size)) {
        QStringList ids;
        for (const auto &container : shown)
            ids << container.value(QStringLiteral("Id")).toString();
        if (!ids.isEmpty() && (sizes = containerSizeTexts(ids)).isEmpty())
            return Failed;
        rows.first() << tr("SIZE");
    }
    for (const auto &container : shown) {
        const auto created = QDateTime::fromSecsSinceEpoch(container.value(QStringLiteral("Created")).toLongLong());
        rows << QStringList{idOf(container), container.value(QStringLiteral("Image")).toString(), quotedCommand(container),
                            tr("%1 ago").arg(berth::client::humanDuration(created.secsTo(QDateTime::currentDateTimeUtc()))),
                            statusText(container), QString(), container.value(QStringLiteral("Name")).toString()};
        if (parser.isSet(size))
            rows.last() << sizes.value(container.value(QStringLiteral("Id")).toString());
    }
    printTable(rows);
    out().flush();
    return Success;
}

int runContainer(const QStringList &arguments)
{
    const QString sub = arguments.value(1);
    const QString canonical = sub == QLatin1String("list") || sub == QLatin1String("ps") ? QStringLiteral("ls")
                              : sub == QLatin1String("remove")                          ? QStringLiteral("rm")
                                                                                        : sub;
    if (canonical == QLatin1String("inspect"))
        return runContainerInspect(arguments.mid(1));
    for (const auto &command : containerCommands) {
        if (canonical == QLatin1String(command.name) && command.run)
            return command.run(arguments.mid(1));
    }
    QTextStream &stream = sub == QLatin1String("--help") || sub == QLatin1String("-h") ? out() : err();
    if (&stream == &err())
        stream << (sub.isEmpty() ? tr("berth container needs a command.") : tr("berth container: unknown command \"%1\".").arg(sub)) << '\n';
    stream << '\n' << tr("Usage:") << "  berth container COMMAND\n\n" << tr("Manage containers") << "\n\n" << tr("Commands:") << '\n';
    for (const auto &command : containerCommands)
        stream << "  " << QString::fromLatin1(command.name).leftJustified(10) << tr(command.summary) << '\n';
    stream << "\n" << tr("Run 'berth container COMMAND --help' for more information on a command.") << '\n';
    stream.flush();
    return &stream == &out() ? Success : UsageError;
}

} // namespace berth::cli
