#include "engine/runtime/seccomp_cache.h"

#include "engine/core/unique_fd.h"

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace berth::runtime {
namespace {

constexpr std::size_t largestEntry = 1 << 20;

// FNV-1a names the file; the full key stored inside decides whether it is a hit, so a
// collision only costs a compile.
std::string fileNameFor(std::string_view key)
{
    std::uint64_t hash = 14695981039346656037ULL;
    for (const unsigned char c : key) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    char name[32];
    std::snprintf(name, sizeof name, "%016llx.bpf", static_cast<unsigned long long>(hash));
    return name;
}

bool ownedAndPrivate(int fd, bool directory)
{
    struct stat status {};
    if (::fstat(fd, &status) != 0 || status.st_uid != ::geteuid() || (status.st_mode & (S_IWGRP | S_IWOTH)) != 0)
        return false;
    return directory ? S_ISDIR(status.st_mode) : S_ISREG(status.st_mode);
}

UniqueFd openCacheDirectory(const std::filesystem::path &directory)
{
    ::mkdir(directory.c_str(), 0700);
    UniqueFd fd(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (fd.valid() && !ownedAndPrivate(fd.get(), true))
        return {};
    return fd;
}

std::optional<std::string> readEntry(int directoryFd, const std::string &name)
{
    UniqueFd file(::openat(directoryFd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (!file.valid() || !ownedAndPrivate(file.get(), false))
        return std::nullopt;
    std::string bytes;
    char chunk[16384];
    for (;;) {
        const ssize_t got = ::read(file.get(), chunk, sizeof chunk);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return std::nullopt;
        if (got == 0)
            return bytes;
        bytes.append(chunk, static_cast<std::size_t>(got));
        if (bytes.size() > largestEntry)
            return std::nullopt;
    }
}

// Written aside and renamed into place: a reader sees a whole entry or none, also when this
// process is killed half-way (a stray .tmp file is all that can be left).
void writeEntry(int directoryFd, const std::string &name, const std::string &bytes)
{
    const std::string temporary = name + "." + std::to_string(::getpid()) + ".tmp";
    UniqueFd file(::openat(directoryFd, temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (!file.valid())
        return;
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t wrote = ::write(file.get(), bytes.data() + done, bytes.size() - done);
        if (wrote < 0 && errno == EINTR)
            continue;
        if (wrote <= 0) {
            ::unlinkat(directoryFd, temporary.c_str(), 0);
            return;
        }
        done += static_cast<std::size_t>(wrote);
    }
    if (::renameat(directoryFd, temporary.c_str(), directoryFd, name.c_str()) != 0)
        ::unlinkat(directoryFd, temporary.c_str(), 0);
}

} // namespace

Result<SeccompFilter> compileSeccompProfileCached(const nlohmann::json &linuxSeccomp,
                                                  const std::filesystem::path &cacheDirectory)
{
    // nlohmann::json keeps object keys sorted, so equal profiles dump to equal text.
    const std::string key = seccompCompilerIdentity() + "\n" + linuxSeccomp.dump() + "\n";
    const std::string name = fileNameFor(key);
    const UniqueFd directory = openCacheDirectory(cacheDirectory);
    if (directory.valid()) {
        if (auto entry = readEntry(directory.get(), name); entry && entry->starts_with(key)) {
            if (auto filter = SeccompFilter::deserialize(std::string_view(*entry).substr(key.size())))
                return std::move(*filter);
        }
    }
    auto compiled = compileSeccompProfile(linuxSeccomp);
    if (compiled && directory.valid())
        writeEntry(directory.get(), name, key + compiled->serialize());
    return compiled;
}

} // namespace berth::runtime
