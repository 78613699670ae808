// Errors as values: a code the helper maps to a named D-Bus error, the errno if one was
// involved, and a chain of context that says what was being done when it failed.
#pragma once

#include <expected>
#include <string>
#include <string_view>
#include <vector>

namespace berth {

/// What kind of failure this is; each maps to one named D-Bus error (see errorCodeName).
enum class ErrorCode {
    Internal,
    InvalidArgument,
    NotFound,
    AlreadyExists,
    Conflict,
    NotAuthorized,
    Unavailable,
    Io,
    Unsupported,
    Cancelled,
};

/// The stable name of a code, used as the last part of the D-Bus error name.
[[nodiscard]] std::string_view errorCodeName(ErrorCode code);
/// The code for a stable name; Internal for names this version does not know.
[[nodiscard]] ErrorCode errorCodeFromName(std::string_view name);

class Error {
public:
    Error(ErrorCode code, std::string message, int systemErrno = 0);

    /// An Io error for a failed system call; the errno text is appended when described.
    [[nodiscard]] static Error fromErrno(std::string message, int systemErrno);

    [[nodiscard]] ErrorCode code() const { return code_; }
    [[nodiscard]] int systemErrno() const { return systemErrno_; }
    /// The innermost message, without context.
    [[nodiscard]] const std::string &message() const { return message_; }
    /// Outermost first: what the caller was doing, then what it called, and so on.
    [[nodiscard]] const std::vector<std::string> &context() const { return context_; }

    /// Adds what the caller was doing when this error happened.
    [[nodiscard]] Error withContext(std::string whatWasBeingDone) &&;
    [[nodiscard]] Error withContext(std::string whatWasBeingDone) const &;

    /// "reading settings: opening `/x/berth.db`: no such file (errno 2: No such file or directory)"
    [[nodiscard]] std::string describe() const;

private:
    ErrorCode code_;
    int systemErrno_;
    std::string message_;
    std::vector<std::string> context_;
};

template <typename T>
using Result = std::expected<T, Error>;
using Status = std::expected<void, Error>;

[[nodiscard]] inline std::unexpected<Error> fail(ErrorCode code, std::string message)
{
    return std::unexpected(Error(code, std::move(message)));
}

[[nodiscard]] inline std::unexpected<Error> failErrno(std::string message, int systemErrno)
{
    return std::unexpected(Error::fromErrno(std::move(message), systemErrno));
}

/// Quotes a value for an error message the way crun does: `value`.
[[nodiscard]] std::string backquoted(std::string_view value);

} // namespace berth
