// Hashing, apart from digest parsing in digest.cpp, so that programs which only read
// digests (the CLI) do not link OpenSSL.
#include "engine/core/digest.h"

#include <openssl/evp.h>

namespace berth {

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
