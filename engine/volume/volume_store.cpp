#include "engine/volume/volume_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <ctime>
#include <set>

namespace berth::volume {
namespace {

// Names under <root>/volumes that no volume can have (they start with a dot): directories
// being made, and directories of removed volumes being deleted.
constexpr std::string_view temporaryPrefix = ".tmp-";
constexpr std::string_view trashPrefix = ".trash-";
constexpr mode_t volumesDirectoryMode = 0701;
constexpr mode_t volumeDirectoryMode = 0701;
constexpr mode_t dataDirectoryMode = 0755;
constexpr std::size_t maximumNameLength = 255;

constexpr const char *selectColumns = "SELECT name, created_at, driver, labels, anonymous FROM volumes";

bool isAlphanumeric(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::string rfc3339(std::int64_t seconds)
{
    const std::time_t time = static_cast<std::time_t>(seconds);
    std::tm parts{};
    ::gmtime_r(&time, &parts);
    char text[32] = {};
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text;
}

Result<bool> parseBoolean(std::string_view filter, std::string_view value)
{
    if (value == "true" || value == "1")
        return true;
    if (value == "false" || value == "0")
        return false;
    return fail(ErrorCode::InvalidArgument,
                "invalid filter " + backquoted(filter) + ": the value must be true or false");
}

// `KEY[=VALUE]` after `label=` or `label!=`.
Result<LabelFilter> parseLabelCondition(std::string_view filter, std::string_view condition, bool negated)
{
    LabelFilter label;
    label.negated = negated;
    const auto equals = condition.find('=');
    label.key = std::string(condition.substr(0, equals));
    if (equals != std::string_view::npos)
        label.value = std::string(condition.substr(equals + 1));
    if (label.key.empty())
        return fail(ErrorCode::InvalidArgument,
                    "invalid filter " + backquoted(filter) + ": give a label key, as in label=KEY or label=KEY=VALUE");
    return label;
}

struct SplitFilter {
    std::string key;
    std::string value;
};

Result<SplitFilter> splitFilter(std::string_view filter)
{
    const auto equals = filter.find('=');
    if (equals == std::string_view::npos || equals == 0)
        return fail(ErrorCode::InvalidArgument,
                    "bad format of filter " + backquoted(filter) + " (expected name=value)");
    return SplitFilter{std::string(filter.substr(0, equals)), std::string(filter.substr(equals + 1))};
}

Result<std::map<std::string, std::string>> parseLabels(const std::string &name, const std::string &text)
{
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_discarded() || !json.is_object())
        return fail(ErrorCode::Internal, "the record of volume " + backquoted(name) + " holds damaged labels " +
                                             backquoted(text) + "; remove the volume and create it again");
    std::map<std::string, std::string> labels;
    for (const auto &[key, value] : json.items()) {
        if (!value.is_string())
            return fail(ErrorCode::Internal, "the record of volume " + backquoted(name) + " holds label " +
                                                 backquoted(key) + " with a value that is not text");
        labels.emplace(key, value.get<std::string>());
    }
    return labels;
}

Result<VolumeInfo> fromRow(const SqlRow &row, const std::filesystem::path &volumesDirectory)
{
    VolumeInfo volume;
    volume.name = sqlText(row[0]);
    volume.createdAt = sqlInteger(row[1]).value_or(0);
    volume.driver = sqlText(row[2]);
    auto labels = parseLabels(volume.name, sqlText(row[3]));
    if (!labels)
        return std::unexpected(labels.error());
    volume.labels = std::move(*labels);
    volume.anonymous = sqlInteger(row[4]).value_or(0) != 0;
    volume.mountpoint = volumesDirectory / volume.name / "_data";
    return volume;
}

// <volumes>/<name>/_data made under a temporary name and renamed into place, so a kill
// leaves either nothing under <name> or the whole of it. An existing <name> without a record
// (a create or remove cut short) is deleted first: whatever it holds was never handed out,
// or was removed by the user.
Status makeVolumeDirectoryIn(int volumesFd, const std::filesystem::path &volumesDirectory, const std::string &name,
                             const std::function<void(std::string_view)> &step)
{
    auto suffix = randomHexName();
    if (!suffix)
        return std::unexpected(suffix.error());
    const std::string temporary = std::string(temporaryPrefix) + suffix->substr(0, 16);
    const std::string temporaryPath = (volumesDirectory / temporary).string();
    if (auto made = makeDirectoryAt(volumesFd, temporary, volumeDirectoryMode, temporaryPath); !made)
        return made;
    auto cleanUp = [&](Error error) -> Status {
        (void)removeTreeAt(volumesFd, temporary, temporaryPath);
        return std::unexpected(std::move(error));
    };
    {
        UniqueFd volumeDirectory(::openat(volumesFd, temporary.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (!volumeDirectory.valid())
            return cleanUp(Error::fromErrno("opening " + backquoted(temporaryPath), errno));
        if (auto made = makeDirectoryAt(volumeDirectory.get(), "_data", dataDirectoryMode, temporaryPath + "/_data");
            !made)
            return cleanUp(made.error());
    }
    const std::string finalPath = (volumesDirectory / name).string();
    for (int attempt = 0;; ++attempt) {
        if (::renameat2(volumesFd, temporary.c_str(), volumesFd, name.c_str(), RENAME_NOREPLACE) == 0)
            break;
        const int err = errno;
        if (err != EEXIST || attempt > 0)
            return cleanUp(Error::fromErrno("renaming " + backquoted(temporaryPath) + " to " + backquoted(finalPath), err));
        if (auto removed = removeTreeAt(volumesFd, name, finalPath); !removed)
            return cleanUp(std::move(removed.error())
                               .withContext("deleting the leftover directory of an earlier volume " + backquoted(name)));
    }
    if (step)
        step("create:renamed");
    return syncDirectory(volumesFd, volumesDirectory.string());
}

} // namespace

Status validateVolumeName(std::string_view name)
{
    if (name.size() < 2)
        return fail(ErrorCode::InvalidArgument,
                    "volume name " + backquoted(name) +
                        " is too short, names should be at least two alphanumeric characters");
    bool valid = isAlphanumeric(name.front());
    for (char c : name)
        valid = valid && (isAlphanumeric(c) || c == '_' || c == '.' || c == '-');
    if (!valid)
        return fail(ErrorCode::InvalidArgument,
                    "\"" + std::string(name) +
                        "\" includes invalid characters for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" "
                        "are allowed. If you intended to pass a host directory, use absolute path");
    if (name.size() > maximumNameLength)
        return fail(ErrorCode::InvalidArgument, "volume name " + backquoted(name.substr(0, 32)) + "… has " +
                                                    std::to_string(name.size()) + " characters; at most " +
                                                    std::to_string(maximumNameLength) + " are allowed");
    return {};
}

nlohmann::json VolumeInfo::toJson() const
{
    nlohmann::json users = nlohmann::json::array();
    for (const auto &user : usedBy)
        users.push_back({{"Id", user.containerId}, {"Name", user.containerName}, {"Destination", user.destination}});
    return {
        {"CreatedAt", rfc3339(createdAt)},
        {"Driver", driver},
        {"Labels", labels},
        {"Mountpoint", mountpoint.string()},
        {"Name", name},
        {"Options", nlohmann::json::object()},
        {"Scope", "local"},
        {"UsedBy", users},
    };
}

bool LabelFilter::matches(const std::map<std::string, std::string> &labels) const
{
    const auto found = labels.find(key);
    const bool holds = found != labels.end() && (!value || found->second == *value);
    return holds != negated;
}

Status VolumeFilters::add(std::string_view filter)
{
    auto split = splitFilter(filter);
    if (!split)
        return std::unexpected(split.error());
    if (split->key == "dangling") {
        auto value = parseBoolean(filter, split->value);
        if (!value)
            return std::unexpected(value.error());
        if (dangling && *dangling != *value)
            return fail(ErrorCode::InvalidArgument,
                        "the filters dangling=true and dangling=false exclude each other; give one of them");
        dangling = *value;
    } else if (split->key == "name") {
        names.push_back(split->value);
    } else if (split->key == "driver") {
        drivers.push_back(split->value);
    } else if (split->key == "label" || split->key == "label!") {
        auto label = parseLabelCondition(filter, split->value, split->key == "label!");
        if (!label)
            return std::unexpected(label.error());
        labels.push_back(std::move(*label));
    } else {
        return fail(ErrorCode::InvalidArgument, "invalid filter " + backquoted(split->key) +
                                                    "; volume filters are dangling, driver, label, label! and name");
    }
    return {};
}

bool VolumeFilters::matches(const VolumeInfo &volume) const
{
    if (dangling && volume.usedBy.empty() != *dangling)
        return false;
    if (!names.empty() && std::none_of(names.begin(), names.end(), [&](const std::string &part) {
            return volume.name.find(part) != std::string::npos;
        }))
        return false;
    if (!drivers.empty() && std::find(drivers.begin(), drivers.end(), volume.driver) == drivers.end())
        return false;
    return std::all_of(labels.begin(), labels.end(),
                       [&](const LabelFilter &label) { return label.matches(volume.labels); });
}

Status PruneOptions::add(std::string_view filter)
{
    auto split = splitFilter(filter);
    if (!split)
        return std::unexpected(split.error());
    if (split->key == "all") {
        auto value = parseBoolean(filter, split->value);
        if (!value)
            return std::unexpected(value.error());
        all = *value;
    } else if (split->key == "label" || split->key == "label!") {
        auto label = parseLabelCondition(filter, split->value, split->key == "label!");
        if (!label)
            return std::unexpected(label.error());
        labels.push_back(std::move(*label));
    } else {
        return fail(ErrorCode::InvalidArgument, "invalid filter " + backquoted(split->key) +
                                                    "; volume prune filters are all, label and label!");
    }
    return {};
}

VolumeStore::VolumeStore(SqliteDatabase &database, std::filesystem::path root)
    : database_(database), root_(std::move(root))
{
}

std::filesystem::path VolumeStore::volumesDirectory() const
{
    return root_ / "volumes";
}

std::filesystem::path VolumeStore::dataDirectory(const std::string &name) const
{
    return volumesDirectory() / name / "_data";
}

Result<UniqueFd> VolumeStore::openVolumesDirectory(bool createMissing) const
{
    auto rootFd = openDirectoryNoFollow(root_);
    if (!rootFd)
        return std::unexpected(rootFd.error());
    if (createMissing) {
        if (auto made = makeDirectoryAt(rootFd->get(), "volumes", volumesDirectoryMode, volumesDirectory().string());
            !made)
            return std::unexpected(made.error());
    }
    UniqueFd volumes(::openat(rootFd->get(), "volumes", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!volumes.valid())
        return failErrno("opening " + backquoted(volumesDirectory().string()), errno);
    return volumes;
}

Status VolumeStore::makeVolumeDirectory(const std::string &name)
{
    auto volumes = openVolumesDirectory(true);
    if (!volumes)
        return std::unexpected(volumes.error());
    return makeVolumeDirectoryIn(volumes->get(), volumesDirectory(), name, stepObserver_);
}

Result<std::optional<VolumeInfo>> VolumeStore::find(const std::string &name)
{
    auto rows = database_.query(std::string(selectColumns) + " WHERE name = ?", {name});
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->empty())
        return std::optional<VolumeInfo>{};
    auto volume = fromRow(rows->front(), volumesDirectory());
    if (!volume)
        return std::unexpected(volume.error());
    auto users = database_.query("SELECT cv.container_id, c.name, cv.destination FROM container_volumes cv "
                                 "JOIN containers c ON c.id = cv.container_id WHERE cv.volume_name = ? "
                                 "ORDER BY c.name, cv.destination",
                                 {name});
    if (!users)
        return std::unexpected(users.error());
    for (const auto &row : *users)
        volume->usedBy.push_back({sqlText(row[0]), sqlText(row[1]), sqlText(row[2])});
    return std::optional<VolumeInfo>(std::move(*volume));
}

Result<std::map<std::string, std::vector<VolumeUser>>> VolumeStore::usersByVolume()
{
    auto rows = database_.query("SELECT cv.volume_name, cv.container_id, c.name, cv.destination "
                                "FROM container_volumes cv JOIN containers c ON c.id = cv.container_id "
                                "ORDER BY c.name, cv.destination");
    if (!rows)
        return std::unexpected(rows.error());
    std::map<std::string, std::vector<VolumeUser>> users;
    for (const auto &row : *rows)
        users[sqlText(row[0])].push_back({sqlText(row[1]), sqlText(row[2]), sqlText(row[3])});
    return users;
}

Status VolumeStore::insertRecord(const VolumeInfo &volume)
{
    return database_.run("INSERT INTO volumes (name, created_at, driver, labels, anonymous) VALUES (?, ?, ?, ?, ?)",
                         {volume.name, volume.createdAt, volume.driver, nlohmann::json(volume.labels).dump(),
                          std::int64_t{volume.anonymous}});
}

Result<VolumeInfo> VolumeStore::create(const std::string &requestedName,
                                       const std::map<std::string, std::string> &labels, bool anonymous)
{
    std::string name = requestedName;
    if (name.empty()) {
        auto generated = randomHexName();
        if (!generated)
            return std::unexpected(generated.error());
        name = *generated;
        anonymous = true;
    } else if (auto valid = validateVolumeName(name); !valid) {
        return std::unexpected(valid.error());
    }
    const std::string what = "creating volume " + backquoted(name);
    auto existing = find(name);
    if (!existing)
        return std::unexpected(std::move(existing.error()).withContext(what));
    if (*existing)
        return std::move(**existing);

    VolumeInfo volume;
    volume.name = name;
    volume.createdAt = static_cast<std::int64_t>(std::time(nullptr));
    volume.labels = labels;
    volume.anonymous = anonymous;
    if (anonymous)
        volume.labels.emplace(anonymousLabel, "");
    volume.mountpoint = dataDirectory(name);

    if (auto made = makeVolumeDirectory(name); !made)
        return std::unexpected(std::move(made.error()).withContext(what));
    if (auto recorded = insertRecord(volume); !recorded) {
        (void)deleteDirectory(name);
        return std::unexpected(std::move(recorded.error()).withContext(what));
    }
    return volume;
}

Result<EnsuredVolume> VolumeStore::ensure(const std::string &name)
{
    if (name.empty()) {
        auto created = create("", {}, true);
        if (!created)
            return std::unexpected(created.error());
        return EnsuredVolume{created->name, created->mountpoint, true};
    }
    if (auto valid = validateVolumeName(name); !valid)
        return std::unexpected(valid.error());
    auto existing = find(name);
    if (!existing)
        return std::unexpected(std::move(existing.error()).withContext("finding volume " + backquoted(name)));
    if (!*existing) {
        auto created = create(name, {}, false);
        if (!created)
            return std::unexpected(created.error());
        return EnsuredVolume{name, created->mountpoint, true};
    }
    // A record whose directory was deleted behind our back: make it again, empty, so the
    // mount works and the caller fills it from the image as for a new volume.
    const auto data = dataDirectory(name);
    struct stat info {};
    if (::lstat(data.c_str(), &info) == 0) {
        if (S_ISDIR(info.st_mode))
            return EnsuredVolume{name, data, false};
    } else if (errno != ENOENT) {
        return failErrno("checking " + backquoted(data.string()), errno);
    }
    auto volumes = openVolumesDirectory(true);
    if (!volumes)
        return std::unexpected(volumes.error());
    if (auto removed = removeTreeAt(volumes->get(), name, (volumesDirectory() / name).string()); !removed)
        return std::unexpected(std::move(removed.error()).withContext("repairing volume " + backquoted(name)));
    if (auto made = makeVolumeDirectory(name); !made)
        return std::unexpected(std::move(made.error()).withContext("repairing volume " + backquoted(name)));
    return EnsuredVolume{name, data, true};
}

Result<VolumeInfo> VolumeStore::inspect(const std::string &name)
{
    auto found = find(name);
    if (!found)
        return std::unexpected(std::move(found.error()).withContext("inspecting volume " + backquoted(name)));
    if (!*found)
        return fail(ErrorCode::NotFound, "No such volume: " + name);
    return std::move(**found);
}

Result<std::vector<VolumeInfo>> VolumeStore::list(const VolumeFilters &filters)
{
    auto rows = database_.query(std::string(selectColumns) + " ORDER BY name");
    if (!rows)
        return std::unexpected(std::move(rows.error()).withContext("listing volumes"));
    auto users = usersByVolume();
    if (!users)
        return std::unexpected(std::move(users.error()).withContext("listing volumes"));
    std::vector<VolumeInfo> volumes;
    for (const auto &row : *rows) {
        auto volume = fromRow(row, volumesDirectory());
        if (!volume)
            return std::unexpected(std::move(volume.error()).withContext("listing volumes"));
        if (auto found = users->find(volume->name); found != users->end())
            volume->usedBy = found->second;
        if (filters.matches(*volume))
            volumes.push_back(std::move(*volume));
    }
    return volumes;
}

Status VolumeStore::attach(const std::string &containerId, const std::string &volumeName,
                           const std::string &destination)
{
    const std::string what = "mounting volume " + backquoted(volumeName) + " at " + backquoted(destination);
    if (destination.empty() || destination.front() != '/')
        return fail(ErrorCode::InvalidArgument,
                    "invalid mount destination " + backquoted(destination) + ": it must be an absolute path");
    auto exists = database_.query("SELECT 1 FROM volumes WHERE name = ?", {volumeName});
    if (!exists)
        return std::unexpected(std::move(exists.error()).withContext(what));
    if (exists->empty())
        return fail(ErrorCode::NotFound, "No such volume: " + volumeName);
    auto taken = database_.query("SELECT volume_name FROM container_volumes WHERE container_id = ? AND destination = ?",
                                 {containerId, destination});
    if (!taken)
        return std::unexpected(std::move(taken.error()).withContext(what));
    if (!taken->empty())
        return fail(ErrorCode::Conflict, "Duplicate mount point: " + destination + " (volume " +
                                             backquoted(sqlText(taken->front()[0])) + " is mounted there already)");
    if (auto added = database_.run(
            "INSERT INTO container_volumes (container_id, volume_name, destination) VALUES (?, ?, ?)",
            {containerId, volumeName, destination});
        !added)
        return std::unexpected(std::move(added.error()).withContext(what));
    return {};
}

Result<std::vector<VolumeMount>> VolumeStore::mountsOf(const std::string &containerId)
{
    auto rows = database_.query("SELECT cv.volume_name, cv.destination, v.anonymous FROM container_volumes cv "
                                "JOIN volumes v ON v.name = cv.volume_name WHERE cv.container_id = ? "
                                "ORDER BY cv.destination",
                                {containerId});
    if (!rows)
        return std::unexpected(std::move(rows.error()).withContext("listing the volumes of container " + containerId));
    std::vector<VolumeMount> mounts;
    for (const auto &row : *rows)
        mounts.push_back({sqlText(row[0]), sqlText(row[1]), sqlInteger(row[2]).value_or(0) != 0});
    return mounts;
}

Status VolumeStore::detachAll(const std::string &containerId)
{
    return database_.run("DELETE FROM container_volumes WHERE container_id = ?", {containerId});
}

Status VolumeStore::deleteDirectory(const std::string &name)
{
    auto volumes = openVolumesDirectory(false);
    if (!volumes) {
        if (volumes.error().systemErrno() == ENOENT)
            return {};
        return std::unexpected(volumes.error());
    }
    auto suffix = randomHexName();
    if (!suffix)
        return std::unexpected(suffix.error());
    const std::string trash = std::string(trashPrefix) + suffix->substr(0, 16);
    const std::string trashPath = (volumesDirectory() / trash).string();
    if (::renameat2(volumes->get(), name.c_str(), volumes->get(), trash.c_str(), RENAME_NOREPLACE) != 0) {
        if (errno == ENOENT)
            return {};
        return failErrno("renaming " + backquoted((volumesDirectory() / name).string()) + " to " + backquoted(trashPath),
                         errno);
    }
    if (auto synced = syncDirectory(volumes->get(), volumesDirectory().string()); !synced)
        return synced;
    step("remove:trashed");
    if (auto removed = removeTreeAt(volumes->get(), trash, trashPath); !removed)
        return std::unexpected(std::move(removed.error())
                                   .withContext("deleting " + backquoted(trashPath) +
                                                " (what is left goes when berth-helper next starts)"));
    return {};
}

Status VolumeStore::remove(const std::string &name, bool force)
{
    const std::string what = "removing volume " + backquoted(name);
    auto found = find(name);
    if (!found)
        return std::unexpected(std::move(found.error()).withContext(what));
    if (!*found) {
        if (force)
            return {};
        return fail(ErrorCode::NotFound, "No such volume: " + name);
    }
    const auto &volume = **found;
    if (!volume.usedBy.empty()) {
        std::string ids;
        std::set<std::string> listed;
        for (const auto &user : volume.usedBy) {
            if (!listed.insert(user.containerId).second)
                continue;
            ids += (ids.empty() ? "" : ", ") + user.containerId;
        }
        return fail(ErrorCode::Conflict, "remove " + name + ": volume is in use - [" + ids + "]");
    }
    // The record goes first: a kill after this leaves a directory without a record, which
    // removeLeftovers deletes; the other order could leave a record of a deleted directory.
    if (auto deleted = database_.run("DELETE FROM volumes WHERE name = ?", {name}); !deleted)
        return std::unexpected(std::move(deleted.error()).withContext(what));
    step("remove:recorded");
    if (auto removed = deleteDirectory(name); !removed)
        return std::unexpected(std::move(removed.error()).withContext(what));
    return {};
}

Result<PruneReport> VolumeStore::prune(const PruneOptions &options)
{
    auto volumes = list();
    if (!volumes)
        return std::unexpected(std::move(volumes.error()).withContext("pruning volumes"));
    PruneReport report;
    for (const auto &volume : *volumes) {
        if (!volume.usedBy.empty() || (!options.all && !volume.anonymous))
            continue;
        if (!std::all_of(options.labels.begin(), options.labels.end(),
                         [&](const LabelFilter &label) { return label.matches(volume.labels); }))
            continue;
        // Measured before it goes; a volume that cannot be measured is still removed.
        auto measured = size(volume.name);
        if (auto removed = remove(volume.name, false); !removed) {
            std::string done;
            for (const auto &name : report.removed)
                done += (done.empty() ? "" : ", ") + name;
            return std::unexpected(std::move(removed.error())
                                       .withContext("pruning volumes (removed so far: " +
                                                    (done.empty() ? std::string("none") : done) + ")"));
        }
        report.removed.push_back(volume.name);
        if (measured)
            report.reclaimedBytes += measured->bytes;
    }
    return report;
}

Result<TreeSize> VolumeStore::size(const std::string &name)
{
    auto found = find(name);
    if (!found)
        return std::unexpected(found.error());
    if (!*found)
        return fail(ErrorCode::NotFound, "No such volume: " + name);
    const auto data = dataDirectory(name);
    auto directory = openDirectoryNoFollow(data);
    if (!directory)
        return std::unexpected(std::move(directory.error()).withContext("measuring volume " + backquoted(name)));
    return measureTree(directory->get(), data.string());
}

Result<BrowseListing> VolumeStore::listDirectory(const std::string &name, std::string_view path, std::size_t limit)
{
    auto found = find(name);
    if (!found)
        return std::unexpected(found.error());
    if (!*found)
        return fail(ErrorCode::NotFound, "No such volume: " + name);
    auto directory = openDirectoryNoFollow(dataDirectory(name));
    if (!directory)
        return std::unexpected(std::move(directory.error()).withContext("browsing volume " + backquoted(name)));
    auto listing = listDirectoryInRoot(directory->get(), path, limit);
    if (!listing)
        return std::unexpected(std::move(listing.error()).withContext("browsing volume " + backquoted(name)));
    return listing;
}

Result<LeftoverReport> VolumeStore::removeLeftovers(const std::filesystem::path &root, SqliteDatabase &database)
{
    const std::string what = "tidying " + backquoted((root / "volumes").string());
    VolumeStore store(database, root);
    auto volumes = store.openVolumesDirectory(true);
    if (!volumes)
        return std::unexpected(std::move(volumes.error()).withContext(what));
    auto rows = database.query("SELECT name FROM volumes");
    if (!rows)
        return std::unexpected(std::move(rows.error()).withContext(what));
    std::set<std::string> recorded;
    for (const auto &row : *rows)
        recorded.insert(sqlText(row[0]));

    auto names = directoryEntries(volumes->get(), store.volumesDirectory().string());
    if (!names)
        return std::unexpected(std::move(names.error()).withContext(what));

    LeftoverReport report;
    for (const auto &name : *names) {
        const bool ours = name.starts_with(temporaryPrefix) || name.starts_with(trashPrefix);
        const bool orphan = !ours && validateVolumeName(name) && !recorded.contains(name);
        if (!ours && !orphan)
            continue; // a volume, or something we never make: not ours to delete
        const std::string path = (store.volumesDirectory() / name).string();
        if (auto removed = removeTreeAt(volumes->get(), name, path); !removed)
            return std::unexpected(std::move(removed.error()).withContext(what));
        report.removedDirectories.push_back(name);
    }
    for (const auto &name : recorded) {
        struct stat info {};
        const std::string data = name + "/_data";
        if (::fstatat(volumes->get(), data.c_str(), &info, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(info.st_mode))
            continue;
        if (auto removed = removeTreeAt(volumes->get(), name, (store.volumesDirectory() / name).string()); !removed)
            return std::unexpected(std::move(removed.error()).withContext(what));
        if (auto made = makeVolumeDirectoryIn(volumes->get(), store.volumesDirectory(), name, {}); !made)
            return std::unexpected(std::move(made.error()).withContext(what));
        report.recreatedDirectories.push_back(name);
    }
    if (!report.removedDirectories.empty())
        if (auto synced = syncDirectory(volumes->get(), store.volumesDirectory().string()); !synced)
            return std::unexpected(std::move(synced.error()).withContext(what));
    return report;
}

} // namespace berth::volume
