#include "engine/core/digest.h"

#include <algorithm>

namespace berth {

Result<Digest> Digest::parse(std::string_view text)
{
    constexpr std::string_view prefix = "sha256:";
    if (!text.starts_with(prefix)) {
        const auto colon = text.find(':');
        if (colon != std::string_view::npos && colon > 0)
            return fail(ErrorCode::Unsupported, "digest algorithm " + backquoted(text.substr(0, colon)) +
                                                    " is not supported; only sha256 is");
        return fail(ErrorCode::InvalidArgument, backquoted(text) + " is not a digest; expected sha256:<64 hex digits>");
    }
    const auto hex = text.substr(prefix.size());
    if (hex.size() != 64 || !std::ranges::all_of(hex, [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }))
        return fail(ErrorCode::InvalidArgument,
                    backquoted(text) + " is not a valid sha256 digest; expected 64 lowercase hex digits");
    return Digest(std::string(text));
}

} // namespace berth
