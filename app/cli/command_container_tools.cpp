// berth cp, top, stats, diff, export, container prune, and the sizes of ps -s. Tars cross
// to the helper through pipes and descriptors this process opened with the user's own
// permissions; host paths are read and written here, never by the helper.
#include "cli.h"
#include "job_runner.h"

#include "formatting.h"

#include "engine/container/container_copy.h"
#include "engine/container/container_log.h"

#include <QDBusMetaType>
#include <QDBusUnixFileDescriptor>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>
#include <QThread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <optional>
#include <thread>

namespace berth::cli {

namespace {

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

void registerRowsType()
{
    qDBusRegisterMetaType<QList<QStringList>>();
}

// ---- cp -------------------------------------------------------------------------------

struct CopyArgument {
    QString container; ///< empty: a host path
    QString path;
};

// Docker's rule: a path that starts with `/` or `.` is local even with a colon in it;
// otherwise CONTAINER:PATH splits at the first colon.
CopyArgument splitCopyArgument(const QString &argument)
{
    if (argument.startsWith(QLatin1Char('/')) || argument.startsWith(QLatin1Char('.')))
        return {QString(), argument};
    const auto colon = argument.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return {QString(), argument};
    return {argument.left(colon), argument.mid(colon + 1)};
}

QString errorText(const berth::Error &error)
{
    return fromStd(error.describe());
}

int failWith(const QString &message)
{
    return reportFailure(berth::client::Failure{berth::client::FailureKind::Other, message});
}

struct Pipe {
    int readEnd = -1;
    int writeEnd = -1;
    ~Pipe()
    {
        closeRead();
        closeWrite();
    }
    bool open()
    {
        int ends[2];
        if (::pipe2(ends, O_CLOEXEC) != 0)
            return false;
        readEnd = ends[0];
        writeEnd = ends[1];
        return true;
    }
    void closeRead()
    {
        if (readEnd >= 0)
            ::close(readEnd);
        readEnd = -1;
    }
    void closeWrite()
    {
        if (writeEnd >= 0)
            ::close(writeEnd);
        writeEnd = -1;
    }
};

/// The container path's stat from the helper; nothing with notFound set when it does not
/// exist (any other failure is reported).
std::optional<QVariantMap> statInContainer(HelperProxy &proxy, const CopyArgument &argument, bool followLink, bool &notFound)
{
    notFound = false;
    QVariantMap options;
    if (followLink)
        options.insert(QStringLiteral("FollowLink"), true);
    auto reply = proxy.StatContainerPath(argument.container, argument.path, options);
    reply.waitForFinished();
    if (reply.isError()) {
        const auto failure = berth::client::describeFailure(reply.error());
        if (failure.kind == berth::client::FailureKind::NotFound &&
            !reply.error().message().startsWith(QLatin1String("No such container"))) {
            notFound = true;
            return std::nullopt;
        }
        reportFailure(failure);
        return std::nullopt;
    }
    return reply.value();
}

bool isDirectoryMode(const QVariantMap &stat)
{
    return S_ISDIR(stat.value(QStringLiteral("Mode")).toUInt());
}

int copyFromContainer(const CopyArgument &source, const QString &destination, bool followLink)
{
    auto proxy = berth::client::makeHelperProxy(berth::client::changeTimeoutMs);
    QVariantMap options;
    if (followLink)
        options.insert(QStringLiteral("FollowLink"), true);
    if (destination == QLatin1String("-")) {
        JobRunner runner(tr("Cancelling the copy…"));
        const auto outcome = runner.run(proxy->CopyFromContainer(source.container, source.path,
                                                                 QDBusUnixFileDescriptor(STDOUT_FILENO), options));
        if (!outcome)
            return Failed;
        return outcome->succeeded() ? Success : reportJobFailure(*outcome);
    }
    bool notFound = false;
    const auto stat = statInContainer(*proxy, source, followLink, notFound);
    if (!stat) {
        if (notFound)
            return failWith(tr("Could not find the file %1 in container %2; check the path with: berth exec %2 ls")
                                .arg(source.path, source.container));
        return Failed;
    }
    Pipe pipe;
    if (!pipe.open())
        return failWith(tr("cannot create a pipe: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    const berth::container::CopySource copySource{source.path.toStdString(), isDirectoryMode(*stat)};
    // The helper writes the tar into the pipe; this thread unpacks it at the destination.
    berth::Status extracted;
    std::thread extractor([&] {
        extracted = berth::container::copyArchiveToHost(pipe.readEnd, copySource, destination.toStdString());
        pipe.closeRead(); // a writer still going sees EPIPE and stops
    });
    JobRunner runner(tr("Cancelling the copy…"));
    auto reply = proxy->CopyFromContainer(source.container, source.path, QDBusUnixFileDescriptor(pipe.writeEnd), options);
    reply.waitForFinished();
    pipe.closeWrite(); // only the helper's copy is left: the extractor sees the end with it
    const auto outcome = runner.run(reply);
    extractor.join();
    if (!outcome)
        return Failed; // the call itself failed, and was reported
    if (!outcome->succeeded() && (extracted || !outcome->errorMessage.contains(QLatin1String("stopped before its end"))))
        return reportJobFailure(*outcome);
    if (!extracted)
        return failWith(errorText(extracted.error()));
    return Success;
}

int copyToContainer(const QString &source, const CopyArgument &destination, bool followLink, bool archiveOwners)
{
    auto proxy = berth::client::makeHelperProxy(berth::client::changeTimeoutMs);
    QVariantMap options;
    if (archiveOwners)
        options.insert(QStringLiteral("CopyUIDGID"), true);
    bool notFound = false;
    auto destinationStat = statInContainer(*proxy, destination, false, notFound);
    if (!destinationStat && !notFound)
        return Failed;
    QString destinationPath = destination.path;
    // A link at the end of the destination is followed, as Docker's client does.
    if (destinationStat && S_ISLNK(destinationStat->value(QStringLiteral("Mode")).toUInt())) {
        destinationPath = destinationStat->value(QStringLiteral("LinkTarget")).toString();
        destinationStat = statInContainer(*proxy, CopyArgument{destination.container, destinationPath}, false, notFound);
        if (!destinationStat && !notFound)
            return Failed;
    }

    if (source == QLatin1String("-")) {
        if (!destinationStat || !isDirectoryMode(*destinationStat))
            return failWith(tr("destination \"%1:%2\" must be a directory when the source is a tar on standard input; "
                               "create it first or name a directory")
                                .arg(destination.container, destination.path));
        if (::isatty(STDIN_FILENO))
            return failWith(tr("berth cp - reads a tar archive from standard input; pipe or redirect one into it"));
        JobRunner runner(tr("Cancelling the copy…"));
        const auto outcome = runner.run(proxy->CopyToContainer(destination.container, destinationPath,
                                                               QDBusUnixFileDescriptor(STDIN_FILENO), options));
        if (!outcome)
            return Failed;
        return outcome->succeeded() ? Success : reportJobFailure(*outcome);
    }

    auto sourceStat = berth::container::statHostPath(source.toStdString());
    if (!sourceStat)
        return failWith(errorText(sourceStat.error()));
    bool sourceIsDirectory = sourceStat->isDirectory();
    if (followLink && sourceStat->isSymbolicLink()) {
        struct stat target {};
        if (::stat(QFile::encodeName(source).constData(), &target) != 0)
            return failWith(tr("%1 is a symbolic link to a missing file; -L cannot follow it").arg(source));
        sourceIsDirectory = S_ISDIR(target.st_mode);
    }
    berth::container::CopyDestination copyDestination{destinationPath.toStdString(), destinationStat.has_value(),
                                                      destinationStat && isDirectoryMode(*destinationStat)};
    auto plan = berth::container::planCopy({source.toStdString(), sourceIsDirectory}, copyDestination);
    if (!plan)
        return failWith(errorText(plan.error()));
    if (!plan->renameFrom.empty()) {
        options.insert(QStringLiteral("RenameFrom"), fromStd(plan->renameFrom));
        options.insert(QStringLiteral("RenameTo"), fromStd(plan->renameTo));
    }
    Pipe pipe;
    if (!pipe.open())
        return failWith(tr("cannot create a pipe: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    berth::Status archived;
    berth::container::CopyArchiveOptions archiveOptions;
    archiveOptions.followLink = followLink;
    std::thread archiver([&] {
        archived = berth::container::archiveHostPath(source.toStdString(), archiveOptions, pipe.writeEnd);
        pipe.closeWrite();
    });
    JobRunner runner(tr("Cancelling the copy…"));
    auto reply = proxy->CopyToContainer(destination.container, fromStd(plan->extractDirectory),
                                        QDBusUnixFileDescriptor(pipe.readEnd), options);
    reply.waitForFinished();
    pipe.closeRead(); // the helper holds its own copy now
    const auto outcome = runner.run(reply);
    archiver.join();
    if (!archived && (!outcome || outcome->succeeded() || !outcome->cancelled()))
        return failWith(errorText(archived.error()));
    if (!outcome)
        return Failed;
    return outcome->succeeded() ? Success : reportJobFailure(*outcome);
}

// ---- stats ----------------------------------------------------------------------------

/// Binary units as docker stats prints memory: "1.543MiB", "7.63GiB".
QString binarySize(quint64 bytes)
{
    static const char *const units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    double value = static_cast<double>(bytes);
    int unit = 0;
    while (value >= 1024.0 && unit < 5) {
        value /= 1024.0;
        ++unit;
    }
    return QString::asprintf("%.4g%s", value, units[unit]);
}

struct StatsRow {
    QString id;
    QString name;
    QString cpu;
    QString memoryUsage;
    QString memoryPercent;
    QString networkIo;
    QString blockIo;
    QString pids;
};

StatsRow statsRow(const QVariantMap &sample, const QVariantMap *previous, bool fullId)
{
    auto number = [](const QVariantMap &map, const char *key) { return map.value(QLatin1String(key)).toULongLong(); };
    double cpuPercent = 0;
    if (previous) {
        const double cpuDelta = double(number(sample, "CpuNanoseconds")) - double(number(*previous, "CpuNanoseconds"));
        const double systemDelta = double(number(sample, "SystemNanoseconds")) - double(number(*previous, "SystemNanoseconds"));
        if (cpuDelta > 0 && systemDelta > 0)
            cpuPercent = cpuDelta / systemDelta * double(number(sample, "OnlineCpus")) * 100.0;
    }
    const quint64 usage = number(sample, "MemoryUsage");
    const quint64 limit = number(sample, "MemoryLimit");
    const QString id = sample.value(QStringLiteral("Id")).toString();
    return StatsRow{fullId ? id : id.left(12),
                    sample.value(QStringLiteral("Name")).toString(),
                    QString::asprintf("%.2f%%", cpuPercent),
                    binarySize(usage) + QStringLiteral(" / ") + binarySize(limit),
                    QString::asprintf("%.2f%%", limit ? double(usage) / double(limit) * 100.0 : 0.0),
                    berth::client::formatDecimalSize(number(sample, "NetworkReceived")) + QStringLiteral(" / ") +
                        berth::client::formatDecimalSize(number(sample, "NetworkSent")),
                    berth::client::formatDecimalSize(number(sample, "BlockRead")) + QStringLiteral(" / ") +
                        berth::client::formatDecimalSize(number(sample, "BlockWrite")),
                    QString::number(number(sample, "PidsCurrent"))};
}

struct StatsField {
    const char *placeholder;
    const char *title;
    QString StatsRow::*member;
};

const std::array statsFields{
    StatsField{"{{.Container}}", "CONTAINER", &StatsRow::id},     StatsField{"{{.ID}}", "CONTAINER ID", &StatsRow::id},
    StatsField{"{{.Name}}", "NAME", &StatsRow::name},             StatsField{"{{.CPUPerc}}", "CPU %", &StatsRow::cpu},
    StatsField{"{{.MemUsage}}", "MEM USAGE / LIMIT", &StatsRow::memoryUsage},
    StatsField{"{{.MemPerc}}", "MEM %", &StatsRow::memoryPercent}, StatsField{"{{.NetIO}}", "NET I/O", &StatsRow::networkIo},
    StatsField{"{{.BlockIO}}", "BLOCK I/O", &StatsRow::blockIo},  StatsField{"{{.PIDs}}", "PIDS", &StatsRow::pids},
};

QString applyStatsFormat(QString line, const StatsRow *row)
{
    for (const auto &field : statsFields)
        line.replace(QLatin1String(field.placeholder), row ? row->*field.member : tr(field.title));
    return line.replace(QStringLiteral("\\t"), QStringLiteral("\t"));
}

void printStats(const QList<StatsRow> &rows, const QString &format)
{
    if (format.isEmpty()) {
        QList<QStringList> table{{tr("CONTAINER ID"), tr("NAME"), tr("CPU %"), tr("MEM USAGE / LIMIT"), tr("MEM %"),
                                  tr("NET I/O"), tr("BLOCK I/O"), tr("PIDS")}};
        for (const auto &row : rows)
            table << QStringList{row.id, row.name, row.cpu, row.memoryUsage, row.memoryPercent, row.networkIo, row.blockIo, row.pids};
        printTable(table);
        return;
    }
    QString body = format;
    if (body.startsWith(QLatin1String("table"))) {
        body = body.mid(5).trimmed();
        QList<QStringList> table{applyStatsFormat(body, nullptr).split(QLatin1Char('\t'))};
        for (const auto &row : rows)
            table << applyStatsFormat(body, &row).split(QLatin1Char('\t'));
        printTable(table);
        return;
    }
    for (const auto &row : rows)
        out() << applyStatsFormat(body, &row) << '\n';
}

// ---- prune ----------------------------------------------------------------------------

bool confirmed(const QString &warning)
{
    out() << warning << '\n' << tr("Are you sure you want to continue? [y/N] ");
    out().flush();
    std::string answer;
    if (!std::getline(std::cin, answer))
        return false;
    return answer == "y" || answer == "Y" || answer == "yes" || answer == "Yes";
}

} // namespace

int runCopy(const QStringList &arguments)
{
    const QCommandLineOption archive({QStringLiteral("a"), QStringLiteral("archive")}, tr("Archive mode (copy all uid/gid information)"));
    const QCommandLineOption follow({QStringLiteral("L"), QStringLiteral("follow-link")}, tr("Always follow symbol link in SRC_PATH"));
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n"
                                     "\tberth cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH"),
                      tr("Copy files/folders between a container and the local filesystem. Use '-' as the source to read "
                         "a tar archive from stdin and extract it to a directory destination in a container. Use '-' as "
                         "the destination to stream a tar archive of a container source to stdout."),
                      {archive, follow}, 2, 2};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    const CopyArgument source = splitCopyArgument(parser.positionalArguments().at(0));
    const CopyArgument destination = splitCopyArgument(parser.positionalArguments().at(1));
    if (source.container.isEmpty() == destination.container.isEmpty()) {
        err() << (source.container.isEmpty() ? tr("must specify at least one container source: write CONTAINER:PATH on one side")
                                             : tr("copying between containers is not supported: copy to the host first"))
              << '\n';
        return UsageError;
    }
    if ((!source.container.isEmpty() && source.path.isEmpty()) || (!destination.container.isEmpty() && destination.path.isEmpty())) {
        err() << tr("a container path cannot be empty: write CONTAINER:/path") << '\n';
        return UsageError;
    }
    if (!busReachable())
        return Failed;
    // A pipe whose reader went away must be an error we report, not a silent exit.
    std::signal(SIGPIPE, SIG_IGN);
    if (!source.container.isEmpty())
        return copyFromContainer(source, destination.path, parser.isSet(follow));
    return copyToContainer(source.path, destination, parser.isSet(follow), parser.isSet(archive));
}

int runTop(const QStringList &arguments)
{
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth top CONTAINER [ps OPTIONS]"), tr("Display the running processes of a container"),
                      {}, 1, 1000, true};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    if (!busReachable())
        return Failed;
    registerRowsType();
    auto proxy = berth::client::makeHelperProxy();
    const QStringList positional = parser.positionalArguments();
    QDBusPendingReply<QStringList, QList<QStringList>> reply = proxy->ContainerTop(positional.first(), positional.mid(1));
    if (!waitFor(reply))
        return Failed;
    QList<QStringList> rows{reply.argumentAt<0>()};
    rows += reply.argumentAt<1>();
    printTable(rows);
    out().flush();
    return Success;
}

int runStats(const QStringList &arguments)
{
    const QCommandLineOption all({QStringLiteral("a"), QStringLiteral("all")}, tr("Show all containers (default shows just running)"));
    const QCommandLineOption noStream(QStringLiteral("no-stream"), tr("Disable streaming stats and only pull the first result"));
    const QCommandLineOption noTrunc(QStringLiteral("no-trunc"), tr("Do not truncate output"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    tr("Format output using a template: {{.ID}} {{.Name}} {{.CPUPerc}} {{.MemUsage}} "
                                       "{{.MemPerc}} {{.NetIO}} {{.BlockIO}} {{.PIDs}}, \"table\" first for a header"),
                                    QStringLiteral("string"));
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth stats [OPTIONS] [CONTAINER...]"),
                      tr("Display a live stream of container(s) resource usage statistics"),
                      {all, noStream, noTrunc, format}, 0, 1000};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    const QString formatText = parser.value(format);
    if (!formatText.isEmpty() && applyStatsFormat(formatText, nullptr).contains(QLatin1String("{{"))) {
        err() << tr("template \"%1\" is not supported: use {{.ID}}, {{.Container}}, {{.Name}}, {{.CPUPerc}}, {{.MemUsage}}, "
                    "{{.MemPerc}}, {{.NetIO}}, {{.BlockIO}} or {{.PIDs}}")
                     .arg(formatText)
              << '\n';
        return UsageError;
    }
    if (!busReachable())
        return Failed;
    auto proxy = berth::client::makeHelperProxy();
    QStringList names = parser.positionalArguments();
    if (names.isEmpty() && parser.isSet(all)) {
        auto listed = proxy->ListContainers();
        if (!waitFor(listed))
            return Failed;
        for (const auto &container : listed.value())
            names << container.value(QStringLiteral("Id")).toString();
        if (names.isEmpty()) {
            printStats({}, formatText);
            out().flush();
            return Success;
        }
    }
    const bool terminal = ::isatty(STDOUT_FILENO);
    QHash<QString, QVariantMap> previous;
    auto sample = [&]() -> std::optional<QList<QVariantMap>> {
        auto reply = proxy->ContainerStats(names);
        if (!waitFor(reply))
            return std::nullopt;
        return reply.value();
    };
    // CPU % needs two samples; docker's first line waits for the second one too.
    auto first = sample();
    if (!first)
        return Failed;
    for (const auto &item : *first)
        previous.insert(item.value(QStringLiteral("Id")).toString(), item);
    for (;;) {
        QThread::msleep(parser.isSet(noStream) ? 500 : 1000);
        auto samples = sample();
        if (!samples)
            return Failed;
        QList<StatsRow> rows;
        for (const auto &item : *samples) {
            const QString id = item.value(QStringLiteral("Id")).toString();
            const auto before = previous.constFind(id);
            rows << statsRow(item, before == previous.constEnd() ? nullptr : &*before, parser.isSet(noTrunc));
            previous.insert(id, item);
        }
        if (!parser.isSet(noStream) && terminal)
            out() << "\x1b[2J\x1b[H"; // redraw in place, as docker does
        printStats(rows, formatText);
        out().flush();
        if (parser.isSet(noStream))
            return Success;
    }
}

int runDiff(const QStringList &arguments)
{
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth diff CONTAINER"), tr("Inspect changes to files or directories on a container's filesystem"),
                      {}, 1, 1};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    if (!busReachable())
        return Failed;
    auto proxy = berth::client::makeHelperProxy();
    auto reply = proxy->ContainerChanges(parser.positionalArguments().first());
    if (!waitFor(reply))
        return Failed;
    for (const auto &change : reply.value()) {
        const int kind = change.value(QStringLiteral("Kind")).toInt();
        out() << (kind == 1 ? 'A' : kind == 2 ? 'D' : 'C') << ' ' << change.value(QStringLiteral("Path")).toString() << '\n';
    }
    out().flush();
    return Success;
}

int runExport(const QStringList &arguments)
{
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")}, tr("Write to a file, instead of STDOUT"),
                                    QStringLiteral("string"));
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth export [OPTIONS] CONTAINER"),
                      tr("Export a container's filesystem as a tar archive"), {output}, 1, 1};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    const QString path = parser.value(output);
    if (!parser.isSet(output) && ::isatty(STDOUT_FILENO)) {
        err() << tr("cowardly refusing to save to a terminal. Use the -o flag or redirect") << '\n';
        return Failed;
    }
    if (parser.isSet(output) && path.isEmpty()) {
        err() << tr("-o needs a file name") << '\n';
        return UsageError;
    }
    if (!busReachable())
        return Failed;
    // A temporary file beside the target, renamed over it only when the whole tar is there.
    std::optional<QSaveFile> file;
    int fd = STDOUT_FILENO;
    if (!path.isEmpty()) {
        if (QFileInfo(path).isDir())
            return failWith(tr("%1 is a directory; give a file name to -o").arg(path));
        file.emplace(path);
        if (!file->open(QIODevice::WriteOnly))
            return failWith(tr("cannot write %1: %2").arg(path, file->errorString()));
        fd = file->handle();
    }
    JobRunner runner(tr("Cancelling the export…"));
    auto proxy = berth::client::makeHelperProxy(berth::client::changeTimeoutMs);
    const auto outcome = runner.run(proxy->ExportContainer(parser.positionalArguments().first(), QDBusUnixFileDescriptor(fd)));
    if (!outcome || !outcome->succeeded()) {
        if (file)
            file->cancelWriting();
        return outcome ? reportJobFailure(*outcome) : Failed;
    }
    if (file && !file->commit())
        return failWith(tr("cannot write %1: %2").arg(path, file->errorString()));
    return Success;
}

int runContainerPrune(const QStringList &arguments)
{
    const QCommandLineOption force({QStringLiteral("f"), QStringLiteral("force")}, tr("Do not prompt for confirmation"));
    const QCommandLineOption filter(QStringLiteral("filter"), tr("Provide filter values (e.g. \"until=<timestamp>\")"),
                                    QStringLiteral("filter"));
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth container prune [OPTIONS]"), tr("Remove all stopped containers"), {force, filter}, 0, 0};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    QVariantMap filters;
    for (const auto &item : parser.values(filter)) {
        if (!item.startsWith(QLatin1String("until="))) {
            err() << tr("invalid filter '%1': berth container prune takes until=TIMESTAMP|DURATION").arg(item) << '\n';
            return UsageError;
        }
        auto until = berth::container::parseLogTime(item.mid(6).toStdString(), berth::container::currentTimeReference());
        if (!until) {
            err() << tr("invalid filter '%1': %2").arg(item, errorText(until.error())) << '\n';
            return UsageError;
        }
        // Docker compares whole seconds of creation with the filter's time.
        filters.insert(QStringLiteral("Until"), qlonglong(*until / 1'000'000'000));
    }
    if (!parser.isSet(force) && !confirmed(tr("WARNING! This will remove all stopped containers.")))
        return Success;
    if (!busReachable())
        return Failed;
    auto proxy = berth::client::makeHelperProxy(berth::client::changeTimeoutMs);
    QDBusPendingReply<QStringList, qulonglong> reply = proxy->PruneContainers(filters);
    if (!waitFor(reply))
        return Failed;
    const QStringList deleted = reply.argumentAt<0>();
    if (!deleted.isEmpty()) {
        out() << tr("Deleted Containers:") << '\n';
        for (const auto &id : deleted)
            out() << id << '\n';
        out() << '\n';
    }
    out() << tr("Total reclaimed space: %1").arg(berth::client::formatDecimalSize(reply.argumentAt<1>())) << '\n';
    out().flush();
    return Success;
}

QHash<QString, QString> containerSizeTexts(const QStringList &ids)
{
    QHash<QString, QString> texts;
    auto proxy = berth::client::makeHelperProxy();
    auto reply = proxy->ContainerSizes(ids);
    if (!waitFor(reply))
        return texts;
    for (const auto &size : reply.value())
        texts.insert(size.value(QStringLiteral("Id")).toString(),
                     tr("%1 (virtual %2)")
                         .arg(berth::client::formatDecimalSize(size.value(QStringLiteral("SizeRw")).toULongLong()),
                              berth::client::formatDecimalSize(size.value(QStringLiteral("SizeRootFs")).toULongLong())));
    return texts;
}

} // namespace berth::cli
