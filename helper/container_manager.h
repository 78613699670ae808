// Runs containers for the helper: makes their directories and records, starts each under
// its own berth-monitor (which outlives the helper), watches the monitors through pidfds,
// records how containers end, applies restart policies, and re-adopts running containers
// when the helper starts again. All on the helper's event loop; nothing here blocks on a
// container.
#pragma once

#include "engine/container/container_config.h"
#include "engine/container/container_records.h"
#include "engine/core/error.h"
#include "engine/core/store.h"
#include "engine/volume/volume_store.h"

#include "log_streamer.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <string>

class QSocketNotifier;
class QTimer;

class ContainerManager : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(berth::Status)>;

    ContainerManager(berth::Store &store, QObject *parent = nullptr);
    ~ContainerManager() override;

    /// Finds running containers' monitors again (after the helper was restarted or killed),
    /// records containers that ended meanwhile, applies restart policies, and removes
    /// directories no record owns.
    void adoptAtStartup();

    /// Creates the record and directory of a container from a create request (Docker's
    /// names). Returns the new id.
    [[nodiscard]] berth::Result<std::string> create(const nlohmann::json &request, const std::string &imageId);
    /// Starts a created or stopped container; done runs once its first process runs (or
    /// with the reason it could not start). attachClient: an attach stream (see
    /// helper/dbus/attach_protocol.h) the monitor serves from the first byte.
    void start(const std::string &idOrName, Done done, std::shared_ptr<berth::UniqueFd> attachClient = {});
    /// Joins a client's end of an attach stream to the container's monitor (startFirst:
    /// starting it if it is not running, as `start -a` does). done gets the exit code once
    /// the container has stopped, or why the client could not be attached.
    void attach(const std::string &idOrName, berth::UniqueFd client, bool startFirst,
                std::function<void(berth::Result<int>)> done);
    /// Sends the stop signal, then SIGKILL after timeoutSeconds (negative: the container's
    /// own timeout); done runs once it has stopped.
    void stop(const std::string &idOrName, int timeoutSeconds, Done done);
    void restart(const std::string &idOrName, int timeoutSeconds, Done done);
    [[nodiscard]] berth::Status kill(const std::string &idOrName, const std::string &signal);
    [[nodiscard]] berth::Status pause(const std::string &idOrName);
    [[nodiscard]] berth::Status unpause(const std::string &idOrName);
    /// Removes a stopped container (force: a running one is killed first); with volumes its
    /// anonymous volumes go too.
    void remove(const std::string &idOrName, bool force, bool volumes, Done done);
    [[nodiscard]] berth::Status rename(const std::string &idOrName, const std::string &newName);
    /// done gets the exit code once the container is not running ("not-running"), or right
    /// away when it is not running already.
    void wait(const std::string &idOrName, std::function<void(berth::Result<int>)> done);

    /// Streams a container's log into output (stdout entries) and errorOutput (stderr).
    /// Following ends when the container stops.
    [[nodiscard]] berth::Result<LogStreamer *> streamLogs(const std::string &idOrName, LogStreamer::Options options,
                                                          berth::UniqueFd output, berth::UniqueFd errorOutput);
    /// Starts a container with its output streamed from the first byte, as a foreground
    /// `run` shows it; done gets the exit code once the container stopped and its output
    /// is written, or why it could not start. Streaming and starting are one step so the
    /// stream cannot miss a container that ends at once.

    [[nodiscard]] berth::Result<std::vector<berth::container::ContainerRecord>> list();
    [[nodiscard]] berth::Result<berth::container::ContainerRecord> find(const std::string &idOrName);
    /// The record as `docker inspect` prints it.
    [[nodiscard]] berth::Result<nlohmann::json> inspect(const std::string &idOrName);
    /// Named and anonymous volumes (the volume verbs use it too).
    [[nodiscard]] berth::volume::VolumeStore &volumes() { return volumes_; }
    [[nodiscard]] int runningCount() const { return static_cast<int>(watched_.size()); }

    /// Where berth-runtime keeps its state (default /run/berth/runtime).
    [[nodiscard]] const std::string &runtimeRoot() const { return runtimeRoot_; }
    [[nodiscard]] const QString &runtimePath() const { return runtimePath_; }

Q_SIGNALS:
    void containersChanged();
    /// The helper may exit for idleness only while nothing is running.
    void runningCountChanged(int count);

private:
    struct Watched;

    void startRecord(berth::container::ContainerRecord record, Done done,
                     std::shared_ptr<berth::UniqueFd> attachClient = {});
    [[nodiscard]] berth::Result<berth::container::ImageRunConfig> imageRunConfig(const std::string &imageId);
    /// volumes: where the container's volumes go (from its record, or being made by create).
    [[nodiscard]] berth::Result<nlohmann::json> buildSpec(const berth::container::ContainerRecord &record,
                                                          const std::vector<berth::volume::VolumeMount> &volumes);
    [[nodiscard]] berth::Result<nlohmann::json> buildSpec(const berth::container::ContainerRecord &record);
    void watchMonitor(const std::string &id, pid_t monitorPid, int pidFd);
    void monitorEnded(const std::string &id);
    void applyRestartPolicy(const berth::container::ContainerRecord &record, std::chrono::milliseconds ranFor);
    [[nodiscard]] berth::Status runRuntime(const QStringList &arguments);
    [[nodiscard]] berth::Status removeNow(const berth::container::ContainerRecord &record, bool volumes);
    void finishWaiters(const std::string &id, int exitCode);
    /// --rm: the directory goes once the log streams reading it have written everything.
    void removeWhenLogsRead(const std::string &id);
    void logStreamFinished(const QString &key, LogStreamer *streamer);
    [[nodiscard]] berth::Result<LogStreamer *> openLogStream(const berth::container::ContainerRecord &record,
                                                             LogStreamer::Options options, berth::UniqueFd output,
                                                             berth::UniqueFd errorOutput);

    berth::Store &store_;
    berth::container::ContainerRecords records_;
    berth::volume::VolumeStore volumes_;
    std::string runtimeRoot_;
    QString runtimePath_;
    QString monitorPath_;
    QHash<QString, std::shared_ptr<Watched>> watched_;
    /// Containers waiting for their restart delay; stop cancels it.
    QHash<QString, QTimer *> pendingRestarts_;
    QHash<QString, std::vector<std::function<void(berth::Result<int>)>>> waiters_;
    /// The next restart delay of each container that restarts by policy.
    QHash<QString, qint64> restartDelays_;
    QMultiHash<QString, LogStreamer *> logStreams_;
    /// --rm containers whose removal waits for their log streams.
    QSet<QString> pendingAutoRemovals_;
};
