#include "engine/core/digest.h"

#include <openssl/evp.h>

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

struct Sha256::State {
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    State() { EVP_DigestInit_ex(context, EVP_sha256(), nullptr); }
    ~State() { EVP_MD_CTX_free(context); }
};

Sha256::Sha256() : state_(std::make_unique<State>()) {}
Sha256::~Sha256() = default;
Sha256::Sha256(Sha256 &&) noexcept = default;
Sha256 &Sha256::operator=(Sha256 &&) noexcept = default;

void Sha256::update(std::span<const std::byte> data)
{
    EVP_DigestUpdate(state_->context, data.data(), data.size());
}

void Sha256::update(std::string_view data)
{
    EVP_DigestUpdate(state_->context, data.data(), data.size());
}

Digest Sha256::finish()
{
    unsigned char raw[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(state_->context, raw, &length);
    EVP_DigestInit_ex(state_->context, EVP_sha256(), nullptr);
    static constexpr char hexDigits[] = "0123456789abcdef";
    std::string text = "sha256:";
    for (unsigned int index = 0; index < length; ++index) {
        text += hexDigits[raw[index] >> 4];
        text += hexDigits[raw[index] & 0xf];
    }
    return Digest(std::move(text));
}

Digest Sha256::of(std::string_view data)
{
    Sha256 hash;
    hash.update(data);
    return hash.finish();
}

} // namespace berth
