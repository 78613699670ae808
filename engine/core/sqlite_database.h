// A small RAII wrapper over SQLite: open with the pragmas we rely on, run statements with
// bound text/integer parameters, and transactions that roll back unless committed.
#pragma once

#include "engine/core/error.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace berth {

using SqlValue = std::variant<std::nullptr_t, std::int64_t, std::string>;
using SqlRow = std::vector<SqlValue>;

class SqliteDatabase {
public:
    /// Opens (creating if needed) the database file, in WAL mode with full sync so a
    /// committed transaction survives a crash or kill -9.
    [[nodiscard]] static Result<SqliteDatabase> open(const std::filesystem::path &file);

    SqliteDatabase(SqliteDatabase &&) noexcept = default;
    SqliteDatabase &operator=(SqliteDatabase &&) noexcept = default;
    ~SqliteDatabase();

    /// Runs one or more statements with no parameters and no results.
    [[nodiscard]] Status execute(const std::string &sql);
    /// Runs one statement with parameters; returns every row.
    [[nodiscard]] Result<std::vector<SqlRow>> query(const std::string &sql,
                                                    const std::vector<SqlValue> &parameters = {});
    /// Runs one statement with parameters, ignoring any rows.
    [[nodiscard]] Status run(const std::string &sql, const std::vector<SqlValue> &parameters = {});
    /// Runs body inside BEGIN IMMEDIATE ... COMMIT; rolls back if body fails.
    [[nodiscard]] Status transaction(const std::function<Status()> &body);

private:
    struct Closer {
        void operator()(sqlite3 *handle) const;
    };
    explicit SqliteDatabase(sqlite3 *handle, std::filesystem::path file);
    [[nodiscard]] Error sqliteError(const std::string &what) const;

    std::unique_ptr<sqlite3, Closer> handle_;
    std::filesystem::path file_;
};

/// The integer in a row's column, or nullopt if it is not an integer.
[[nodiscard]] std::optional<std::int64_t> sqlInteger(const SqlValue &value);
/// The text in a row's column, or an empty string if it is not text.
[[nodiscard]] std::string sqlText(const SqlValue &value);

} // namespace berth
