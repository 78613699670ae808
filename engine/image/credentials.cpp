#include "engine/core/unique_fd.h"
#include "engine/image/credentials.h"

#include "engine/core/reference.h"

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <random>

namespace berth::image {

namespace {

using Json = nlohmann::json;

constexpr std::size_t maximumUsernameBytes = 256;
constexpr std::size_t maximumPasswordBytes = 4096;
constexpr std::size_t maximumFileBytes = 1024 * 1024;
constexpr std::size_t maximumServers = 256;


bool hasControlCharacter(std::string_view text)
{
    return std::ranges::any_of(text, [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

std::string lowered(std::string_view text)
{
    std::string out(text);
    std::ranges::transform(out, out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string randomSuffix()
{
    static thread_local std::mt19937_64 generator{std::random_device{}()};
    static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::string suffix;
    for (int index = 0; index < 10; ++index)
        suffix += alphabet[generator() % (sizeof alphabet - 1)];
    return suffix;
}

// Holds an exclusive lock on the directory's lock file for a read-modify-write.
class DirectoryLock {
public:
    static Result<DirectoryLock> take(const std::filesystem::path &directory)
    {
        const auto path = directory / ".lock";
        const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (fd < 0)
            return failErrno("opening " + backquoted(path.string()), errno);
        if (::flock(fd, LOCK_EX) != 0) {
            const int error = errno;
            ::close(fd);
            return failErrno("locking " + backquoted(path.string()), error);
        }
        return DirectoryLock(fd);
    }
    DirectoryLock(DirectoryLock &&other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    DirectoryLock(const DirectoryLock &) = delete;
    ~DirectoryLock()
    {
        if (fd_ >= 0)
            ::close(fd_); // releases the flock
    }

private:
    explicit DirectoryLock(int fd) : fd_(fd) {}
    int fd_;
};

// Reads the whole file, or an empty document if there is none.
Result<Json> readDocument(const std::filesystem::path &path)
{
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (!fd.valid()) {
        if (errno == ENOENT)
            return Json::object();
        return failErrno("opening " + backquoted(path.string()), errno);
    }
    std::string text;
    char buffer[8192];
    for (;;) {
        const ssize_t got = ::read(fd.get(), buffer, sizeof buffer);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return failErrno("reading " + backquoted(path.string()), errno);
        }
        if (got == 0)
            break;
        text.append(buffer, static_cast<std::size_t>(got));
        if (text.size() > maximumFileBytes)
            return fail(ErrorCode::InvalidArgument, backquoted(path.string()) + " is larger than " +
                                                        std::to_string(maximumFileBytes) + " bytes; remove it and log in again");
    }
    Json document = Json::parse(text, nullptr, false);
    if (document.is_discarded() || !document.is_object())
        return fail(ErrorCode::InvalidArgument, backquoted(path.string()) + " is damaged (not a JSON object); remove it "
                                                                            "and log in again");
    return document;
}

Status writeAll(int fd, std::string_view data)
{
    while (!data.empty()) {
        const ssize_t written = ::write(fd, data.data(), data.size());
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return failErrno("writing", errno);
        }
        data.remove_prefix(static_cast<std::size_t>(written));
    }
    return {};
}

// Temporary file in the same directory, synced, renamed over the old one, directory synced.
Status replaceDocument(const std::filesystem::path &path, const Json &document)
{
    const auto temporary = path.parent_path() / (".tmp-" + path.filename().string() + "-" + randomSuffix());
    UniqueFd fd(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (!fd.valid())
        return failErrno("creating " + backquoted(temporary.string()), errno);
    const auto cleanup = [&] { ::unlink(temporary.c_str()); };
    if (::fchmod(fd.get(), 0600) != 0) {
        const int error = errno;
        cleanup();
        return failErrno("setting the mode of " + backquoted(temporary.string()), error);
    }
    if (auto written = writeAll(fd.get(), document.dump(2) + "\n"); !written) {
        cleanup();
        return std::unexpected(std::move(written.error()).withContext("storing " + backquoted(temporary.string())));
    }
    if (::fsync(fd.get()) != 0) {
        const int error = errno;
        cleanup();
        return failErrno("syncing " + backquoted(temporary.string()), error);
    }
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        const int error = errno;
        cleanup();
        return failErrno("moving the new logins into " + backquoted(path.string()), error);
    }
    UniqueFd directory(::open(path.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!directory.valid() || ::fsync(directory.get()) != 0)
        return failErrno("syncing " + backquoted(path.parent_path().string()), errno);
    return {};
}

} // namespace

Result<std::string> normaliseRegistryServer(std::string_view text)
{
    std::string server = lowered(text);
    if (server.starts_with("https://"))
        server.erase(0, 8);
    else if (server.starts_with("http://"))
        server.erase(0, 7);
    if (const auto slash = server.find('/'); slash != std::string::npos)
        server.erase(slash);
    if (server.empty() || server == "docker.io" || server == "index.docker.io" || server == "registry-1.docker.io")
        return std::string("docker.io");
    const auto invalid = [&] {
        return fail(ErrorCode::InvalidArgument, backquoted(text.substr(0, 200)) +
                                                    " is not a registry address; write it as HOST[:PORT], e.g. "
                                                    "registry.example.com or 127.0.0.1:5000 (nothing for Docker Hub)");
    };
    if (server.size() > 255 || hasControlCharacter(server))
        return invalid();
    // The same rule as for image names: "HOST[:PORT]/x" must parse with this very domain.
    auto reference = parseReference(server + "/x");
    if (!reference || reference->domain != server)
        return invalid();
    // The reference grammar takes any digits as a port; a login needs a real one.
    if (const auto colon = server.rfind(':'); colon != std::string::npos && server.find(']', colon) == std::string::npos) {
        const std::string port = server.substr(colon + 1);
        if (port.empty() || port.size() > 5 || std::stoul(port) == 0 || std::stoul(port) > 65535)
            return invalid();
    }
    return server;
}

Status validateCredentials(const RegistryCredentials &credentials)
{
    if (credentials.username.empty())
        return fail(ErrorCode::InvalidArgument, "the username is empty; give one with -u/--username");
    if (credentials.username.size() > maximumUsernameBytes)
        return fail(ErrorCode::InvalidArgument, "the username is longer than " + std::to_string(maximumUsernameBytes) + " bytes");
    if (credentials.username.find(':') != std::string::npos || hasControlCharacter(credentials.username))
        return fail(ErrorCode::InvalidArgument, "the username must not contain `:` or control characters");
    if (credentials.password.empty())
        return fail(ErrorCode::InvalidArgument, "the password is empty; give one with -p/--password or --password-stdin");
    if (credentials.password.size() > maximumPasswordBytes)
        return fail(ErrorCode::InvalidArgument, "the password is longer than " + std::to_string(maximumPasswordBytes) + " bytes");
    if (hasControlCharacter(credentials.password))
        return fail(ErrorCode::InvalidArgument, "the password contains a control character (a line break from "
                                                "--password-stdin is removed, others are not allowed)");
    return {};
}

CredentialStore::CredentialStore(std::filesystem::path root) : directory_(std::move(root) / "credentials") {}

std::filesystem::path CredentialStore::fileFor(std::uint32_t uid) const
{
    return directory_ / (std::to_string(uid) + ".json");
}

Status CredentialStore::prepareDirectory() const
{
    if (::mkdir(directory_.c_str(), 0700) != 0 && errno != EEXIST)
        return failErrno("creating " + backquoted(directory_.string()), errno);
    struct stat status {};
    if (::lstat(directory_.c_str(), &status) != 0)
        return failErrno("checking " + backquoted(directory_.string()), errno);
    if (!S_ISDIR(status.st_mode) || status.st_uid != ::geteuid())
        return fail(ErrorCode::Conflict, backquoted(directory_.string()) + " is not a directory owned by the helper's "
                                                                           "user; move it away so Berth can create it");
    // Whatever the umask or an earlier version did, only root may enter.
    if ((status.st_mode & 07777) != 0700 && ::chmod(directory_.c_str(), 0700) != 0)
        return failErrno("restricting " + backquoted(directory_.string()) + " to mode 0700", errno);
    return {};
}

Result<std::optional<RegistryCredentials>> CredentialStore::find(std::uint32_t uid, const std::string &server) const
{
    auto document = readDocument(fileFor(uid));
    if (!document)
        return std::unexpected(document.error());
    const auto auths = document->find("auths");
    if (auths == document->end() || !auths->is_object())
        return std::optional<RegistryCredentials>();
    const auto entry = auths->find(server);
    if (entry == auths->end() || !entry->is_object())
        return std::optional<RegistryCredentials>();
    RegistryCredentials credentials{entry->value("username", std::string()), entry->value("password", std::string())};
    if (credentials.username.empty() || credentials.password.empty())
        return std::optional<RegistryCredentials>();
    return std::optional(std::move(credentials));
}

Result<std::vector<StoredLogin>> CredentialStore::list(std::uint32_t uid) const
{
    auto document = readDocument(fileFor(uid));
    if (!document)
        return std::unexpected(document.error());
    std::vector<StoredLogin> logins;
    const auto auths = document->find("auths");
    if (auths == document->end() || !auths->is_object())
        return logins;
    for (const auto &[server, entry] : auths->items()) {
        if (!entry.is_object())
            continue;
        const auto username = entry.find("username");
        const auto password = entry.find("password");
        if (username == entry.end() || !username->is_string() || username->get_ref<const std::string &>().empty() ||
            password == entry.end() || !password->is_string() || password->get_ref<const std::string &>().empty())
            continue;
        logins.push_back(StoredLogin{server, username->get<std::string>()});
    }
    // nlohmann's objects are already ordered by key; sort anyway so the promise holds.
    std::ranges::sort(logins, {}, &StoredLogin::server);
    return logins;
}

Status CredentialStore::store(std::uint32_t uid, const std::string &server, const RegistryCredentials &credentials) const
{
    if (auto valid = validateCredentials(credentials); !valid)
        return valid;
    if (auto prepared = prepareDirectory(); !prepared)
        return prepared;
    auto lock = DirectoryLock::take(directory_);
    if (!lock)
        return std::unexpected(lock.error());
    const auto path = fileFor(uid);
    auto document = readDocument(path);
    if (!document)
        return std::unexpected(document.error());
    Json &auths = (*document)["auths"];
    if (!auths.is_object())
        auths = Json::object();
    if (!auths.contains(server) && auths.size() >= maximumServers)
        return fail(ErrorCode::InvalidArgument, "already " + std::to_string(maximumServers) +
                                                    " registry logins stored; log out of some with `berth logout SERVER`");
    auths[server] = Json{{"username", credentials.username}, {"password", credentials.password}};
    return replaceDocument(path, *document);
}

Result<bool> CredentialStore::remove(std::uint32_t uid, const std::string &server) const
{
    if (auto prepared = prepareDirectory(); !prepared)
        return std::unexpected(prepared.error());
    auto lock = DirectoryLock::take(directory_);
    if (!lock)
        return std::unexpected(lock.error());
    const auto path = fileFor(uid);
    auto document = readDocument(path);
    if (!document)
        return std::unexpected(document.error());
    const auto auths = document->find("auths");
    if (auths == document->end() || !auths->is_object() || !auths->contains(server))
        return false;
    auths->erase(server);
    if (auths->empty()) {
        if (::unlink(path.c_str()) != 0 && errno != ENOENT)
            return failErrno("removing " + backquoted(path.string()), errno);
        return true;
    }
    if (auto replaced = replaceDocument(path, *document); !replaced)
        return std::unexpected(replaced.error());
    return true;
}

} // namespace berth::image
