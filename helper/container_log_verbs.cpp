// ContainerLogs of io.berth.Helper1: `docker logs` through descriptors the caller passes, so
// output never crosses the bus as messages and a stream can last as long as the container
// runs. (A foreground run attaches to the container's monitor instead: AttachContainer.) The streaming itself is LogStreamer's, on its own thread.
#include "helper_service.h"

#include "container_manager.h"
#include "dbus_errors.h"
#include "idle_tracker.h"

#include <QDBusMessage>

#include <cerrno>
#include <fcntl.h>

using namespace berth;

namespace {

constexpr const char *listAction = "io.berth.container-list";
constexpr const char *manageAction = "io.berth.container-manage";

/// The helper's own copy of a caller's descriptor, checked to be writable.
Result<UniqueFd> writableCopy(const QDBusUnixFileDescriptor &descriptor, const char *which)
{
    if (!descriptor.isValid())
        return fail(ErrorCode::InvalidArgument, std::string("no ") + which +
                                                    " descriptor arrived with the call; connect over a unix socket, "
                                                    "which can pass one");
    UniqueFd copy(::fcntl(descriptor.fileDescriptor(), F_DUPFD_CLOEXEC, 3));
    if (!copy.valid())
        return failErrno(std::string("taking the caller's ") + which + " descriptor", errno);
    const int flags = ::fcntl(copy.get(), F_GETFL);
    if (flags < 0)
        return failErrno(std::string("examining the caller's ") + which + " descriptor", errno);
    if ((flags & O_PATH) != 0 || (flags & O_ACCMODE) == O_RDONLY)
        return fail(ErrorCode::InvalidArgument,
                    std::string("the ") + which + " descriptor is not open for writing; pass a pipe's writing end");
    return copy;
}

Result<LogStreamer::Options> logOptions(const QVariantMap &options)
{
    LogStreamer::Options parsed;
    auto reference = container::currentTimeReference();
    if (options.contains(QStringLiteral("utcOffset")))
        reference.utcOffsetSeconds = options.value(QStringLiteral("utcOffset")).toInt();
    for (auto it = options.begin(); it != options.end(); ++it) {
        const QString &key = it.key();
        const QVariant &value = it.value();
        const std::string text = value.toString().toStdString();
        if (key == QLatin1String("follow")) {
            parsed.follow = value.toBool();
        } else if (key == QLatin1String("timestamps")) {
            parsed.timestamps = value.toBool();
        } else if (key == QLatin1String("stdout")) {
            parsed.read.stdoutWanted = value.toBool();
        } else if (key == QLatin1String("stderr")) {
            parsed.read.stderrWanted = value.toBool();
        } else if (key == QLatin1String("utcOffset")) {
            continue;
        } else if (key == QLatin1String("tail")) {
            if (text == "all" || text.empty())
                continue;
            bool ok = false;
            const qlonglong lines = value.toString().toLongLong(&ok);
            // Docker treats a negative count as "all".
            if (!ok)
                return fail(ErrorCode::InvalidArgument,
                            "--tail takes a number of lines or \"all\", not " + backquoted(text));
            if (lines >= 0)
                parsed.read.tail = static_cast<std::size_t>(lines);
        } else if (key == QLatin1String("since") || key == QLatin1String("until")) {
            if (text.empty())
                continue;
            auto time = container::parseLogTime(text, reference);
            if (!time)
                return fail(ErrorCode::InvalidArgument,
                            "--" + key.toStdString() + " " + backquoted(text) +
                                " is not a time; give a duration like 10m or 1h30m, a date like 2024-05-01T10:00, "
                                "or Unix seconds");
            (key == QLatin1String("since") ? parsed.read.since : parsed.read.until) = *time;
        } else if (key == QLatin1String("format")) {
            if (text == "json-lines")
                parsed.format = LogStreamer::Format::JsonLines;
            else if (text != "plain")
                return fail(ErrorCode::InvalidArgument,
                            "unknown log format " + backquoted(text) + "; use \"plain\" or \"json-lines\"");
        } else {
            return fail(ErrorCode::InvalidArgument, "unknown log option " + backquoted(key.toStdString()));
        }
    }
    return parsed;
}

} // namespace

void HelperService::ContainerLogs(const QString &name, const QVariantMap &options, const QDBusUnixFileDescriptor &output,
                                  const QDBusUnixFileDescriptor &errorOutput)
{
    // Copies taken now: the message's descriptors close when this call returns.
    auto outputCopy = std::make_shared<Result<UniqueFd>>(writableCopy(output, "output"));
    auto errorCopy = std::make_shared<Result<UniqueFd>>(writableCopy(errorOutput, "error output"));
    authorizeThen(listAction, [this, name, options, outputCopy, errorCopy](const QDBusMessage &message) {
        if (!*outputCopy)
            return errorReply(message, outputCopy->error());
        if (!*errorCopy)
            return errorReply(message, errorCopy->error());
        auto parsed = logOptions(options);
        if (!parsed)
            return errorReply(message, parsed.error());
        auto streamer = containers_->streamLogs(name.toStdString(), std::move(*parsed), std::move(**outputCopy),
                                                std::move(**errorCopy));
        if (!streamer)
            return errorReply(message, streamer.error());
        // A stream in progress keeps the helper from exiting for idleness.
        idleTracker_->beginActivity();
        connect(*streamer, &QObject::destroyed, idleTracker_, &IdleTracker::endActivity);
        return message.createReply();
    });
}

int HelperService::AttachContainer(const QString &name, const QVariantMap &options, const QDBusUnixFileDescriptor &stream)
{
    // Copied now: the call's own copy closes when this method returns.
    auto streamCopy = std::make_shared<UniqueFd>(stream.isValid() ? ::fcntl(stream.fileDescriptor(), F_DUPFD_CLOEXEC, 3) : -1);
    authorizeThen(manageAction, [this, name, options, streamCopy](const QDBusMessage &message) {
        if (!streamCopy->valid())
            return errorReply(message, Error(ErrorCode::InvalidArgument,
                                             "no attach stream arrived with the call; pass one end of a SOCK_SEQPACKET "
                                             "socket pair over a unix-socket bus connection"));
        idleTracker_->beginActivity();
        containers_->attach(name.toStdString(), std::move(*streamCopy), options.value(QStringLiteral("Start")).toBool(),
                            [this, message](Result<int> exitCode) {
                                idleTracker_->endActivity();
                                bus_.send(exitCode ? message.createReply(*exitCode) : errorReply(message, exitCode.error()));
                            });
        return QDBusMessage();
    });
    return 0;
}
