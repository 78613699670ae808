// Removes blobs and unpacked layers no image refers to any more: after `rmi`, and at start
// for what a crash between a database change and the file removal left behind. It must
// not run while a pull or load is storing blobs that are not yet recorded.
#pragma once

#include "engine/core/error.h"
#include "engine/core/sqlite_database.h"

#include <cstdint>
#include <filesystem>

namespace berth::image {

struct CollectedGarbage {
    std::uint64_t blobs = 0;
    std::uint64_t layers = 0;
    std::uint64_t bytes = 0;
};

/// Blobs::Keep leaves unreferenced blobs alone: at start-up they may be the verified
/// downloads of a pull that was killed, which the next pull reuses.
enum class Blobs { Remove, Keep };

[[nodiscard]] Result<CollectedGarbage> collectGarbage(const std::filesystem::path &root, SqliteDatabase &database,
                                                      Blobs blobs = Blobs::Remove);

} // namespace berth::image
