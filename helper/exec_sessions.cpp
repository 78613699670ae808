#include "exec_sessions.h"

#include "container_manager.h"

#include "engine/container/container_bundle.h"
#include "engine/container/container_user.h"
#include "engine/runtime/linux_calls.h"

#include <QSocketNotifier>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <cerrno>
#include <chrono>
#include <fcntl.h>
#include <fstream>
#include <poll.h>
#include <random>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace berth;
using nlohmann::json;

extern char **environ;

namespace {

constexpr std::chrono::seconds forgetEndedAfter{60};
constexpr int terminalTimeoutMs = 15000;

std::string newExecId()
{
    std::random_device random;
    static constexpr char digits[] = "0123456789abcdef";
    std::string id;
    for (int index = 0; index < 32; ++index)
        id += digits[random() % 16];
    return id;
}

Result<UniqueFd> listenOn(const std::string &path)
{
    UniqueFd socketFd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!socketFd.valid())
        return failErrno("making the console socket", errno);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (path.size() >= sizeof address.sun_path)
        return fail(ErrorCode::Internal, "the console socket path " + backquoted(path) + " is too long");
    std::copy(path.begin(), path.end(), address.sun_path);
    ::unlink(path.c_str());
    if (::bind(socketFd.get(), reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
        ::listen(socketFd.get(), 1) != 0)
        return failErrno("listening on the console socket " + backquoted(path), errno);
    return socketFd;
}

} // namespace

// A berth-runtime exec just spawned; with tty, kept until the terminal it sends arrives.
struct ExecSessions::PendingTerminal {
    std::string execId;
    pid_t runtimePid = 0;
    UniqueFd pidFd;
    UniqueFd listener;
    std::string consolePath;
    std::string processFile;
    Started done;
    // Their connections hold the pending exec; deleting them (later, not from inside their
    // own signals) lets it go.
    QSocketNotifier *listenerReady = nullptr;
    QSocketNotifier *runtimeEnded = nullptr;
    QTimer *timeout = nullptr;
};

struct ExecSessions::Session {
    pid_t runtimePid = 0;
    UniqueFd pidFd;
    QSocketNotifier *notifier = nullptr;
    std::string processFile;
    std::optional<int> exitCode;
    std::vector<std::function<void(Result<int>)>> waiters;
};

ExecSessions::ExecSessions(ContainerManager &containers, std::string storeRoot, QString runtimePath,
                           std::string runtimeRoot, QObject *parent)
    : QObject(parent), containers_(containers), storeRoot_(std::move(storeRoot)), runtimePath_(std::move(runtimePath)),
      runtimeRoot_(std::move(runtimeRoot))
{
}

ExecSessions::~ExecSessions()
{
    for (const auto &session : std::as_const(sessions_))
        delete session->notifier;
}

void ExecSessions::start(const std::string &containerIdOrName, const ExecRequest &request, UniqueFd input,
                         UniqueFd output, UniqueFd errorOutput, Started done)
{
    auto spawned = spawn(containerIdOrName, request, std::move(input), std::move(output), std::move(errorOutput));
    if (!spawned)
        return done(std::unexpected(spawned.error()));
    auto &exec = **spawned;
    if (!request.tty) {
        addSession(exec.execId, exec.runtimePid, std::move(exec.pidFd), exec.processFile);
        return done(ExecStarted{exec.execId, {}});
    }
    // The runtime sends the terminal's master end once the process is set up, or exits.
    exec.done = std::move(done);
    awaitTerminal(std::move(*spawned));
}

Result<std::shared_ptr<ExecSessions::PendingTerminal>> ExecSessions::spawn(const std::string &containerIdOrName,
                                                                          const ExecRequest &request, UniqueFd input,
                                                                          UniqueFd output, UniqueFd errorOutput)
{
    if (request.command.empty())
        return fail(ErrorCode::InvalidArgument, "no command given; say what to run, e.g. `berth exec -it NAME sh`");
    auto record = containers_.find(containerIdOrName);
    if (!record)
        return std::unexpected(record.error());
    using berth::container::ContainerStatus;
    if (record->state.status == ContainerStatus::Paused)
        return fail(ErrorCode::Conflict,
                    "Container " + record->id + " is paused, unpause the container before exec");
    if (record->state.status != ContainerStatus::Running)
        return fail(ErrorCode::Conflict, "Container " + record->id + " is not running; start it first");

    // The container's own process settings, with what exec changes.
    const auto paths = berth::container::ContainerPaths::of(storeRoot_, record->id);
    std::ifstream specFile(paths.spec);
    json spec = json::parse(specFile, nullptr, false);
    if (spec.is_discarded() || !spec.contains("process"))
        return fail(ErrorCode::Internal, "the container's config.json cannot be read; restart the container");
    json process = spec["process"];
    process["args"] = request.command;
    process["terminal"] = request.tty;
    if (request.tty && request.rows > 0 && request.columns > 0)
        process["consoleSize"] = {{"height", request.rows}, {"width", request.columns}};
    else
        process.erase("consoleSize");
    std::vector<std::string> env = process.value("env", std::vector<std::string>());
    for (const auto &setting : request.env) {
        const auto equals = setting.find('=');
        if (equals == std::string::npos || equals == 0)
            return fail(ErrorCode::InvalidArgument,
                        "the environment setting " + backquoted(setting) + " is not NAME=value");
        const std::string prefix = setting.substr(0, equals + 1);
        std::erase_if(env, [&prefix](const std::string &existing) { return existing.starts_with(prefix); });
        env.push_back(setting);
    }
    process["env"] = env;
    if (!request.workingDir.empty()) {
        if (!request.workingDir.starts_with('/'))
            return fail(ErrorCode::InvalidArgument,
                        "the working directory " + backquoted(request.workingDir) + " must be an absolute path");
        process["cwd"] = request.workingDir;
    }
    if (!request.user.empty()) {
        auto user = berth::container::resolveContainerUser(paths.rootfs, request.user);
        if (!user)
            return std::unexpected(user.error());
        process["user"] = {{"uid", user->uid}, {"gid", user->gid}, {"additionalGids", user->additionalGids}};
    }

    const std::string execId = newExecId();
    const std::string processFile = (paths.directory / ("exec-" + execId + ".json")).string();
    {
        std::ofstream file(processFile, std::ios::trunc);
        file << process.dump();
        if (!file.flush())
            return failErrno("writing the exec's process file " + backquoted(processFile), errno);
    }
    auto removeProcessFile = [&processFile]() { ::unlink(processFile.c_str()); };

    // A short path: sockaddr_un holds 108 bytes, the store's container directories are longer.
    const std::string consolePath =
        std::filesystem::path(runtimeRoot_).parent_path().string() + "/exec-" + execId.substr(0, 12) + ".sock";
    UniqueFd consoleListener;
    if (request.tty) {
        std::error_code ignored;
        std::filesystem::create_directories(std::filesystem::path(consolePath).parent_path(), ignored);
        auto listening = listenOn(consolePath);
        if (!listening) {
            removeProcessFile();
            return std::unexpected(listening.error());
        }
        consoleListener = std::move(*listening);
    }

    UniqueFd nullFd(::open("/dev/null", O_RDWR | O_CLOEXEC));
    const int stdinFd = request.tty || !input.valid() ? nullFd.get() : input.get();
    const int stdoutFd = request.tty || !output.valid() ? nullFd.get() : output.get();
    const int stderrFd = errorOutput.valid() ? errorOutput.get() : nullFd.get();
    std::vector<std::string> arguments{runtimePath_.toStdString(), "--root", runtimeRoot_, "exec", "--process",
                                       processFile};
    if (request.tty)
        arguments.insert(arguments.end(), {"--console-socket", consolePath});
    arguments.push_back(record->id);
    std::vector<char *> argv;
    for (auto &argument : arguments)
        argv.push_back(argument.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, stdinFd, 0);
    posix_spawn_file_actions_adddup2(&actions, stdoutFd, 1);
    posix_spawn_file_actions_adddup2(&actions, stderrFd, 2);
    pid_t pid = 0;
    const int spawned = ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        if (request.tty)
            ::unlink(consolePath.c_str());
        removeProcessFile();
        return failErrno("starting berth-runtime exec", spawned);
    }
    auto pidFd = berth::runtime::openPidFd(pid);
    if (!pidFd) {
        ::waitpid(pid, nullptr, 0);
        removeProcessFile();
        return std::unexpected(pidFd.error());
    }

    auto exec = std::make_shared<PendingTerminal>();
    exec->execId = execId;
    exec->runtimePid = pid;
    exec->pidFd = std::move(*pidFd);
    exec->listener = std::move(consoleListener);
    exec->consolePath = consolePath;
    exec->processFile = processFile;
    return exec;
}

void ExecSessions::awaitTerminal(std::shared_ptr<PendingTerminal> pending)
{
    // Called once, by whichever comes first: the terminal, the runtime's end, the timeout.
    auto finish = [this, weak = std::weak_ptr<PendingTerminal>(pending)](bool terminalReady) {
        auto pending = weak.lock();
        if (!pending || !pending->done)
            return;
        pending->listenerReady->setEnabled(false);
        pending->runtimeEnded->setEnabled(false);
        pending->timeout->stop();
        pending->listenerReady->deleteLater();
        pending->runtimeEnded->deleteLater();
        pending->timeout->deleteLater();
        ::unlink(pending->consolePath.c_str());
        UniqueFd terminal;
        if (terminalReady) {
            UniqueFd connection(::accept4(pending->listener.get(), nullptr, nullptr, SOCK_CLOEXEC));
            if (connection.valid()) {
                if (auto received = berth::runtime::receiveFileDescriptor(connection.get()))
                    terminal = std::move(*received);
            }
        }
        Started done = std::move(pending->done);
        pending->done = nullptr;
        if (!terminal.valid()) {
            ::kill(pending->runtimePid, SIGKILL);
            ::waitpid(pending->runtimePid, nullptr, 0);
            ::unlink(pending->processFile.c_str());
            return done(fail(ErrorCode::Io, "the exec's terminal did not arrive; the command may not exist in the "
                                            "container (its error went to your terminal)"));
        }
        addSession(pending->execId, pending->runtimePid, std::move(pending->pidFd), pending->processFile);
        done(ExecStarted{pending->execId, std::move(terminal)});
    };
    pending->listenerReady = new QSocketNotifier(pending->listener.get(), QSocketNotifier::Read, this);
    pending->runtimeEnded = new QSocketNotifier(pending->pidFd.get(), QSocketNotifier::Read, this);
    pending->timeout = new QTimer(this);
    pending->timeout->setSingleShot(true);
    connect(pending->listenerReady, &QSocketNotifier::activated, this, [finish, pending]() { finish(true); });
    connect(pending->runtimeEnded, &QSocketNotifier::activated, this, [finish, pending]() {
        // The terminal may have been sent just before the runtime ended.
        pollfd waiting{pending->listener.get(), POLLIN, 0};
        finish(::poll(&waiting, 1, 0) > 0);
    });
    connect(pending->timeout, &QTimer::timeout, this, [finish, pending]() { finish(false); });
    pending->timeout->start(terminalTimeoutMs);
}

void ExecSessions::addSession(const std::string &execId, pid_t runtimePid, UniqueFd pidFd, std::string processFile)
{
    auto session = std::make_shared<Session>();
    session->runtimePid = runtimePid;
    session->pidFd = std::move(pidFd);
    session->processFile = std::move(processFile);
    session->notifier = new QSocketNotifier(session->pidFd.get(), QSocketNotifier::Read);
    connect(session->notifier, &QSocketNotifier::activated, this, [this, execId]() { ended(execId); });
    sessions_.insert(QString::fromStdString(execId), session);
}

void ExecSessions::ended(const std::string &execId)
{
    auto session = sessions_.value(QString::fromStdString(execId));
    if (!session || session->exitCode)
        return;
    session->notifier->setEnabled(false);
    int status = 0;
    ::waitpid(session->runtimePid, &status, 0);
    session->exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    ::unlink(session->processFile.c_str());
    for (auto &waiter : session->waiters)
        waiter(*session->exitCode);
    session->waiters.clear();
    QTimer::singleShot(forgetEndedAfter, this, [this, execId]() {
        if (auto forgotten = sessions_.take(QString::fromStdString(execId)))
            forgotten->notifier->deleteLater();
    });
}

void ExecSessions::wait(const std::string &execId, std::function<void(Result<int>)> done)
{
    auto session = sessions_.value(QString::fromStdString(execId));
    if (!session)
        return done(fail(ErrorCode::NotFound, "No such exec instance: " + execId));
    if (session->exitCode)
        return done(*session->exitCode);
    session->waiters.push_back(std::move(done));
}
