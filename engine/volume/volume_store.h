// Named and anonymous volumes: their records in the store's database and their directories
// at <root>/volumes/<name>/_data (Docker's layout), with Docker's rules for names, filters,
// use and pruning. A kill -9 at any point leaves no half-made record or directory that
// removeLeftovers cannot put right at the next start.
#pragma once

#include "engine/core/error.h"
#include "engine/core/sqlite_database.h"
#include "engine/volume/volume_browse.h"
#include "engine/volume/volume_files.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace berth::volume {

/// The label Docker (23 and later) puts on anonymous volumes; shown in inspect as Docker does.
inline constexpr std::string_view anonymousLabel = "com.docker.volume.anonymous";

/// Docker's rule for local volume names, `[a-zA-Z0-9][a-zA-Z0-9_.-]+`, with its wording.
[[nodiscard]] Status validateVolumeName(std::string_view name);

/// One container that mounts a volume.
struct VolumeUser {
    std::string containerId;
    std::string containerName;
    std::string destination; ///< where in the container
};

/// What `docker volume inspect` shows, plus who uses the volume.
struct VolumeInfo {
    std::string name;
    std::string driver = "local";
    std::filesystem::path mountpoint; ///< <root>/volumes/<name>/_data
    std::int64_t createdAt = 0;       ///< Unix seconds
    std::map<std::string, std::string> labels;
    bool anonymous = false;
    std::vector<VolumeUser> usedBy; ///< ordered by container name

    /// Docker's inspect object: CreatedAt (RFC 3339, UTC), Driver, Labels, Mountpoint, Name,
    /// Options ({}), Scope ("local"); plus UsedBy [{Id, Name, Destination}] for Berth's clients.
    [[nodiscard]] nlohmann::json toJson() const;
};

/// A label condition of `--filter label=KEY[=VALUE]` (or `label!=…` when negated).
struct LabelFilter {
    std::string key;
    std::optional<std::string> value; ///< absent: the key alone must be there
    bool negated = false;

    [[nodiscard]] bool matches(const std::map<std::string, std::string> &labels) const;
};

/// `docker volume ls --filter`: values of one key are alternatives, different keys must all
/// hold, and every label filter must hold.
struct VolumeFilters {
    std::optional<bool> dangling;      ///< true: used by no container
    std::vector<std::string> names;    ///< a volume matches when its name contains one
    std::vector<std::string> drivers;  ///< exact driver names
    std::vector<LabelFilter> labels;

    /// Adds one `--filter` value: `dangling=true|false|1|0`, `name=TEXT`, `driver=NAME`,
    /// `label=KEY[=VALUE]`, `label!=KEY[=VALUE]`. InvalidArgument for anything else.
    [[nodiscard]] Status add(std::string_view filter);
    [[nodiscard]] bool matches(const VolumeInfo &volume) const;
};

/// `docker volume prune`: without all only anonymous volumes go (Docker 23 and later).
struct PruneOptions {
    bool all = false;
    std::vector<LabelFilter> labels;

    /// Adds one `--filter` value: `label=…`, `label!=…` or `all=true|false`.
    [[nodiscard]] Status add(std::string_view filter);
};

struct PruneReport {
    std::vector<std::string> removed;
    std::uint64_t reclaimedBytes = 0;
};

/// A volume made ready for a mount: created now (so the caller pre-fills it from the image)
/// or found.
struct EnsuredVolume {
    std::string name;
    std::filesystem::path dataDirectory;
    bool created = false;
};

/// Where a container mounts a volume (from container_volumes).
struct VolumeMount {
    std::string volumeName;
    std::string destination;
    bool anonymous = false;
};

/// What removeLeftovers put right, so the helper can log it.
struct LeftoverReport {
    std::vector<std::string> removedDirectories;   ///< under <root>/volumes
    std::vector<std::string> recreatedDirectories; ///< records whose directory was gone
};

class VolumeStore {
public:
    /// The database is the store's (schema 2 or later); root is the storage root.
    VolumeStore(SqliteDatabase &database, std::filesystem::path root);

    /// <root>/volumes
    [[nodiscard]] std::filesystem::path volumesDirectory() const;
    /// <root>/volumes/<name>/_data
    [[nodiscard]] std::filesystem::path dataDirectory(const std::string &name) const;

    /// `docker volume create`: an existing name is returned as it is (labels unchanged, as
    /// Docker does); an empty name makes an anonymous volume with a fresh 64-hex name. The
    /// directory is made and renamed into place before the record is written. The record is
    /// one INSERT, so this may run inside the caller's transaction; if that rolls back, the
    /// directory is left for removeLeftovers.
    [[nodiscard]] Result<VolumeInfo> create(const std::string &name, const std::map<std::string, std::string> &labels,
                                            bool anonymous);

    /// For `-v NAME:/path` (or `-v /path` with an empty name: a new anonymous volume):
    /// creates what is missing and says whether it did, so the caller knows to pre-fill.
    [[nodiscard]] Result<EnsuredVolume> ensure(const std::string &name);

    /// NotFound "No such volume: NAME".
    [[nodiscard]] Result<VolumeInfo> inspect(const std::string &name);
    /// Ordered by name.
    [[nodiscard]] Result<std::vector<VolumeInfo>> list(const VolumeFilters &filters = {});

    /// Records that a container mounts a volume at destination. One statement, no
    /// transaction of its own: call it inside the transaction that adds the container.
    [[nodiscard]] Status attach(const std::string &containerId, const std::string &volumeName,
                                const std::string &destination);
    /// The volumes a container mounts (before the caller removes it, for `rm -v`).
    [[nodiscard]] Result<std::vector<VolumeMount>> mountsOf(const std::string &containerId);
    /// Forgets every mount of a container. One statement, like attach. (Deleting the
    /// container's row does the same through ON DELETE CASCADE.)
    [[nodiscard]] Status detachAll(const std::string &containerId);

    /// `docker volume rm`: refused while any container (running or not) uses it, with
    /// Docker's "remove NAME: volume is in use - [ID, …]", even with force, as Docker does.
    /// force only makes a missing volume no error. The record goes first, then the directory
    /// is renamed to a trash name and deleted. Do not call inside a transaction.
    [[nodiscard]] Status remove(const std::string &name, bool force);

    /// `docker volume prune [--all] [--filter label=…]`: removes unused volumes (only
    /// anonymous ones without all) that match every label filter.
    [[nodiscard]] Result<PruneReport> prune(const PruneOptions &options);

    /// Bytes the volume holds (for `system df -v` and the GUI): walks its _data without
    /// following symbolic links or entering other mounts.
    [[nodiscard]] Result<TreeSize> size(const std::string &name);

    /// One folder of the volume for browsing (listDirectoryInRoot on its _data): `path` is
    /// inside the volume, and no link or `..` in it or in the volume leads outside.
    [[nodiscard]] Result<BrowseListing> listDirectory(const std::string &name, std::string_view path, std::size_t limit);

    /// Run once at helper start, before serving: deletes trash and temporary directories and
    /// volume directories that have no record (a create or remove cut short), and recreates
    /// the empty directory of a record whose directory is gone.
    [[nodiscard]] static Result<LeftoverReport> removeLeftovers(const std::filesystem::path &root,
                                                                SqliteDatabase &database);

    /// Called with a step name ("create:renamed", "remove:recorded", "remove:trashed") right
    /// after that step; tests use it to kill the process between steps.
    void setStepObserverForTesting(std::function<void(std::string_view)> observer)
    {
        stepObserver_ = std::move(observer);
    }

private:
    [[nodiscard]] Result<UniqueFd> openVolumesDirectory(bool createMissing) const;
    [[nodiscard]] Status makeVolumeDirectory(const std::string &name);
    [[nodiscard]] Result<std::optional<VolumeInfo>> find(const std::string &name);
    [[nodiscard]] Result<std::map<std::string, std::vector<VolumeUser>>> usersByVolume();
    [[nodiscard]] Status insertRecord(const VolumeInfo &volume);
    [[nodiscard]] Status deleteDirectory(const std::string &name);
    void step(std::string_view name) const
    {
        if (stepObserver_)
            stepObserver_(name);
    }

    SqliteDatabase &database_;
    std::filesystem::path root_;
    std::function<void(std::string_view)> stepObserver_;
};

} // namespace berth::volume
