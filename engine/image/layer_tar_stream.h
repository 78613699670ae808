// The uncompressed tar stream of a layer read from a file descriptor (a file or a pipe):
// gzip, zstd or no compression is detected from the data, and every uncompressed byte is
// counted and hashed as it passes, which gives the layer's diff id without a second read.
// Internal to layer_apply.cpp; not part of the image library's interface.
#pragma once

#include "engine/core/digest.h"
#include "engine/core/error.h"

#include <archive.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

namespace berth::image::layer_detail {

/// Two libarchive readers in a chain: the first ("raw" format, gzip and zstd filters)
/// decompresses what it reads from the descriptor; the second (tar format, no filters)
/// reads through a callback that takes the first one's output, hashes and counts it.
/// Not movable: libarchive holds a pointer to it.
class LayerTarStream {
public:
    /// Starts reading inputFd (not taken over) and recognises the compression.
    [[nodiscard]] static Result<std::unique_ptr<LayerTarStream>> open(int inputFd, std::uint64_t maxUncompressedBytes);
    ~LayerTarStream();
    LayerTarStream(const LayerTarStream &) = delete;
    LayerTarStream &operator=(const LayerTarStream &) = delete;

    /// The tar reader, for archive_read_next_header and archive_read_data_block.
    [[nodiscard]] archive *tar() const { return tar_; }

    /// Why the tar reader failed: the stream's own error (read failure, size limit,
    /// corrupt compression) when there was one, since libarchive only sees "-1" from the
    /// callback; otherwise libarchive's message after what.
    [[nodiscard]] Error tarError(std::string_view what) const;

    /// After the tar reader saw the end of the archive: reads and hashes the rest of the
    /// uncompressed stream (padding after the end blocks) and drains the descriptor to EOF.
    [[nodiscard]] Status finish();

    /// Valid after finish(): sha256 of every uncompressed byte, and how many there were.
    [[nodiscard]] Digest digest();
    [[nodiscard]] std::uint64_t uncompressedBytes() const { return uncompressedBytes_; }

private:
    LayerTarStream(int inputFd, std::uint64_t maxUncompressedBytes);
    static la_ssize_t readInput(archive *reader, void *self, const void **buffer);
    static la_ssize_t readUncompressed(archive *reader, void *self, const void **buffer);
    /// Next block of the decompressed stream: its size, 0 at its end, -1 on failure (error_ says why).
    la_ssize_t nextUncompressedBlock(const void **buffer);

    int inputFd_;
    std::uint64_t maxUncompressedBytes_;
    std::uint64_t uncompressedBytes_ = 0;
    std::uint64_t compressedBytes_ = 0;
    Sha256 hash_;
    archive *decompressor_ = nullptr;
    archive *tar_ = nullptr;
    std::optional<Error> error_;
    std::unique_ptr<char[]> inputBuffer_;
};

} // namespace berth::image::layer_detail
