#include "engine/container/container_records.h"

#include <sys/random.h>

#include <array>
#include <cerrno>
#include <cstdio>

namespace berth::container {
namespace {

constexpr std::array<std::pair<ContainerStatus, std::string_view>, 7> statusNames{{
    {ContainerStatus::Created, "created"},
    {ContainerStatus::Running, "running"},
    {ContainerStatus::Paused, "paused"},
    {ContainerStatus::Restarting, "restarting"},
    {ContainerStatus::Exited, "exited"},
    {ContainerStatus::Dead, "dead"},
    {ContainerStatus::Removing, "removing"},
}};

// Words for generated names: a calm adjective and something found in a harbour.
constexpr std::array<std::string_view, 32> nameAdjectives{
    "amber",  "bold",   "brisk",  "calm",   "clever", "eager",  "fair",   "gentle",
    "glad",   "golden", "hardy",  "keen",   "kind",   "lively", "lucid",  "mellow",
    "merry",  "nimble", "noble",  "patient", "proud", "quick",  "quiet",  "rapid",
    "sharp",  "silent", "steady", "sunny",  "swift",  "tidy",   "vivid",  "wise",
};
constexpr std::array<std::string_view, 32> nameNouns{
    "anchor", "beacon",  "bollard", "buoy",  "cargo",  "compass", "crane",  "current",
    "deck",   "dock",    "dory",    "ferry", "galley", "harbor",  "hull",   "jetty",
    "keel",   "lantern", "mast",    "mooring", "oar",  "pier",    "quay",   "rudder",
    "sail",   "schooner", "skiff",  "tide",  "tugboat", "wake",   "wharf",  "winch",
};

constexpr const char *selectColumns =
    "SELECT id, name, image_id, image_name, created_at, config, status, monitor_pid, pid, exit_code, oom_killed, "
    "started_at, finished_at, error, restart_count, stopped_by_user FROM containers";

bool isHex(std::string_view text)
{
    return !text.empty() && text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

} // namespace

std::string_view statusName(ContainerStatus status)
{
    for (const auto &[value, name] : statusNames) {
        if (value == status)
            return name;
    }
    return "dead";
}

std::optional<ContainerStatus> statusFromName(std::string_view name)
{
    for (const auto &[value, text] : statusNames) {
        if (text == name)
            return value;
    }
    return std::nullopt;
}

Status validateContainerName(std::string_view name)
{
    auto allowedFirst = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    };
    auto allowed = [&](char c) { return allowedFirst(c) || c == '_' || c == '.' || c == '-'; };
    bool valid = name.size() >= 2 && name.size() <= 253 && allowedFirst(name.front());
    for (char c : name)
        valid = valid && allowed(c);
    if (!valid)
        return fail(ErrorCode::InvalidArgument,
                    "Invalid container name (" + std::string(name) +
                        "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed (at least two characters)");
    return {};
}

Result<std::string> newContainerId()
{
    std::array<unsigned char, 32> bytes{};
    std::size_t filled = 0;
    while (filled < bytes.size()) {
        const ssize_t got = ::getrandom(bytes.data() + filled, bytes.size() - filled, 0);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return failErrno("reading random bytes for a container id", errno);
        filled += static_cast<std::size_t>(got);
    }
    std::string id;
    id.reserve(64);
    for (unsigned char byte : bytes) {
        std::array<char, 3> pair{};
        std::snprintf(pair.data(), pair.size(), "%02x", byte);
        id += pair.data();
    }
    // Docker never hands out an all-digit short id: it would read as a number in scripts.
    if (id.substr(0, 12).find_first_not_of("0123456789") == std::string::npos)
        id[0] = 'a';
    return id;
}

std::string randomContainerName(const std::function<bool(const std::string &)> &taken)
{
    for (int attempt = 0;; ++attempt) {
        std::array<unsigned char, 3> bytes{};
        if (::getrandom(bytes.data(), bytes.size(), 0) != static_cast<ssize_t>(bytes.size()))
            bytes = {static_cast<unsigned char>(attempt), static_cast<unsigned char>(attempt * 7), 0};
        std::string name = std::string(nameAdjectives[bytes[0] % nameAdjectives.size()]) + "_" +
                           std::string(nameNouns[bytes[1] % nameNouns.size()]);
        // After a few collisions, a number keeps the name readable and makes it unique.
        if (attempt >= 8)
            name += std::to_string(bytes[2] + 256 * (attempt - 8));
        if (!taken(name))
            return name;
    }
}

Result<ContainerRecord> ContainerRecords::fromRow(const SqlRow &row)
{
    ContainerRecord record;
    record.id = sqlText(row[0]);
    record.name = sqlText(row[1]);
    record.imageId = sqlText(row[2]);
    record.imageName = sqlText(row[3]);
    record.createdAt = sqlInteger(row[4]).value_or(0);
    record.config = nlohmann::json::parse(sqlText(row[5]), nullptr, false);
    if (record.config.is_discarded() || !record.config.is_object())
        return fail(ErrorCode::Internal, "the record of container " + record.name + " holds a damaged config");
    auto status = statusFromName(sqlText(row[6]));
    if (!status)
        return fail(ErrorCode::Internal,
                    "the record of container " + record.name + " has an unknown status " + backquoted(sqlText(row[6])));
    record.state.status = *status;
    record.state.monitorPid = static_cast<pid_t>(sqlInteger(row[7]).value_or(0));
    record.state.pid = static_cast<pid_t>(sqlInteger(row[8]).value_or(0));
    record.state.exitCode = static_cast<int>(sqlInteger(row[9]).value_or(0));
    record.state.oomKilled = sqlInteger(row[10]).value_or(0) != 0;
    record.state.startedAt = sqlText(row[11]);
    record.state.finishedAt = sqlText(row[12]);
    record.state.error = sqlText(row[13]);
    record.state.restartCount = static_cast<int>(sqlInteger(row[14]).value_or(0));
    record.state.stoppedByUser = sqlInteger(row[15]).value_or(0) != 0;
    return record;
}

Status ContainerRecords::add(const ContainerRecord &record)
{
    auto taken = nameTaken(record.name);
    if (!taken)
        return std::unexpected(taken.error());
    if (*taken)
        return fail(ErrorCode::Conflict, "the container name \"/" + record.name +
                                             "\" is already in use; remove that container or choose another name");
    const auto &state = record.state;
    return database_.run(
        "INSERT INTO containers (id, name, image_id, image_name, created_at, config, status, monitor_pid, pid, "
        "exit_code, oom_killed, started_at, finished_at, error, restart_count, stopped_by_user) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {record.id, record.name, record.imageId, record.imageName, record.createdAt, record.config.dump(),
         std::string(statusName(state.status)), std::int64_t{state.monitorPid}, std::int64_t{state.pid},
         std::int64_t{state.exitCode}, std::int64_t{state.oomKilled}, state.startedAt, state.finishedAt, state.error,
         std::int64_t{state.restartCount}, std::int64_t{state.stoppedByUser}});
}

Result<std::vector<ContainerRecord>> ContainerRecords::list()
{
    auto rows = database_.query(std::string(selectColumns) + " ORDER BY created_at DESC, rowid DESC");
    if (!rows)
        return std::unexpected(rows.error());
    std::vector<ContainerRecord> records;
    for (const auto &row : *rows) {
        auto record = fromRow(row);
        if (!record)
            return std::unexpected(record.error());
        records.push_back(std::move(*record));
    }
    return records;
}

Result<ContainerRecord> ContainerRecords::find(std::string_view idOrName)
{
    std::string wanted(idOrName);
    if (wanted.starts_with('/'))
        wanted.erase(0, 1);
    if (wanted.empty())
        return fail(ErrorCode::InvalidArgument, "a container name or id is needed, got an empty one");
    // Docker's order: a full id, then an exact name, then a unique id prefix.
    for (const char *where : {" WHERE id = ?", " WHERE name = ?"}) {
        auto rows = database_.query(std::string(selectColumns) + where, {wanted});
        if (!rows)
            return std::unexpected(rows.error());
        if (!rows->empty())
            return fromRow(rows->front());
    }
    if (isHex(wanted)) {
        auto rows = database_.query(std::string(selectColumns) + " WHERE substr(id, 1, ?) = ?",
                                    {static_cast<std::int64_t>(wanted.size()), wanted});
        if (!rows)
            return std::unexpected(rows.error());
        if (rows->size() == 1)
            return fromRow(rows->front());
        if (rows->size() > 1)
            return fail(ErrorCode::Conflict, "multiple containers have ids that start with " + wanted +
                                                 "; give more of the id or the container's name");
    }
    return fail(ErrorCode::NotFound, "No such container: " + wanted);
}

Result<bool> ContainerRecords::nameTaken(const std::string &name)
{
    auto rows = database_.query("SELECT 1 FROM containers WHERE name = ?", {name});
    if (!rows)
        return std::unexpected(rows.error());
    return !rows->empty();
}

Status ContainerRecords::saveState(const std::string &id, const ContainerState &state)
{
    return database_.run("UPDATE containers SET status = ?, monitor_pid = ?, pid = ?, exit_code = ?, oom_killed = ?, "
                         "started_at = ?, finished_at = ?, error = ?, restart_count = ?, stopped_by_user = ? "
                         "WHERE id = ?",
                         {std::string(statusName(state.status)), std::int64_t{state.monitorPid},
                          std::int64_t{state.pid}, std::int64_t{state.exitCode}, std::int64_t{state.oomKilled},
                          state.startedAt, state.finishedAt, state.error, std::int64_t{state.restartCount},
                          std::int64_t{state.stoppedByUser}, id});
}

Status ContainerRecords::rename(const std::string &id, const std::string &newName)
{
    if (auto valid = validateContainerName(newName); !valid)
        return valid;
    auto taken = nameTaken(newName);
    if (!taken)
        return std::unexpected(taken.error());
    if (*taken)
        return fail(ErrorCode::Conflict, "the container name \"/" + newName +
                                             "\" is already in use; remove that container or choose another name");
    return database_.run("UPDATE containers SET name = ? WHERE id = ?", {newName, id});
}

Status ContainerRecords::remove(const std::string &id)
{
    return database_.run("DELETE FROM containers WHERE id = ?", {id});
}

} // namespace berth::container
