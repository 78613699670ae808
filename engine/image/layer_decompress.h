// A layer blob's uncompressed bytes, block by block, from a file descriptor: gzip, zstd or
// no compression is recognised from the data (libarchive's "raw" reader with its built-in
// filters), every byte is hashed and counted, and a limit stops decompression bombs.
// `save` streams layers out this way; `load` checks a layer against its diff id with it.
#pragma once

#include "engine/core/digest.h"
#include "engine/core/error.h"
#include "engine/image/manifest.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <stop_token>

struct archive;

namespace berth::image {

class LayerDecompressor {
public:
    /// Starts reading inputFd (not taken over; read until its end) and recognises the
    /// compression. stop is looked at between blocks.
    [[nodiscard]] static Result<std::unique_ptr<LayerDecompressor>> open(int inputFd, std::uint64_t maxUncompressedBytes,
                                                                       std::stop_token stop = {});
    ~LayerDecompressor();
    LayerDecompressor(const LayerDecompressor &) = delete;
    LayerDecompressor &operator=(const LayerDecompressor &) = delete;

    /// The next block of uncompressed data, valid until the next call; empty at the end.
    [[nodiscard]] Result<std::span<const std::byte>> next();

    [[nodiscard]] LayerCompression compression() const { return compression_; }
    /// Uncompressed bytes handed out so far.
    [[nodiscard]] std::uint64_t uncompressedBytes() const { return uncompressedBytes_; }
    /// sha256 of the uncompressed bytes; call once, after next() returned an empty block.
    [[nodiscard]] Digest digest() { return hash_.finish(); }

private:
    LayerDecompressor(int inputFd, std::uint64_t maxUncompressedBytes, std::stop_token stop);
    static long readInput(archive *reader, void *self, const void **buffer);

    int inputFd_;
    std::uint64_t maxUncompressedBytes_;
    std::stop_token stop_;
    archive *reader_ = nullptr;
    std::unique_ptr<std::byte[]> inputBuffer_;
    std::optional<Error> inputError_;
    LayerCompression compression_ = LayerCompression::None;
    std::uint64_t uncompressedBytes_ = 0;
    bool ended_ = false;
    Sha256 hash_;
};

/// The diff id (sha256 of the uncompressed stream) and uncompressed size of a layer blob.
struct UncompressedDigest {
    Digest digest;
    std::uint64_t size = 0;
    LayerCompression compression = LayerCompression::None;
};
[[nodiscard]] Result<UncompressedDigest> uncompressedDigest(int inputFd, std::uint64_t maxUncompressedBytes,
                                                            std::stop_token stop = {});

/// What the first bytes of a blob say about its compression: gzip and zstd by their magic
/// numbers, anything else is taken as uncompressed.
[[nodiscard]] LayerCompression sniffCompression(std::span<const std::byte> firstBytes);

} // namespace berth::image
