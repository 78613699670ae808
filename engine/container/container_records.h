// Container records in the store's SQLite database: what each container was created with
// and the state the helper last saw. The helper is the only writer; every change of one
// container is one statement or one transaction, so a crash leaves a whole record.
#pragma once

#include "engine/core/error.h"
#include "engine/core/sqlite_database.h"

#include <nlohmann/json.hpp>

#include <sys/types.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace berth::container {

/// Docker's State.Status values.
enum class ContainerStatus { Created, Running, Paused, Restarting, Exited, Dead, Removing };

[[nodiscard]] std::string_view statusName(ContainerStatus status);
[[nodiscard]] std::optional<ContainerStatus> statusFromName(std::string_view name);

struct ContainerState {
    ContainerStatus status = ContainerStatus::Created;
    pid_t monitorPid = 0; ///< the berth-monitor holding it, while running or paused
    pid_t pid = 0;        ///< its first process, as the host sees it
    int exitCode = 0;
    bool oomKilled = false;
    std::string startedAt;  ///< RFC 3339 with nanoseconds, empty before the first start
    std::string finishedAt; ///< likewise, empty until it first ends
    std::string error;      ///< why the last start failed, empty otherwise
    int restartCount = 0;
    /// Stopped with stop/kill by a person: restart policies leave it alone (and
    /// unless-stopped stays stopped after the helper restarts).
    bool stoppedByUser = false;
};

struct ContainerRecord {
    std::string id;   ///< 64 lowercase hex digits
    std::string name; ///< without Docker's leading slash
    std::string imageId;   ///< "sha256:…"
    std::string imageName; ///< as the user named it at create, for `ps`
    std::int64_t createdAt = 0; ///< Unix seconds
    /// The create request in Docker's terms (Image, Cmd, Env, HostConfig-like fields); the
    /// helper rebuilds the OCI spec from it at every start.
    nlohmann::json config = nlohmann::json::object();
    ContainerState state;
};

/// Docker's rule for names: `[a-zA-Z0-9][a-zA-Z0-9_.-]+`. InvalidArgument otherwise.
[[nodiscard]] Status validateContainerName(std::string_view name);
/// A fresh 64-hex-digit id from the kernel's random source.
[[nodiscard]] Result<std::string> newContainerId();
/// A readable name such as "steady_harbor" that no record has yet.
[[nodiscard]] std::string randomContainerName(const std::function<bool(const std::string &)> &taken);

class ContainerRecords {
public:
    explicit ContainerRecords(SqliteDatabase &database) : database_(database) {}

    /// Adds a record. Conflict (with Docker's wording) when the name is in use.
    [[nodiscard]] Status add(const ContainerRecord &record);
    [[nodiscard]] Result<std::vector<ContainerRecord>> list();
    /// By full id, unique id prefix, or name (with or without a leading slash), as Docker
    /// looks containers up. NotFound: "No such container: X"; Conflict when a prefix is ambiguous.
    [[nodiscard]] Result<ContainerRecord> find(std::string_view idOrName);
    [[nodiscard]] Result<bool> nameTaken(const std::string &name);
    [[nodiscard]] Status saveState(const std::string &id, const ContainerState &state);
    [[nodiscard]] Status rename(const std::string &id, const std::string &newName);
    [[nodiscard]] Status remove(const std::string &id);

private:
    [[nodiscard]] static Result<ContainerRecord> fromRow(const SqlRow &row);
    SqliteDatabase &database_;
};

} // namespace berth::container
