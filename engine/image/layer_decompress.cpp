#include "engine/image/layer_decompress.h"

#include "engine/image/archive_io.h"

#include <archive.h>
#include <archive_entry.h>

#include <type_traits>

namespace berth::image {

namespace {

constexpr std::size_t inputBufferSize = 256 * 1024;

static_assert(std::is_same_v<la_ssize_t, long>, "the read callback is declared with long in the header");

std::string libarchiveMessage(archive *reader)
{
    const char *message = archive_error_string(reader);
    return message ? message : "unknown error";
}

} // namespace

LayerDecompressor::LayerDecompressor(int inputFd, std::uint64_t maxUncompressedBytes, std::stop_token stop)
    : inputFd_(inputFd), maxUncompressedBytes_(maxUncompressedBytes), stop_(std::move(stop)),
      inputBuffer_(std::make_unique<std::byte[]>(inputBufferSize))
{
}

LayerDecompressor::~LayerDecompressor()
{
    if (reader_)
        archive_read_free(reader_);
}

Result<std::unique_ptr<LayerDecompressor>> LayerDecompressor::open(int inputFd, std::uint64_t maxUncompressedBytes,
                                                                  std::stop_token stop)
{
    std::unique_ptr<LayerDecompressor> self(new LayerDecompressor(inputFd, maxUncompressedBytes, std::move(stop)));
    self->reader_ = archive_read_new();
    if (!self->reader_)
        return fail(ErrorCode::Internal, "libarchive could not allocate a reader");
    // Only filters built into libarchive: ARCHIVE_WARN would mean forking an external program.
    if (archive_read_support_filter_gzip(self->reader_) != ARCHIVE_OK ||
        archive_read_support_filter_zstd(self->reader_) != ARCHIVE_OK ||
        archive_read_support_format_raw(self->reader_) != ARCHIVE_OK)
        return fail(ErrorCode::Unsupported, "this libarchive cannot decompress gzip and zstd by itself");
    const auto failure = [&]() -> Error {
        if (self->inputError_)
            return *self->inputError_;
        return Error(ErrorCode::InvalidArgument, "the layer's data is unreadable: " + libarchiveMessage(self->reader_));
    };
    if (archive_read_open(self->reader_, self.get(), nullptr, &LayerDecompressor::readInput, nullptr) != ARCHIVE_OK)
        return std::unexpected(failure());
    archive_entry *entry = nullptr;
    const int status = archive_read_next_header(self->reader_, &entry);
    if (status == ARCHIVE_EOF) {
        // An empty blob: no bytes at all.
        self->ended_ = true;
        return self;
    }
    if (status != ARCHIVE_OK)
        return std::unexpected(failure());
    switch (archive_filter_code(self->reader_, 0)) {
    case ARCHIVE_FILTER_GZIP: self->compression_ = LayerCompression::Gzip; break;
    case ARCHIVE_FILTER_ZSTD: self->compression_ = LayerCompression::Zstd; break;
    default: self->compression_ = LayerCompression::None; break;
    }
    return self;
}

long LayerDecompressor::readInput(archive *reader, void *opaque, const void **buffer)
{
    auto *self = static_cast<LayerDecompressor *>(opaque);
    auto got = archive_detail::readSome(self->inputFd_, std::span(self->inputBuffer_.get(), inputBufferSize), self->stop_,
                                        "the layer");
    if (!got) {
        self->inputError_ = got.error();
        archive_set_error(reader, got.error().systemErrno() ? got.error().systemErrno() : -1, "%s",
                          got.error().message().c_str());
        return -1;
    }
    *buffer = self->inputBuffer_.get();
    return static_cast<long>(*got);
}

Result<std::span<const std::byte>> LayerDecompressor::next()
{
    if (ended_)
        return std::span<const std::byte>();
    const void *block = nullptr;
    std::size_t size = 0;
    la_int64_t offset = 0;
    const int status = archive_read_data_block(reader_, &block, &size, &offset);
    if (status == ARCHIVE_EOF) {
        ended_ = true;
        return std::span<const std::byte>();
    }
    if (status != ARCHIVE_OK) {
        if (inputError_)
            return std::unexpected(*inputError_);
        return fail(ErrorCode::InvalidArgument,
                    "the layer's compressed data is corrupt or truncated: " + libarchiveMessage(reader_));
    }
    if (offset < 0 || static_cast<std::uint64_t>(offset) != uncompressedBytes_)
        return fail(ErrorCode::Internal, "libarchive returned the uncompressed layer out of order");
    if (size > maxUncompressedBytes_ - uncompressedBytes_)
        return fail(ErrorCode::InvalidArgument, "the layer is larger than the limit of " +
                                                    std::to_string(maxUncompressedBytes_) +
                                                    " bytes uncompressed (a decompression bomb?)");
    uncompressedBytes_ += size;
    const std::span data(static_cast<const std::byte *>(block), size);
    hash_.update(data);
    return data;
}

Result<UncompressedDigest> uncompressedDigest(int inputFd, std::uint64_t maxUncompressedBytes, std::stop_token stop)
{
    auto decompressor = LayerDecompressor::open(inputFd, maxUncompressedBytes, stop);
    if (!decompressor)
        return std::unexpected(decompressor.error());
    for (;;) {
        auto block = (*decompressor)->next();
        if (!block)
            return std::unexpected(block.error());
        if (block->empty())
            break;
    }
    return UncompressedDigest{(*decompressor)->digest(), (*decompressor)->uncompressedBytes(),
                              (*decompressor)->compression()};
}

LayerCompression sniffCompression(std::span<const std::byte> firstBytes)
{
    const auto startsWith = [&](std::initializer_list<unsigned char> magic) {
        if (firstBytes.size() < magic.size())
            return false;
        std::size_t index = 0;
        for (const unsigned char byte : magic) {
            if (static_cast<unsigned char>(firstBytes[index++]) != byte)
                return false;
        }
        return true;
    };
    if (startsWith({0x1f, 0x8b}))
        return LayerCompression::Gzip;
    if (startsWith({0x28, 0xb5, 0x2f, 0xfd}))
        return LayerCompression::Zstd;
    return LayerCompression::None;
}

} // namespace berth::image
