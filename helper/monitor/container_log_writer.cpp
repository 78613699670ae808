#include "helper/monitor/container_log_writer.h"

#include "engine/runtime/runtime_state.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

namespace berth::monitor {

namespace {
constexpr std::size_t partialLineLimit = 16 * 1024;
}

std::string jsonEscape(std::string_view text)
{
    std::string escaped;
    escaped.reserve(text.size() + 8);
    for (unsigned char character : text) {
        switch (character) {
        case '"':
            escaped += "\\\"";
            break;
        case '\\':
            escaped += "\\\\";
            break;
        case '\n':
            escaped += "\\n";
            break;
        case '\r':
            escaped += "\\r";
            break;
        case '\t':
            escaped += "\\t";
            break;
        default:
            if (character < 0x20) {
                char code[8];
                std::snprintf(code, sizeof code, "\\u%04x", character);
                escaped += code;
            } else {
                escaped += static_cast<char>(character);
            }
        }
    }
    return escaped;
}

ContainerLogWriter::ContainerLogWriter(std::string path, std::uint64_t maxBytes, unsigned maxFiles)
    : path_(std::move(path)), maxBytes_(maxBytes), maxFiles_(maxFiles == 0 ? 1 : maxFiles)
{
}

Status ContainerLogWriter::open()
{
    const int fd = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0)
        return failErrno("opening the container log " + backquoted(path_), errno);
    fd_ = UniqueFd(fd);
    struct stat info {};
    size_ = ::fstat(fd, &info) == 0 ? static_cast<std::uint64_t>(info.st_size) : 0;
    return {};
}

Status ContainerLogWriter::rotate()
{
    // log.N-1 → log.N … log → log.1; the oldest falls off.
    for (unsigned index = maxFiles_ - 1; index >= 1; --index) {
        const std::string from = index == 1 ? path_ : path_ + "." + std::to_string(index - 1);
        const std::string to = path_ + "." + std::to_string(index);
        ::rename(from.c_str(), to.c_str());
    }
    if (maxFiles_ == 1 && ::ftruncate(fd_.get(), 0) == 0) {
        size_ = 0;
        return {};
    }
    return open();
}

Status ContainerLogWriter::writeEntry(std::string_view stream, std::string_view text)
{
    std::string line = "{\"log\":\"" + jsonEscape(text) + "\",\"stream\":\"" + std::string(stream) + "\",\"time\":\"" +
                       runtime::timestampNow() + "\"}\n";
    if (maxBytes_ > 0 && size_ > 0 && size_ + line.size() > maxBytes_) {
        if (auto rotated = rotate(); !rotated)
            return rotated;
    }
    std::string_view rest = line;
    while (!rest.empty()) {
        const ssize_t written = ::write(fd_.get(), rest.data(), rest.size());
        if (written < 0 && errno == EINTR)
            continue;
        if (written < 0)
            return failErrno("writing the container log " + backquoted(path_), errno);
        rest.remove_prefix(static_cast<std::size_t>(written));
    }
    size_ += line.size();
    return {};
}

Status ContainerLogWriter::append(std::string_view stream, std::string_view bytes)
{
    std::string &pending = stream == "stderr" ? pendingStderr_ : pendingStdout_;
    pending.append(bytes);
    std::size_t start = 0;
    while (true) {
        const auto newline = pending.find('\n', start);
        if (newline == std::string::npos)
            break;
        if (auto written = writeEntry(stream, std::string_view(pending).substr(start, newline + 1 - start)); !written)
            return written;
        start = newline + 1;
    }
    pending.erase(0, start);
    if (pending.size() >= partialLineLimit) {
        if (auto written = writeEntry(stream, pending); !written)
            return written;
        pending.clear();
    }
    return {};
}

Status ContainerLogWriter::flush(std::string_view stream)
{
    std::string &pending = stream == "stderr" ? pendingStderr_ : pendingStdout_;
    if (pending.empty())
        return {};
    auto written = writeEntry(stream, pending);
    pending.clear();
    return written;
}

} // namespace berth::monitor
