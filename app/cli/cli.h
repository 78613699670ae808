// What every `berth` subcommand shares: output streams, exit codes, option parsing that
// reports unknown flags with usage, and printing a failed helper call.
#pragma once

#include "helper_connection.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QCoreApplication>
#include <QDBusPendingReply>
#include <QHash>
#include <QStringList>
#include <QTextStream>

namespace berth::cli {

enum ExitCode { Success = 0, Failed = 1, UsageError = 2 };

QTextStream &out();
QTextStream &err();

struct Command {
    const char *name;
    const char *summary; // translated at print time, context "berth::cli"
    int (*run)(const QStringList &arguments);
};

/// Parses a subcommand's arguments (arguments[0] is the subcommand). On --help prints
/// usage and returns Success; on an unknown flag or wrong argument count prints the error
/// and usage and returns UsageError; otherwise returns nothing and the caller goes on.
struct Usage {
    QString line;    // "berth config set KEY VALUE"
    QString summary; // one translated sentence
    QList<QCommandLineOption> options;
    int minimumPositional = 0;
    int maximumPositional = 0;
    /// As docker run/exec: everything from the first positional on (the image and its
    /// command) is positional, flags included.
    bool optionsEndAtFirstPositional = false;
};
[[nodiscard]] std::optional<int> parseOrExplain(QCommandLineParser &parser, const QStringList &arguments,
                                                const Usage &usage);
/// Prints usage text in the style of `docker CMD --help`.
void printUsage(QTextStream &stream, const Usage &usage);

/// Prints a failure from describeFailure and returns Failed.
int reportFailure(const berth::client::Failure &failure);

/// Waits for a pending call; on failure reports it and returns false.
template <typename... Types>
[[nodiscard]] bool waitFor(QDBusPendingReply<Types...> &reply)
{
    reply.waitForFinished();
    if (reply.isError()) {
        reportFailure(berth::client::describeFailure(reply.error()));
        return false;
    }
    return true;
}

/// True if the bus can be reached; otherwise reports it.
[[nodiscard]] bool busReachable();

QString tr(const char *text);

/// Prints rows as columns three spaces apart, each as wide as its widest cell.
void printTable(const QList<QStringList> &rows);

int runVersion(const QStringList &arguments);
int runInfo(const QStringList &arguments);
int runConfig(const QStringList &arguments);
int runPull(const QStringList &arguments);
int runImages(const QStringList &arguments);
int runInspect(const QStringList &arguments);
int runImage(const QStringList &arguments);
int runImageDiff(const QStringList &arguments);
int runSave(const QStringList &arguments);
int runLoad(const QStringList &arguments);
int runRemoveImages(const QStringList &arguments);
int runTag(const QStringList &arguments);
int runHistoryCommand(const QStringList &arguments);
int runSearch(const QStringList &arguments);
int runPush(const QStringList &arguments);
int runLogin(const QStringList &arguments);
int runLogout(const QStringList &arguments);
int runCreate(const QStringList &arguments);
int runRun(const QStringList &arguments);
int runCommit(const QStringList &arguments);
int runStart(const QStringList &arguments);
int runAttach(const QStringList &arguments);
/// start -a: starts the container with this terminal attached from its first byte.
int startAttached(const QString &container, bool withInput, const QString &detachKeys);
int runStop(const QStringList &arguments);
int runRestart(const QStringList &arguments);
int runKill(const QStringList &arguments);
int runPause(const QStringList &arguments);
int runUnpause(const QStringList &arguments);
int runRemoveContainers(const QStringList &arguments);
int runRename(const QStringList &arguments);
int runWait(const QStringList &arguments);
int runPs(const QStringList &arguments);
int runContainer(const QStringList &arguments);
int runLogs(const QStringList &arguments);
// Container tools (command_container_tools.cpp).
int runCopy(const QStringList &arguments);
int runTop(const QStringList &arguments);
int runStats(const QStringList &arguments);
int runDiff(const QStringList &arguments);
int runExport(const QStringList &arguments);
int runContainerPrune(const QStringList &arguments);
/// `ps -s`'s SIZE column by container id: "12B (virtual 4.5MB)"; empty after a reported failure.
QHash<QString, QString> containerSizeTexts(const QStringList &ids);
/// Fills `{{.Field}}`, `{{.Field.Sub}}` and `{{json .Field}}` of a --format template from
/// object; nothing when the template has other forms.
[[nodiscard]] std::optional<QString> applyFormat(const QString &format, const QJsonObject &object);
int runVolume(const QStringList &arguments);
int runExec(const QStringList &arguments);
/// Prints `docker inspect` JSON of containers; used by `inspect` and `container inspect`.
int inspectContainers(const QStringList &names, const QString &format);

} // namespace berth::cli
