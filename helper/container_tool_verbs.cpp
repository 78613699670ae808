// The container tool verbs of io.berth.Helper1: cp both ways, the Files tab's listing,
// export, top, stats, diff, sizes and prune. Files cross the bus as descriptors the caller opened; paths inside a
// container are resolved inside its root (engine/container/container_copy.h). A stopped
// container's root is mounted for as long as a copy needs it and unmounted after.
#include "helper_service.h"

#include "container_manager.h"
#include "dbus_errors.h"
#include "job.h"

#include "engine/container/container_bundle.h"
#include "engine/container/container_changes.h"
#include "engine/container/container_copy.h"
#include "engine/container/container_directory.h"
#include "engine/core/cgroup_layout.h"
#include "engine/core/unique_fd.h"
#include "engine/image/image_store.h"
#include "engine/runtime/cgroups.h"

#include <QDBusMessage>
#include <QDBusMetaType>
#include <QProcess>
#include <QSet>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysinfo.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <sstream>

using namespace berth;
using berth::container::ContainerPaths;
using berth::container::ContainerRecord;
using berth::container::ContainerStatus;

namespace {

constexpr const char *listAction = "io.berth.container-list";
constexpr const char *manageAction = "io.berth.container-manage";
constexpr qsizetype maximumPathLength = 4096;
constexpr qsizetype maximumNames = 1000;
constexpr qsizetype maximumPsArguments = 32;
constexpr qsizetype maximumPsArgumentLength = 256;
// One folder of the Files tab; a person reads no more at once.
constexpr std::size_t maximumListedEntries = 5000;

// ContainerTop's rows are aas; the type must be known before the first call is dispatched.
const bool rowsTypeRegistered = [] {
    qDBusRegisterMetaType<QList<QStringList>>();
    return true;
}();

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

bool runs(ContainerStatus status)
{
    return status == ContainerStatus::Running || status == ContainerStatus::Paused || status == ContainerStatus::Restarting;
}

Status refuseUnknownKeys(const QVariantMap &options, const QStringList &known)
{
    for (auto it = options.begin(); it != options.end(); ++it)
        if (!known.contains(it.key()))
            return fail(ErrorCode::InvalidArgument, "unknown option " + backquoted(it.key().toStdString()) + "; known: " +
                                                        known.join(QStringLiteral(", ")).toStdString());
    return {};
}

Status checkContainerPath(const QString &path)
{
    if (path.isEmpty() || path.size() > maximumPathLength || path.contains(QChar(0)))
        return fail(ErrorCode::InvalidArgument, "give a path in the container of 1 to 4096 characters, without NUL");
    return {};
}

/// The helper's own duplicate of a caller's descriptor, checked for the direction it is used in.
Result<std::shared_ptr<UniqueFd>> callerDescriptor(const QDBusUnixFileDescriptor &descriptor, bool forWriting)
{
    if (!descriptor.isValid())
        return fail(ErrorCode::InvalidArgument,
                    "no file descriptor arrived with the call; connect to the bus over a unix socket, which can pass one");
    auto fd = std::make_shared<UniqueFd>(::fcntl(descriptor.fileDescriptor(), F_DUPFD_CLOEXEC, 3));
    if (!fd->valid())
        return failErrno("taking the caller's file descriptor", errno);
    const int flags = ::fcntl(fd->get(), F_GETFL);
    struct stat info {};
    if (flags < 0 || ::fstat(fd->get(), &info) != 0)
        return failErrno("examining the caller's file descriptor", errno);
    if ((flags & O_PATH) != 0 || S_ISDIR(info.st_mode))
        return fail(ErrorCode::InvalidArgument, "the file descriptor is not an open file or pipe; give a file or a pipe");
    const int access = flags & O_ACCMODE;
    if (forWriting && access == O_RDONLY)
        return fail(ErrorCode::InvalidArgument, "the file descriptor is not open for writing");
    if (!forWriting && access == O_WRONLY)
        return fail(ErrorCode::InvalidArgument, "the file descriptor is not open for reading");
    if (forWriting && ::isatty(fd->get()))
        return fail(ErrorCode::InvalidArgument,
                    "cowardly refusing to write a tar archive to a terminal; give a file or redirect the output");
    return fd;
}

QVariantMap statMap(const container::CopyPathStat &stat)
{
    return {{QStringLiteral("Name"), fromStd(stat.name)},
            {QStringLiteral("Size"), qlonglong(stat.size)},
            {QStringLiteral("Mode"), uint(stat.mode)},
            {QStringLiteral("ModifiedNanoseconds"), qlonglong(stat.modifiedNanoseconds)},
            {QStringLiteral("LinkTarget"), fromStd(stat.linkTarget)}};
}

/// The image's layer directories, lowest first, as the container's overlay stacks them.
Result<std::vector<std::filesystem::path>> layerDirectories(Store &store, const ContainerRecord &record)
{
    auto imageId = Digest::parse(record.imageId);
    if (!imageId)
        return std::unexpected(imageId.error());
    image::ImageStore images(store.database());
    auto image = images.image(*imageId);
    if (!image)
        return std::unexpected(image.error().withContext("finding the image of the container " + record.name));
    std::vector<std::filesystem::path> lowers;
    for (const auto &layer : image->layers) {
        auto found = images.findLayer(layer.diffId);
        if (!found || !*found)
            return fail(ErrorCode::NotFound, "a layer of the image " + record.imageName +
                                                 " is missing from the store; pull the image again");
        lowers.push_back(store.root() / "layers" / (*found)->directory);
    }
    return lowers;
}

/// An empty /dev, /proc or /sys the runtime made to mount on: Docker keeps these in an init
/// layer under the container's, so its diff never lists them.
bool isRuntimeMountPoint(const std::filesystem::path &upper, const std::string &path)
{
    if (path != "/dev" && path != "/proc" && path != "/sys")
        return false;
    std::error_code error;
    return std::filesystem::is_directory(upper / path.substr(1), error) && std::filesystem::is_empty(upper / path.substr(1), error);
}

// ---- stats ----------------------------------------------------------------------------

/// All CPUs' time since boot from /proc/stat's first line, in nanoseconds.
std::uint64_t systemCpuNanoseconds()
{
    std::ifstream stat("/proc/stat");
    std::string label;
    stat >> label;
    if (label != "cpu")
        return 0;
    std::uint64_t ticks = 0;
    std::uint64_t value = 0;
    // user nice system idle iowait irq softirq steal (guest time is inside user already).
    for (int field = 0; field < 8 && (stat >> value); ++field)
        ticks += value;
    const long perSecond = ::sysconf(_SC_CLK_TCK);
    return perSecond > 0 ? ticks * (1'000'000'000ull / static_cast<std::uint64_t>(perSecond)) : 0;
}

std::uint64_t hostMemoryBytes()
{
    struct sysinfo info {};
    if (::sysinfo(&info) != 0)
        return 0;
    return static_cast<std::uint64_t>(info.totalram) * info.mem_unit;
}

const CgroupLayout &cgroupLayout()
{
    static const CgroupLayout layout = detectCgroupLayout();
    return layout;
}

QVariantMap statsSample(const ContainerRecord &record, std::uint64_t systemNanoseconds, std::uint64_t hostMemory)
{
    const qlonglong now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                              std::chrono::system_clock::now().time_since_epoch())
                              .count();
    QVariantMap sample{{QStringLiteral("Id"), fromStd(record.id)},
                       {QStringLiteral("Name"), fromStd(record.name)},
                       {QStringLiteral("State"), fromStd(std::string(container::statusName(record.state.status)))},
                       {QStringLiteral("Read"), now},
                       {QStringLiteral("SystemNanoseconds"), qulonglong(systemNanoseconds)},
                       {QStringLiteral("OnlineCpus"), uint(std::max(1L, ::sysconf(_SC_NPROCESSORS_ONLN)))},
                       {QStringLiteral("CpuNanoseconds"), qulonglong(0)},
                       {QStringLiteral("MemoryUsage"), qulonglong(0)},
                       {QStringLiteral("MemoryLimit"), qulonglong(hostMemory)},
                       {QStringLiteral("PidsCurrent"), qulonglong(0)},
                       {QStringLiteral("BlockRead"), qulonglong(0)},
                       {QStringLiteral("BlockWrite"), qulonglong(0)},
                       {QStringLiteral("NetworkReceived"), qulonglong(0)},
                       {QStringLiteral("NetworkSent"), qulonglong(0)}};
    if (!runs(record.state.status))
        return sample; // as docker stats -a: a stopped container shows zeros
    auto cgroup = runtime::openCgroup(cgroupLayout(), "/berth/" + record.id);
    if (!cgroup)
        return sample;
    auto stats = (*cgroup)->stats();
    if (!stats)
        return sample;
    const std::uint64_t usage = stats->memoryUsageBytes.value_or(0);
    const std::uint64_t inactive = stats->memoryInactiveFileBytes.value_or(0);
    sample[QStringLiteral("CpuNanoseconds")] = qulonglong(stats->cpuUsageNanos.value_or(0));
    sample[QStringLiteral("MemoryUsage")] = qulonglong(usage > inactive ? usage - inactive : usage);
    if (stats->memoryLimitBytes && *stats->memoryLimitBytes < hostMemory)
        sample[QStringLiteral("MemoryLimit")] = qulonglong(*stats->memoryLimitBytes);
    sample[QStringLiteral("PidsCurrent")] = qulonglong(stats->pidsCurrent.value_or(0));
    sample[QStringLiteral("BlockRead")] = qulonglong(stats->ioReadBytes.value_or(0));
    sample[QStringLiteral("BlockWrite")] = qulonglong(stats->ioWriteBytes.value_or(0));
    return sample;
}

// ---- top ------------------------------------------------------------------------------

/// Splits ps output into titles and the rows of pids, as docker top does: the header's
/// words are the titles, and each row's last column takes the rest of the line (CMD).
Result<std::pair<QStringList, QList<QStringList>>> psRows(const QString &output, const QSet<qlonglong> &pids)
{
    QStringList lines = output.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.isEmpty())
        return fail(ErrorCode::Internal, "ps printed nothing; check that procps is installed on the host");
    const QStringList titles = lines.takeFirst().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const qsizetype pidColumn = titles.indexOf(QStringLiteral("PID"));
    if (pidColumn < 0)
        return fail(ErrorCode::InvalidArgument, "ps printed no PID column; keep the pid field in the ps options "
                                                "(for example -o pid,comm)");
    QList<QStringList> rows;
    for (const auto &line : lines) {
        QStringList fields = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (fields.size() < titles.size())
            continue;
        if (fields.size() > titles.size()) {
            // The last title's column holds spaces (a command line): glue it back.
            const qsizetype last = titles.size() - 1;
            qsizetype start = 0;
            for (qsizetype field = 0; field < last; ++field) {
                start = line.indexOf(fields[field], start) + fields[field].size();
            }
            const QString rest = line.mid(start).trimmed();
            fields = fields.mid(0, last);
            fields << rest;
        }
        bool ok = false;
        const qlonglong pid = fields[pidColumn].toLongLong(&ok);
        if (ok && pids.contains(pid))
            rows << fields;
    }
    return std::pair{titles, rows};
}

} // namespace

// ---- the container's root --------------------------------------------------------------

struct HelperService::ContainerRoot {
    QString id;
    std::shared_ptr<UniqueFd> fd;
    /// Counted in rootMounts_: mounted for a stopped container.
    bool held = false;
    bool readOnly = false;
};

Result<HelperService::ContainerRoot> HelperService::acquireContainerRoot(const QString &name)
{
    auto record = containers_->find(name.toStdString());
    if (!record)
        return std::unexpected(record.error());
    if (record->state.status == ContainerStatus::Removing)
        return fail(ErrorCode::Conflict, "the container " + record->name + " is being removed");
    const auto paths = ContainerPaths::of(store_.root(), record->id);
    ContainerRoot root;
    root.id = fromStd(record->id);
    root.readOnly = record->config.value("ReadonlyRootfs", false);
    const bool mounted = container::isContainerRootfsMounted(paths);
    if (!mounted || rootMounts_.contains(root.id)) {
        if (!mounted) {
            auto lowers = layerDirectories(store_, *record);
            if (!lowers)
                return std::unexpected(lowers.error());
            if (auto made = container::mountContainerRootfs(paths, *lowers); !made)
                return std::unexpected(made.error().withContext("mounting the root of the stopped container " + record->name));
        }
        ++rootMounts_[root.id];
        root.held = true;
    }
    root.fd = std::make_shared<UniqueFd>(::open(paths.rootfs.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!root.fd->valid()) {
        const int error = errno;
        releaseContainerRoot(root);
        return failErrno("opening the root of the container " + record->name, error);
    }
    return root;
}

void HelperService::releaseContainerRoot(const ContainerRoot &root)
{
    if (!root.held)
        return;
    if (--rootMounts_[root.id] > 0)
        return;
    rootMounts_.remove(root.id);
    auto record = containers_->find(root.id.toStdString());
    // Started meanwhile: the running container uses this mount now.
    if (record && runs(record->state.status))
        return;
    if (auto unmounted = container::unmountContainerRootfs(ContainerPaths::of(store_.root(), root.id.toStdString())); !unmounted)
        qWarning("berth-helper: %s", unmounted.error().describe().c_str());
}

Result<QDBusObjectPath> HelperService::startRootJob(const QString &kind, const QString &name,
                                                    std::function<Result<QVariantMap>(int rootFd)> work)
{
    auto root = acquireContainerRoot(name);
    if (!root)
        return std::unexpected(root.error());
    auto *job = new Job(bus_, nextJobNumber_++, kind, QString::fromLatin1(manageAction), authority_, idleTracker_, this);
    connect(job, &Job::Finished, this, [this, held = *root] { releaseContainerRoot(held); });
    const bool started = job->start([fd = root->fd, work = std::move(work)](Job::Reporter &, std::stop_token) {
        return work(fd->get());
    });
    if (!started) {
        releaseContainerRoot(*root);
        job->deleteLater();
        return fail(ErrorCode::Internal, "could not put the job on the bus");
    }
    qInfo("berth-helper: %s job %s on container %s", qPrintable(kind), qPrintable(job->path()), qPrintable(root->id.left(12)));
    return QDBusObjectPath(job->path());
}

// ---- cp and export ----------------------------------------------------------------------

QVariantMap HelperService::StatContainerPath(const QString &name, const QString &path, const QVariantMap &options)
{
    authorizeThen(manageAction, [this, name, path, options](const QDBusMessage &request) {
        if (auto known = refuseUnknownKeys(options, {QStringLiteral("FollowLink")}); !known)
            return errorReply(request, known.error());
        if (auto valid = checkContainerPath(path); !valid)
            return errorReply(request, valid.error());
        auto root = acquireContainerRoot(name);
        if (!root)
            return errorReply(request, root.error());
        auto stat = container::statContainerPath(root->fd->get(), path.toStdString());
        // -L: a link at the end is described by what it leads to, under its own name.
        if (stat && stat->isSymbolicLink() && options.value(QStringLiteral("FollowLink")).toBool() && !stat->linkTarget.empty()) {
            auto target = container::statContainerPath(root->fd->get(), stat->linkTarget);
            if (target) {
                target->name = stat->name;
                target->linkTarget.clear();
                stat = std::move(target);
            }
        }
        releaseContainerRoot(*root);
        if (!stat)
            return errorReply(request, stat.error());
        return request.createReply(QVariant(statMap(*stat)));
    });
    return {};
}

QList<QVariantMap> HelperService::ListContainerDirectory(const QString &name, const QString &path, bool &)
{
    authorizeThen(manageAction, [this, name, path](const QDBusMessage &request) {
        if (!path.startsWith(QLatin1Char('/')) || path.size() > maximumPathLength || path.contains(QChar(0)))
            return errorReply(request, ErrorCode::InvalidArgument,
                              tr("Give an absolute path in the container (starting with /), of at most %1 characters "
                                 "and without NUL.")
                                  .arg(maximumPathLength));
        auto root = acquireContainerRoot(name);
        if (!root)
            return errorReply(request, root.error());
        auto listing = container::listContainerDirectory(root->fd->get(), path.toStdString(), maximumListedEntries);
        releaseContainerRoot(*root);
        if (!listing)
            return errorReply(request, listing.error());
        QList<QVariantMap> entries;
        entries.reserve(qsizetype(listing->entries.size()));
        for (const auto &entry : listing->entries)
            entries << QVariantMap{{QStringLiteral("Name"), QString::fromStdString(entry.stat.name)},
                                   {QStringLiteral("Size"), qlonglong(entry.stat.size)},
                                   {QStringLiteral("Mode"), uint(entry.stat.mode)},
                                   {QStringLiteral("ModifiedNanoseconds"), qlonglong(entry.stat.modifiedNanoseconds)},
                                   {QStringLiteral("LinkTarget"), QString::fromStdString(entry.stat.linkTarget)},
                                   {QStringLiteral("LinkToDirectory"), entry.linkToDirectory}};
        return request.createReply(QVariantList{QVariant::fromValue(entries), listing->truncated});
    });
    return {};
}

QDBusObjectPath HelperService::CopyFromContainer(const QString &name, const QString &path, const QDBusUnixFileDescriptor &output,
                                                 const QVariantMap &options)
{
    authorizeThen(manageAction, [this, name, path, output, options](const QDBusMessage &request) {
        if (auto known = refuseUnknownKeys(options, {QStringLiteral("FollowLink")}); !known)
            return errorReply(request, known.error());
        if (auto valid = checkContainerPath(path); !valid)
            return errorReply(request, valid.error());
        auto file = callerDescriptor(output, true);
        if (!file)
            return errorReply(request, std::move(file.error()).withContext("copying from the container"));
        container::CopyArchiveOptions archive;
        archive.followLink = options.value(QStringLiteral("FollowLink")).toBool();
        auto job = startRootJob(QStringLiteral("cp"), name, [file = *file, path = path.toStdString(), archive](int rootFd) -> Result<QVariantMap> {
            auto written = container::archiveContainerPath(rootFd, path, archive, file->get());
            file->reset();
            if (!written)
                return std::unexpected(written.error());
            return QVariantMap();
        });
        if (!job)
            return errorReply(request, job.error());
        return request.createReply(QVariant::fromValue(*job));
    });
    return {};
}

QDBusObjectPath HelperService::CopyToContainer(const QString &name, const QString &directory, const QDBusUnixFileDescriptor &input,
                                               const QVariantMap &options)
{
    authorizeThen(manageAction, [this, name, directory, input, options](const QDBusMessage &request) {
        if (auto known = refuseUnknownKeys(options, {QStringLiteral("CopyUIDGID"), QStringLiteral("RenameFrom"),
                                                     QStringLiteral("RenameTo")});
            !known)
            return errorReply(request, known.error());
        if (auto valid = checkContainerPath(directory); !valid)
            return errorReply(request, valid.error());
        container::CopyExtractOptions extract;
        extract.owners = options.value(QStringLiteral("CopyUIDGID")).toBool() ? container::CopyOwners::FromArchive
                                                                              : container::CopyOwners::Fixed;
        extract.renameFrom = options.value(QStringLiteral("RenameFrom")).toString().toStdString();
        extract.renameTo = options.value(QStringLiteral("RenameTo")).toString().toStdString();
        if (extract.renameFrom.empty() != extract.renameTo.empty() || extract.renameTo.find('/') != std::string::npos ||
            extract.renameTo == "." || extract.renameTo == "..")
            return errorReply(request, ErrorCode::InvalidArgument,
                              tr("Give RenameFrom and RenameTo together, RenameTo as one file name."));
        auto record = containers_->find(name.toStdString());
        if (!record)
            return errorReply(request, record.error());
        if (record->config.value("ReadonlyRootfs", false))
            return errorReply(request, ErrorCode::Conflict,
                              tr("The container %1 has a read-only root file system (--read-only); copy into one of its "
                                 "volumes, or recreate it without --read-only.")
                                  .arg(fromStd(record->name)));
        auto file = callerDescriptor(input, false);
        if (!file)
            return errorReply(request, std::move(file.error()).withContext("copying into the container"));
        auto job = startRootJob(QStringLiteral("cp"), name,
                                [file = *file, directory = directory.toStdString(), extract](int rootFd) -> Result<QVariantMap> {
                                    auto extracted = container::extractIntoContainer(rootFd, directory, file->get(), extract);
                                    file->reset();
                                    if (!extracted)
                                        return std::unexpected(extracted.error());
                                    return QVariantMap();
                                });
        if (!job)
            return errorReply(request, job.error());
        return request.createReply(QVariant::fromValue(*job));
    });
    return {};
}

QDBusObjectPath HelperService::ExportContainer(const QString &name, const QDBusUnixFileDescriptor &output)
{
    authorizeThen(manageAction, [this, name, output](const QDBusMessage &request) {
        auto file = callerDescriptor(output, true);
        if (!file)
            return errorReply(request, std::move(file.error()).withContext("exporting the container"));
        auto job = startRootJob(QStringLiteral("export"), name, [file = *file](int rootFd) -> Result<QVariantMap> {
            auto written = container::archiveContainerPath(rootFd, "/.", {}, file->get());
            file->reset();
            if (!written)
                return std::unexpected(std::move(written.error()).withContext("exporting"));
            return QVariantMap();
        });
        if (!job)
            return errorReply(request, job.error());
        return request.createReply(QVariant::fromValue(*job));
    });
    return {};
}

// ---- top, stats, diff, sizes -------------------------------------------------------------

QStringList HelperService::ContainerTop(const QString &name, const QStringList &psArguments, QList<QStringList> &)
{
    authorizeThen(listAction, [this, name, psArguments](const QDBusMessage &request) {
        if (psArguments.size() > maximumPsArguments)
            return errorReply(request, ErrorCode::InvalidArgument, tr("Give at most %1 ps options.").arg(maximumPsArguments));
        for (const auto &argument : psArguments)
            if (argument.isEmpty() || argument.size() > maximumPsArgumentLength || argument.contains(QChar(0)))
                return errorReply(request, ErrorCode::InvalidArgument,
                                  tr("Each ps option must be 1 to %1 characters without NUL.").arg(maximumPsArgumentLength));
        auto record = containers_->find(name.toStdString());
        if (!record)
            return errorReply(request, record.error());
        if (!runs(record->state.status) || record->state.status == ContainerStatus::Restarting)
            return errorReply(request, ErrorCode::Conflict,
                              tr("Container %1 is not running; start it with: berth start %1").arg(fromStd(record->name)));
        auto cgroup = runtime::openCgroup(cgroupLayout(), "/berth/" + record->id);
        auto pids = cgroup ? (*cgroup)->processes() : Result<std::vector<pid_t>>(std::unexpected(cgroup.error()));
        if (!pids)
            return errorReply(request, std::move(pids.error()).withContext("listing the processes of " + record->name));
        QSet<qlonglong> wanted;
        for (const pid_t pid : *pids)
            wanted.insert(pid);
        // ps runs beside the event loop; its output is filtered to the container's pids.
        auto *process = new QProcess(this);
        process->setProgram(QStringLiteral("ps"));
        process->setArguments(psArguments.isEmpty() ? QStringList{QStringLiteral("-ef")} : psArguments);
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
        environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
        process->setProcessEnvironment(environment);
        connect(process, &QProcess::finished, this, [this, request, process, wanted](int exitCode, QProcess::ExitStatus status) {
            process->deleteLater();
            const QString output = QString::fromLocal8Bit(process->readAllStandardOutput());
            if (status != QProcess::NormalExit || exitCode != 0) {
                const QString error = QString::fromLocal8Bit(process->readAllStandardError()).trimmed();
                bus_.send(errorReply(request, ErrorCode::InvalidArgument,
                                     tr("ps failed with these options (%1); give options ps accepts, for example: "
                                        "berth top CONTAINER aux")
                                         .arg(error)));
                return;
            }
            auto rows = psRows(output, wanted);
            if (!rows) {
                bus_.send(errorReply(request, rows.error()));
                return;
            }
            bus_.send(request.createReply(QVariantList{rows->first, QVariant::fromValue(rows->second)}));
        });
        connect(process, &QProcess::errorOccurred, this, [this, request, process](QProcess::ProcessError error) {
            if (error != QProcess::FailedToStart)
                return;
            process->deleteLater();
            bus_.send(errorReply(request, ErrorCode::Unavailable,
                                 tr("ps could not be started on the host; install procps.")));
        });
        process->start();
        return QDBusMessage();
    });
    return {};
}

QList<QVariantMap> HelperService::ContainerStats(const QStringList &names)
{
    authorizeThen(listAction, [this, names](const QDBusMessage &request) {
        if (names.size() > maximumNames)
            return errorReply(request, ErrorCode::InvalidArgument, tr("Ask for at most %1 containers at once.").arg(maximumNames));
        std::vector<ContainerRecord> records;
        if (names.isEmpty()) {
            auto all = containers_->list();
            if (!all)
                return errorReply(request, all.error());
            for (auto &record : *all)
                if (runs(record.state.status))
                    records.push_back(std::move(record));
        } else {
            for (const auto &name : names) {
                auto record = containers_->find(name.toStdString());
                if (!record)
                    return errorReply(request, record.error());
                records.push_back(std::move(*record));
            }
        }
        const std::uint64_t system = systemCpuNanoseconds();
        const std::uint64_t memory = hostMemoryBytes();
        QList<QVariantMap> samples;
        for (const auto &record : records)
            samples << statsSample(record, system, memory);
        return request.createReply(QVariant::fromValue(samples));
    });
    return {};
}

QList<QVariantMap> HelperService::ContainerChanges(const QString &name)
{
    authorizeThen(listAction, [this, name](const QDBusMessage &request) {
        auto record = containers_->find(name.toStdString());
        if (!record)
            return errorReply(request, record.error());
        auto lowers = layerDirectories(store_, *record);
        if (!lowers)
            return errorReply(request, lowers.error());
        auto changes = container::overlayChanges(ContainerPaths::of(store_.root(), record->id).upper, *lowers);
        if (!changes)
            return errorReply(request, changes.error());
        const auto upper = ContainerPaths::of(store_.root(), record->id).upper;
        QList<QVariantMap> list;
        for (const auto &change : *changes) {
            if (change.kind == container::ChangeKind::Added && isRuntimeMountPoint(upper, change.path))
                continue;
            list << QVariantMap{{QStringLiteral("Path"), fromStd(change.path)}, {QStringLiteral("Kind"), int(change.kind)}};
        }
        return request.createReply(QVariant::fromValue(list));
    });
    return {};
}

QList<QVariantMap> HelperService::ContainerSizes(const QStringList &names)
{
    authorizeThen(listAction, [this, names](const QDBusMessage &request) {
        if (names.size() > maximumNames)
            return errorReply(request, ErrorCode::InvalidArgument, tr("Ask for at most %1 containers at once.").arg(maximumNames));
        std::vector<ContainerRecord> records;
        if (names.isEmpty()) {
            auto all = containers_->list();
            if (!all)
                return errorReply(request, all.error());
            records = std::move(*all);
        } else {
            for (const auto &name : names) {
                auto record = containers_->find(name.toStdString());
                if (!record)
                    return errorReply(request, record.error());
                records.push_back(std::move(*record));
            }
        }
        image::ImageStore images(store_.database());
        QHash<QString, qulonglong> imageSizes;
        QList<QVariantMap> list;
        for (const auto &record : records) {
            auto own = container::directoryContentSize(ContainerPaths::of(store_.root(), record.id).upper);
            if (!own)
                return errorReply(request, own.error());
            const QString imageId = fromStd(record.imageId);
            if (!imageSizes.contains(imageId)) {
                auto digest = Digest::parse(record.imageId);
                auto image = digest ? images.image(*digest) : Result<image::ImageRecord>(std::unexpected(digest.error()));
                imageSizes.insert(imageId, image ? qulonglong(image->size) : 0);
            }
            list << QVariantMap{{QStringLiteral("Id"), fromStd(record.id)},
                                {QStringLiteral("SizeRw"), qulonglong(*own)},
                                {QStringLiteral("SizeRootFs"), qulonglong(*own) + imageSizes.value(imageId)}};
        }
        return request.createReply(QVariant::fromValue(list));
    });
    return {};
}

// ---- prune ------------------------------------------------------------------------------

QStringList HelperService::PruneContainers(const QVariantMap &filters, qulonglong &)
{
    authorizeThen(manageAction, [this, filters](const QDBusMessage &request) {
        if (auto known = refuseUnknownKeys(filters, {QStringLiteral("Until")}); !known)
            return errorReply(request, known.error());
        bool hasUntil = filters.contains(QStringLiteral("Until"));
        bool ok = true;
        const qlonglong until = hasUntil ? filters.value(QStringLiteral("Until")).toLongLong(&ok) : 0;
        if (!ok)
            return errorReply(request, ErrorCode::InvalidArgument, tr("Until must be a number of Unix seconds."));
        auto all = containers_->list();
        if (!all)
            return errorReply(request, all.error());
        struct Pruning {
            std::vector<std::pair<std::string, qulonglong>> candidates;
            std::size_t next = 0;
            QStringList deleted;
            qulonglong reclaimed = 0;
            QStringList failures;
        };
        auto pruning = std::make_shared<Pruning>();
        for (const auto &record : *all) {
            const auto status = record.state.status;
            if (status != ContainerStatus::Created && status != ContainerStatus::Exited && status != ContainerStatus::Dead)
                continue;
            if (hasUntil && record.createdAt >= until)
                continue;
            auto size = container::directoryContentSize(ContainerPaths::of(store_.root(), record.id).upper);
            pruning->candidates.emplace_back(record.id, size ? qulonglong(*size) : 0);
        }
        // One removal after another, each answered by the manager on the event loop.
        auto step = std::make_shared<std::function<void()>>();
        *step = [this, request, pruning, weak = std::weak_ptr(step)] {
            if (pruning->next >= pruning->candidates.size()) {
                if (!pruning->failures.isEmpty() && pruning->deleted.isEmpty())
                    bus_.send(errorReply(request, ErrorCode::Conflict, pruning->failures.join(QStringLiteral("; "))));
                else
                    bus_.send(request.createReply(QVariantList{pruning->deleted, pruning->reclaimed}));
                return;
            }
            const auto [id, size] = pruning->candidates[pruning->next++];
            // The pending callback keeps the chain alive; nothing else does.
            containers_->remove(id, false, false, [pruning, self = weak.lock(), id, size](Status removed) {
                if (removed) {
                    pruning->deleted << QString::fromStdString(id);
                    pruning->reclaimed += size;
                } else {
                    pruning->failures << QString::fromStdString(removed.error().describe());
                }
                (*self)();
            });
        };
        (*step)();
        return QDBusMessage();
    });
    return {};
}
