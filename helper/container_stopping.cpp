// Ending containers, the part of ContainerManager behind stop (the stop signal, then
// SIGKILL after the timeout), restart, kill, pause and unpause through berth-runtime, and
// remove, rename and wait.
#include "container_manager.h"
#include "container_watched.h"

#include "engine/container/container_bundle.h"

#include <QProcess>

using berth::ErrorCode;
using berth::Status;
using berth::container::ContainerPaths;
using berth::container::ContainerRecord;
using berth::container::ContainerStatus;

// ---- stop, kill, pause ---------------------------------------------------------------

Status ContainerManager::runRuntime(const QStringList &arguments)
{
    QProcess process;
    process.setProgram(runtimePath_);
    process.setArguments(QStringList{QStringLiteral("--root"), QString::fromStdString(runtimeRoot_)} + arguments);
    process.start();
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return berth::fail(ErrorCode::Io, "berth-runtime " + arguments.join(QLatin1Char(' ')).toStdString() +
                                              " did not finish: " + process.errorString().toStdString());
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        QString complaint = QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
        if (complaint.startsWith(QLatin1String("berth-runtime: ")))
            complaint = complaint.mid(15);
        return berth::fail(ErrorCode::Io, complaint.isEmpty() ? "berth-runtime failed" : complaint.toStdString());
    }
    return {};
}

void ContainerManager::stop(const std::string &idOrName, int timeoutSeconds, Done done)
{
    auto record = records_.find(idOrName);
    if (!record)
        return done(std::unexpected(record.error()));
    const QString key = QString::fromStdString(record->id);
    record->state.stoppedByUser = true;
    if (auto *pending = pendingRestarts_.take(key)) {
        pending->deleteLater();
        record->state.status = ContainerStatus::Exited;
    }
    (void)records_.saveState(record->id, record->state);
    auto watched = watched_.value(key);
    if (!watched) {
        emit containersChanged();
        return done({}); // not running: nothing to stop, as Docker
    }
    auto request = berth::container::parseCreateRequest(record->config);
    // --stop-signal, else the image's STOPSIGNAL (as inspect shows it), else SIGTERM.
    std::string signal = request && !request->stopSignal.empty() ? request->stopSignal : "";
    if (signal.empty()) {
        auto image = imageRunConfig(record->imageId);
        signal = image && !image->stopSignal.empty() ? image->stopSignal : "SIGTERM";
    }
    if (timeoutSeconds < 0)
        timeoutSeconds = request ? request->stopTimeoutSeconds : 10;
    watched->onStopped.push_back(std::move(done));
    const QString id = QString::fromStdString(record->id);
    const bool paused = record->state.status == ContainerStatus::Paused;
    auto sendKill = [this, id, paused]() {
        (void)runRuntime({QStringLiteral("kill"), QStringLiteral("--all"), id, QStringLiteral("KILL")});
        if (paused)
            (void)runRuntime({QStringLiteral("resume"), id});
    };
    if (timeoutSeconds == 0) {
        sendKill();
        return;
    }
    if (auto sent = runRuntime({QStringLiteral("kill"), id, QString::fromStdString(signal)}); !sent) {
        // A stop signal the runtime does not know (an image's odd STOPSIGNAL): SIGTERM and
        // the grace period still, not SIGKILL at once.
        qWarning("berth-helper: stopping %s with %s failed (%s); sending SIGTERM", record->name.c_str(), signal.c_str(),
                 sent.error().describe().c_str());
        if (auto terminated = runRuntime({QStringLiteral("kill"), id, QStringLiteral("TERM")}); !terminated) {
            sendKill();
            return;
        }
    }
    if (paused)
        (void)runRuntime({QStringLiteral("resume"), id});
    if (!watched->killTimer) {
        watched->killTimer = new QTimer;
        watched->killTimer->setSingleShot(true);
        QObject::connect(watched->killTimer, &QTimer::timeout, this, sendKill);
    }
    watched->killTimer->start(std::chrono::seconds(timeoutSeconds));
}

void ContainerManager::restart(const std::string &idOrName, int timeoutSeconds, Done done)
{
    auto record = records_.find(idOrName);
    if (!record)
        return done(std::unexpected(record.error()));
    const std::string id = record->id;
    stop(id, timeoutSeconds, [this, id, done](Status stopped) {
        if (!stopped)
            return done(stopped);
        start(id, done);
    });
}

Status ContainerManager::kill(const std::string &idOrName, const std::string &signal)
{
    auto record = records_.find(idOrName);
    if (!record)
        return std::unexpected(record.error());
    if (!watched_.contains(QString::fromStdString(record->id)))
        return berth::fail(ErrorCode::Conflict, "cannot kill container " + record->name + ": it is not running");
    const bool ending = signal.empty() || signal == "KILL" || signal == "SIGKILL" || signal == "9";
    if (ending) {
        record->state.stoppedByUser = true;
        (void)records_.saveState(record->id, record->state);
    }
    const QString id = QString::fromStdString(record->id);
    if (auto sent = runRuntime({QStringLiteral("kill"), id, QString::fromStdString(signal.empty() ? "KILL" : signal)}); !sent)
        return sent;
    if (record->state.status == ContainerStatus::Paused && ending)
        return runRuntime({QStringLiteral("resume"), id});
    return {};
}

Status ContainerManager::pause(const std::string &idOrName)
{
    auto record = records_.find(idOrName);
    if (!record)
        return std::unexpected(record.error());
    if (record->state.status == ContainerStatus::Paused)
        return berth::fail(ErrorCode::Conflict, "container " + record->name + " is already paused");
    if (record->state.status != ContainerStatus::Running)
        return berth::fail(ErrorCode::Conflict, "container " + record->name + " is not running");
    if (auto paused = runRuntime({QStringLiteral("pause"), QString::fromStdString(record->id)}); !paused)
        return paused;
    record->state.status = ContainerStatus::Paused;
    (void)records_.saveState(record->id, record->state);
    emit containersChanged();
    return {};
}

Status ContainerManager::unpause(const std::string &idOrName)
{
    auto record = records_.find(idOrName);
    if (!record)
        return std::unexpected(record.error());
    if (record->state.status != ContainerStatus::Paused)
        return berth::fail(ErrorCode::Conflict, "container " + record->name + " is not paused");
    if (auto resumed = runRuntime({QStringLiteral("resume"), QString::fromStdString(record->id)}); !resumed)
        return resumed;
    record->state.status = ContainerStatus::Running;
    (void)records_.saveState(record->id, record->state);
    emit containersChanged();
    return {};
}

// ---- remove, rename, wait ------------------------------------------------------------

Status ContainerManager::removeNow(const ContainerRecord &record, bool volumes)
{
    auto mounts = volumes_.mountsOf(record.id);
    // The record goes first (its volume uses with it): a crash after it leaves a directory
    // that the next start removes as a leftover, never a record without its directory.
    if (auto removed = records_.remove(record.id); !removed)
        return removed;
    auto directory = berth::container::removeContainerDirectory(ContainerPaths::of(store_.root(), record.id));
    if (!directory)
        qWarning("berth-helper: %s", directory.error().describe().c_str());
    // rm -v and --rm: the container's anonymous volumes go too (named ones stay, as Docker
    // keeps them); one another container still uses stays.
    if (volumes && mounts) {
        for (const auto &mount : *mounts) {
            if (!mount.anonymous)
                continue;
            if (auto gone = volumes_.remove(mount.volumeName, true); !gone)
                qWarning("berth-helper: keeping volume %s: %s", mount.volumeName.c_str(),
                         gone.error().describe().c_str());
        }
    }
    return {};
}

void ContainerManager::remove(const std::string &idOrName, bool force, bool volumes, Done done)
{
    auto record = records_.find(idOrName);
    if (!record)
        return done(std::unexpected(record.error()));
    const QString key = QString::fromStdString(record->id);
    if (auto *pending = pendingRestarts_.take(key)) {
        if (!force) {
            pendingRestarts_.insert(key, pending);
            return done(berth::fail(ErrorCode::Conflict, "You cannot remove a restarting container " + record->id +
                                                             ". Stop the container before attempting removal or "
                                                             "force remove"));
        }
        pending->deleteLater();
    }
    auto watched = watched_.value(key);
    if (!watched) {
        auto removed = removeNow(*record, volumes);
        emit containersChanged();
        return done(removed);
    }
    if (!force)
        return done(berth::fail(ErrorCode::Conflict,
                                "You cannot remove a " + std::string(berth::container::statusName(record->state.status)) +
                                    " container " + record->id +
                                    ". Stop the container before attempting removal or force remove"));
    record->state.stoppedByUser = true;
    (void)records_.saveState(record->id, record->state);
    const std::string id = record->id;
    watched->onStopped.push_back([this, id, volumes, done](Status) {
        auto current = records_.find(id);
        if (!current)
            return done({}); // --rm took it already
        auto removed = removeNow(*current, volumes);
        emit containersChanged();
        done(removed);
    });
    (void)runRuntime({QStringLiteral("kill"), QStringLiteral("--all"), key, QStringLiteral("KILL")});
    if (record->state.status == ContainerStatus::Paused)
        (void)runRuntime({QStringLiteral("resume"), key});
}

Status ContainerManager::rename(const std::string &idOrName, const std::string &newName)
{
    auto record = records_.find(idOrName);
    if (!record)
        return std::unexpected(record.error());
    auto renamed = records_.rename(record->id, newName.starts_with('/') ? newName.substr(1) : newName);
    if (renamed)
        emit containersChanged();
    return renamed;
}

void ContainerManager::wait(const std::string &idOrName, std::function<void(berth::Result<int>)> done)
{
    auto record = records_.find(idOrName);
    if (!record)
        return done(std::unexpected(record.error()));
    const QString key = QString::fromStdString(record->id);
    if (!watched_.contains(key) && !pendingRestarts_.contains(key))
        return done(record->state.exitCode);
    waiters_[key].push_back(std::move(done));
}
