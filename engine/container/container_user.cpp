#include "engine/container/container_user.h"

#include "engine/core/unique_fd.h"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <optional>

namespace berth::container {
namespace {

constexpr std::uint64_t largestId = (1ULL << 31) - 1; // runc's range for uids and gids
constexpr std::size_t largestAccountFile = 16 * 1024 * 1024;

std::unexpected<Error> invalid(std::string message)
{
    return fail(ErrorCode::InvalidArgument, std::move(message));
}

std::optional<std::uint64_t> parseId(std::string_view text)
{
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

// The colon-separated fields of one account line (or comma-separated members).
std::vector<std::string> fieldsOf(std::string_view line, char separator)
{
    std::vector<std::string> fields;
    while (true) {
        const auto end = line.find(separator);
        fields.emplace_back(line.substr(0, end));
        if (end == std::string_view::npos)
            return fields;
        line.remove_prefix(end + 1);
    }
}

// The file's contents, or "" when it does not exist. openat2 with RESOLVE_IN_ROOT resolves
// every symlink and `..` as if the rootfs were "/", so an image's /etc/passwd → /../../x
// names the rootfs's own /x, never a host file.
Result<std::string> readFileInRoot(int rootFd, const std::string &relative, const std::filesystem::path &rootfs)
{
    open_how how{};
    how.flags = O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK;
    how.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS;
    long fd = -1;
    for (int attempt = 0; attempt < 16; ++attempt) {
        fd = ::syscall(SYS_openat2, rootFd, relative.c_str(), &how, sizeof how);
        if (fd >= 0 || (errno != EAGAIN && errno != EINTR))
            break;
    }
    if (fd < 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            return std::string{};
        return failErrno("opening /" + relative + " in the image's root filesystem " + backquoted(rootfs.string()), errno);
    }
    UniqueFd file(static_cast<int>(fd));
    struct stat status{};
    if (::fstat(file.get(), &status) != 0)
        return failErrno("reading /" + relative + " in " + backquoted(rootfs.string()), errno);
    if (!S_ISREG(status.st_mode))
        return invalid("/" + relative + " in the image " + backquoted(rootfs.string()) +
                       " is not a regular file: the image must hold account entries there, or use a numeric user");
    if (static_cast<std::uint64_t>(status.st_size) > largestAccountFile)
        return invalid("/" + relative + " in the image is " + std::to_string(status.st_size) +
                       " bytes, more than an account file can sensibly be; use a numeric user");
    std::string content;
    char buffer[8192];
    while (true) {
        const ssize_t got = ::read(file.get(), buffer, sizeof buffer);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return failErrno("reading /" + relative + " in " + backquoted(rootfs.string()), errno);
        }
        if (got == 0)
            break;
        content.append(buffer, static_cast<std::size_t>(got));
        if (content.size() > largestAccountFile)
            return invalid("/" + relative + " in the image grew past " + std::to_string(largestAccountFile) + " bytes while read");
    }
    return content;
}

struct PasswdEntry {
    std::string name;
    std::uint64_t uid = 0;
    std::uint64_t gid = 0;
    std::string home;
};

struct GroupEntry {
    std::string name;
    std::uint64_t gid = 0;
    std::vector<std::string> members;
};

// Lines that do not have the fields (or have non-numeric ids) are skipped, as libc does.
std::vector<PasswdEntry> parsePasswd(std::string_view content)
{
    std::vector<PasswdEntry> entries;
    for (const auto &line : fieldsOf(content, '\n')) {
        if (line.empty() || line.front() == '#')
            continue;
        auto fields = fieldsOf(line, ':');
        if (fields.size() < 6)
            continue;
        auto uid = parseId(fields[2]);
        auto gid = parseId(fields[3]);
        if (!uid || !gid)
            continue;
        entries.push_back({fields[0], *uid, *gid, fields[5]});
    }
    return entries;
}

std::vector<GroupEntry> parseGroup(std::string_view content)
{
    std::vector<GroupEntry> entries;
    for (const auto &line : fieldsOf(content, '\n')) {
        if (line.empty() || line.front() == '#')
            continue;
        auto fields = fieldsOf(line, ':');
        if (fields.size() < 3)
            continue;
        auto gid = parseId(fields[2]);
        if (!gid)
            continue;
        GroupEntry entry{fields[0], *gid, {}};
        if (fields.size() > 3) {
            for (auto &member : fieldsOf(fields[3], ','))
                if (!member.empty())
                    entry.members.push_back(std::move(member));
        }
        entries.push_back(std::move(entry));
    }
    return entries;
}

// A numeric id in runc's range; nullopt when the text is not a number at all.
Result<std::optional<std::uint64_t>> numericId(std::string_view text, std::string_view what)
{
    if (text.empty() || !std::ranges::all_of(text, [](char c) { return c >= '0' && c <= '9'; }))
        return std::optional<std::uint64_t>{};
    auto value = parseId(text);
    if (!value || *value > largestId)
        return invalid(std::string(what) + " " + backquoted(text) + " is out of range: uids and gids go from 0 to " +
                       std::to_string(largestId));
    return value;
}

bool listed(const std::vector<std::string> &members, const std::string &name)
{
    return std::ranges::find(members, name) != members.end();
}

} // namespace

Result<ResolvedUser> resolveContainerUser(const std::filesystem::path &rootfs, std::string_view spec)
{
    const auto colon = spec.find(':');
    const std::string userPart(spec.substr(0, colon));
    const std::string groupPart = colon == std::string_view::npos ? std::string{} : std::string(spec.substr(colon + 1));
    if (colon != std::string_view::npos && groupPart.empty())
        return invalid("user " + backquoted(spec) + " ends in `:` without a group: write user:group or just user");

    const int rootFd = ::open(rootfs.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (rootFd < 0)
        return failErrno("opening the image's root filesystem " + backquoted(rootfs.string()), errno);
    UniqueFd root(rootFd);
    auto passwdText = readFileInRoot(root.get(), "etc/passwd", rootfs);
    if (!passwdText)
        return std::unexpected(passwdText.error());
    auto groupText = readFileInRoot(root.get(), "etc/group", rootfs);
    if (!groupText)
        return std::unexpected(groupText.error());
    const auto users = parsePasswd(*passwdText);
    const auto groups = parseGroup(*groupText);

    auto uidArgument = numericId(userPart, "uid");
    if (!uidArgument)
        return std::unexpected(uidArgument.error());
    ResolvedUser result;
    std::string userName;
    // An empty user means root; its entry (if any) still gives the name, gid and home.
    auto entry = std::ranges::find_if(users, [&](const PasswdEntry &candidate) {
        if (userPart.empty())
            return candidate.uid == 0;
        return candidate.name == userPart || (*uidArgument && candidate.uid == **uidArgument);
    });
    if (entry != users.end()) {
        if (entry->uid > largestId || entry->gid > largestId)
            return invalid("the passwd entry of " + backquoted(entry->name) + " has an id above " + std::to_string(largestId));
        result.uid = static_cast<uid_t>(entry->uid);
        result.gid = static_cast<gid_t>(entry->gid);
        result.home = entry->home.empty() ? "/" : entry->home;
        userName = entry->name;
    } else if (*uidArgument) {
        result.uid = static_cast<uid_t>(**uidArgument);
    } else if (!userPart.empty()) {
        return fail(ErrorCode::NotFound, "user " + backquoted(userPart) +
                                             " was not found in the image's /etc/passwd: use a user the image defines, "
                                             "or a numeric uid such as -u 1000:1000");
    }

    if (!groupPart.empty()) {
        auto gidArgument = numericId(groupPart, "gid");
        if (!gidArgument)
            return std::unexpected(gidArgument.error());
        auto group = std::ranges::find_if(groups, [&](const GroupEntry &candidate) {
            return candidate.name == groupPart || (*gidArgument && candidate.gid == **gidArgument);
        });
        if (group != groups.end() && group->gid <= largestId)
            result.gid = static_cast<gid_t>(group->gid);
        else if (*gidArgument)
            result.gid = static_cast<gid_t>(**gidArgument);
        else
            return fail(ErrorCode::NotFound, "group " + backquoted(groupPart) +
                                                 " was not found in the image's /etc/group: use a group the image "
                                                 "defines, or a numeric gid such as -u 1000:1000");
    } else if (!userName.empty()) {
        // Supplementary groups only in the implicit form, as Docker (runc's user package).
        for (const auto &group : groups)
            if (group.gid <= largestId && listed(group.members, userName) &&
                std::ranges::find(result.additionalGids, static_cast<gid_t>(group.gid)) == result.additionalGids.end())
                result.additionalGids.push_back(static_cast<gid_t>(group.gid));
    }
    return result;
}

} // namespace berth::container
