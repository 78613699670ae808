// The container log streams of ContainerManager: `berth logs` through LogStreamer reading
// the container's log into the caller's descriptors; a --rm container waits for them
// before it goes.
#include "container_manager.h"

#include "engine/container/container_bundle.h"

using berth::ErrorCode;
using berth::Status;
using berth::container::ContainerPaths;
using berth::container::ContainerRecord;

berth::Result<LogStreamer *> ContainerManager::openLogStream(const ContainerRecord &record, LogStreamer::Options options,
                                                            berth::UniqueFd output, berth::UniqueFd errorOutput)
{
    const QString key = QString::fromStdString(record.id);
    auto streamer = LogStreamer::start(ContainerPaths::of(store_.root(), record.id).directory, std::move(options),
                                       std::move(output), std::move(errorOutput), this);
    if (!streamer)
        return streamer;
    logStreams_.insert(key, *streamer);
    connect(*streamer, &LogStreamer::finished, this,
            [this, key, streamer = *streamer]() { logStreamFinished(key, streamer); });
    return streamer;
}

berth::Result<LogStreamer *> ContainerManager::streamLogs(const std::string &idOrName, LogStreamer::Options options,
                                                         berth::UniqueFd output, berth::UniqueFd errorOutput)
{
    auto record = records_.find(idOrName);
    if (!record)
        return std::unexpected(record.error());
    auto streamer = openLogStream(*record, std::move(options), std::move(output), std::move(errorOutput));
    // Checked after the stream is registered, so a stop in between still reaches it.
    if (streamer && !watched_.contains(QString::fromStdString(record->id)))
        (*streamer)->containerStopped();
    return streamer;
}

void ContainerManager::logStreamFinished(const QString &key, LogStreamer *streamer)
{
    logStreams_.remove(key, streamer);
    if (!logStreams_.contains(key) && pendingAutoRemovals_.remove(key)) {
        if (auto record = records_.find(key.toStdString())) {
            (void)removeNow(*record, true);
            emit containersChanged();
        }
    }
    // Deleting it closes the caller's descriptors: after the removal above, so that a
    // `run --rm` that has read everything finds the container gone.
    streamer->deleteLater();
}

