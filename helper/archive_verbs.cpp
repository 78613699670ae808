// The archive verbs of io.berth.Helper1: save and load, each a Job. Files cross the bus
// as descriptors the caller opened, so the helper (root) never opens a path a caller chose
// and the caller's own permissions decide what can be read or written.
#include "helper_service.h"

#include "dbus_errors.h"
#include "job.h"

#include "engine/image/archive_load.h"
#include "engine/image/archive_save.h"

#include <QDBusMessage>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <memory>

using namespace berth;
using namespace berth::image;

namespace {

constexpr qsizetype maximumNames = 1000;
constexpr qsizetype maximumNameLength = 512;

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

/// The helper's own duplicate of a caller's descriptor, closed as soon as the work is done
/// (a pipe's reader sees its end only when every copy of the writing end is closed).
class CallerFile {
public:
    explicit CallerFile(int fd) : fd_(fd) {}
    ~CallerFile() { close(); }
    CallerFile(const CallerFile &) = delete;
    CallerFile &operator=(const CallerFile &) = delete;
    [[nodiscard]] int get() const { return fd_; }
    void close()
    {
        if (fd_ >= 0)
            ::close(fd_);
        fd_ = -1;
    }

private:
    int fd_;
};

enum class Direction { Read, Write };

Result<std::shared_ptr<CallerFile>> takeDescriptor(const QDBusUnixFileDescriptor &descriptor, Direction direction)
{
    if (!descriptor.isValid())
        return fail(ErrorCode::InvalidArgument,
                    "no file descriptor arrived with the call; connect to the bus over a unix socket, which can pass one");
    const int fd = ::fcntl(descriptor.fileDescriptor(), F_DUPFD_CLOEXEC, 3);
    if (fd < 0)
        return failErrno("taking the caller's file descriptor", errno);
    auto file = std::make_shared<CallerFile>(fd);
    const int flags = ::fcntl(fd, F_GETFL);
    struct stat info {};
    if (flags < 0 || ::fstat(fd, &info) != 0)
        return failErrno("examining the caller's file descriptor", errno);
    const int access = flags & O_ACCMODE;
    if ((flags & O_PATH) != 0)
        return fail(ErrorCode::InvalidArgument, "the file descriptor was opened with O_PATH; open the file for reading or writing");
    if (S_ISDIR(info.st_mode))
        return fail(ErrorCode::InvalidArgument, "the file descriptor is a directory; give a file or a pipe");
    if (direction == Direction::Write) {
        if (access == O_RDONLY)
            return fail(ErrorCode::InvalidArgument, "the file descriptor is not open for writing");
        if (::isatty(fd))
            return fail(ErrorCode::InvalidArgument,
                        "cowardly refusing to write an archive to a terminal; give a file or redirect the output");
    } else if (access == O_WRONLY) {
        return fail(ErrorCode::InvalidArgument, "the file descriptor is not open for reading");
    }
    return file;
}

Status refuseUnknownOptions(const QVariantMap &options)
{
    if (!options.isEmpty())
        return fail(ErrorCode::InvalidArgument, "unknown option " + backquoted(options.firstKey().toStdString()) +
                                                    "; this version takes none");
    return {};
}

ArchiveProgressSink progressTo(Job::Reporter &reporter)
{
    return [&reporter](const ArchiveProgress &progress) {
        reporter.progress(fromStd(progress.id), fromStd(progress.state), progress.current, progress.total);
    };
}

} // namespace

QDBusObjectPath HelperService::Save(const QStringList &names, const QDBusUnixFileDescriptor &output, const QVariantMap &options)
{
    authorizeThen("io.berth.image-save", [this, names, output, options](const QDBusMessage &request) {
        if (names.isEmpty() || names.size() > maximumNames)
            return errorReply(request, ErrorCode::InvalidArgument, tr("Name between 1 and 1000 images to save."));
        std::vector<std::string> wanted;
        for (const auto &name : names) {
            if (name.isEmpty() || name.size() > maximumNameLength)
                return errorReply(request, ErrorCode::InvalidArgument,
                                  tr("Give each image as a name, name:tag, name@digest or id of at most %1 characters.")
                                      .arg(maximumNameLength));
            wanted.push_back(name.toStdString());
        }
        if (auto known = refuseUnknownOptions(options); !known)
            return errorReply(request, known.error());
        auto file = takeDescriptor(output, Direction::Write);
        if (!file)
            return errorReply(request, std::move(file.error()).withContext("saving"));
        ImageStore images(store_.database());
        auto resolved = resolveSaveNames(images, wanted);
        if (!resolved)
            return errorReply(request, resolved.error());

        auto *job = new Job(bus_, nextJobNumber_++, QStringLiteral("save"), QStringLiteral("io.berth.image-save"),
                            authority_, idleTracker_, this);
        // Blobs being read must not be collected halfway through.
        holdGarbageCollection(job);
        const std::filesystem::path root = store_.root();
        const bool started = job->start([root, toSave = std::move(*resolved), caller = *file](Job::Reporter &reporter,
                                                                                            std::stop_token stop) -> Result<QVariantMap> {
            auto saved = saveImages(root, toSave, caller->get(), progressTo(reporter), stop);
            caller->close();
            if (!saved)
                return std::unexpected(saved.error());
            return QVariantMap{{QStringLiteral("Images"), uint(saved->images)},
                               {QStringLiteral("Layers"), uint(saved->layers)},
                               {QStringLiteral("Bytes"), qulonglong(saved->bytesWritten)}};
        });
        if (!started) {
            job->deleteLater();
            return errorReply(request, ErrorCode::Internal, tr("could not put the job on the bus"));
        }
        qInfo("berth-helper: %s saves %s as %s", qPrintable(request.service()), qPrintable(names.join(QLatin1Char(' '))),
              qPrintable(job->path()));
        return request.createReply(QVariant::fromValue(QDBusObjectPath(job->path())));
    });
    return {};
}

QDBusObjectPath HelperService::Load(const QDBusUnixFileDescriptor &input, const QVariantMap &options)
{
    authorizeThen("io.berth.image-load", [this, input, options](const QDBusMessage &request) {
        if (auto known = refuseUnknownOptions(options); !known)
            return errorReply(request, known.error());
        auto file = takeDescriptor(input, Direction::Read);
        if (!file)
            return errorReply(request, std::move(file.error()).withContext("loading"));

        auto *job = new Job(bus_, nextJobNumber_++, QStringLiteral("load"), QStringLiteral("io.berth.image-load"),
                            authority_, idleTracker_, this);
        // Blobs are stored before the images that use them are recorded.
        holdGarbageCollection(job);
        connect(job, &Job::Finished, this, [this](const QString &errorName) {
            if (errorName.isEmpty())
                Q_EMIT ImagesChanged();
        });
        const std::filesystem::path root = store_.root();
        const bool started = job->start([root, caller = *file](Job::Reporter &reporter, std::stop_token stop) -> Result<QVariantMap> {
            ArchiveLoader loader(root);
            auto loaded = loader.load(caller->get(), LoadOptions{}, progressTo(reporter), stop);
            caller->close();
            if (!loaded)
                return std::unexpected(loaded.error());
            QStringList lines;
            for (const auto &line : loaded->lines)
                lines << fromStd(line);
            QStringList ids;
            for (const auto &image : loaded->images)
                ids << fromStd(image.id.string());
            return QVariantMap{{QStringLiteral("Lines"), lines}, {QStringLiteral("Images"), ids}};
        });
        if (!started) {
            job->deleteLater();
            return errorReply(request, ErrorCode::Internal, tr("could not put the job on the bus"));
        }
        qInfo("berth-helper: %s loads an archive as %s", qPrintable(request.service()), qPrintable(job->path()));
        return request.createReply(QVariant::fromValue(QDBusObjectPath(job->path())));
    });
    return {};
}
