#include "engine/image/layer_unpack.h"

#include "engine/core/unique_fd.h"
#include "engine/image/archive_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <optional>
#include <thread>

namespace berth::image {

namespace {


constexpr std::size_t feedChunkBytes = 1 << 20;

// Copies input into the pipe until the input ends, stop is requested or the reader closes
// its end; then closes the writing end so the reader sees the end of its input.
std::optional<Error> feed(int inputFd, UniqueFd &writeEnd, std::stop_token stop)
{
    archive_detail::SigpipeBlocker noSigpipe;
    std::optional<Error> error;
    bool useSplice = true;
    std::unique_ptr<std::byte[]> buffer;
    while (!stop.stop_requested()) {
        ssize_t moved = -1;
        if (useSplice) {
            moved = ::splice(inputFd, nullptr, writeEnd.get(), nullptr, feedChunkBytes, SPLICE_F_MOVE);
            if (moved < 0 && errno == EINVAL) {
                useSplice = false;
                continue;
            }
        } else {
            if (!buffer)
                buffer = std::make_unique<std::byte[]>(feedChunkBytes);
            moved = ::read(inputFd, buffer.get(), feedChunkBytes);
            if (moved > 0) {
                auto written = archive_detail::writeFully(writeEnd.get(), std::span(buffer.get(), static_cast<std::size_t>(moved)),
                                                          stop, "the layer");
                if (!written) {
                    if (written.error().code() != ErrorCode::Cancelled && written.error().systemErrno() != EPIPE)
                        error = written.error();
                    break;
                }
            }
        }
        if (moved == 0)
            break;
        if (moved < 0) {
            if (errno == EINTR)
                continue;
            // EPIPE: the unpacker stopped reading (it failed); it reports why.
            if (errno != EPIPE)
                error = Error::fromErrno("reading the layer", errno);
            break;
        }
    }
    writeEnd.reset();
    return error;
}

} // namespace

UnpackedLayer::UnpackedLayer(std::filesystem::path temporary, std::filesystem::path final, Digest diffId, std::uint64_t size)
    : temporary_(std::move(temporary)), final_(std::move(final)), diffId_(std::move(diffId)), size_(size)
{
}

UnpackedLayer::UnpackedLayer(UnpackedLayer &&other) noexcept
    : temporary_(std::exchange(other.temporary_, {})), final_(std::move(other.final_)), diffId_(other.diffId_),
      size_(other.size_)
{
}

UnpackedLayer &UnpackedLayer::operator=(UnpackedLayer &&other) noexcept
{
    if (this != &other) {
        discard();
        temporary_ = std::exchange(other.temporary_, {});
        final_ = std::move(other.final_);
        diffId_ = other.diffId_;
        size_ = other.size_;
    }
    return *this;
}

UnpackedLayer::~UnpackedLayer()
{
    discard();
}

void UnpackedLayer::discard()
{
    if (temporary_.empty())
        return;
    std::error_code error;
    std::filesystem::remove_all(temporary_, error);
    temporary_.clear();
}

Result<UnpackedLayer> UnpackedLayer::unpack(const std::filesystem::path &root, int inputFd, const Digest &expectedDiffId,
                                            const LayerLimits &limits, std::stop_token stop)
{
    const auto layers = root / "layers";
    std::error_code error;
    std::filesystem::create_directories(layers, error);
    const std::string name(expectedDiffId.hex());
    const auto temporary = layers / ("tmp-" + name + "-" + archive_detail::randomName());
    if (::mkdir(temporary.c_str(), 0755) != 0)
        return failErrno("creating " + backquoted(temporary.string()), errno);
    UnpackedLayer layer(temporary, layers / name, expectedDiffId, 0);
    UniqueFd target(::open(temporary.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!target.valid())
        return failErrno("opening " + backquoted(temporary.string()), errno);

    Result<AppliedLayer> applied = fail(ErrorCode::Internal, "the layer was not unpacked");
    if (!stop.stop_possible()) {
        applied = applyLayer(inputFd, target.get(), limits);
    } else {
        int ends[2];
        if (::pipe2(ends, O_CLOEXEC) != 0)
            return failErrno("creating a pipe to unpack the layer through", errno);
        UniqueFd readEnd(ends[0]);
        UniqueFd writeEnd(ends[1]);
        std::optional<Error> feedError;
        {
            std::jthread feeder([&] { feedError = feed(inputFd, writeEnd, stop); });
            applied = applyLayer(readEnd.get(), target.get(), limits);
            // A feeder still writing gets EPIPE and ends.
            readEnd.reset();
        }
        if (stop.stop_requested())
            return std::unexpected(archive_detail::cancelledError("unpacking layer " + expectedDiffId.string()));
        if (feedError)
            return std::unexpected(*feedError);
    }
    if (!applied)
        return std::unexpected(applied.error());
    if (stop.stop_requested())
        return std::unexpected(archive_detail::cancelledError("unpacking layer " + expectedDiffId.string()));
    if (applied->diffId != expectedDiffId)
        return fail(ErrorCode::InvalidArgument, "the layer's content (" + applied->diffId.string() +
                                                    ") does not match the diff id the image config gives (" +
                                                    expectedDiffId.string() + ")");
    layer.size_ = applied->uncompressedBytes;
    return layer;
}

Result<LayerRecord> UnpackedLayer::commit()
{
    if (temporary_.empty())
        return fail(ErrorCode::Internal, "the layer " + diffId_.string() + " was already moved into place");
    // A directory without a database record is a leftover of an interrupted pull or load.
    std::error_code error;
    std::filesystem::remove_all(final_, error);
    if (::rename(temporary_.c_str(), final_.c_str()) != 0)
        return failErrno("moving the unpacked layer " + diffId_.string() + " into place", errno);
    temporary_.clear();
    if (auto synced = archive_detail::syncDirectory(final_.parent_path().string()); !synced)
        return std::unexpected(synced.error());
    return LayerRecord{diffId_, size_, final_.filename().string()};
}

} // namespace berth::image
