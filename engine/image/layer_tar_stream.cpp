#include "engine/image/layer_tar_stream.h"

#include <archive_entry.h>

#include <unistd.h>

#include <cerrno>
#include <span>
#include <string>

namespace berth::image::layer_detail {

namespace {

constexpr std::size_t inputBufferSize = 128 * 1024;

std::string libarchiveMessage(archive *reader)
{
    const char *message = archive_error_string(reader);
    return message ? message : "unknown error";
}

} // namespace

LayerTarStream::LayerTarStream(int inputFd, std::uint64_t maxUncompressedBytes)
    : inputFd_(inputFd), maxUncompressedBytes_(maxUncompressedBytes),
      inputBuffer_(std::make_unique<char[]>(inputBufferSize))
{
}

LayerTarStream::~LayerTarStream()
{
    // The tar reader reads through the decompressor, so it goes first.
    if (tar_)
        archive_read_free(tar_);
    if (decompressor_)
        archive_read_free(decompressor_);
}

Result<std::unique_ptr<LayerTarStream>> LayerTarStream::open(int inputFd, std::uint64_t maxUncompressedBytes)
{
    std::unique_ptr<LayerTarStream> stream(new LayerTarStream(inputFd, maxUncompressedBytes));
    stream->decompressor_ = archive_read_new();
    stream->tar_ = archive_read_new();
    if (!stream->decompressor_ || !stream->tar_)
        return fail(ErrorCode::Internal, "libarchive could not allocate a reader");

    archive *decompressor = stream->decompressor_;
    // Only the compressions OCI and Docker layers use, each built into libarchive (ARCHIVE_WARN
    // would mean an external program, which a privileged multi-threaded helper must not fork).
    // Data that is neither passes through the implicit "none" filter. The "raw" format hands
    // over the decompressed bytes as they are, whatever they contain.
    if (archive_read_support_filter_gzip(decompressor) != ARCHIVE_OK ||
        archive_read_support_filter_zstd(decompressor) != ARCHIVE_OK)
        return fail(ErrorCode::Unsupported, "this libarchive cannot decompress gzip and zstd by itself");
    if (archive_read_support_format_raw(decompressor) != ARCHIVE_OK)
        return fail(ErrorCode::Unsupported, "this libarchive has no raw format reader");

    const auto decompressorFailure = [&stream, decompressor]() -> Error {
        if (stream->error_)
            return *stream->error_;
        if (stream->compressedBytes_ == 0)
            return Error(ErrorCode::InvalidArgument, "the layer is empty (0 bytes); expected a tar archive");
        return Error(ErrorCode::InvalidArgument,
                     "the layer's compressed data is unreadable: " + libarchiveMessage(decompressor));
    };
    if (archive_read_open(decompressor, stream.get(), nullptr, &LayerTarStream::readInput, nullptr) != ARCHIVE_OK)
        return std::unexpected(decompressorFailure());
    archive_entry *rawEntry = nullptr;
    if (archive_read_next_header(decompressor, &rawEntry) != ARCHIVE_OK)
        return std::unexpected(decompressorFailure());

    if (archive_read_support_format_tar(stream->tar_) != ARCHIVE_OK)
        return fail(ErrorCode::Unsupported, "this libarchive has no tar reader");
    if (archive_read_open(stream->tar_, stream.get(), nullptr, &LayerTarStream::readUncompressed, nullptr) !=
        ARCHIVE_OK)
        return std::unexpected(stream->tarError("the layer is not a tar archive"));
    return stream;
}

la_ssize_t LayerTarStream::readInput(archive *reader, void *self, const void **buffer)
{
    auto *stream = static_cast<LayerTarStream *>(self);
    for (;;) {
        const ssize_t count = ::read(stream->inputFd_, stream->inputBuffer_.get(), inputBufferSize);
        if (count >= 0) {
            stream->compressedBytes_ += static_cast<std::uint64_t>(count);
            *buffer = stream->inputBuffer_.get();
            return count;
        }
        if (errno == EINTR)
            continue;
        const int readErrno = errno;
        stream->error_ = Error::fromErrno("reading the layer", readErrno);
        archive_set_error(reader, readErrno, "reading the layer failed");
        return -1;
    }
}

la_ssize_t LayerTarStream::nextUncompressedBlock(const void **buffer)
{
    const void *block = nullptr;
    std::size_t size = 0;
    la_int64_t offset = 0;
    const int status = archive_read_data_block(decompressor_, &block, &size, &offset);
    if (status == ARCHIVE_EOF)
        return 0;
    if (status != ARCHIVE_OK) {
        if (!error_)
            error_ = Error(ErrorCode::InvalidArgument,
                           "the layer's compressed data is corrupt or truncated: " + libarchiveMessage(decompressor_));
        return -1;
    }
    if (offset < 0 || static_cast<std::uint64_t>(offset) != uncompressedBytes_) {
        error_ = Error(ErrorCode::Internal, "libarchive returned the uncompressed layer out of order");
        return -1;
    }
    // uncompressedBytes_ never exceeds the limit, so the subtraction cannot wrap.
    if (size > maxUncompressedBytes_ - uncompressedBytes_) {
        error_ = Error(ErrorCode::InvalidArgument, "layer is larger than the limit of " +
                                                       std::to_string(maxUncompressedBytes_) +
                                                       " bytes uncompressed (a decompression bomb?)");
        return -1;
    }
    uncompressedBytes_ += size;
    hash_.update(std::span(static_cast<const std::byte *>(block), size));
    *buffer = block;
    return static_cast<la_ssize_t>(size);
}

la_ssize_t LayerTarStream::readUncompressed(archive *reader, void *self, const void **buffer)
{
    auto *stream = static_cast<LayerTarStream *>(self);
    // The block stays valid until the decompressor is read again, which only happens in
    // the next call of this callback: exactly libarchive's rule for read callbacks.
    const la_ssize_t size = stream->nextUncompressedBlock(buffer);
    if (size < 0)
        archive_set_error(reader, -1 /* libarchive's "miscellaneous" */, "%s", stream->error_->message().c_str());
    return size;
}

Error LayerTarStream::tarError(std::string_view what) const
{
    if (error_)
        return *error_;
    return Error(ErrorCode::InvalidArgument, std::string(what) + ": " + libarchiveMessage(tar_));
}

Status LayerTarStream::finish()
{
    // The diff id covers the whole uncompressed blob, including the zero padding that
    // follows the two end-of-archive blocks and that the tar reader may not have asked for.
    for (;;) {
        const void *block = nullptr;
        const la_ssize_t size = nextUncompressedBlock(&block);
        if (size < 0)
            return std::unexpected(*error_);
        if (size == 0)
            break;
    }
    // Anything after the last gzip member or zstd frame is not part of the tar and is not
    // hashed (the caller's digest of the blob covers it); read it so that a writer at the
    // other end of a pipe finishes normally, up to the same limit.
    std::uint64_t trailingBytes = 0;
    for (;;) {
        const ssize_t count = ::read(inputFd_, inputBuffer_.get(), inputBufferSize);
        if (count < 0) {
            if (errno == EINTR)
                continue;
            return failErrno("reading the end of the layer", errno);
        }
        if (count == 0)
            break;
        trailingBytes += static_cast<std::uint64_t>(count);
        if (trailingBytes > maxUncompressedBytes_)
            return fail(ErrorCode::InvalidArgument, "the layer has more than " + std::to_string(maxUncompressedBytes_) +
                                                        " bytes of data after its compressed stream");
    }
    return {};
}

Digest LayerTarStream::digest()
{
    return hash_.finish();
}

} // namespace berth::image::layer_detail
