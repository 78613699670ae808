// The files of an image archive (a tar, possibly gzip/bzip2/xz/zstd-compressed, read from a
// file or a pipe), copied into a private directory <root>/ingest/load-<random> and hashed on
// the way, then looked up by their path in the archive. Nothing is ever created by an
// archive path: each file is spooled under a name of ours, and symbolic and hard links are
// only remembered and followed lexically inside the archive, so an entry such as `../x` or
// a link to `/etc` can never reach outside. The directory is removed with the object, and
// leftovers of a killed helper by removeLeftovers().
#pragma once

#include "engine/core/digest.h"
#include "engine/core/error.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <stop_token>
#include <string>
#include <string_view>

namespace berth::image {

struct SpoolLimits {
    /// Bytes of all files in the archive together, uncompressed.
    std::uint64_t maxArchiveBytes = 64ull << 30;
    /// Entries of any kind.
    std::uint64_t maxEntries = 200'000;
    /// Bytes in an entry's name or a link's target.
    std::size_t maxPathLength = 4096;
};

class ArchiveSpool {
public:
    struct File {
        /// Where the copy is, inside the spool directory.
        std::filesystem::path path;
        std::uint64_t size = 0;
        Digest digest;
        /// The archive path it was stored under (the first one, for hard links).
        std::string archivePath;
    };

    /// Reads the whole archive from inputFd (not taken over). progress gets the bytes read
    /// from the descriptor so far.
    [[nodiscard]] static Result<std::unique_ptr<ArchiveSpool>> read(const std::filesystem::path &root, int inputFd,
                                                                    const SpoolLimits &limits,
                                                                    const std::function<void(std::uint64_t)> &progress,
                                                                    std::stop_token stop);
    ~ArchiveSpool();
    ArchiveSpool(const ArchiveSpool &) = delete;
    ArchiveSpool &operator=(const ArchiveSpool &) = delete;

    /// The regular file at an archive path ("manifest.json", "./abc/layer.tar"), through
    /// the archive's own links. NotFound if there is none; InvalidArgument if the path or a
    /// link on the way leads outside the archive.
    [[nodiscard]] Result<const File *> find(std::string_view archivePath) const;
    [[nodiscard]] bool contains(std::string_view archivePath) const;
    /// The content of a small file, at most maximumBytes.
    [[nodiscard]] Result<std::string> readText(std::string_view archivePath, std::size_t maximumBytes) const;
    /// The content of a spooled file, at most maximumBytes.
    [[nodiscard]] static Result<std::string> readText(const File &file, std::size_t maximumBytes);

    /// Removes spool directories that no running load holds (each load holds an flock on
    /// its directory). Safe to call at any time.
    static void removeLeftovers(const std::filesystem::path &root);

private:
    ArchiveSpool(std::filesystem::path directory, int lockFd);
    [[nodiscard]] Result<std::string> resolve(std::string_view archivePath) const;

    std::filesystem::path directory_;
    int lockFd_ = -1;
    /// Normalised archive path -> file; hard links share the file.
    std::map<std::string, std::shared_ptr<File>, std::less<>> files_;
    /// Normalised archive path -> link target as written.
    std::map<std::string, std::string, std::less<>> symbolicLinks_;
};

} // namespace berth::image
