// berth image COMMAND: docker's `image` group. Its commands are the top-level ones under
// docker's group names (image ls = images, image rm = rmi), plus image diff.
#include "cli.h"

#include <array>

namespace berth::cli {

namespace {

constexpr std::array imageCommands{
    Command{"diff", QT_TRANSLATE_NOOP("berth::cli", "Show the files each layer of an image adds, changes and deletes"), runImageDiff},
    Command{"history", QT_TRANSLATE_NOOP("berth::cli", "Show the history of an image"), runHistoryCommand},
    Command{"inspect", QT_TRANSLATE_NOOP("berth::cli", "Display detailed information on one or more images"), runInspect},
    Command{"load", QT_TRANSLATE_NOOP("berth::cli", "Load an image from a tar archive or STDIN"), runLoad},
    Command{"ls", QT_TRANSLATE_NOOP("berth::cli", "List images"), runImages},
    Command{"pull", QT_TRANSLATE_NOOP("berth::cli", "Download an image from a registry"), runPull},
    Command{"push", QT_TRANSLATE_NOOP("berth::cli", "Upload an image to a registry"), runPush},
    Command{"rm", QT_TRANSLATE_NOOP("berth::cli", "Remove one or more images"), runRemoveImages},
    Command{"save", QT_TRANSLATE_NOOP("berth::cli", "Save one or more images to a tar archive (streamed to STDOUT by default)"), runSave},
    Command{"tag", QT_TRANSLATE_NOOP("berth::cli", "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE"), runTag},
};

void printImageUsage(QTextStream &stream)
{
    stream << '\n' << tr("Usage:") << "  berth image COMMAND\n\n" << tr("Manage images") << "\n\n" << tr("Commands:") << '\n';
    for (const auto &command : imageCommands)
        stream << "  " << QString::fromLatin1(command.name).leftJustified(10) << tr(command.summary) << '\n';
    stream << "\n" << tr("Run 'berth image COMMAND --help' for more information on a command.") << '\n';
    stream.flush();
}

} // namespace

int runImage(const QStringList &arguments)
{
    const QString sub = arguments.value(1);
    // Docker accepts `image list` and `image remove` too.
    const QString canonical = sub == QLatin1String("list") ? QStringLiteral("ls") : sub == QLatin1String("remove") ? QStringLiteral("rm") : sub;
    for (const auto &command : imageCommands) {
        if (canonical == QLatin1String(command.name))
            return command.run(arguments.mid(1));
    }
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        printImageUsage(out());
        return Success;
    }
    err() << (sub.isEmpty() ? tr("berth image needs a command.") : tr("berth image: unknown command \"%1\".").arg(sub)) << '\n';
    printImageUsage(err());
    return UsageError;
}

} // namespace berth::cli
