#include "container_manager.h"
#include "container_watched.h"

#include "engine/container/container_bundle.h"
#include "engine/container/container_spec.h"
#include "engine/core/settings.h"
#include "engine/core/unique_fd.h"
#include "engine/image/content_store.h"
#include "engine/image/image_store.h"
#include "engine/volume/volume_prefill.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSocketNotifier>
#include <QTimer>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

extern char **environ;

using berth::ErrorCode;
using berth::Status;
using berth::container::ContainerPaths;
using berth::container::ContainerRecord;
using berth::container::ContainerStatus;
using nlohmann::json;

namespace {

constexpr const char *defaultRuntimeRoot = "/run/berth/runtime";
constexpr std::size_t maximumImageConfigBytes = 8 * 1024 * 1024;
// For containers made before their record kept LogConfig: the settings' defaults.
constexpr std::uint64_t defaultLogMaxBytes = 10 * 1024 * 1024; // per file, as Docker's json-file max-size=10m
constexpr unsigned defaultLogMaxFiles = 3;
// Docker's restart back-off: 100 ms doubling up to a minute, reset after 10 s of running.
constexpr std::chrono::milliseconds firstRestartDelay{100};
constexpr std::chrono::milliseconds longestRestartDelay{60000};
constexpr std::chrono::seconds resetRestartDelayAfter{10};
/// How long a --rm container waits for slow log readers before it is removed anyway.
constexpr std::chrono::seconds logDrainTimeout{10};

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

std::string timestampNow()
{
    timespec now{};
    ::clock_gettime(CLOCK_REALTIME, &now);
    std::tm utc{};
    ::gmtime_r(&now.tv_sec, &utc);
    char text[64];
    const std::size_t length = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
    std::snprintf(text + length, sizeof text - length, ".%09ldZ", now.tv_nsec);
    return text;
}

// berth-runtime and berth-monitor sit beside berth-helper when installed, and in the
// build tree in subdirectories named after them.
QString findCompanion(const char *environmentName, const QString &name, const QString &buildSubdirectory)
{
    const QString fromEnvironment = qEnvironmentVariable(environmentName);
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QDir here(QCoreApplication::applicationDirPath());
    for (const QString &candidate : {here.filePath(name), here.filePath(buildSubdirectory + QLatin1Char('/') + name)}) {
        if (QFileInfo(candidate).isExecutable())
            return candidate;
    }
    return here.filePath(name);
}

int openPidFd(pid_t pid)
{
    return static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
}

// A pid from a record names our monitor only if that process is a berth-monitor for this
// container: pids are reused.
bool isMonitorOf(pid_t pid, const std::string &id)
{
    std::ifstream file("/proc/" + std::to_string(pid) + "/cmdline", std::ios::binary);
    std::string commandLine((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    std::vector<std::string> arguments;
    std::stringstream stream(commandLine);
    for (std::string argument; std::getline(stream, argument, '\0');)
        arguments.push_back(argument);
    if (arguments.empty() || !arguments[0].ends_with("berth-monitor"))
        return false;
    for (std::size_t i = 0; i + 1 < arguments.size(); ++i) {
        if (arguments[i] == "--id" && arguments[i + 1] == id)
            return true;
    }
    return false;
}

struct ExitRecord {
    int exitCode = 0;
    bool oomKilled = false;
    std::string startedAt;
    std::string finishedAt;
    std::string error;
};

std::optional<ExitRecord> readExitFile(const ContainerPaths &paths)
{
    std::ifstream file(paths.exitFile);
    if (!file)
        return std::nullopt;
    json document = json::parse(file, nullptr, false);
    if (document.is_discarded() || !document.is_object())
        return std::nullopt;
    ExitRecord record;
    record.exitCode = document.value("exitCode", 0);
    record.oomKilled = document.value("oomKilled", false);
    record.startedAt = document.value("startedAt", std::string());
    record.finishedAt = document.value("finishedAt", std::string());
    record.error = document.value("error", std::string());
    return record;
}

std::string lastLineOf(const std::filesystem::path &path)
{
    std::ifstream file(path);
    std::string line;
    std::string last;
    while (std::getline(file, line)) {
        if (!line.empty())
            last = line;
    }
    return last;
}

// Docker's exit codes for a command that could not be run.
int exitCodeForStartError(const std::string &error)
{
    if (error.find("not found") != std::string::npos || error.find("No such file") != std::string::npos)
        return 127;
    if (error.find("ermission denied") != std::string::npos)
        return 126;
    return 128;
}

} // namespace

ContainerManager::ContainerManager(berth::Store &store, QObject *parent)
    : QObject(parent), store_(store), records_(store.database()), volumes_(store.database(), store.root()),
      runtimeRoot_(defaultRuntimeRoot),
      runtimePath_(findCompanion("BERTH_RUNTIME", QStringLiteral("berth-runtime"), QStringLiteral("runtime"))),
      monitorPath_(findCompanion("BERTH_MONITOR", QStringLiteral("berth-monitor"), QStringLiteral("monitor")))
{
}

ContainerManager::~ContainerManager() = default;

berth::Result<std::vector<ContainerRecord>> ContainerManager::list()
{
    return records_.list();
}

berth::Result<ContainerRecord> ContainerManager::find(const std::string &idOrName)
{
    return records_.find(idOrName);
}

// ---- create --------------------------------------------------------------------------

berth::Result<berth::container::ImageRunConfig> ContainerManager::imageRunConfig(const std::string &imageId)
{
    auto digest = berth::Digest::parse(imageId);
    if (!digest)
        return std::unexpected(digest.error());
    berth::image::ContentStore content(store_.root());
    auto configText = content.readBlob(*digest, maximumImageConfigBytes);
    if (!configText)
        return std::unexpected(configText.error().withContext("reading the image's config"));
    json imageConfig = json::parse(*configText, nullptr, false);
    if (imageConfig.is_discarded() || !imageConfig.is_object())
        return berth::fail(ErrorCode::Internal, "the image's config is not JSON; pull the image again");
    return berth::container::parseImageRunConfig(imageConfig.value("config", json()));
}

berth::Result<json> ContainerManager::buildSpec(const ContainerRecord &record)
{
    auto mounts = volumes_.mountsOf(record.id);
    if (!mounts)
        return std::unexpected(mounts.error());
    return buildSpec(record, *mounts);
}

berth::Result<json> ContainerManager::buildSpec(const ContainerRecord &record,
                                                const std::vector<berth::volume::VolumeMount> &volumes)
{
    auto request = berth::container::parseCreateRequest(record.config);
    if (!request)
        return std::unexpected(request.error());
    // A volume is a bind of its _data directory; read-only as its -v asked.
    for (const auto &volume : volumes) {
        bool readOnly = false;
        for (const auto &asked : request->volumes)
            if (asked.destination == volume.destination)
                readOnly = asked.readOnly;
        request->run.binds.push_back(volumes_.dataDirectory(volume.volumeName).string() + ":" + volume.destination +
                                     (readOnly ? ":ro" : ""));
    }
    auto imageId = berth::Digest::parse(record.imageId);
    if (!imageId)
        return std::unexpected(imageId.error());
    berth::image::ImageStore images(store_.database());
    auto image = images.image(*imageId);
    if (!image)
        return std::unexpected(image.error().withContext("finding the container's image"));
    std::vector<std::filesystem::path> lowers;
    for (const auto &layer : image->layers) {
        auto found = images.findLayer(layer.diffId);
        if (!found || !*found)
            return berth::fail(ErrorCode::NotFound, "a layer of the image " + record.imageName +
                                                        " is missing from the store; pull the image again");
        lowers.push_back(store_.root() / "layers" / (*found)->directory);
    }
    auto runConfig = imageRunConfig(record.imageId);
    if (!runConfig)
        return std::unexpected(runConfig.error());

    const auto paths = ContainerPaths::of(store_.root(), record.id);
    if (auto mounted = berth::container::mountContainerRootfs(paths, lowers); !mounted)
        return std::unexpected(mounted.error());
    // Docker makes a missing host directory of -v /host:/ctr.
    for (const auto &bind : request->run.binds) {
        const std::string source = bind.substr(0, bind.find(':'));
        std::error_code error;
        if (!std::filesystem::exists(source, error))
            std::filesystem::create_directories(source, error);
    }
    auto spec = berth::container::buildContainerSpec(*runConfig, request->run, paths.rootfs, record.id);
    if (!spec)
        return std::unexpected(spec.error());
    const std::string cwd = (*spec)["process"].value("cwd", std::string("/"));
    if (cwd != "/") {
        if (auto made = berth::container::createDirectoryInRootfs(paths, cwd); !made)
            return std::unexpected(made.error());
    }
    return spec;
}

berth::Result<std::string> ContainerManager::create(const json &request, const std::string &imageId)
{
    auto parsed = berth::container::parseCreateRequest(request);
    if (!parsed)
        return std::unexpected(parsed.error());
    ContainerRecord record;
    auto id = berth::container::newContainerId();
    if (!id)
        return std::unexpected(id.error());
    record.id = *id;
    record.imageName = parsed->image;
    record.imageId = imageId;
    if (!parsed->name.empty()) {
        if (auto valid = berth::container::validateContainerName(parsed->name); !valid)
            return std::unexpected(valid.error());
        auto taken = records_.nameTaken(parsed->name);
        if (!taken)
            return std::unexpected(taken.error());
        if (*taken)
            return berth::fail(ErrorCode::Conflict, "the container name \"/" + parsed->name +
                                                        "\" is already in use; remove that container or choose "
                                                        "another name");
        record.name = parsed->name;
    } else {
        record.name = berth::container::randomContainerName(
            [this](const std::string &name) { return records_.nameTaken(name).value_or(true); });
    }
    record.createdAt = static_cast<std::int64_t>(std::time(nullptr));
    record.config = request;
    record.config["Name"] = record.name;
    // The log limits in force when the container is made stay with it, as Docker's log-opts
    // do: a later `berth config set log-max-size` applies to containers made after it.
    {
        berth::Settings settings(store_.database());
        json &logConfig = record.config["LogConfig"];
        if (!logConfig.is_object())
            logConfig = json::object();
        logConfig["Type"] = "json-file";
        json &options = logConfig["Config"];
        if (!options.is_object())
            options = json::object();
        for (const char *key : {"max-size", "max-file"}) {
            if (options.contains(key))
                continue;
            auto value = settings.get(std::string("log-") + key); // log-max-size, log-max-file
            if (!value)
                return std::unexpected(value.error().withContext("reading the log settings"));
            options[key] = value->value;
        }
    }

    // Volumes are made (anonymous ones named) before the container; the anonymous ones made
    // here go again if the container cannot be created.
    std::vector<berth::volume::VolumeMount> mounts;
    std::vector<berth::volume::EnsuredVolume> ensured;
    const auto dropNewAnonymousVolumes = [this, &mounts]() {
        for (const auto &mount : mounts)
            if (mount.anonymous)
                (void)volumes_.remove(mount.volumeName, true);
    };
    for (const auto &volume : parsed->volumes) {
        auto made = volumes_.ensure(volume.name);
        if (!made) {
            dropNewAnonymousVolumes();
            return std::unexpected(made.error());
        }
        mounts.push_back({made->name, volume.destination, volume.name.empty()});
        ensured.push_back(std::move(*made));
    }

    const auto paths = ContainerPaths::of(store_.root(), record.id);
    if (auto made = berth::container::createContainerDirectory(paths); !made) {
        dropNewAnonymousVolumes();
        return std::unexpected(made.error());
    }
    // Building the spec now reports what Docker reports at create (bad capabilities, limits,
    // users) before anything is recorded.
    auto spec = buildSpec(record, mounts);
    Status added = spec ? berth::container::writeContainerSpec(paths, *spec) : Status(std::unexpected(spec.error()));
    // Docker's first use: an empty volume starts with what the image has at its destination.
    for (std::size_t index = 0; added && index < mounts.size(); ++index) {
        berth::UniqueFd rootFd(::open(paths.rootfs.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
        if (!rootFd.valid()) {
            added = berth::failErrno("opening the container's root to fill its volumes", errno);
            break;
        }
        auto copied = berth::volume::copyImageContentIntoVolume(rootFd.get(), mounts[index].destination,
                                                                ensured[index].dataDirectory);
        if (!copied)
            added = std::unexpected(copied.error().withContext("filling the volume " + mounts[index].volumeName +
                                                               " from the image"));
    }
    if (added) {
        added = store_.database().transaction([&]() -> Status {
            if (auto recorded = records_.add(record); !recorded)
                return recorded;
            for (const auto &mount : mounts)
                if (auto attached = volumes_.attach(record.id, mount.volumeName, mount.destination); !attached)
                    return attached;
            return {};
        });
    }
    if (!added) {
        (void)berth::container::removeContainerDirectory(paths);
        dropNewAnonymousVolumes();
        return std::unexpected(added.error());
    }
    (void)berth::container::unmountContainerRootfs(paths);
    emit containersChanged();
    return record.id;
}

// ---- start ---------------------------------------------------------------------------

void ContainerManager::start(const std::string &idOrName, Done done, std::shared_ptr<berth::UniqueFd> attachClient)
{
    auto record = records_.find(idOrName);
    if (!record)
        return done(std::unexpected(record.error()));
    switch (record->state.status) {
    case ContainerStatus::Running:
    case ContainerStatus::Restarting:
        return done({}); // as Docker: starting a running container is no error
    case ContainerStatus::Paused:
        return done(berth::fail(ErrorCode::Conflict, "cannot start a paused container, try unpause instead"));
    case ContainerStatus::Removing:
        return done(berth::fail(ErrorCode::Conflict, "the container " + record->name + " is being removed"));
    default:
        break;
    }
    record->state.stoppedByUser = false;
    startRecord(std::move(*record), std::move(done), std::move(attachClient));
}

void ContainerManager::startRecord(ContainerRecord record, Done done, std::shared_ptr<berth::UniqueFd> attachClient)
{
    const auto paths = ContainerPaths::of(store_.root(), record.id);
    const QString id = fromStd(record.id);
    auto failStart = [this, record, paths, done](const berth::Error &error) mutable {
        (void)berth::container::unmountContainerRootfs(paths);
        auto &state = record.state;
        state.error = error.describe();
        state.exitCode = exitCodeForStartError(state.error);
        state.pid = 0;
        state.monitorPid = 0;
        // Docker keeps a container that never ran in "created".
        state.status = state.startedAt.empty() ? ContainerStatus::Created : ContainerStatus::Exited;
        (void)records_.saveState(record.id, state);
        emit containersChanged();
        finishWaiters(record.id, state.exitCode);
        done(std::unexpected(error));
    };

    const auto request = berth::container::parseCreateRequest(record.config);
    const std::uint64_t logMaxBytes = request && request->logMaxBytes ? *request->logMaxBytes : defaultLogMaxBytes;
    const unsigned logMaxFiles = request && request->logMaxFiles ? *request->logMaxFiles : defaultLogMaxFiles;
    auto spec = buildSpec(record);
    if (spec) {
        if (auto written = berth::container::writeContainerSpec(paths, *spec); !written)
            spec = std::unexpected(written.error());
    }
    if (!spec)
        return failStart(spec.error());
    std::error_code ignored;
    std::filesystem::remove(paths.exitFile, ignored);

    int ready[2];
    if (::pipe2(ready, O_CLOEXEC) != 0)
        return failStart(berth::Error::fromErrno("creating a pipe for berth-monitor", errno));
    berth::UniqueFd readyRead(ready[0]);
    berth::UniqueFd readyWrite(ready[1]);

    std::vector<std::string> arguments{
        monitorPath_.toStdString(), "--runtime", runtimePath_.toStdString(), "--runtime-root", runtimeRoot_,
        "--id", record.id, "--bundle", paths.directory.string(), "--log", paths.log.string(), "--exit-file",
        paths.exitFile.string(), "--log-max-size", std::to_string(logMaxBytes), "--log-max-files",
        std::to_string(logMaxFiles), "--ready-fd", "3", "--attach"};
    // Docker's -t and -i: the monitor holds the terminal or the stdin pipe, so that clients
    // can attach to them for as long as the container runs.
    if (record.config.value("Tty", false))
        arguments.push_back("--tty");
    if (record.config.value("OpenStdin", false))
        arguments.push_back("--stdin");
    const bool attachedFromStart = attachClient && attachClient->valid();
    if (attachedFromStart) {
        arguments.push_back("--attach-fd");
        arguments.push_back("4");
    }
    std::vector<char *> argv;
    for (const auto &argument : arguments)
        argv.push_back(const_cast<char *>(argument.c_str()));
    argv.push_back(nullptr);
    // The monitor outlives us: it gets a clean environment, /dev/null for input and its own
    // log for anything it has to say before the container's log is open.
    std::string pathVariable = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    char *environment[] = {pathVariable.data(), nullptr};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, paths.monitorLog.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    posix_spawn_file_actions_adddup2(&actions, readyWrite.get(), 3);
    if (attachedFromStart)
        posix_spawn_file_actions_adddup2(&actions, attachClient->get(), 4);
    pid_t monitorPid = 0;
    const int spawned = ::posix_spawn(&monitorPid, argv[0], &actions, nullptr, argv.data(), environment);
    posix_spawn_file_actions_destroy(&actions);
    readyWrite.reset();
    if (attachedFromStart)
        attachClient->reset(); // the monitor has it now
    if (spawned != 0)
        return failStart(berth::Error::fromErrno("running " + arguments[0], spawned));
    const int pidFd = openPidFd(monitorPid);

    record.state.status = ContainerStatus::Running; // for a moment "starting": not yet saved
    auto *notifier = new QSocketNotifier(readyRead.get(), QSocketNotifier::Read, this);
    auto buffer = std::make_shared<std::string>();
    auto readyFd = std::make_shared<berth::UniqueFd>(std::move(readyRead));
    connect(notifier, &QSocketNotifier::activated, this,
            [this, notifier, readyFd, buffer, record, paths, monitorPid, pidFd, done, failStart]() mutable {
                char chunk[512];
                const ssize_t got = ::read(readyFd->get(), chunk, sizeof chunk);
                if (got < 0 && (errno == EINTR || errno == EAGAIN))
                    return;
                if (got > 0) {
                    buffer->append(chunk, static_cast<std::size_t>(got));
                    if (buffer->find('\n') == std::string::npos)
                        return;
                }
                notifier->setEnabled(false);
                notifier->deleteLater();
                const std::string line = buffer->substr(0, buffer->find('\n'));
                if (line.starts_with("ok ")) {
                    auto &state = record.state;
                    state.status = ContainerStatus::Running;
                    state.monitorPid = monitorPid;
                    state.pid = static_cast<pid_t>(std::atoi(line.c_str() + 3));
                    state.startedAt = timestampNow();
                    state.finishedAt.clear();
                    state.error.clear();
                    state.exitCode = 0;
                    state.oomKilled = false;
                    (void)records_.saveState(record.id, state);
                    watchMonitor(record.id, monitorPid, pidFd);
                    emit containersChanged();
                    done({});
                    return;
                }
                // The monitor failed before the container ran; it exits by itself.
                if (pidFd >= 0) {
                    siginfo_t info{};
                    ::waitid(static_cast<idtype_t>(P_PIDFD), static_cast<id_t>(pidFd), &info, WEXITED);
                    ::close(pidFd);
                }
                std::string why = line.starts_with("error ") ? line.substr(6) : std::string();
                if (why.empty()) {
                    auto exit = readExitFile(paths);
                    why = exit && !exit->error.empty() ? exit->error : lastLineOf(paths.monitorLog);
                }
                if (why.empty())
                    why = "berth-monitor ended before starting the container";
                failStart(berth::Error(ErrorCode::Io, why));
            });
}

// ---- watching ------------------------------------------------------------------------

void ContainerManager::watchMonitor(const std::string &id, pid_t monitorPid, int pidFd)
{
    auto watched = std::make_shared<Watched>();
    watched->pidFd = berth::UniqueFd(pidFd);
    watched->monitorPid = monitorPid;
    const QString key = fromStd(id);
    if (pidFd >= 0) {
        watched->notifier = new QSocketNotifier(pidFd, QSocketNotifier::Read);
        connect(watched->notifier, &QSocketNotifier::activated, this, [this, id]() { monitorEnded(id); });
    }
    watched_.insert(key, watched);
    emit runningCountChanged(runningCount());
}

void ContainerManager::monitorEnded(const std::string &id)
{
    const QString key = fromStd(id);
    auto watched = watched_.take(key);
    if (!watched)
        return;
    watched->notifier->setEnabled(false);
    // Our own child until the helper restarts; an adopted one is reaped by init.
    siginfo_t info{};
    ::waitid(static_cast<idtype_t>(P_PIDFD), static_cast<id_t>(watched->pidFd.get()), &info, WEXITED | WNOHANG);
    const auto ranFor = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - watched->since);
    emit runningCountChanged(runningCount());

    auto record = records_.find(id);
    if (!record)
        return;
    const auto paths = ContainerPaths::of(store_.root(), id);
    auto &state = record->state;
    if (auto exit = readExitFile(paths)) {
        state.exitCode = exit->exitCode;
        state.oomKilled = exit->oomKilled;
        state.finishedAt = exit->finishedAt.empty() ? timestampNow() : exit->finishedAt;
        state.error = exit->error;
    } else {
        state.exitCode = 255;
        state.finishedAt = timestampNow();
        state.error = "berth-monitor ended without recording how the container ended: " + lastLineOf(paths.monitorLog);
    }
    state.status = ContainerStatus::Exited;
    state.pid = 0;
    state.monitorPid = 0;
    (void)records_.saveState(id, state);
    (void)berth::container::unmountContainerRootfs(paths);
    for (auto &callback : watched->onStopped)
        callback({});
    watched->onStopped.clear();
    for (auto *streamer : logStreams_.values(key))
        streamer->containerStopped();
    finishWaiters(id, state.exitCode);
    emit containersChanged();

    if (record->config.value("AutoRemove", false)) {
        removeWhenLogsRead(id);
        return;
    }
    applyRestartPolicy(*record, ranFor);
}

void ContainerManager::applyRestartPolicy(const ContainerRecord &record, std::chrono::milliseconds ranFor)
{
    auto request = berth::container::parseCreateRequest(record.config);
    if (!request || record.state.stoppedByUser)
        return;
    const auto &policy = request->restart;
    using Kind = berth::container::RestartPolicy::Kind;
    bool restart = policy.kind == Kind::Always || policy.kind == Kind::UnlessStopped;
    if (policy.kind == Kind::OnFailure)
        restart = record.state.exitCode != 0 &&
                  (policy.maximumRetryCount == 0 || record.state.restartCount < policy.maximumRetryCount);
    if (!restart)
        return;
    const QString key = fromStd(record.id);
    // The delay doubles with each quick failure and starts over after a good run.
    qint64 delay = restartDelays_.value(key, firstRestartDelay.count());
    if (ranFor >= resetRestartDelayAfter)
        delay = firstRestartDelay.count();
    restartDelays_.insert(key, std::min<qint64>(delay * 2, longestRestartDelay.count()));

    ContainerRecord restarting = record;
    restarting.state.status = ContainerStatus::Restarting;
    (void)records_.saveState(record.id, restarting.state);
    emit containersChanged();
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    pendingRestarts_.insert(key, timer);
    connect(timer, &QTimer::timeout, this, [this, key, timer]() {
        pendingRestarts_.remove(key);
        timer->deleteLater();
        auto current = records_.find(key.toStdString());
        if (!current || current->state.status != ContainerStatus::Restarting)
            return;
        current->state.restartCount += 1;
        startRecord(std::move(*current), [this, key](Status started) {
            if (started)
                return;
            // A restart that cannot start counts as a failure, and is tried again with the
            // policy's back-off (Docker does the same).
            auto failed = records_.find(key.toStdString());
            if (failed && !failed->state.stoppedByUser)
                applyRestartPolicy(*failed, std::chrono::milliseconds(0));
        });
    });
    timer->start(std::chrono::milliseconds(delay));
}

void ContainerManager::removeWhenLogsRead(const std::string &id)
{
    const QString key = fromStd(id);
    const auto removeIfStillThere = [this, id]() {
        if (auto record = records_.find(id)) {
            (void)removeNow(*record, true);
            emit containersChanged();
        }
    };
    if (!logStreams_.contains(key))
        return removeIfStillThere();
    pendingAutoRemovals_.insert(key);
    // A reader that stops reading must not keep the container forever.
    QTimer::singleShot(logDrainTimeout, this, [this, key, removeIfStillThere]() {
        if (pendingAutoRemovals_.remove(key))
            removeIfStillThere();
    });
}

void ContainerManager::finishWaiters(const std::string &id, int exitCode)
{
    auto waiting = waiters_.take(fromStd(id));
    for (auto &waiter : waiting)
        waiter(exitCode);
}

namespace {

/// Whether this is the first helper start since the machine booted: the kernel's boot id
/// differs from the one the store last saw (kept in BOOT-ID, written aside and renamed).
/// The helper starts and exits for idleness many times a day; only a boot is what Docker
/// calls a daemon restart.
bool firstStartSinceBoot(const std::filesystem::path &storeRoot)
{
    std::ifstream kernel("/proc/sys/kernel/random/boot_id");
    std::string bootId;
    if (!std::getline(kernel, bootId) || bootId.empty())
        return false;
    const auto recorded = storeRoot / "boot-id";
    std::ifstream previous(recorded);
    std::string previousId;
    std::getline(previous, previousId);
    if (previousId == bootId)
        return false;
    const auto aside = storeRoot / "boot-id.new";
    {
        std::ofstream out(aside, std::ios::trunc);
        out << bootId << '\n';
        // Unrecorded, every start would look like the first after a boot: say no instead.
        if (!out.flush())
            return false;
    }
    // On disk before the rename: a crash must not leave an empty record behind.
    if (const berth::UniqueFd written(::open(aside.c_str(), O_RDONLY | O_CLOEXEC)); !written.valid() || ::fsync(written.get()) != 0)
        return false;
    std::error_code renamed;
    std::filesystem::rename(aside, recorded, renamed);
    if (renamed)
        return false;
    // A store that never saw a boot id is new: nothing in it ran before.
    return !previousId.empty();
}

} // namespace

void ContainerManager::adoptAtStartup()
{
    auto records = records_.list();
    if (!records) {
        qWarning("berth-helper: cannot read the container records: %s", records.error().describe().c_str());
        return;
    }
    std::vector<std::string> ids;
    for (const auto &record : *records)
        ids.push_back(record.id);
    berth::container::removeLeftoverContainerDirectories(store_.root(), ids);
    // A volume create or remove cut short by a crash is finished or undone before serving.
    if (auto leftovers = berth::volume::VolumeStore::removeLeftovers(store_.root(), store_.database()); !leftovers)
        qWarning("berth-helper: cannot tidy the volumes directory: %s", leftovers.error().describe().c_str());

    const bool afterBoot = firstStartSinceBoot(store_.root());
    if (afterBoot)
        qInfo("berth-helper: first start since the machine booted: restart policies apply as after a daemon restart");
    for (auto &record : *records) {
        auto &state = record.state;
        // As dockerd after a restart: `always` brings back even a container a person stopped
        // (unless-stopped does not); until then a stop holds.
        if (afterBoot && state.stoppedByUser && state.status == ContainerStatus::Exited) {
            auto request = berth::container::parseCreateRequest(record.config);
            if (request && request->restart.kind == berth::container::RestartPolicy::Kind::Always) {
                state.stoppedByUser = false;
                (void)records_.saveState(record.id, state);
            }
        }
        const bool wasRunning = state.status == ContainerStatus::Running || state.status == ContainerStatus::Paused ||
                                state.status == ContainerStatus::Restarting;
        if (state.status == ContainerStatus::Running || state.status == ContainerStatus::Paused) {
            const int pidFd = state.monitorPid > 0 ? openPidFd(state.monitorPid) : -1;
            // Opened first, then checked: if the pid was reused after the check the pidfd
            // would still name the process we checked.
            if (pidFd >= 0 && isMonitorOf(state.monitorPid, record.id)) {
                watchMonitor(record.id, state.monitorPid, pidFd);
                qInfo("berth-helper: re-adopted container %s (%s)", record.name.c_str(), record.id.substr(0, 12).c_str());
                continue;
            }
            if (pidFd >= 0)
                ::close(pidFd);
        }
        if (wasRunning) {
            // It ended while no helper was watching: record how, from the monitor's exit file.
            const auto paths = ContainerPaths::of(store_.root(), record.id);
            if (auto exit = readExitFile(paths)) {
                state.exitCode = exit->exitCode;
                state.oomKilled = exit->oomKilled;
                state.finishedAt = exit->finishedAt;
                state.error = exit->error;
            } else {
                state.exitCode = 255;
                state.finishedAt = timestampNow();
                state.error = "the container's monitor was gone when berth-helper started (was the machine restarted?)";
            }
            state.status = ContainerStatus::Exited;
            state.pid = 0;
            state.monitorPid = 0;
            (void)records_.saveState(record.id, state);
            (void)berth::container::unmountContainerRootfs(paths);
            if (record.config.value("AutoRemove", false)) {
                (void)removeNow(record, true);
                continue;
            }
        }
        // As dockerd at start: containers whose policy says so run again, unless a person
        // stopped them.
        if (state.status == ContainerStatus::Exited && !state.startedAt.empty())
            applyRestartPolicy(record, std::chrono::milliseconds(0));
    }
    emit containersChanged();
}
