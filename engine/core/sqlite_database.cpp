#include "engine/core/sqlite_database.h"

#include <sqlite3.h>

namespace berth {

namespace {
struct StatementFinalizer {
    void operator()(sqlite3_stmt *statement) const { sqlite3_finalize(statement); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;
} // namespace

void SqliteDatabase::Closer::operator()(sqlite3 *handle) const
{
    sqlite3_close_v2(handle);
}

SqliteDatabase::SqliteDatabase(sqlite3 *handle, std::filesystem::path file)
    : handle_(handle), file_(std::move(file))
{
}

SqliteDatabase::~SqliteDatabase() = default;

Result<SqliteDatabase> SqliteDatabase::open(const std::filesystem::path &file)
{
    sqlite3 *raw = nullptr;
    const int rc = sqlite3_open_v2(file.c_str(), &raw,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                                   nullptr);
    SqliteDatabase database(raw, file);
    if (rc != SQLITE_OK)
        return std::unexpected(database.sqliteError("opening database " + backquoted(file.string())));
    sqlite3_busy_timeout(raw, 5000);
    // WAL with synchronous=NORMAL: a commit survives the helper being killed at any point and
    // the database is never left inconsistent, but only a checkpoint waits for the disk, so
    // a power cut may undo the last moments' commits. What could then be left without its
    // record (a pulled layer's directory, a blob) is found and reused or collected; FULL cost
    // one fdatasync per commit, four of them in every `berth run --rm`.
    if (auto status = database.execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                                       "PRAGMA foreign_keys=ON;");
        !status)
        return std::unexpected(std::move(status.error()));
    return database;
}

Error SqliteDatabase::sqliteError(const std::string &what) const
{
    const char *detail = handle_ ? sqlite3_errmsg(handle_.get()) : "out of memory";
    return Error(ErrorCode::Io, what + ": " + detail).withContext("database " + backquoted(file_.string()));
}

Status SqliteDatabase::execute(const std::string &sql)
{
    char *message = nullptr;
    if (sqlite3_exec(handle_.get(), sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        std::string detail = message ? message : "unknown error";
        sqlite3_free(message);
        return fail(ErrorCode::Io, "running " + backquoted(sql) + ": " + detail);
    }
    return {};
}

Result<std::vector<SqlRow>> SqliteDatabase::query(const std::string &sql,
                                                  const std::vector<SqlValue> &parameters)
{
    sqlite3_stmt *raw = nullptr;
    if (sqlite3_prepare_v2(handle_.get(), sql.c_str(), -1, &raw, nullptr) != SQLITE_OK)
        return std::unexpected(sqliteError("preparing " + backquoted(sql)));
    Statement statement(raw);
    for (std::size_t index = 0; index < parameters.size(); ++index) {
        const int position = static_cast<int>(index) + 1;
        int rc = SQLITE_OK;
        if (const auto *integer = std::get_if<std::int64_t>(&parameters[index]))
            rc = sqlite3_bind_int64(raw, position, *integer);
        else if (const auto *text = std::get_if<std::string>(&parameters[index]))
            rc = sqlite3_bind_text(raw, position, text->data(), static_cast<int>(text->size()),
                                   SQLITE_TRANSIENT);
        else
            rc = sqlite3_bind_null(raw, position);
        if (rc != SQLITE_OK)
            return std::unexpected(sqliteError("binding parameters of " + backquoted(sql)));
    }
    std::vector<SqlRow> rows;
    for (;;) {
        const int rc = sqlite3_step(raw);
        if (rc == SQLITE_DONE)
            break;
        if (rc != SQLITE_ROW)
            return std::unexpected(sqliteError("running " + backquoted(sql)));
        SqlRow row;
        const int columns = sqlite3_column_count(raw);
        for (int column = 0; column < columns; ++column) {
            switch (sqlite3_column_type(raw, column)) {
            case SQLITE_INTEGER:
                row.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(raw, column)));
                break;
            case SQLITE_NULL:
                row.emplace_back(nullptr);
                break;
            default: {
                const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(raw, column));
                row.emplace_back(std::string(text ? text : "",
                                             static_cast<std::size_t>(sqlite3_column_bytes(raw, column))));
            }
            }
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

Status SqliteDatabase::run(const std::string &sql, const std::vector<SqlValue> &parameters)
{
    auto rows = query(sql, parameters);
    if (!rows)
        return std::unexpected(std::move(rows.error()));
    return {};
}

Status SqliteDatabase::transaction(const std::function<Status()> &body)
{
    if (auto begun = execute("BEGIN IMMEDIATE"); !begun)
        return begun;
    auto status = body();
    if (!status) {
        (void)execute("ROLLBACK");
        return status;
    }
    if (auto committed = execute("COMMIT"); !committed) {
        (void)execute("ROLLBACK");
        return committed;
    }
    return {};
}

std::optional<std::int64_t> sqlInteger(const SqlValue &value)
{
    if (const auto *integer = std::get_if<std::int64_t>(&value))
        return *integer;
    return std::nullopt;
}

std::string sqlText(const SqlValue &value)
{
    if (const auto *text = std::get_if<std::string>(&value))
        return *text;
    return {};
}

} // namespace berth
