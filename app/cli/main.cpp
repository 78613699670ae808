// berth: the command-line client. Docker's commands and flags, answered by berth-helper
// over the system bus.
#include "cli.h"

#include "translations.h"

#include "engine/core/version.h"

#include <QDBusMetaType>

#include <array>

namespace {

using namespace berth::cli;

constexpr std::array commands{
    Command{"config", QT_TRANSLATE_NOOP("Cli", "Manage the engine's settings (registry mirrors, subnets, logs)"), runConfig},
    Command{"image", QT_TRANSLATE_NOOP("Cli", "Manage images"), runImage},
    Command{"images", QT_TRANSLATE_NOOP("Cli", "List images"), runImages},
    Command{"info", QT_TRANSLATE_NOOP("Cli", "Display system-wide information"), runInfo},
    Command{"inspect", QT_TRANSLATE_NOOP("Cli", "Return low-level information on Berth objects"), runInspect},
    Command{"pull", QT_TRANSLATE_NOOP("Cli", "Download an image from a registry"), runPull},
    Command{"version", QT_TRANSLATE_NOOP("Cli", "Show the Berth version information"), runVersion},
};

void printMainUsage(QTextStream &stream)
{
    stream << '\n' << tr("Usage:") << "  berth [OPTIONS] COMMAND\n\n"
           << tr("A container workbench: images, containers, volumes and networks, with a teaching GUI (berth-gui).")
           << "\n\n" << tr("Commands:") << '\n';
    for (const auto &command : commands)
        stream << "  " << QString::fromLatin1(command.name).leftJustified(10) << tr(command.summary) << '\n';
    stream << '\n' << tr("Options:") << '\n'
           << "  -h, --help      " << tr("Print usage") << '\n'
           << "  -v, --version   " << tr("Print version information and quit") << "\n\n"
           << tr("Run 'berth COMMAND --help' for more information on a command.") << '\n';
    stream.flush();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("berth"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(berth::engineVersion));
    berth::installTranslations(app, qEnvironmentVariable("BERTH_LANG"));
    qDBusRegisterMetaType<QList<QVariantMap>>();

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
