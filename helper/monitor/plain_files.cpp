#include "helper/monitor/plain_files.h"

#include "engine/core/unique_fd.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

namespace berth::monitor {

std::optional<std::string> readSmallFile(const std::string &path, std::size_t maxBytes)
{
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd.valid())
        return std::nullopt;
    std::string content;
    char chunk[4096];
    while (content.size() < maxBytes) {
        const ssize_t got = ::read(fd.get(), chunk, sizeof chunk);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return std::nullopt;
        if (got == 0)
            break;
        content.append(chunk, static_cast<std::size_t>(got));
    }
    if (content.size() > maxBytes)
        content.resize(maxBytes);
    return content;
}

bool writeFileAtomically(const std::string &path, const std::string &text)
{
    const std::string temporary = path + ".tmp";
    UniqueFd fd(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600));
    if (!fd.valid())
        return false;
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t done = ::write(fd.get(), text.data() + written, text.size() - written);
        if (done < 0 && errno == EINTR)
            continue;
        if (done <= 0)
            return false;
        written += static_cast<std::size_t>(done);
    }
    // Renamed into place, so a reader never sees half of it; not fsynced, as the exit record
    // is read back while this machine stays up (after a power cut the helper says the
    // container's end was not recorded), and every container's end waited for the disk.
    fd.reset();
    return ::rename(temporary.c_str(), path.c_str()) == 0;
}

} // namespace berth::monitor
