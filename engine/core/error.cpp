#include "engine/core/error.h"

#include <array>
#include <cstring>
#include <utility>

namespace berth {

namespace {
constexpr std::array codeNames{
    std::pair{ErrorCode::Internal, std::string_view("Internal")},
    std::pair{ErrorCode::InvalidArgument, std::string_view("InvalidArgument")},
    std::pair{ErrorCode::NotFound, std::string_view("NotFound")},
    std::pair{ErrorCode::AlreadyExists, std::string_view("AlreadyExists")},
    std::pair{ErrorCode::Conflict, std::string_view("Conflict")},
    std::pair{ErrorCode::NotAuthorized, std::string_view("NotAuthorized")},
    std::pair{ErrorCode::Unavailable, std::string_view("Unavailable")},
    std::pair{ErrorCode::Io, std::string_view("Io")},
    std::pair{ErrorCode::Unsupported, std::string_view("Unsupported")},
    std::pair{ErrorCode::Cancelled, std::string_view("Cancelled")},
};
} // namespace

std::string_view errorCodeName(ErrorCode code)
{
    for (const auto &[known, name] : codeNames) {
        if (known == code)
            return name;
    }
    return "Internal";
}

ErrorCode errorCodeFromName(std::string_view name)
{
    for (const auto &[code, known] : codeNames) {
        if (known == name)
            return code;
    }
    return ErrorCode::Internal;
}

Error::Error(ErrorCode code, std::string message, int systemErrno)
    : code_(code), systemErrno_(systemErrno), message_(std::move(message))
{
}

Error Error::fromErrno(std::string message, int systemErrno)
{
    ErrorCode code = ErrorCode::Io;
    if (systemErrno == ENOENT)
        code = ErrorCode::NotFound;
    else if (systemErrno == EEXIST)
        code = ErrorCode::AlreadyExists;
    else if (systemErrno == EPERM || systemErrno == EACCES)
        code = ErrorCode::NotAuthorized;
    else if (systemErrno == EINVAL)
        code = ErrorCode::InvalidArgument;
    else if (systemErrno == ENOSYS || systemErrno == EOPNOTSUPP)
        code = ErrorCode::Unsupported;
    return Error(code, std::move(message), systemErrno);
}

Error Error::withContext(std::string whatWasBeingDone) &&
{
    context_.insert(context_.begin(), std::move(whatWasBeingDone));
    return std::move(*this);
}

Error Error::withContext(std::string whatWasBeingDone) const &
{
    Error copy = *this;
    return std::move(copy).withContext(std::move(whatWasBeingDone));
}

std::string Error::describe() const
{
    std::string text;
    for (const auto &step : context_) {
        text += step;
        text += ": ";
    }
    text += message_;
    if (systemErrno_ != 0) {
        text += " (";
        text += std::strerror(systemErrno_);
        text += ')';
    }
    return text;
}

std::string backquoted(std::string_view value)
{
    std::string text = "`";
    for (char c : value) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            static constexpr char hex[] = "0123456789abcdef";
            text += "\\x";
            text += hex[(static_cast<unsigned char>(c) >> 4) & 0xf];
            text += hex[static_cast<unsigned char>(c) & 0xf];
        } else {
            text += c;
        }
    }
    text += '`';
    return text;
}

} // namespace berth
