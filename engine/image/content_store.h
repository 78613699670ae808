// Blobs by digest under <root>/blobs/sha256. A blob is written to <root>/ingest first and
// renamed into place only after its size and digest are verified, so a crash or kill -9
// never leaves a wrong blob under its name; an unfinished ingest is resumed later.
#pragma once

#include "engine/core/digest.h"
#include "engine/core/error.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace berth::image {

class ContentStore;

/// One blob being written. Not thread-safe; one writer per digest at a time (an flock on
/// the partial file keeps two pulls of the same blob apart).
class Ingest {
public:
    Ingest(Ingest &&other) noexcept;
    Ingest &operator=(Ingest &&other) noexcept;
    ~Ingest();

    /// Bytes already written, by this or an interrupted earlier attempt: resume from here.
    [[nodiscard]] std::uint64_t offset() const { return offset_; }
    [[nodiscard]] const Digest &expectedDigest() const { return expected_; }
    /// Where the bytes written so far are, to replay them (a resumed, streamed unpack).
    [[nodiscard]] const std::filesystem::path &partialPath() const { return partialPath_; }
    [[nodiscard]] Status write(std::span<const std::byte> data);
    /// Throws away what was written (e.g. the server ignored a Range request).
    [[nodiscard]] Status restart();
    /// Deletes the partial data for good (a cancelled pull leaves nothing behind).
    void discard();
    /// Verifies size and digest, syncs, and renames the blob into the store. On a mismatch
    /// the partial data is deleted and the error says which check failed.
    [[nodiscard]] Status commit();

private:
    friend class ContentStore;
    Ingest(std::filesystem::path partialPath, std::filesystem::path finalPath, int fd, Digest expected,
           std::int64_t expectedSize, std::uint64_t offset, Sha256 hash);

    std::filesystem::path partialPath_;
    std::filesystem::path finalPath_;
    int fd_ = -1;
    Digest expected_;
    std::int64_t expectedSize_;
    std::uint64_t offset_;
    Sha256 hash_;
};

class ContentStore {
public:
    /// root is the storage root; blobs live in root/blobs/sha256.
    explicit ContentStore(std::filesystem::path root);

    [[nodiscard]] Status prepare() const;
    [[nodiscard]] bool contains(const Digest &digest) const;
    [[nodiscard]] std::filesystem::path blobPath(const Digest &digest) const;
    /// Size of a stored blob, or NotFound.
    [[nodiscard]] Result<std::uint64_t> blobSize(const Digest &digest) const;
    /// Reads a small blob (manifest, config) and checks its digest again.
    [[nodiscard]] Result<std::string> readBlob(const Digest &digest, std::size_t maximumBytes) const;
    /// Stores data; if expected is given it must match.
    [[nodiscard]] Result<Digest> writeBlob(std::string_view data, const std::optional<Digest> &expected = std::nullopt) const;
    /// Starts, or resumes, writing a blob whose digest and size the manifest gave.
    /// expectedSize < 0 means unknown.
    [[nodiscard]] Result<Ingest> beginIngest(const Digest &expected, std::int64_t expectedSize) const;
    [[nodiscard]] Status remove(const Digest &digest) const;
    [[nodiscard]] std::vector<Digest> list() const;

private:
    std::filesystem::path root_;
};

} // namespace berth::image
