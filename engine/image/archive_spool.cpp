#include "engine/image/archive_spool.h"

#include "engine/core/unique_fd.h"
#include "engine/image/archive_io.h"

#include <archive.h>
#include <archive_entry.h>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <optional>
#include <vector>

namespace berth::image {

namespace {


constexpr std::size_t inputBufferSize = 256 * 1024;
// Bytes after the end of the tar that are read (and dropped) so that a writer at the other
// end of a pipe finishes normally.
constexpr std::uint64_t maximumTrailingBytes = 16ull << 20;
constexpr int maximumLinkHops = 40;
constexpr std::string_view spoolPrefix = "load-";

std::string libarchiveMessage(archive *reader)
{
    const char *message = archive_error_string(reader);
    return message ? message : "unknown error";
}

std::string hostileHint()
{
    return "the archive is damaged or was made to attack the loader; do not load it";
}

// Splits an archive path into components, dropping empty ones and `.`. `..` is applied
// lexically when allowClimb (link targets) and refused otherwise (entry names).
Result<std::vector<std::string>> splitPath(std::string_view path, std::vector<std::string> base, bool allowClimb)
{
    if (path.starts_with('/'))
        return fail(ErrorCode::InvalidArgument, "the archive has an entry with the absolute path " + backquoted(path) +
                                                    ", which points outside it; " + hostileHint());
    std::vector<std::string> components = std::move(base);
    while (!path.empty()) {
        const auto slash = path.find('/');
        const std::string_view component = path.substr(0, slash);
        path.remove_prefix(slash == std::string_view::npos ? path.size() : slash + 1);
        if (component.empty() || component == ".")
            continue;
        if (component == "..") {
            if (!allowClimb || components.empty())
                return fail(ErrorCode::InvalidArgument, "the archive has an entry or link with `..` that points outside it; " +
                                                            hostileHint());
            components.pop_back();
            continue;
        }
        components.emplace_back(component);
    }
    return components;
}

std::string join(const std::vector<std::string> &components, std::size_t count)
{
    std::string text;
    for (std::size_t index = 0; index < count; ++index) {
        if (index)
            text += '/';
        text += components[index];
    }
    return text;
}

class Reader {
public:
    Reader(int fd, std::stop_token stop, const std::function<void(std::uint64_t)> &progress)
        : fd_(fd), stop_(std::move(stop)), progress_(progress), buffer_(std::make_unique<std::byte[]>(inputBufferSize))
    {
    }

    static la_ssize_t read(archive *handle, void *opaque, const void **buffer)
    {
        auto *self = static_cast<Reader *>(opaque);
        auto got = archive_detail::readSome(self->fd_, std::span(self->buffer_.get(), inputBufferSize), self->stop_,
                                            "the archive");
        if (!got) {
            self->error_ = got.error();
            archive_set_error(handle, -1, "%s", got.error().message().c_str());
            return -1;
        }
        self->bytes_ += *got;
        if (self->progress_)
            self->progress_(self->bytes_);
        *buffer = self->buffer_.get();
        return static_cast<la_ssize_t>(*got);
    }

    // Reads what follows the end of the tar, up to a limit.
    void drain()
    {
        std::uint64_t drained = 0;
        while (drained < maximumTrailingBytes) {
            auto got = archive_detail::readSome(fd_, std::span(buffer_.get(), inputBufferSize), stop_, "the archive");
            if (!got || *got == 0)
                return;
            drained += *got;
        }
    }

    [[nodiscard]] std::uint64_t bytes() const { return bytes_; }
    [[nodiscard]] const std::optional<Error> &error() const { return error_; }

private:
    int fd_;
    std::stop_token stop_;
    const std::function<void(std::uint64_t)> &progress_;
    std::unique_ptr<std::byte[]> buffer_;
    std::uint64_t bytes_ = 0;
    std::optional<Error> error_;
};

struct ReaderHandle {
    archive *handle = archive_read_new();
    ~ReaderHandle()
    {
        if (handle)
            archive_read_free(handle);
    }
};

} // namespace

ArchiveSpool::ArchiveSpool(std::filesystem::path directory, int lockFd)
    : directory_(std::move(directory)), lockFd_(lockFd)
{
}

ArchiveSpool::~ArchiveSpool()
{
    std::error_code error;
    std::filesystem::remove_all(directory_, error);
    if (lockFd_ >= 0)
        ::close(lockFd_);
}

void ArchiveSpool::removeLeftovers(const std::filesystem::path &root)
{
    std::error_code error;
    for (const auto &entry : std::filesystem::directory_iterator(root / "ingest", error)) {
        if (!entry.path().filename().string().starts_with(spoolPrefix))
            continue;
        UniqueFd fd(::open(entry.path().c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        // A running load holds its directory's lock.
        if (fd.valid() && ::flock(fd.get(), LOCK_EX | LOCK_NB) == 0)
            std::filesystem::remove_all(entry.path(), error);
    }
}

Result<std::unique_ptr<ArchiveSpool>> ArchiveSpool::read(const std::filesystem::path &root, int inputFd,
                                                         const SpoolLimits &limits,
                                                         const std::function<void(std::uint64_t)> &progress,
                                                         std::stop_token stop)
{
    const auto ingest = root / "ingest";
    std::error_code error;
    std::filesystem::create_directories(ingest, error);
    const auto directory = ingest / (std::string(spoolPrefix) + archive_detail::randomName());
    if (::mkdir(directory.c_str(), 0700) != 0)
        return failErrno("creating the spool directory " + backquoted(directory.string()), errno);
    const int lockFd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (lockFd < 0 || ::flock(lockFd, LOCK_EX) != 0) {
        const int err = errno;
        if (lockFd >= 0)
            ::close(lockFd);
        std::filesystem::remove_all(directory, error);
        return failErrno("locking the spool directory " + backquoted(directory.string()), err);
    }
    std::unique_ptr<ArchiveSpool> spool(new ArchiveSpool(directory, lockFd));

    ReaderHandle reader;
    if (!reader.handle)
        return fail(ErrorCode::Internal, "libarchive could not allocate a reader");
    // docker load takes plain, gzip, bzip2 and xz tars; zstd too. Built-in filters only:
    // ARCHIVE_WARN would mean forking an external program from the helper.
    if (archive_read_support_filter_gzip(reader.handle) != ARCHIVE_OK ||
        archive_read_support_filter_bzip2(reader.handle) != ARCHIVE_OK ||
        archive_read_support_filter_xz(reader.handle) != ARCHIVE_OK ||
        archive_read_support_filter_zstd(reader.handle) != ARCHIVE_OK ||
        archive_read_support_format_tar(reader.handle) != ARCHIVE_OK)
        return fail(ErrorCode::Unsupported, "this libarchive cannot read tar with gzip, bzip2, xz and zstd by itself");
    Reader input(inputFd, stop, progress);
    const auto readFailure = [&](std::string_view what) -> Error {
        if (input.error())
            return *input.error();
        if (input.bytes() == 0)
            return Error(ErrorCode::InvalidArgument,
                         "the input is empty (0 bytes); give an archive written by `docker save`, `podman save` or "
                         "skopeo, e.g. `berth load -i FILE`");
        return Error(ErrorCode::InvalidArgument, std::string(what) + " (" + libarchiveMessage(reader.handle) + ")");
    };
    if (archive_read_open(reader.handle, &input, nullptr, &Reader::read, nullptr) != ARCHIVE_OK)
        return std::unexpected(readFailure("the input is not a tar archive"));

    std::uint64_t entries = 0;
    std::uint64_t totalBytes = 0;
    std::uint64_t fileNumber = 0;
    const std::string truncated = "the archive is truncated or damaged; copy or save it again";
    for (;;) {
        archive_entry *entry = nullptr;
        const int status = archive_read_next_header(reader.handle, &entry);
        if (status == ARCHIVE_EOF)
            break;
        if (status != ARCHIVE_OK && status != ARCHIVE_WARN)
            return std::unexpected(readFailure(entries == 0 ? "the input is not a tar archive" : truncated));
        if (++entries > limits.maxEntries)
            return fail(ErrorCode::InvalidArgument, "the archive has more than " + std::to_string(limits.maxEntries) +
                                                        " entries, more than an image archive holds; " + hostileHint());
        const char *rawName = archive_entry_pathname(entry);
        if (!rawName || !*rawName)
            return fail(ErrorCode::InvalidArgument, "the archive has an entry without a name; " + hostileHint());
        const std::string_view name(rawName);
        if (name.size() > limits.maxPathLength)
            return fail(ErrorCode::InvalidArgument, "the archive has an entry name longer than " +
                                                        std::to_string(limits.maxPathLength) + " bytes; " + hostileHint());
        auto components = splitPath(name, {}, false);
        if (!components)
            return std::unexpected(std::move(components.error()).withContext("entry " + backquoted(name)));
        const std::string path = join(*components, components->size());
        if (path.empty())
            continue; // "./" itself

        if (const char *target = archive_entry_hardlink(entry)) {
            auto targetComponents = splitPath(target, {}, false);
            if (!targetComponents)
                return std::unexpected(std::move(targetComponents.error()).withContext("hard link " + backquoted(name)));
            const auto linked = spool->files_.find(join(*targetComponents, targetComponents->size()));
            if (linked == spool->files_.end())
                return fail(ErrorCode::InvalidArgument, "the archive's hard link " + backquoted(name) + " points at " +
                                                            backquoted(target) + ", which comes nowhere before it; " +
                                                            truncated);
            spool->symbolicLinks_.erase(path);
            spool->files_[path] = linked->second;
            continue;
        }
        const auto type = archive_entry_filetype(entry);
        if (type == AE_IFLNK) {
            const char *target = archive_entry_symlink(entry);
            if (!target || std::string_view(target).size() > limits.maxPathLength)
                return fail(ErrorCode::InvalidArgument, "the archive's symbolic link " + backquoted(name) +
                                                            " has no target or a too long one; " + hostileHint());
            spool->files_.erase(path);
            spool->symbolicLinks_[path] = target;
            continue;
        }
        if (type != AE_IFREG)
            continue; // directories and anything else: nothing of an image lives there

        const auto size = archive_entry_size(entry);
        if (size < 0 || static_cast<std::uint64_t>(size) > limits.maxArchiveBytes - totalBytes)
            return fail(ErrorCode::InvalidArgument, "the archive holds more than the limit of " +
                                                        std::to_string(limits.maxArchiveBytes) + " bytes");
        const auto spooled = directory / ("f" + std::to_string(fileNumber++));
        UniqueFd out(::open(spooled.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
        if (!out.valid())
            return failErrno("creating " + backquoted(spooled.string()), errno);
        Sha256 hash;
        std::uint64_t written = 0;
        for (;;) {
            const void *block = nullptr;
            std::size_t blockSize = 0;
            la_int64_t offset = 0;
            const int dataStatus = archive_read_data_block(reader.handle, &block, &blockSize, &offset);
            if (dataStatus == ARCHIVE_EOF)
                break;
            if (dataStatus != ARCHIVE_OK && dataStatus != ARCHIVE_WARN)
                return std::unexpected(readFailure(truncated).withContext("reading " + backquoted(name)));
            if (offset < 0 || static_cast<std::uint64_t>(offset) != written)
                return fail(ErrorCode::InvalidArgument, "the archive's entry " + backquoted(name) +
                                                            " is a sparse file, which no image archive has; " + hostileHint());
            const std::span data(static_cast<const std::byte *>(block), blockSize);
            if (auto stored = archive_detail::writeFully(out.get(), data, stop, "the spool file"); !stored)
                return std::unexpected(stored.error());
            hash.update(data);
            written += blockSize;
        }
        if (written != static_cast<std::uint64_t>(size))
            return std::unexpected(Error(ErrorCode::InvalidArgument, truncated).withContext("reading " + backquoted(name)));
        totalBytes += written;
        spool->symbolicLinks_.erase(path);
        spool->files_[path] = std::make_shared<File>(File{spooled, written, hash.finish(), path});
    }
    input.drain();
    return spool;
}

Result<std::string> ArchiveSpool::resolve(std::string_view archivePath) const
{
    auto components = splitPath(archivePath, {}, false);
    if (!components)
        return std::unexpected(components.error());
    for (int hops = 0; hops <= maximumLinkHops; ++hops) {
        bool followed = false;
        for (std::size_t length = 1; length <= components->size(); ++length) {
            const auto link = symbolicLinks_.find(join(*components, length));
            if (link == symbolicLinks_.end())
                continue;
            if (link->second.starts_with('/'))
                return fail(ErrorCode::InvalidArgument, "the archive's symbolic link " + backquoted(link->first) +
                                                            " points at the absolute path " + backquoted(link->second) +
                                                            ", outside the archive; " + hostileHint());
            std::vector<std::string> base(components->begin(), components->begin() + static_cast<long>(length) - 1);
            auto target = splitPath(link->second, std::move(base), true);
            if (!target)
                return std::unexpected(std::move(target.error()).withContext("symbolic link " + backquoted(link->first)));
            target->insert(target->end(), components->begin() + static_cast<long>(length), components->end());
            *components = std::move(*target);
            followed = true;
            break;
        }
        if (!followed)
            return join(*components, components->size());
    }
    return fail(ErrorCode::InvalidArgument, "the archive's symbolic links around " + backquoted(archivePath) +
                                                " form a loop; " + hostileHint());
}

Result<const ArchiveSpool::File *> ArchiveSpool::find(std::string_view archivePath) const
{
    auto resolved = resolve(archivePath);
    if (!resolved)
        return std::unexpected(resolved.error());
    const auto file = files_.find(*resolved);
    if (file == files_.end())
        return fail(ErrorCode::NotFound, backquoted(archivePath) + " is not in the archive");
    return file->second.get();
}

bool ArchiveSpool::contains(std::string_view archivePath) const
{
    return find(archivePath).has_value();
}

Result<std::string> ArchiveSpool::readText(std::string_view archivePath, std::size_t maximumBytes) const
{
    auto file = find(archivePath);
    if (!file)
        return std::unexpected(file.error());
    return readText(**file, maximumBytes);
}

Result<std::string> ArchiveSpool::readText(const File &file, std::size_t maximumBytes)
{
    if (file.size > maximumBytes)
        return fail(ErrorCode::InvalidArgument, backquoted(file.archivePath) + " is " + std::to_string(file.size) +
                                                    " bytes, more than the limit of " + std::to_string(maximumBytes) +
                                                    " for it");
    UniqueFd fd(::open(file.path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd.valid())
        return failErrno("opening the spooled " + backquoted(file.archivePath), errno);
    std::string text(file.size, '\0');
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t got = ::read(fd.get(), text.data() + done, text.size() - done);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return failErrno("reading the spooled " + backquoted(file.archivePath), got < 0 ? errno : EIO);
        done += static_cast<std::size_t>(got);
    }
    return text;
}

} // namespace berth::image
