// The storage root: one directory (default /var/lib/berth) holding the metadata database
// and, in later layers, blobs, layers and containers. One helper at a time may own it.
#pragma once

#include "engine/core/error.h"
#include "engine/core/sqlite_database.h"

#include <cstdint>
#include <filesystem>

namespace berth {

struct StoreCounts {
    std::int64_t images = 0;
    std::int64_t containers = 0;
    std::int64_t volumes = 0;
};

class Store {
public:
    /// Creates the root if needed, takes its lock (failing with Conflict if another helper
    /// holds it) and brings the database schema up to date.
    [[nodiscard]] static Result<Store> open(const std::filesystem::path &root);

    Store(Store &&other) noexcept;
    Store &operator=(Store &&other) noexcept;
    ~Store();

    [[nodiscard]] const std::filesystem::path &root() const { return root_; }
    [[nodiscard]] SqliteDatabase &database() { return database_; }
    [[nodiscard]] Result<StoreCounts> counts();

    /// The newest schema version this build knows; the database is migrated up to it.
    static constexpr int schemaVersion = 2;

private:
    Store(std::filesystem::path root, int lockFd, SqliteDatabase database);
    [[nodiscard]] Status migrate();

    std::filesystem::path root_;
    int lockFd_ = -1;
    SqliteDatabase database_;
};

} // namespace berth
