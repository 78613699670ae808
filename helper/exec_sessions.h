// `docker exec` for the helper: another process in a running container, through
// berth-runtime exec with the container's own process settings (capabilities, seccomp,
// no_new_privs, rlimits) and the caller's descriptors as its stdio, or a terminal whose
// master end goes back to the caller over the bus. Sessions are remembered until their
// exit code has been asked for (or a minute after they end).
#pragma once

#include "engine/core/error.h"
#include "engine/core/unique_fd.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class ContainerManager;

struct ExecRequest {
    std::vector<std::string> command;
    std::vector<std::string> env; ///< NAME=value, on top of the container's
    std::string user;             ///< empty: the container's
    std::string workingDir;       ///< empty: the container's
    bool tty = false;
    unsigned short rows = 0, columns = 0; ///< the terminal's first size (tty only)
};

struct ExecStarted {
    std::string id;
    berth::UniqueFd terminal; ///< the pty's master end with tty, else invalid
};

class ExecSessions : public QObject {
    Q_OBJECT
public:
    ExecSessions(ContainerManager &containers, std::string storeRoot, QString runtimePath, std::string runtimeRoot,
                 QObject *parent = nullptr);
    ~ExecSessions() override;

    using Started = std::function<void(berth::Result<ExecStarted>)>;
    /// Starts request in the container. Without tty the process's stdin, stdout and stderr
    /// are input, output and errorOutput, and done is called before this returns; with tty
    /// done gets the terminal once berth-runtime sends it (the helper goes on serving others
    /// meanwhile), and errorOutput gets only the runtime's own complaints.
    void start(const std::string &containerIdOrName, const ExecRequest &request, berth::UniqueFd input,
               berth::UniqueFd output, berth::UniqueFd errorOutput, Started done);
    /// done gets the exit code once the process has ended (at once if it has).
    void wait(const std::string &execId, std::function<void(berth::Result<int>)> done);

private:
    struct Session;
    struct PendingTerminal;
    [[nodiscard]] berth::Result<std::shared_ptr<PendingTerminal>> spawn(const std::string &containerIdOrName,
                                                                        const ExecRequest &request, berth::UniqueFd input,
                                                                        berth::UniqueFd output,
                                                                        berth::UniqueFd errorOutput);
    void awaitTerminal(std::shared_ptr<PendingTerminal> pending);
    void addSession(const std::string &execId, pid_t runtimePid, berth::UniqueFd pidFd, std::string processFile);
    void ended(const std::string &execId);

    ContainerManager &containers_;
    std::string storeRoot_;
    QString runtimePath_;
    std::string runtimeRoot_;
    QHash<QString, std::shared_ptr<Session>> sessions_;
};
