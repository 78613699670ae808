#include "engine/container/container_log.h"

#include <fcntl.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <limits>
#include <vector>

namespace berth::container {

namespace {

constexpr std::int64_t nanosecondsPerSecond = 1'000'000'000;
constexpr std::size_t readBlockSize = 64 * 1024;
// A line longer than this is no json-file entry (the monitor's longest is ~100 KiB); its
// bytes are dropped instead of gathering without bound.
constexpr std::size_t longestLine = 4 * 1024 * 1024;

// ---- JSON: only what a json-file line needs, keeping bytes that are not UTF-8 as they
// are (the monitor writes program output unchanged, as Docker does).

class JsonCursor {
public:
    explicit JsonCursor(std::string_view text) : text_(text) {}

    void skipSpace()
    {
        while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\r' || text_[pos_] == '\n'))
            ++pos_;
    }
    bool consume(char expected)
    {
        skipSpace();
        if (pos_ < text_.size() && text_[pos_] == expected) {
            ++pos_;
            return true;
        }
        return false;
    }
    bool atEnd()
    {
        skipSpace();
        return pos_ == text_.size();
    }
    char peek()
    {
        skipSpace();
        return pos_ < text_.size() ? text_[pos_] : '\0';
    }

    std::optional<std::string> string()
    {
        if (!consume('"'))
            return std::nullopt;
        std::string value;
        while (pos_ < text_.size()) {
            const char character = text_[pos_++];
            if (character == '"')
                return value;
            if (static_cast<unsigned char>(character) < 0x20)
                return std::nullopt;
            if (character != '\\') {
                value += character;
                continue;
            }
            if (pos_ >= text_.size())
                return std::nullopt;
            switch (text_[pos_++]) {
            case '"': value += '"'; break;
            case '\\': value += '\\'; break;
            case '/': value += '/'; break;
            case 'b': value += '\b'; break;
            case 'f': value += '\f'; break;
            case 'n': value += '\n'; break;
            case 'r': value += '\r'; break;
            case 't': value += '\t'; break;
            case 'u': {
                auto unit = hex4();
                if (!unit)
                    return std::nullopt;
                std::uint32_t codePoint = *unit;
                if (codePoint >= 0xD800 && codePoint < 0xDC00 && text_.substr(pos_, 2) == "\\u") {
                    const std::size_t saved = pos_;
                    pos_ += 2;
                    auto low = hex4();
                    if (low && *low >= 0xDC00 && *low < 0xE000)
                        codePoint = 0x10000 + ((codePoint - 0xD800) << 10) + (*low - 0xDC00);
                    else
                        pos_ = saved;
                }
                if (codePoint >= 0xD800 && codePoint < 0xE000)
                    codePoint = 0xFFFD; // a lone surrogate, as Go's decoder replaces it
                appendUtf8(value, codePoint);
                break;
            }
            default:
                return std::nullopt;
            }
        }
        return std::nullopt;
    }

    bool skipValue(int depth = 0)
    {
        if (depth > 64)
            return false;
        const char first = peek();
        if (first == '"')
            return string().has_value();
        if (first == '{' || first == '[') {
            const char close = first == '{' ? '}' : ']';
            ++pos_;
            if (consume(close))
                return true;
            do {
                if (first == '{' && (!string() || !consume(':')))
                    return false;
                if (!skipValue(depth + 1))
                    return false;
            } while (consume(','));
            return consume(close);
        }
        for (std::string_view literal : {"true", "false", "null"}) {
            if (text_.substr(pos_, literal.size()) == literal) {
                pos_ += literal.size();
                return true;
            }
        }
        const std::size_t start = pos_;
        while (pos_ < text_.size() && std::string_view("+-.eE0123456789").find(text_[pos_]) != std::string_view::npos)
            ++pos_;
        return pos_ > start;
    }

private:
    std::optional<std::uint32_t> hex4()
    {
        if (pos_ + 4 > text_.size())
            return std::nullopt;
        std::uint32_t value = 0;
        for (int index = 0; index < 4; ++index) {
            const char digit = text_[pos_++];
            value <<= 4;
            if (digit >= '0' && digit <= '9')
                value |= static_cast<std::uint32_t>(digit - '0');
            else if (digit >= 'a' && digit <= 'f')
                value |= static_cast<std::uint32_t>(digit - 'a' + 10);
            else if (digit >= 'A' && digit <= 'F')
                value |= static_cast<std::uint32_t>(digit - 'A' + 10);
            else
                return std::nullopt;
        }
        return value;
    }

    static void appendUtf8(std::string &out, std::uint32_t codePoint)
    {
        if (codePoint < 0x80) {
            out += static_cast<char>(codePoint);
        } else if (codePoint < 0x800) {
            out += static_cast<char>(0xC0 | (codePoint >> 6));
            out += static_cast<char>(0x80 | (codePoint & 0x3F));
        } else if (codePoint < 0x10000) {
            out += static_cast<char>(0xE0 | (codePoint >> 12));
            out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (codePoint & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (codePoint >> 18));
            out += static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (codePoint & 0x3F));
        }
    }

    std::string_view text_;
    std::size_t pos_ = 0;
};

// ---- Times

// Reads exactly `count` digits at pos.
std::optional<int> digits(std::string_view text, std::size_t &pos, std::size_t count)
{
    if (pos + count > text.size())
        return std::nullopt;
    int value = 0;
    for (std::size_t index = 0; index < count; ++index) {
        const char digit = text[pos + index];
        if (digit < '0' || digit > '9')
            return std::nullopt;
        value = value * 10 + (digit - '0');
    }
    pos += count;
    return value;
}

struct ParsedDateTime {
    std::int64_t nanosecondsAsIfUtc = 0;
    std::optional<std::int32_t> utcOffsetSeconds;
};

// YYYY-MM-DD[THH[:MM[:SS[.fraction]]]][Z|±HH:MM]: every shape Docker's --since accepts.
std::optional<ParsedDateTime> parseDateTime(std::string_view text)
{
    std::size_t pos = 0;
    const auto year = digits(text, pos, 4);
    if (!year || pos >= text.size() || text[pos++] != '-')
        return std::nullopt;
    const auto month = digits(text, pos, 2);
    if (!month || pos >= text.size() || text[pos++] != '-')
        return std::nullopt;
    const auto day = digits(text, pos, 2);
    if (!day)
        return std::nullopt;
    int hour = 0, minute = 0, second = 0;
    std::int64_t fraction = 0;
    if (pos < text.size() && text[pos] == 'T') {
        ++pos;
        const auto hours = digits(text, pos, 2);
        if (!hours)
            return std::nullopt;
        hour = *hours;
        if (pos < text.size() && text[pos] == ':' && pos + 1 < text.size() && text[pos + 1] >= '0' && text[pos + 1] <= '9') {
            ++pos;
            const auto minutes = digits(text, pos, 2);
            if (!minutes)
                return std::nullopt;
            minute = *minutes;
            if (pos < text.size() && text[pos] == ':') {
                ++pos;
                const auto seconds = digits(text, pos, 2);
                if (!seconds)
                    return std::nullopt;
                second = *seconds;
                if (pos < text.size() && text[pos] == '.') {
                    ++pos;
                    std::size_t count = 0;
                    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
                        if (count < 9)
                            fraction = fraction * 10 + (text[pos] - '0');
                        ++count;
                        ++pos;
                    }
                    if (count == 0)
                        return std::nullopt;
                    for (; count < 9; ++count)
                        fraction *= 10;
                }
            }
        }
    }
    ParsedDateTime parsed;
    if (pos < text.size()) {
        if (text[pos] == 'Z' || text[pos] == 'z') {
            ++pos;
            parsed.utcOffsetSeconds = 0;
        } else if (text[pos] == '+' || text[pos] == '-') {
            const int sign = text[pos++] == '-' ? -1 : 1;
            const auto zoneHours = digits(text, pos, 2);
            if (!zoneHours || pos >= text.size() || text[pos++] != ':')
                return std::nullopt;
            const auto zoneMinutes = digits(text, pos, 2);
            if (!zoneMinutes || *zoneHours > 23 || *zoneMinutes > 59)
                return std::nullopt;
            parsed.utcOffsetSeconds = sign * (*zoneHours * 3600 + *zoneMinutes * 60);
        }
    }
    if (pos != text.size() || hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year(*year), std::chrono::month(static_cast<unsigned>(*month)),
                                           std::chrono::day(static_cast<unsigned>(*day))};
    if (!date.ok())
        return std::nullopt;
    const std::int64_t days = std::chrono::sys_days(date).time_since_epoch().count();
    const std::int64_t seconds = days * 86400 + hour * 3600 + minute * 60 + second;
    parsed.nanosecondsAsIfUtc = seconds * nanosecondsPerSecond + fraction;
    return parsed;
}

// A Go duration ("1h30m", "1.5s", "-10m", "300ms"); "0" alone is not one for Docker.
std::optional<std::int64_t> parseGoDuration(std::string_view text)
{
    if (text.empty() || text == "0")
        return std::nullopt;
    std::size_t pos = 0;
    int sign = 1;
    if (text[pos] == '-' || text[pos] == '+')
        sign = text[pos++] == '-' ? -1 : 1;
    if (pos == text.size())
        return std::nullopt;
    long double total = 0;
    while (pos < text.size()) {
        const std::size_t start = pos;
        long double value = 0;
        bool anyDigit = false;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            value = value * 10 + (text[pos++] - '0');
            anyDigit = true;
        }
        if (pos < text.size() && text[pos] == '.') {
            ++pos;
            long double scale = 0.1L;
            while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
                value += scale * (text[pos++] - '0');
                scale /= 10;
                anyDigit = true;
            }
        }
        if (!anyDigit || pos == start)
            return std::nullopt;
        static constexpr std::pair<std::string_view, std::int64_t> units[] = {
            {"ns", 1}, {"us", 1000}, {"\xC2\xB5s", 1000}, {"\xCE\xBCs", 1000}, {"ms", 1'000'000},
            {"s", nanosecondsPerSecond}, {"m", 60 * nanosecondsPerSecond}, {"h", 3600 * nanosecondsPerSecond}};
        bool matched = false;
        for (const auto &[name, size] : units) {
            if (text.substr(pos, name.size()) == name) {
                total += value * static_cast<long double>(size);
                pos += name.size();
                matched = true;
                break;
            }
        }
        if (!matched)
            return std::nullopt;
    }
    if (total > static_cast<long double>(std::numeric_limits<std::int64_t>::max()))
        return std::nullopt;
    return sign * static_cast<std::int64_t>(total);
}

// "1714557600" or "1714557600.25": Unix seconds with an optional fraction.
std::optional<std::int64_t> parseUnixSeconds(std::string_view text)
{
    std::size_t pos = 0;
    const bool negative = !text.empty() && text[0] == '-';
    if (negative)
        ++pos;
    std::int64_t seconds = 0;
    const std::size_t start = pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
        if (seconds > std::numeric_limits<std::int64_t>::max() / nanosecondsPerSecond / 10)
            return std::nullopt;
        seconds = seconds * 10 + (text[pos++] - '0');
    }
    if (pos == start)
        return std::nullopt;
    std::int64_t fraction = 0;
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        std::size_t count = 0;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            if (count < 9)
                fraction = fraction * 10 + (text[pos] - '0');
            ++count;
            ++pos;
        }
        if (count == 0)
            return std::nullopt;
        for (; count < 9; ++count)
            fraction *= 10;
    }
    if (pos != text.size())
        return std::nullopt;
    const std::int64_t value = seconds * nanosecondsPerSecond + fraction;
    return negative ? -value : value;
}

std::string fixedNanoTime(std::int64_t nanoseconds)
{
    std::int64_t seconds = nanoseconds / nanosecondsPerSecond;
    std::int64_t fraction = nanoseconds % nanosecondsPerSecond;
    if (fraction < 0) {
        fraction += nanosecondsPerSecond;
        --seconds;
    }
    const time_t whole = static_cast<time_t>(seconds);
    tm utc{};
    ::gmtime_r(&whole, &utc);
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%09lldZ", utc.tm_year + 1900, utc.tm_mon + 1,
                  utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, static_cast<long long>(fraction));
    return text;
}

// ---- Files

struct LogFile {
    UniqueFd fd;
    dev_t device = 0;
    ino_t inode = 0;

    [[nodiscard]] bool sameFile(const LogFile &other) const { return device == other.device && inode == other.inode; }
};

std::string rotatedName(unsigned index)
{
    std::string name(containerLogFileName);
    if (index > 0)
        name += "." + std::to_string(index);
    return name;
}

// The log file named `name` in the directory, or nullopt when there is none.
Result<std::optional<LogFile>> openLogFile(int directoryFd, const std::string &name, const std::filesystem::path &directory)
{
    const int fd = ::openat(directoryFd, name.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        if (errno == ENOENT)
            return std::optional<LogFile>{};
        return failErrno("opening the container log " + backquoted((directory / name).string()), errno);
    }
    LogFile file;
    file.fd = UniqueFd(fd);
    struct stat info {};
    if (::fstat(fd, &info) != 0)
        return failErrno("reading the container log " + backquoted((directory / name).string()), errno);
    if (!S_ISREG(info.st_mode))
        return fail(ErrorCode::Io, "the container log " + backquoted((directory / name).string()) +
                                       " is not a regular file; remove it and restart the container");
    file.device = info.st_dev;
    file.inode = info.st_ino;
    return std::optional<LogFile>(std::move(file));
}

struct Chain {
    std::vector<LogFile> files; ///< oldest first
    bool foundNewerThan = false;
};

// The log files, oldest first; with `newerThan`, only those written after it. Opened
// newest first and told apart by inode, so that a rotation during the scan can only make
// a file show up twice (dropped), never make the order wrong.
Result<Chain> openChain(int directoryFd, const std::filesystem::path &directory, const LogFile *newerThan)
{
    Chain chain;
    for (unsigned index = 0;; ++index) {
        auto file = openLogFile(directoryFd, rotatedName(index), directory);
        if (!file)
            return std::unexpected(file.error());
        if (!*file) {
            // container.log is missing for a moment while it rotates; a numbered gap ends the list.
            if (index == 0)
                continue;
            break;
        }
        if (newerThan && (*file)->sameFile(*newerThan)) {
            chain.foundNewerThan = true;
            break;
        }
        const bool seen = std::any_of(chain.files.begin(), chain.files.end(),
                                      [&](const LogFile &other) { return other.sameFile(**file); });
        if (!seen)
            chain.files.push_back(std::move(**file));
    }
    std::reverse(chain.files.begin(), chain.files.end());
    return chain;
}

Result<std::size_t> readAt(int fd, char *buffer, std::size_t size, off_t offset, const std::string &what)
{
    for (;;) {
        const ssize_t got = ::pread(fd, buffer, size, offset);
        if (got >= 0)
            return static_cast<std::size_t>(got);
        if (errno != EINTR && errno != EAGAIN)
            return failErrno("reading " + what, errno);
    }
}

// The offset just after the last newline before `size` (0 when there is none).
Result<off_t> endOfCompleteLines(int fd, off_t size, const std::string &what)
{
    std::vector<char> buffer(readBlockSize);
    off_t pos = size;
    while (pos > 0) {
        const std::size_t length = static_cast<std::size_t>(std::min<off_t>(pos, readBlockSize));
        pos -= static_cast<off_t>(length);
        auto got = readAt(fd, buffer.data(), length, pos, what);
        if (!got)
            return std::unexpected(got.error());
        for (std::size_t index = std::min(length, *got); index-- > 0;) {
            if (buffer[index] == '\n')
                return pos + static_cast<off_t>(index) + 1;
        }
    }
    return 0;
}

// Where the last `remaining` lines of [0, end) begin, read backwards in blocks. When the
// file holds fewer, nullopt with `remaining` lowered by its line count.
Result<std::optional<off_t>> findTailStart(int fd, off_t end, std::size_t &remaining, const std::string &what)
{
    if (end == 0)
        return std::optional<off_t>{};
    std::vector<char> buffer(readBlockSize);
    std::size_t newlines = 0;
    off_t pos = end;
    while (pos > 0) {
        const std::size_t length = static_cast<std::size_t>(std::min<off_t>(pos, readBlockSize));
        pos -= static_cast<off_t>(length);
        auto got = readAt(fd, buffer.data(), length, pos, what);
        if (!got)
            return std::unexpected(got.error());
        for (std::size_t index = std::min(length, *got); index-- > 0;) {
            const off_t at = pos + static_cast<off_t>(index);
            // The newline that ends the last line starts no line.
            if (buffer[index] != '\n' || at == end - 1)
                continue;
            if (++newlines == remaining)
                return std::optional<off_t>(at + 1);
        }
    }
    const std::size_t lines = newlines + 1;
    if (remaining <= lines) {
        remaining = 0;
        return std::optional<off_t>(0);
    }
    remaining -= lines;
    return std::optional<off_t>{};
}

} // namespace

// ---- Public helpers

std::string formatLogEntry(const LogEntry &entry, bool timestamps)
{
    if (!timestamps)
        return entry.text;
    return fixedNanoTime(entry.timeNanoseconds) + " " + entry.text;
}

TimeReference currentTimeReference()
{
    timespec now{};
    ::clock_gettime(CLOCK_REALTIME, &now);
    tm local{};
    ::localtime_r(&now.tv_sec, &local);
    TimeReference reference;
    reference.nowNanoseconds = static_cast<std::int64_t>(now.tv_sec) * nanosecondsPerSecond + now.tv_nsec;
    reference.utcOffsetSeconds = static_cast<std::int32_t>(local.tm_gmtoff);
    return reference;
}

Result<std::int64_t> parseLogTime(std::string_view text, const TimeReference &reference)
{
    if (auto duration = parseGoDuration(text))
        return reference.nowNanoseconds - *duration;
    if (auto parsed = parseDateTime(text)) {
        const std::int32_t offset = parsed->utcOffsetSeconds.value_or(reference.utcOffsetSeconds);
        return parsed->nanosecondsAsIfUtc - static_cast<std::int64_t>(offset) * nanosecondsPerSecond;
    }
    // As Docker: with a `-` it was meant as a date, and a duration or Unix time cannot help.
    if (text.find('-') == std::string_view::npos) {
        if (auto seconds = parseUnixSeconds(text))
            return *seconds;
    }
    return fail(ErrorCode::InvalidArgument,
                backquoted(text) + " is not a time: give an RFC 3339 time (2024-05-01T10:00:00Z, 2024-05-01T10:00, "
                                   "2024-05-01), Unix seconds (1714557600.5) or a duration before now (45s, 10m, 1h30m)");
}

std::optional<std::int64_t> parseRfc3339(std::string_view text)
{
    auto parsed = parseDateTime(text);
    if (!parsed || !parsed->utcOffsetSeconds)
        return std::nullopt;
    return parsed->nanosecondsAsIfUtc - static_cast<std::int64_t>(*parsed->utcOffsetSeconds) * nanosecondsPerSecond;
}

std::optional<LogEntry> parseLogLine(std::string_view line)
{
    JsonCursor cursor(line);
    if (!cursor.consume('{'))
        return std::nullopt;
    std::optional<std::string> log, stream, time;
    if (!cursor.consume('}')) {
        do {
            auto key = cursor.string();
            if (!key || !cursor.consume(':'))
                return std::nullopt;
            std::optional<std::string> *field = *key == "log" ? &log : *key == "stream" ? &stream : *key == "time" ? &time : nullptr;
            if (field) {
                *field = cursor.string();
                if (!*field)
                    return std::nullopt;
            } else if (!cursor.skipValue()) {
                return std::nullopt;
            }
        } while (cursor.consume(','));
        if (!cursor.consume('}'))
            return std::nullopt;
    }
    if (!cursor.atEnd() || !log || !stream || !time)
        return std::nullopt;
    LogEntry entry;
    if (*stream == "stdout")
        entry.stream = LogStream::Stdout;
    else if (*stream == "stderr")
        entry.stream = LogStream::Stderr;
    else
        return std::nullopt;
    auto nanoseconds = parseRfc3339(*time);
    if (!nanoseconds)
        return std::nullopt;
    entry.timeNanoseconds = *nanoseconds;
    entry.time = std::move(*time);
    entry.text = std::move(*log);
    return entry;
}

// ---- The reader

struct ContainerLogReader::State {
    std::filesystem::path directory;
    UniqueFd directoryFd;
    LogReadOptions options;
    bool follow = false;
    UniqueFd inotify;

    // Following: the newest file read so far, how far, and the bytes of a line not yet ended.
    std::optional<LogFile> current;
    off_t offset = 0;
    std::string pending;
    bool discardingLongLine = false;
    std::string knownHead;
    static constexpr std::size_t headSize = 128;

    bool readExistingDone = false;
    bool stopped = false;
    bool finished = false;
    std::uint64_t badLines = 0;

    std::string describe(const std::string &name) const { return "the container log " + backquoted((directory / name).string()); }

    Status deliver(std::string_view line, const LogSink &sink)
    {
        if (finished)
            return {};
        auto entry = parseLogLine(line);
        if (!entry) {
            ++badLines;
            return {};
        }
        if (options.since && entry->timeNanoseconds < *options.since)
            return {};
        if (options.until && entry->timeNanoseconds > *options.until) {
            finished = true;
            return {};
        }
        if ((entry->stream == LogStream::Stdout && !options.stdoutWanted) ||
            (entry->stream == LogStream::Stderr && !options.stderrWanted))
            return {};
        return sink(*entry);
    }

    // Reads fd from `from` to its end, delivers every complete line, keeps the rest in
    // `partial`; returns the offset reached.
    Result<off_t> readForward(int fd, off_t from, std::string &partial, bool &discarding, const LogSink &sink)
    {
        std::vector<char> buffer(readBlockSize);
        off_t pos = from;
        while (!finished) {
            auto got = readAt(fd, buffer.data(), buffer.size(), pos, "the container log");
            if (!got)
                return std::unexpected(got.error());
            if (*got == 0)
                break;
            pos += static_cast<off_t>(*got);
            std::string_view chunk(buffer.data(), *got);
            while (!chunk.empty() && !finished) {
                const auto newline = chunk.find('\n');
                if (newline == std::string_view::npos) {
                    if (!discarding)
                        partial.append(chunk);
                    if (partial.size() > longestLine) {
                        ++badLines;
                        partial.clear();
                        discarding = true;
                    }
                    break;
                }
                if (discarding) {
                    discarding = false;
                } else if (partial.empty()) {
                    if (auto delivered = deliver(chunk.substr(0, newline), sink); !delivered)
                        return std::unexpected(delivered.error());
                } else {
                    partial.append(chunk.substr(0, newline));
                    std::string line = std::move(partial);
                    partial.clear();
                    if (auto delivered = deliver(line, sink); !delivered)
                        return std::unexpected(delivered.error());
                }
                chunk.remove_prefix(newline + 1);
            }
        }
        return pos;
    }

    // Reads a file that no longer grows from `from` to its end; a last line without a
    // newline there was cut off, so it counts as bad.
    Status readWhole(const LogFile &file, off_t from, std::string &partial, bool discarding, const LogSink &sink)
    {
        auto reached = readForward(file.fd.get(), from, partial, discarding, sink);
        if (!reached)
            return std::unexpected(reached.error());
        if (!partial.empty() && !finished)
            ++badLines;
        partial.clear();
        return {};
    }

    Status readInitial(const LogSink &sink)
    {
        auto chain = openChain(directoryFd.get(), directory, nullptr);
        if (!chain)
            return std::unexpected(chain.error());
        std::vector<LogFile> &files = chain->files;
        if (files.empty())
            return {};
        const std::size_t newest = files.size() - 1;
        struct stat info {};
        if (::fstat(files[newest].fd.get(), &info) != 0)
            return failErrno("reading " + describe(std::string(containerLogFileName)), errno);
        // A line still being written at the end of the newest file is read when complete.
        auto newestEnd = endOfCompleteLines(files[newest].fd.get(), info.st_size, describe(std::string(containerLogFileName)));
        if (!newestEnd)
            return std::unexpected(newestEnd.error());

        std::size_t startFile = 0;
        off_t startOffset = 0;
        if (options.tail) {
            std::size_t remaining = *options.tail;
            startFile = newest;
            startOffset = *newestEnd;
            for (std::size_t index = files.size(); remaining > 0 && index-- > 0;) {
                off_t end = *newestEnd;
                if (index != newest) {
                    struct stat older {};
                    if (::fstat(files[index].fd.get(), &older) != 0)
                        return failErrno("reading a rotated container log in " + backquoted(directory.string()), errno);
                    end = older.st_size;
                }
                auto start = findTailStart(files[index].fd.get(), end, remaining, "the container log");
                if (!start)
                    return std::unexpected(start.error());
                if (*start) {
                    startFile = index;
                    startOffset = **start;
                    break;
                }
                startFile = index;
                startOffset = 0;
            }
        }

        for (std::size_t index = startFile; index < newest && !finished; ++index) {
            std::string partial;
            if (auto read = readWhole(files[index], index == startFile ? startOffset : 0, partial, false, sink); !read)
                return read;
        }
        const off_t from = startFile == newest ? startOffset : 0;
        if (follow) {
            offset = from;
            current = std::move(files[newest]);
            return readCurrent(sink);
        }
        // Not following: only up to the last complete line seen when this began.
        std::string partial;
        bool discarding = false;
        auto reached = readForward(files[newest].fd.get(), from, partial, discarding, sink);
        if (!reached)
            return std::unexpected(reached.error());
        return {};
    }

    // The first bytes of the current file: a log kept as one file is truncated in place
    // and written again, which its size alone cannot show once the new content is longer
    // than what was read; the first line (its time has nanoseconds) differs.
    Result<std::string> currentHead() const
    {
        std::string head(headSize, '\0');
        auto got = readAt(current->fd.get(), head.data(), head.size(), 0, describe(std::string(containerLogFileName)));
        if (!got)
            return std::unexpected(got.error());
        head.resize(*got);
        return head;
    }

    Status readCurrent(const LogSink &sink)
    {
        struct stat info {};
        if (::fstat(current->fd.get(), &info) != 0)
            return failErrno("reading " + describe(std::string(containerLogFileName)), errno);
        auto head = currentHead();
        if (!head)
            return std::unexpected(head.error());
        if (info.st_size < offset || head->compare(0, knownHead.size(), knownHead) != 0) {
            // Truncated in place (a log kept as one file rotates that way): start over.
            offset = 0;
            pending.clear();
            discardingLongLine = false;
        }
        auto reached = readForward(current->fd.get(), offset, pending, discardingLongLine, sink);
        if (!reached)
            return std::unexpected(reached.error());
        offset = *reached;
        if (knownHead.size() < headSize) {
            auto after = currentHead();
            if (!after)
                return std::unexpected(after.error());
            knownHead = std::move(*after);
        }
        return {};
    }

    // Whether container.log is still the file being read.
    Result<bool> currentIsNewest() const
    {
        struct stat info {};
        if (::fstatat(directoryFd.get(), std::string(containerLogFileName).c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0) {
            if (errno == ENOENT)
                return false;
            return failErrno("looking at " + describe(std::string(containerLogFileName)), errno);
        }
        return current && info.st_dev == current->device && info.st_ino == current->inode;
    }

    Status readNew(const LogSink &sink)
    {
        for (int round = 0; round < 1000 && !finished; ++round) {
            if (current) {
                if (auto read = readCurrent(sink); !read)
                    return read;
                auto newest = currentIsNewest();
                if (!newest)
                    return std::unexpected(newest.error());
                if (*newest)
                    break;
            }
            // Rotated (or nothing was there yet): find the files written after the current one.
            Chain chain;
            for (int attempt = 0; attempt < 10; ++attempt) {
                auto scanned = openChain(directoryFd.get(), directory, current ? &*current : nullptr);
                if (!scanned)
                    return std::unexpected(scanned.error());
                chain = std::move(*scanned);
                struct stat info {};
                const bool currentDeleted = current && ::fstat(current->fd.get(), &info) == 0 && info.st_nlink == 0;
                // Not found while it still exists: it was being renamed between two names.
                if (!current || chain.foundNewerThan || currentDeleted)
                    break;
            }
            if (chain.files.empty())
                break; // the new container.log is not created yet; inotify tells when it is
            if (current) {
                // Nothing is written to a rotated file any more: its last bytes are all there.
                if (auto read = readWhole(*current, offset, pending, discardingLongLine, sink); !read)
                    return read;
                discardingLongLine = false;
            }
            for (std::size_t index = 0; index + 1 < chain.files.size() && !finished; ++index) {
                std::string partial;
                if (auto read = readWhole(chain.files[index], 0, partial, false, sink); !read)
                    return read;
            }
            current = std::move(chain.files.back());
            offset = 0;
            pending.clear();
            knownHead.clear();
        }
        if (stopped && !finished) {
            if (!pending.empty())
                ++badLines;
            pending.clear();
            finished = true;
        }
        return {};
    }

    void drainInotify()
    {
        alignas(inotify_event) char buffer[4096];
        for (;;) {
            const ssize_t got = ::read(inotify.get(), buffer, sizeof buffer);
            if (got <= 0) {
                if (got < 0 && errno == EINTR)
                    continue;
                return;
            }
            for (ssize_t pos = 0; pos < got;) {
                const auto *event = reinterpret_cast<const inotify_event *>(buffer + pos);
                // The directory itself went away: the container was removed.
                if (event->mask & (IN_DELETE_SELF | IN_IGNORED))
                    stopped = true;
                pos += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
            }
        }
    }
};

ContainerLogReader::ContainerLogReader(std::unique_ptr<State> state) : state_(std::move(state)) {}
ContainerLogReader::~ContainerLogReader() = default;

Result<std::unique_ptr<ContainerLogReader>> ContainerLogReader::open(std::filesystem::path directory, LogReadOptions options,
                                                                     bool follow)
{
    auto state = std::make_unique<State>();
    state->directory = std::move(directory);
    state->options = options;
    state->follow = follow;
    if (follow) {
        // Watching starts before any file is opened, so no write after the first read is missed.
        state->inotify = UniqueFd(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC));
        if (!state->inotify.valid())
            return failErrno("watching the container log directory " + backquoted(state->directory.string()) +
                                 " (inotify; raise fs.inotify.max_user_instances if it is exhausted)",
                             errno);
        if (::inotify_add_watch(state->inotify.get(), state->directory.c_str(),
                                IN_MODIFY | IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_DELETE_SELF |
                                    IN_CLOSE_WRITE | IN_ONLYDIR) < 0)
            return failErrno("watching the container log directory " + backquoted(state->directory.string()) +
                                 " (inotify; raise fs.inotify.max_user_watches if it is exhausted)",
                             errno);
    }
    state->directoryFd = UniqueFd(::open(state->directory.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!state->directoryFd.valid())
        return failErrno("opening the container log directory " + backquoted(state->directory.string()), errno);
    return std::unique_ptr<ContainerLogReader>(new ContainerLogReader(std::move(state)));
}

Status ContainerLogReader::readExisting(const LogSink &sink)
{
    if (state_->readExistingDone)
        return fail(ErrorCode::Internal, "the container log was already read; call readNew() for what follows");
    state_->readExistingDone = true;
    if (state_->options.tail && *state_->options.tail == 0 && !state_->follow) {
        state_->finished = true;
        return {};
    }
    auto read = state_->readInitial(sink);
    if (!state_->follow)
        state_->finished = true;
    return read;
}

int ContainerLogReader::pollFd() const
{
    return state_->inotify.get();
}

Status ContainerLogReader::readNew(const LogSink &sink)
{
    if (!state_->follow)
        return fail(ErrorCode::Internal, "readNew() on a container log reader that does not follow");
    if (!state_->readExistingDone)
        return fail(ErrorCode::Internal, "readNew() before readExisting() on a container log reader");
    // Events first: a write after this drain wakes the poller again.
    state_->drainInotify();
    if (state_->finished)
        return {};
    return state_->readNew(sink);
}

void ContainerLogReader::markContainerStopped()
{
    state_->stopped = true;
}

bool ContainerLogReader::finished() const
{
    return state_->finished;
}

std::uint64_t ContainerLogReader::badLines() const
{
    return state_->badLines;
}

} // namespace berth::container
