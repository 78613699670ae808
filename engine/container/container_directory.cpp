#include "engine/container/container_directory.h"

#include "engine/container/container_copy_paths.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <memory>

namespace berth::container {

using namespace copy_detail;

Result<DirectoryListing> listContainerDirectory(int rootFd, std::string_view path, std::size_t limit)
{
    const std::string where(path);
    auto directory = lookUp(rootFd, where, O_RDONLY | O_DIRECTORY);
    if (!directory)
        return std::unexpected(lookUpError(where, directory.error(), "in the container"));
    // fdopendir takes the descriptor over; the lookups below keep using the path-resolved one.
    UniqueFd reading(::fcntl(directory->get(), F_DUPFD_CLOEXEC, 3));
    if (!reading.valid())
        return failErrno("listing " + backquoted(where) + " in the container", errno);
    const std::unique_ptr<DIR, int (*)(DIR *)> stream(::fdopendir(reading.get()), ::closedir);
    if (!stream)
        return failErrno("listing " + backquoted(where) + " in the container", errno);
    (void)reading.release();

    DirectoryListing listing;
    std::vector<std::string> names;
    errno = 0;
    while (const dirent *entry = ::readdir(stream.get())) {
        const std::string_view name(entry->d_name);
        if (name != "." && name != "..")
            names.emplace_back(name);
        errno = 0;
    }
    if (errno != 0)
        return failErrno("listing " + backquoted(where) + " in the container", errno);
    std::ranges::sort(names);
    if (names.size() > limit) {
        names.resize(limit);
        listing.truncated = true;
    }
    const std::string prefix = where.ends_with('/') ? where : where + "/";
    for (const auto &name : names) {
        struct stat info {};
        // Gone since readdir: a running container changes its files as we look.
        if (::fstatat(directory->get(), name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0)
            continue;
        DirectoryEntry entry{statFromInfo(info, name), false};
        if (S_ISLNK(info.st_mode)) {
            std::array<char, 4096> target{};
            const ssize_t length = ::readlinkat(directory->get(), name.c_str(), target.data(), target.size() - 1);
            if (length >= 0)
                entry.stat.linkTarget.assign(target.data(), std::size_t(length));
            // Followed inside the root only, as opening it from the Files tab would be.
            entry.linkToDirectory = lookUp(rootFd, prefix + name, O_PATH | O_DIRECTORY).has_value();
        }
        listing.entries.push_back(std::move(entry));
    }
    return listing;
}

} // namespace berth::container
