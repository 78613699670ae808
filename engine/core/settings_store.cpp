// The settings as kept in the store's database. Apart from the definitions and checks in
// settings.cpp, so that programs which only check values (the CLI) do not link SQLite.
#include "engine/core/settings.h"

namespace berth {

Result<SettingValue> Settings::get(std::string_view key)
{
    const SettingDefinition *definition = findSetting(key);
    if (!definition) {
        auto unknown = canonicalSettingValue(key, "");
        return std::unexpected(unknown.error());
    }
    auto rows = database_.query("SELECT value FROM settings WHERE key = ?", {std::string(key)});
    if (!rows)
        return std::unexpected(std::move(rows.error()).withContext("reading setting " + backquoted(key)));
    if (rows->empty())
        return SettingValue{std::string(key), std::string(definition->defaultValue), true};
    return SettingValue{std::string(key), sqlText(rows->front().front()), false};
}

Result<std::vector<SettingValue>> Settings::all()
{
    std::vector<SettingValue> values;
    for (const auto &definition : settingDefinitions()) {
        auto value = get(definition.key);
        if (!value)
            return std::unexpected(value.error());
        values.push_back(std::move(*value));
    }
    return values;
}

Result<std::string> Settings::set(std::string_view key, std::string_view value)
{
    auto canonical = canonicalSettingValue(key, value);
    if (!canonical)
        return canonical;
    auto stored = database_.run("INSERT INTO settings(key, value) VALUES(?, ?) "
                                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                                {std::string(key), *canonical});
    if (!stored)
        return std::unexpected(std::move(stored.error()).withContext("saving setting " + backquoted(key)));
    return canonical;
}

Status Settings::reset(std::string_view key)
{
    if (!findSetting(key)) {
        auto unknown = canonicalSettingValue(key, "");
        return std::unexpected(unknown.error());
    }
    auto removed = database_.run("DELETE FROM settings WHERE key = ?", {std::string(key)});
    if (!removed)
        return std::unexpected(std::move(removed.error()).withContext("resetting setting " + backquoted(key)));
    return {};
}

} // namespace berth
