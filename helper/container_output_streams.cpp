// The container output streams of ContainerManager: `berth logs` and the foreground
// `berth run`, both through LogStreamer reading the container's log into the caller's
// descriptors; a --rm container waits for them before it goes.
#include "container_manager.h"

#include "engine/container/container_bundle.h"

#include <QPointer>

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

void ContainerManager::startAttached(const std::string &idOrName, LogStreamer::Options options, berth::UniqueFd output,
                                     berth::UniqueFd errorOutput, std::function<void(berth::Result<int>)> done)
{
    auto record = records_.find(idOrName);
    if (!record)
        return done(std::unexpected(record.error()));
    options.follow = true;
    auto streamer = openLogStream(*record, std::move(options), std::move(output), std::move(errorOutput));
    if (!streamer)
        return done(std::unexpected(streamer.error()));
    // One answer: the start's failure, or the exit code once the output is written.
    auto answered = std::make_shared<bool>(false);
    attachedDone_.insert(*streamer, [done, answered](std::optional<int> exitCode) {
        if (std::exchange(*answered, true))
            return;
        if (exitCode)
            return done(*exitCode);
        done(berth::fail(ErrorCode::Internal, "the container's output ended before it stopped"));
    });
    start(record->id, [this, done, answered, streamer = QPointer<LogStreamer>(*streamer)](Status started) {
        if (started)
            return;
        if (streamer)
            streamer->containerStopped();
        if (!std::exchange(*answered, true))
            done(std::unexpected(started.error()));
    });
}

void ContainerManager::logStreamFinished(const QString &key, LogStreamer *streamer)
{
    logStreams_.remove(key, streamer);
    if (auto attached = attachedDone_.take(streamer))
        attached(streamer->exitCode());
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

