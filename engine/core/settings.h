// The engine's settings, Berth's equivalent of Docker's daemon.json: a fixed set of known
// keys, each with a validator that turns what a person typed into one canonical form.
#pragma once

#include "engine/core/error.h"
#include "engine/core/sqlite_database.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace berth {

enum class SettingKind { UrlList, RegistryList, Subnet, Size, Integer, AddressList };

struct SettingDefinition {
    std::string_view key;
    SettingKind kind;
    std::string_view defaultValue;
    /// Inclusive bounds, for Integer (a count) and Size (in bytes).
    long long minimum = 0;
    long long maximum = 0;
    /// The daemon.json key a Docker user knows this as, so help text can say so.
    std::string_view dockerEquivalent;
};

/// Every key Berth knows, in the order `berth config get` lists them.
[[nodiscard]] std::span<const SettingDefinition> settingDefinitions();
[[nodiscard]] const SettingDefinition *findSetting(std::string_view key);

/// Checks a value for a key and returns its canonical form (lists comma-separated with no
/// spaces, sizes as e.g. "10m"). Unknown keys and malformed values are InvalidArgument,
/// with a message that says what a valid value looks like.
[[nodiscard]] Result<std::string> canonicalSettingValue(std::string_view key, std::string_view value);

/// Parses "512k", "10m", "1g" or plain bytes.
[[nodiscard]] Result<long long> parseSize(std::string_view text);

struct SettingValue {
    std::string key;
    std::string value;
    bool isDefault = true;
};

/// Settings kept in the store's database; values absent from it have their default.
class Settings {
public:
    explicit Settings(SqliteDatabase &database) : database_(database) {}

    [[nodiscard]] Result<SettingValue> get(std::string_view key);
    [[nodiscard]] Result<std::vector<SettingValue>> all();
    /// Validates, then stores the canonical value; returns it.
    [[nodiscard]] Result<std::string> set(std::string_view key, std::string_view value);
    /// Returns the key to its default.
    [[nodiscard]] Status reset(std::string_view key);

private:
    SqliteDatabase &database_;
};

} // namespace berth
