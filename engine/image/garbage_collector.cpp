#include "engine/image/garbage_collector.h"

#include "engine/image/content_store.h"
#include "engine/image/image_store.h"

#include <set>

namespace berth::image {

namespace {

std::uint64_t sizeOnDisk(const std::filesystem::path &path)
{
    std::error_code error;
    if (!std::filesystem::is_directory(path, error))
        return std::filesystem::file_size(path, error);
    std::uint64_t total = 0;
    for (auto it = std::filesystem::recursive_directory_iterator(path, std::filesystem::directory_options::skip_permission_denied, error);
         it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
        if (it->is_regular_file(error) && !it->is_symlink(error))
            total += it->file_size(error);
    }
    return total;
}

} // namespace

Result<CollectedGarbage> collectGarbage(const std::filesystem::path &root, SqliteDatabase &database, Blobs blobPolicy)
{
    ImageStore images(database);
    auto blobs = images.referencedBlobs();
    auto layers = images.referencedLayerDirectories();
    if (!blobs || !layers)
        return std::unexpected((blobs ? layers.error() : blobs.error()).withContext("finding what images still use"));
    const std::set<std::string> keepBlobs(blobs->begin(), blobs->end());
    const std::set<std::string> keepLayers(layers->begin(), layers->end());
    CollectedGarbage collected;
    ContentStore content(root);
    for (const auto &digest : content.list()) {
        if (blobPolicy == Blobs::Keep || keepBlobs.contains(digest.string()))
            continue;
        collected.bytes += sizeOnDisk(content.blobPath(digest));
        if (auto removed = content.remove(digest); !removed)
            return std::unexpected(removed.error());
        ++collected.blobs;
    }
    std::error_code error;
    for (const auto &entry : std::filesystem::directory_iterator(root / "layers", error)) {
        const std::string name = entry.path().filename().string();
        // tmp-* belong to an unpack in progress, or are removed at start.
        if (name.starts_with("tmp-") || keepLayers.contains(name))
            continue;
        collected.bytes += sizeOnDisk(entry.path());
        std::filesystem::remove_all(entry.path(), error);
        if (error)
            return fail(ErrorCode::Io, "removing the unused layer " + backquoted(entry.path().string()) + ": " + error.message());
        ++collected.layers;
    }
    return collected;
}

} // namespace berth::image
