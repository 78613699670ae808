// berth: the command-line client. Docker's commands and flags, answered by berth-helper
// over the system bus.
#include "cli.h"

#include "translations.h"

#include "engine/core/version.h"

#include <QDBusMetaType>

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

// Inside berth::cli so that lupdate files these tr() calls under the CLI's context.
namespace berth::cli {
namespace {

constexpr std::array commands{
    Command{"history", QT_TRANSLATE_NOOP("berth::cli", "Show the history of an image"), runHistoryCommand},
    Command{"container", QT_TRANSLATE_NOOP("berth::cli", "Manage containers"), runContainer},
    Command{"attach", QT_TRANSLATE_NOOP("berth::cli", "Attach local standard input, output, and error streams to a running container"), runAttach},
    Command{"commit", QT_TRANSLATE_NOOP("berth::cli", "Create a new image from a container's changes"), runCommit},
    Command{"create", QT_TRANSLATE_NOOP("berth::cli", "Create a new container"), runCreate},
    Command{"exec", QT_TRANSLATE_NOOP("berth::cli", "Execute a command in a running container"), runExec},
    Command{"kill", QT_TRANSLATE_NOOP("berth::cli", "Kill one or more running containers"), runKill},
    Command{"logs", QT_TRANSLATE_NOOP("berth::cli", "Fetch the logs of a container"), runLogs},
    Command{"pause", QT_TRANSLATE_NOOP("berth::cli", "Pause all processes within one or more containers"), runPause},
    Command{"ps", QT_TRANSLATE_NOOP("berth::cli", "List containers"), runPs},
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
    Command{"stats", QT_TRANSLATE_NOOP("berth::cli", "Display a live stream of container(s) resource usage statistics"), runStats},
    Command{"top", QT_TRANSLATE_NOOP("berth::cli", "Display the running processes of a container"), runTop},
    Command{"config", QT_TRANSLATE_NOOP("berth::cli", "Manage the engine's settings (registry mirrors, subnets, logs)"), runConfig},
    Command{"image", QT_TRANSLATE_NOOP("berth::cli", "Manage images"), runImage},
    Command{"images", QT_TRANSLATE_NOOP("berth::cli", "List images"), runImages},
    Command{"info", QT_TRANSLATE_NOOP("berth::cli", "Display system-wide information"), runInfo},
    Command{"inspect", QT_TRANSLATE_NOOP("berth::cli", "Return low-level information on Berth objects"), runInspect},
    Command{"load", QT_TRANSLATE_NOOP("berth::cli", "Load an image from a tar archive or STDIN"), runLoad},
    Command{"login", QT_TRANSLATE_NOOP("berth::cli", "Log in to a registry"), runLogin},
    Command{"logout", QT_TRANSLATE_NOOP("berth::cli", "Log out from a registry"), runLogout},
    Command{"pull", QT_TRANSLATE_NOOP("berth::cli", "Download an image from a registry"), runPull},
    Command{"push", QT_TRANSLATE_NOOP("berth::cli", "Upload an image to a registry"), runPush},
    Command{"rmi", QT_TRANSLATE_NOOP("berth::cli", "Remove one or more images"), runRemoveImages},
    Command{"save", QT_TRANSLATE_NOOP("berth::cli", "Save one or more images to a tar archive (streamed to STDOUT by default)"), runSave},
    Command{"search", QT_TRANSLATE_NOOP("berth::cli", "Search Docker Hub or a registry's catalog for images"), runSearch},
    Command{"tag", QT_TRANSLATE_NOOP("berth::cli", "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE"), runTag},
    Command{"volume", QT_TRANSLATE_NOOP("berth::cli", "Manage volumes"), runVolume},
    Command{"version", QT_TRANSLATE_NOOP("berth::cli", "Show the Berth version information"), runVersion},
};

void printMainUsage(QTextStream &stream)
{
    stream << '\n' << tr("Usage:") << "  berth [OPTIONS] COMMAND\n\n"
           << tr("A container workbench: images, containers, volumes and networks, with a teaching GUI (berth-gui).")
           << "\n\n" << tr("Commands:") << '\n';
    std::vector<Command> sorted(commands.begin(), commands.end());
    std::ranges::sort(sorted, [](const Command &left, const Command &right) { return std::strcmp(left.name, right.name) < 0; });
    for (const auto &command : sorted)
        stream << "  " << QString::fromLatin1(command.name).leftJustified(10) << tr(command.summary) << '\n';
    stream << '\n' << tr("Options:") << '\n'
           << "  -h, --help      " << tr("Print usage") << '\n'
           << "  -v, --version   " << tr("Print version information and quit") << "\n\n"
           << tr("Run 'berth COMMAND --help' for more information on a command.") << '\n';
    stream.flush();
}

} // namespace

int run(QCoreApplication &app)
{
    const QStringList arguments = app.arguments();
    const QString first = arguments.value(1);
    if (first.isEmpty() || first == QLatin1String("--help") || first == QLatin1String("-h") ||
        first == QLatin1String("help")) {
        printMainUsage(first.isEmpty() ? err() : out());
        return first.isEmpty() ? UsageError : Success;
    }
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        out() << tr("Berth version %1").arg(QLatin1String(berth::engineVersion)) << '\n';
        return Success;
    }
    if (first.startsWith(QLatin1Char('-'))) {
        err() << tr("unknown flag: %1").arg(first) << '\n' << tr("See 'berth --help'.") << '\n';
        printMainUsage(err());
        return UsageError;
    }
    for (const auto &command : commands) {
        if (first == QLatin1String(command.name))
            return command.run(arguments.mid(1));
    }
    err() << tr("berth: '%1' is not a berth command.").arg(first) << '\n' << tr("See 'berth --help'.") << '\n';
    printMainUsage(err());
    return UsageError;
}

} // namespace berth::cli

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("berth"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(berth::engineVersion));
    berth::installTranslations(app, qEnvironmentVariable("BERTH_LANG"));
    qDBusRegisterMetaType<QList<QVariantMap>>();
    return berth::cli::run(app);
}
