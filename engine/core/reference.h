// Image references ("nginx", "registry.example.com:5000/team/app:1.2@sha256:..."), parsed
// and normalised exactly as Docker does (distribution/reference's grammar plus Docker Hub's
// "docker.io" and "library/" defaults), with an error that says what is wrong otherwise.
// It lives in core, not image/, because the CLI and the GUI parse references too.
#pragma once

#include "engine/core/digest.h"
#include "engine/core/error.h"

#include <string>
#include <string_view>

namespace berth::image {

/// A parsed, normalised image reference. Build one with parseReference(); the fields are
/// always valid and normalised when they come from there.
struct Reference {
    /// Registry domain as written, with an optional port: "docker.io", "localhost:5000",
    /// "registry.example.com:5000", "[::1]:5000". Docker Hub is always "docker.io".
    std::string domain;
    /// Repository path inside the registry: "library/nginx", "team/app", "a/b/c".
    std::string path;
    /// "latest" when neither tag nor digest was given; empty when only a digest was given
    /// (or when parsed with parseReferenceNoDefaultTag and no tag was given).
    std::string tag;
    /// "sha256:<64 hex>" or empty.
    std::string digest;

    /// Fully normalised: "docker.io/library/nginx:latest", "h:5000/a/b:t@sha256:...".
    [[nodiscard]] std::string string() const;
    /// As docker shows it: "nginx:latest", "user/app:1", "h:5000/a/b:t".
    [[nodiscard]] std::string familiarString() const;
    /// Domain and path: "docker.io/library/nginx".
    [[nodiscard]] std::string repository() const;
    /// The repository as docker shows it: "nginx", "user/app", "h:5000/a/b".
    [[nodiscard]] std::string familiarRepository() const;
    /// The host (and port) to connect to: "registry-1.docker.io" for docker.io, else domain.
    [[nodiscard]] std::string registryHost() const;
    /// What to ask the registry's manifest endpoint for: the digest if there is one, else the tag.
    [[nodiscard]] std::string manifestReference() const;
    /// True for Docker Hub ("docker.io").
    [[nodiscard]] bool isDockerHub() const;

    /// The same repository and digest with another tag. The tag must have passed validateTag().
    [[nodiscard]] Reference withTag(std::string newTag) const;
    /// The same repository and tag with a digest (Docker keeps the tag, as in "name:tag@digest").
    [[nodiscard]] Reference withDigest(const Digest &newDigest) const;

    friend bool operator==(const Reference &, const Reference &) = default;
};

/// Parses a reference as `docker pull` does; adds the tag "latest" when neither a tag nor
/// a digest is given. Every malformed input is InvalidArgument with a message naming the
/// problem (and its position) and what is allowed. A 64-hex image id is refused.
[[nodiscard]] Result<Reference> parseReference(std::string_view text);

/// Like parseReference() but leaves the tag empty when none is given, for `pull --all-tags`
/// and for filtering `images REPOSITORY`.
[[nodiscard]] Result<Reference> parseReferenceNoDefaultTag(std::string_view text);

/// Checks a tag alone (`[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`), for `tag` and withTag(); returns it.
[[nodiscard]] Result<std::string> validateTag(std::string_view tag);

} // namespace berth::image
