// Registry logins that `berth login` stored, kept per calling user: one file
// <root>/credentials/<uid>.json, in a directory only root may enter (0700) and readable
// only by root (0600), replaced atomically (temporary file, fsync, rename) under a lock.
#pragma once

#include "engine/core/error.h"
#include "engine/image/registry_client.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace berth::image {

/// The registry a login is for, as a reference's domain: "docker.io" for Docker Hub however
/// it is written ("", "index.docker.io", "https://index.docker.io/v1/",
/// "registry-1.docker.io"), else host[:port] without scheme or path, lowercased.
/// InvalidArgument (saying how to write it) for anything that is not a registry address.
[[nodiscard]] Result<std::string> normaliseRegistryServer(std::string_view text);

/// Checks a login before it is used or stored: sizes, no control characters, and no ':'
/// in the username (HTTP basic auth splits there). Messages never quote the password.
[[nodiscard]] Status validateCredentials(const RegistryCredentials &credentials);

/// One stored login as it may be shown: the registry and the username, never the password.
struct StoredLogin {
    std::string server;
    std::string username;
};

class CredentialStore {
public:
    /// root is the storage root; logins live in root/credentials.
    explicit CredentialStore(std::filesystem::path root);

    /// The login uid stored for server (normalised), if any.
    [[nodiscard]] Result<std::optional<RegistryCredentials>> find(std::uint32_t uid, const std::string &server) const;
    /// Stores (or replaces) uid's login for server.
    [[nodiscard]] Status store(std::uint32_t uid, const std::string &server, const RegistryCredentials &credentials) const;
    /// The registries uid is logged in to, sorted by server; empty if none. Entries a
    /// login would not use (no username or password) are left out, as find() does.
    [[nodiscard]] Result<std::vector<StoredLogin>> list(std::uint32_t uid) const;
    /// Forgets uid's login for server; false if there was none.
    [[nodiscard]] Result<bool> remove(std::uint32_t uid, const std::string &server) const;

    [[nodiscard]] std::filesystem::path directory() const { return directory_; }
    [[nodiscard]] std::filesystem::path fileFor(std::uint32_t uid) const;

private:
    [[nodiscard]] Status prepareDirectory() const;

    std::filesystem::path directory_;
};

} // namespace berth::image
