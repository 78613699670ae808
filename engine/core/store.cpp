#include "engine/core/store.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <utility>
#include <cerrno>

namespace berth {

namespace {

// Each entry takes the schema from version (index) to version (index + 1). Entries are
// never edited once released: a change to the schema is a new entry.
constexpr std::array<const char *, Store::schemaVersion> migrations{
    // 0 -> 1: settings; images with their layers, tags and repository digests; and the
    // first records of containers and volumes, which later versions extend.
    R"sql(
        CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
        CREATE TABLE layers (
            diff_id TEXT PRIMARY KEY NOT NULL,     -- sha256 of the uncompressed tar
            size INTEGER NOT NULL,                 -- uncompressed bytes
            directory TEXT NOT NULL,               -- under <root>/layers
            created_at INTEGER NOT NULL
        );
        CREATE TABLE images (
            id TEXT PRIMARY KEY NOT NULL,          -- the config's digest, as Docker's image id
            manifest_digest TEXT NOT NULL,
            manifest_media_type TEXT NOT NULL,
            architecture TEXT NOT NULL,
            os TEXT NOT NULL,
            created TEXT NOT NULL,                 -- from the config, RFC 3339
            size INTEGER NOT NULL,                 -- sum of its layers, uncompressed
            stored_at INTEGER NOT NULL
        );
        CREATE TABLE image_layers (
            image_id TEXT NOT NULL REFERENCES images(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            diff_id TEXT NOT NULL REFERENCES layers(diff_id),
            blob_digest TEXT NOT NULL,             -- the compressed blob it came from
            blob_media_type TEXT NOT NULL,
            blob_size INTEGER NOT NULL,
            PRIMARY KEY (image_id, position)
        );
        CREATE INDEX image_layers_by_diff ON image_layers(diff_id);
        CREATE TABLE tags (
            name TEXT PRIMARY KEY NOT NULL,        -- docker.io/library/busybox:latest
            image_id TEXT NOT NULL REFERENCES images(id) ON DELETE CASCADE
        );
        CREATE TABLE repo_digests (
            name TEXT NOT NULL,                    -- docker.io/library/busybox@sha256:...
            image_id TEXT NOT NULL REFERENCES images(id) ON DELETE CASCADE,
            PRIMARY KEY (name, image_id)
        );
        CREATE TABLE containers (id TEXT PRIMARY KEY NOT NULL, name TEXT UNIQUE NOT NULL,
                                 image_id TEXT NOT NULL REFERENCES images(id),
                                 created_at INTEGER NOT NULL);
        CREATE TABLE volumes (name TEXT PRIMARY KEY NOT NULL, created_at INTEGER NOT NULL);
    )sql",
    // 1 -> 2: what a container was created with (Docker's Config/HostConfig names, as JSON)
    // and its state; volumes' driver, labels and whether they are anonymous; which
    // volumes each container mounts where.
    R"sql(
        ALTER TABLE containers ADD COLUMN image_name TEXT NOT NULL DEFAULT '';
        ALTER TABLE containers ADD COLUMN config TEXT NOT NULL DEFAULT '{}';
        ALTER TABLE containers ADD COLUMN status TEXT NOT NULL DEFAULT 'created';
        ALTER TABLE containers ADD COLUMN monitor_pid INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE containers ADD COLUMN pid INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE containers ADD COLUMN exit_code INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE containers ADD COLUMN oom_killed INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE containers ADD COLUMN started_at TEXT NOT NULL DEFAULT '';
        ALTER TABLE containers ADD COLUMN finished_at TEXT NOT NULL DEFAULT '';
        ALTER TABLE containers ADD COLUMN error TEXT NOT NULL DEFAULT '';
        ALTER TABLE containers ADD COLUMN restart_count INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE containers ADD COLUMN stopped_by_user INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE volumes ADD COLUMN driver TEXT NOT NULL DEFAULT 'local';
        ALTER TABLE volumes ADD COLUMN labels TEXT NOT NULL DEFAULT '{}';
        ALTER TABLE volumes ADD COLUMN anonymous INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE container_volumes (
            container_id TEXT NOT NULL REFERENCES containers(id) ON DELETE CASCADE,
            volume_name TEXT NOT NULL REFERENCES volumes(name),
            destination TEXT NOT NULL,
            PRIMARY KEY (container_id, destination)
        );
        CREATE INDEX container_volumes_by_volume ON container_volumes(volume_name);
    )sql",
};

Status makeDirectory(const std::filesystem::path &path, mode_t mode)
{
    if (::mkdir(path.c_str(), mode) != 0 && errno != EEXIST)
        return failErrno("creating directory " + backquoted(path.string()), errno);
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0)
        return failErrno("checking " + backquoted(path.string()), errno);
    if (!S_ISDIR(info.st_mode))
        return fail(ErrorCode::Conflict, backquoted(path.string()) + " exists but is not a directory");
    return {};
}

} // namespace

Store::Store(std::filesystem::path root, int lockFd, SqliteDatabase database)
    : root_(std::move(root)), lockFd_(lockFd), database_(std::move(database))
{
}

Store::Store(Store &&other) noexcept
    : root_(std::move(other.root_)), lockFd_(std::exchange(other.lockFd_, -1)),
      database_(std::move(other.database_))
{
}

Store &Store::operator=(Store &&other) noexcept
{
    if (this != &other) {
        if (lockFd_ >= 0)
            ::close(lockFd_);
        root_ = std::move(other.root_);
        lockFd_ = std::exchange(other.lockFd_, -1);
        database_ = std::move(other.database_);
    }
    return *this;
}

Store::~Store()
{
    if (lockFd_ >= 0)
        ::close(lockFd_);
}

Result<Store> Store::open(const std::filesystem::path &requestedRoot)
{
    if (requestedRoot.empty() || !requestedRoot.is_absolute())
        return fail(ErrorCode::InvalidArgument,
                    "the storage root must be an absolute path, got " + backquoted(requestedRoot.string()));
    const auto root = requestedRoot.lexically_normal();
    const std::string what = "opening the storage root " + backquoted(root.string());

    std::error_code ignored;
    if (root.has_parent_path())
        std::filesystem::create_directories(root.parent_path(), ignored);
    if (auto made = makeDirectory(root, 0711); !made)
        return std::unexpected(std::move(made.error()).withContext(what));

    const auto lockPath = root / "lock";
    const int lockFd = ::open(lockPath.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (lockFd < 0)
        return std::unexpected(Error::fromErrno("opening " + backquoted(lockPath.string()), errno).withContext(what));
    if (::flock(lockFd, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        ::close(lockFd);
        if (err == EWOULDBLOCK)
            return std::unexpected(Error(ErrorCode::Conflict,
                                         "another berth-helper is already using it; stop that one "
                                         "or choose another root with --root")
                                       .withContext(what));
        return std::unexpected(Error::fromErrno("locking " + backquoted(lockPath.string()), err).withContext(what));
    }

    auto database = SqliteDatabase::open(root / "berth.db");
    if (!database) {
        ::close(lockFd);
        return std::unexpected(std::move(database.error()).withContext(what));
    }
    Store store(root, lockFd, std::move(*database));
    if (auto migrated = store.migrate(); !migrated)
        return std::unexpected(std::move(migrated.error()).withContext(what));
    return store;
}

Status Store::migrate()
{
    auto rows = database_.query("PRAGMA user_version");
    if (!rows)
        return std::unexpected(std::move(rows.error()));
    const int current = rows->empty() ? 0 : static_cast<int>(sqlInteger(rows->front().front()).value_or(0));
    if (current > schemaVersion)
        return fail(ErrorCode::Unsupported,
                    "the database has schema version " + std::to_string(current) +
                        ", newer than this Berth understands (" + std::to_string(schemaVersion) +
                        "); run a newer Berth or use another --root");
    for (int version = current; version < schemaVersion; ++version) {
        auto status = database_.transaction([&]() -> Status {
            if (auto done = database_.execute(migrations[static_cast<std::size_t>(version)]); !done)
                return done;
            return database_.execute("PRAGMA user_version = " + std::to_string(version + 1));
        });
        if (!status)
            return std::unexpected(std::move(status.error())
                                       .withContext("migrating the database to schema version " +
                                                    std::to_string(version + 1)));
    }
    return {};
}

Result<StoreCounts> Store::counts()
{
    StoreCounts counts;
    const std::array<std::pair<const char *, std::int64_t *>, 3> tables{
        std::pair{"images", &counts.images},
        std::pair{"containers", &counts.containers},
        std::pair{"volumes", &counts.volumes},
    };
    for (const auto &[table, target] : tables) {
        auto rows = database_.query(std::string("SELECT count(*) FROM ") + table);
        if (!rows)
            return std::unexpected(std::move(rows.error()).withContext("counting " + std::string(table)));
        *target = rows->empty() ? 0 : sqlInteger(rows->front().front()).value_or(0);
    }
    return counts;
}

} // namespace berth
