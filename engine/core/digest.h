// sha256 digests as OCI writes them ("sha256:<64 hex>"): parsing, and hashing a stream as
// it passes so a blob is verified without a second read.
#pragma once

#include "engine/core/error.h"

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace berth {

/// A validated digest. Only sha256 is accepted, as every registry and Docker use.
class Digest {
public:
    /// Parses "sha256:<64 lowercase hex>"; anything else is InvalidArgument.
    [[nodiscard]] static Result<Digest> parse(std::string_view text);

    [[nodiscard]] const std::string &string() const { return text_; }
    [[nodiscard]] std::string_view algorithm() const { return std::string_view(text_).substr(0, 6); }
    /// The 64 hex characters after "sha256:".
    [[nodiscard]] std::string_view hex() const { return std::string_view(text_).substr(7); }
    /// The first 12 hex characters, as `docker images` shows an id.
    [[nodiscard]] std::string_view shortHex() const { return hex().substr(0, 12); }

    friend bool operator==(const Digest &, const Digest &) = default;
    friend auto operator<=>(const Digest &, const Digest &) = default;

private:
    explicit Digest(std::string text) : text_(std::move(text)) {}
    friend class Sha256;
    std::string text_;
};

/// Incremental sha256.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(Sha256 &&) noexcept;
    Sha256 &operator=(Sha256 &&) noexcept;

    void update(std::span<const std::byte> data);
    void update(std::string_view data);
    /// Finishes and returns the digest; the object starts over afterwards.
    [[nodiscard]] Digest finish();

    [[nodiscard]] static Digest of(std::string_view data);

private:
    struct State;
    std::unique_ptr<State> state_;
};

} // namespace berth
