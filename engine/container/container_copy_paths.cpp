#include "engine/container/container_copy_paths.h"

#include "engine/runtime/linux_calls.h"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>

namespace berth::container::copy_detail {

CleanPath cleanPath(std::string_view path)
{
    CleanPath clean;
    clean.absolute = path.starts_with('/');
    clean.currentDirectory = path == "." || path.ends_with("/.");
    clean.assertsDirectory = clean.currentDirectory || path.ends_with('/');
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        const std::string_view part = path.substr(start, end - start);
        if (part == "..") {
            if (!clean.components.empty())
                clean.components.pop_back();
            else if (!clean.absolute)
                ++clean.leadingParents;
        } else if (!part.empty() && part != ".") {
            clean.components.emplace_back(part);
        }
        start = end + 1;
    }
    return clean;
}

std::string joinComponents(const std::vector<std::string> &components, std::size_t count)
{
    std::string joined;
    for (std::size_t index = 0; index < count; ++index) {
        if (index > 0)
            joined += '/';
        joined += components[index];
    }
    return joined;
}

// The path inside a root: "/a/b", "/" for none.
std::string rootPath(const std::vector<std::string> &components)
{
    return "/" + joinComponents(components, components.size());
}

// The name an archive's top entry gets: the last component, "." for SRC/. and the root.
std::string baseName(const CleanPath &clean)
{
    if (clean.currentDirectory || clean.components.empty())
        return clean.leadingParents > 0 && !clean.currentDirectory ? ".." : ".";
    return clean.components.back();
}

// The cleaned text and its parent, as filepath.Clean and filepath.Dir give them.
std::string cleanText(const CleanPath &clean)
{
    std::string text = clean.absolute ? "/" : "";
    for (std::size_t index = 0; index < clean.leadingParents; ++index)
        text += index > 0 ? "/.." : "..";
    for (const auto &component : clean.components) {
        if (!text.empty() && text.back() != '/')
            text += '/';
        text += component;
    }
    return text.empty() ? "." : text;
}

std::string parentText(CleanPath clean)
{
    if (clean.components.empty())
        return clean.absolute ? "/" : cleanText(clean) + "/..";
    clean.components.pop_back();
    return cleanText(clean);
}

// ---- Lookups inside a root, as errno so callers can tell "missing" from "refused"

std::expected<UniqueFd, int> lookUp(int rootFd, const std::string &path, int flags)
{
    auto fd = runtime::openInRoot(rootFd, path, flags);
    if (!fd)
        return std::unexpected(fd.error().systemErrno() ? fd.error().systemErrno() : EIO);
    return std::move(*fd);
}

Error lookUpError(const std::string &path, int systemErrno, std::string_view where)
{
    switch (systemErrno) {
    case ENOENT:
        return Error(ErrorCode::NotFound, "no such file or directory: " + backquoted(path) + " " + std::string(where) +
                                              "; check the path (it is looked up with the container's own links)");
    case ENOTDIR:
        return Error(ErrorCode::InvalidArgument, backquoted(path) + ": not a directory");
    case ELOOP:
        return Error(ErrorCode::InvalidArgument, backquoted(path) + " " + std::string(where) +
                                                     " goes through too many symbolic links");
    default:
        return Error::fromErrno("looking up " + backquoted(path) + " " + std::string(where), systemErrno);
    }
}

std::string procFdTarget(int fd)
{
    std::array<char, 4096> buffer{};
    const ssize_t length = ::readlink(runtime::procFdPath(fd).c_str(), buffer.data(), buffer.size() - 1);
    return length < 0 ? std::string() : std::string(buffer.data(), static_cast<std::size_t>(length));
}

Result<std::string> readLinkOf(int pathFd, const std::string &what)
{
    std::string target(4096, '\0');
    for (;;) {
        const ssize_t length = ::readlinkat(pathFd, "", target.data(), target.size());
        if (length < 0)
            return failErrno("reading the symbolic link " + backquoted(what), errno);
        if (static_cast<std::size_t>(length) < target.size()) {
            target.resize(static_cast<std::size_t>(length));
            return target;
        }
        target.resize(target.size() * 2);
    }
}

CopyPathStat statFromInfo(const struct stat &info, std::string name)
{
    CopyPathStat stat;
    stat.name = std::move(name);
    stat.size = info.st_size;
    stat.mode = info.st_mode;
    stat.modifiedNanoseconds = static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec;
    return stat;
}

} // namespace berth::container::copy_detail
