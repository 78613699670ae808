#include "engine/image/content_store.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <utility>

namespace berth::image {

namespace {

Status fsyncDirectory(const std::filesystem::path &directory)
{
    const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return failErrno("opening " + backquoted(directory.string()), errno);
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0)
        return failErrno("syncing " + backquoted(directory.string()), err);
    return {};
}

Status writeAll(int fd, std::span<const std::byte> data)
{
    while (!data.empty()) {
        const ssize_t written = ::write(fd, data.data(), data.size());
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return failErrno("writing", errno);
        }
        data = data.subspan(static_cast<std::size_t>(written));
    }
    return {};
}

// Feeds the bytes already in a partial file to the hash, so a resumed download is still
// verified end to end.
Result<std::uint64_t> hashExisting(int fd, Sha256 &hash)
{
    std::uint64_t total = 0;
    std::byte buffer[1 << 16];
    if (::lseek(fd, 0, SEEK_SET) < 0)
        return failErrno("seeking", errno);
    for (;;) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return failErrno("reading the partial blob", errno);
        }
        if (got == 0)
            break;
        hash.update(std::span(buffer, static_cast<std::size_t>(got)));
        total += static_cast<std::uint64_t>(got);
    }
    return total;
}

} // namespace

Ingest::Ingest(std::filesystem::path partialPath, std::filesystem::path finalPath, int fd, Digest expected,
               std::int64_t expectedSize, std::uint64_t offset, Sha256 hash)
    : partialPath_(std::move(partialPath)), finalPath_(std::move(finalPath)), fd_(fd), expected_(std::move(expected)),
      expectedSize_(expectedSize), offset_(offset), hash_(std::move(hash))
{
}

Ingest::Ingest(Ingest &&other) noexcept
    : partialPath_(std::move(other.partialPath_)), finalPath_(std::move(other.finalPath_)),
      fd_(std::exchange(other.fd_, -1)), expected_(std::move(other.expected_)), expectedSize_(other.expectedSize_),
      offset_(other.offset_), hash_(std::move(other.hash_))
{
}

Ingest &Ingest::operator=(Ingest &&other) noexcept
{
    if (this != &other) {
        if (fd_ >= 0)
            ::close(fd_);
        partialPath_ = std::move(other.partialPath_);
        finalPath_ = std::move(other.finalPath_);
        fd_ = std::exchange(other.fd_, -1);
        expected_ = std::move(other.expected_);
        expectedSize_ = other.expectedSize_;
        offset_ = other.offset_;
        hash_ = std::move(other.hash_);
    }
    return *this;
}

Ingest::~Ingest()
{
    // Closing releases the flock; the partial file stays for a later resume.
    if (fd_ >= 0)
        ::close(fd_);
}

Status Ingest::write(std::span<const std::byte> data)
{
    if (expectedSize_ >= 0 && offset_ + data.size() > static_cast<std::uint64_t>(expectedSize_))
        return fail(ErrorCode::InvalidArgument, "blob " + expected_.string() + " is larger than the " +
                                                    std::to_string(expectedSize_) + " bytes its descriptor says");
    if (auto written = writeAll(fd_, data); !written)
        return std::unexpected(std::move(written.error()).withContext("storing blob " + expected_.string()));
    hash_.update(data);
    offset_ += data.size();
    return {};
}

Status Ingest::restart()
{
    if (::ftruncate(fd_, 0) != 0 || ::lseek(fd_, 0, SEEK_SET) < 0)
        return failErrno("truncating the partial blob " + backquoted(partialPath_.string()), errno);
    hash_ = Sha256();
    offset_ = 0;
    return {};
}

void Ingest::discard()
{
    ::unlink(partialPath_.c_str());
    offset_ = 0;
}

Status Ingest::commit()
{
    const Digest actual = hash_.finish();
    const auto discard = [this] {
        ::unlink(partialPath_.c_str());
        offset_ = 0;
    };
    if (expectedSize_ >= 0 && offset_ != static_cast<std::uint64_t>(expectedSize_)) {
        const std::string got = std::to_string(offset_);
        discard();
        return fail(ErrorCode::InvalidArgument, "blob " + expected_.string() + " is truncated: got " + got + " of " +
                                                    std::to_string(expectedSize_) + " bytes");
    }
    if (actual != expected_) {
        discard();
        return fail(ErrorCode::InvalidArgument, "digest mismatch: expected " + expected_.string() + ", the data has " +
                                                    actual.string() + "; the registry or a proxy sent wrong data");
    }
    if (::fsync(fd_) != 0)
        return failErrno("syncing blob " + expected_.string(), errno);
    if (::rename(partialPath_.c_str(), finalPath_.c_str()) != 0)
        return failErrno("moving blob " + expected_.string() + " into the store", errno);
    return fsyncDirectory(finalPath_.parent_path());
}

ContentStore::ContentStore(std::filesystem::path root) : root_(std::move(root)) {}

Status ContentStore::prepare() const
{
    std::error_code error;
    std::filesystem::create_directories(root_ / "blobs" / "sha256", error);
    if (!error)
        std::filesystem::create_directories(root_ / "ingest", error);
    if (error)
        return fail(ErrorCode::Io, "creating the content store in " + backquoted(root_.string()) + ": " + error.message());
    return {};
}

std::filesystem::path ContentStore::blobPath(const Digest &digest) const
{
    return root_ / "blobs" / "sha256" / std::string(digest.hex());
}

bool ContentStore::contains(const Digest &digest) const
{
    struct stat info {};
    return ::stat(blobPath(digest).c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

Result<std::uint64_t> ContentStore::blobSize(const Digest &digest) const
{
    struct stat info {};
    if (::stat(blobPath(digest).c_str(), &info) != 0)
        return fail(ErrorCode::NotFound, "blob " + digest.string() + " is not in the store");
    return static_cast<std::uint64_t>(info.st_size);
}

Result<std::string> ContentStore::readBlob(const Digest &digest, std::size_t maximumBytes) const
{
    const auto path = blobPath(digest);
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return fail(errno == ENOENT ? ErrorCode::NotFound : ErrorCode::Io, "blob " + digest.string() + " is not in the store");
    std::string data;
    char buffer[1 << 16];
    for (;;) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        data.append(buffer, static_cast<std::size_t>(got));
        if (data.size() > maximumBytes) {
            ::close(fd);
            return fail(ErrorCode::InvalidArgument, "blob " + digest.string() + " is larger than " +
                                                        std::to_string(maximumBytes) + " bytes");
        }
    }
    ::close(fd);
    if (Sha256::of(data) != digest)
        return fail(ErrorCode::Io, "blob " + digest.string() + " is damaged on disk (its content no longer matches); "
                                   "remove the image and pull it again");
    return data;
}

Result<Digest> ContentStore::writeBlob(std::string_view data, const std::optional<Digest> &expected) const
{
    const Digest digest = expected ? *expected : Sha256::of(data);
    if (contains(digest))
        return digest;
    auto ingest = beginIngest(digest, static_cast<std::int64_t>(data.size()));
    if (!ingest)
        return std::unexpected(ingest.error());
    if (ingest->offset() != 0) {
        if (auto restarted = ingest->restart(); !restarted)
            return std::unexpected(restarted.error());
    }
    if (auto written = ingest->write(std::as_bytes(std::span(data.data(), data.size()))); !written)
        return std::unexpected(written.error());
    if (auto committed = ingest->commit(); !committed)
        return std::unexpected(committed.error());
    return digest;
}

Result<Ingest> ContentStore::beginIngest(const Digest &expected, std::int64_t expectedSize) const
{
    if (auto prepared = prepare(); !prepared)
        return std::unexpected(prepared.error());
    const auto partial = root_ / "ingest" / (std::string(expected.hex()) + ".partial");
    const int fd = ::open(partial.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return failErrno("opening " + backquoted(partial.string()), errno);
    // Another pull of the same blob holds it: wait for it, then see what it left.
    if (::flock(fd, LOCK_EX) != 0) {
        const int err = errno;
        ::close(fd);
        return failErrno("locking " + backquoted(partial.string()), err);
    }
    Sha256 hash;
    auto existing = hashExisting(fd, hash);
    if (!existing) {
        ::close(fd);
        return std::unexpected(existing.error());
    }
    std::uint64_t offset = *existing;
    if (expectedSize >= 0 && offset > static_cast<std::uint64_t>(expectedSize)) {
        // Longer than the blob can be: worthless, start over.
        if (::ftruncate(fd, 0) != 0) {
            const int err = errno;
            ::close(fd);
            return failErrno("truncating " + backquoted(partial.string()), err);
        }
        hash = Sha256();
        offset = 0;
    }
    if (::lseek(fd, 0, SEEK_END) < 0) {
        const int err = errno;
        ::close(fd);
        return failErrno("seeking " + backquoted(partial.string()), err);
    }
    return Ingest(partial, blobPath(expected), fd, expected, expectedSize, offset, std::move(hash));
}

Status ContentStore::remove(const Digest &digest) const
{
    if (::unlink(blobPath(digest).c_str()) != 0 && errno != ENOENT)
        return failErrno("removing blob " + digest.string(), errno);
    return {};
}

std::vector<Digest> ContentStore::list() const
{
    std::vector<Digest> digests;
    std::error_code error;
    for (const auto &entry : std::filesystem::directory_iterator(root_ / "blobs" / "sha256", error)) {
        if (auto digest = Digest::parse("sha256:" + entry.path().filename().string()))
            digests.push_back(*digest);
    }
    return digests;
}

} // namespace berth::image
