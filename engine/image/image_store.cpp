#include "engine/image/image_store.h"

#include <chrono>

namespace berth::image {

namespace {

constexpr const char *imageColumns =
    "id, manifest_digest, manifest_media_type, architecture, os, created, size, stored_at";

Result<Digest> digestColumn(const SqlValue &value)
{
    auto digest = Digest::parse(sqlText(value));
    if (!digest)
        return std::unexpected(std::move(digest.error()).withContext("the image database holds a damaged digest"));
    return digest;
}

} // namespace

Result<std::optional<LayerRecord>> ImageStore::findLayer(const Digest &diffId)
{
    auto rows = database_.query("SELECT size, directory FROM layers WHERE diff_id = ?", {diffId.string()});
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->empty())
        return std::optional<LayerRecord>();
    return std::optional<LayerRecord>(LayerRecord{diffId, static_cast<std::uint64_t>(sqlInteger((*rows)[0][0]).value_or(0)),
                                                  sqlText((*rows)[0][1])});
}

Status ImageStore::recordImage(const ImageRecord &image, const std::vector<LayerRecord> &layers,
                               const std::optional<std::string> &tag, const std::optional<std::string> &repoDigest)
{
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    return database_.transaction([&]() -> Status {
        for (const auto &layer : layers) {
            if (auto done = database_.run("INSERT OR IGNORE INTO layers(diff_id, size, directory, created_at) VALUES(?, ?, ?, ?)",
                                          {layer.diffId.string(), static_cast<std::int64_t>(layer.size), layer.directory,
                                           static_cast<std::int64_t>(now)});
                !done)
                return done;
        }
        auto existing = database_.query("SELECT 1 FROM images WHERE id = ?", {image.id.string()});
        if (!existing)
            return std::unexpected(existing.error());
        if (existing->empty()) {
            if (auto done = database_.run(
                    "INSERT INTO images(id, manifest_digest, manifest_media_type, architecture, os, created, size, stored_at) "
                    "VALUES(?, ?, ?, ?, ?, ?, ?, ?)",
                    {image.id.string(), image.manifestDigest.string(), image.manifestMediaType, image.architecture, image.os,
                     image.created, static_cast<std::int64_t>(image.size), static_cast<std::int64_t>(now)});
                !done)
                return done;
            for (std::size_t position = 0; position < image.layers.size(); ++position) {
                const auto &layer = image.layers[position];
                if (auto done = database_.run("INSERT INTO image_layers(image_id, position, diff_id, blob_digest, "
                                              "blob_media_type, blob_size) VALUES(?, ?, ?, ?, ?, ?)",
                                              {image.id.string(), static_cast<std::int64_t>(position), layer.diffId.string(),
                                               layer.blobDigest.string(), layer.blobMediaType, layer.blobSize});
                    !done)
                    return done;
            }
        }
        if (tag) {
            if (auto done = database_.run("INSERT INTO tags(name, image_id) VALUES(?, ?) "
                                          "ON CONFLICT(name) DO UPDATE SET image_id = excluded.image_id",
                                          {*tag, image.id.string()});
                !done)
                return done;
        }
        if (repoDigest) {
            if (auto done = database_.run("INSERT OR IGNORE INTO repo_digests(name, image_id) VALUES(?, ?)",
                                          {*repoDigest, image.id.string()});
                !done)
                return done;
        }
        return {};
    });
}

Result<ImageRecord> ImageStore::load(const SqlRow &row)
{
    auto id = digestColumn(row[0]);
    auto manifest = digestColumn(row[1]);
    if (!id || !manifest)
        return std::unexpected(id ? manifest.error() : id.error());
    ImageRecord record{*id, *manifest, sqlText(row[2]), sqlText(row[3]), sqlText(row[4]), sqlText(row[5]),
                       static_cast<std::uint64_t>(sqlInteger(row[6]).value_or(0)), sqlInteger(row[7]).value_or(0), {}, {}, {}};
    auto layers = database_.query("SELECT diff_id, blob_digest, blob_media_type, blob_size FROM image_layers "
                                  "WHERE image_id = ? ORDER BY position",
                                  {id->string()});
    if (!layers)
        return std::unexpected(layers.error());
    for (const auto &layer : *layers) {
        auto diffId = digestColumn(layer[0]);
        auto blob = digestColumn(layer[1]);
        if (!diffId || !blob)
            return std::unexpected(diffId ? blob.error() : diffId.error());
        record.layers.push_back(ImageLayer{*diffId, *blob, sqlText(layer[2]), sqlInteger(layer[3]).value_or(0)});
    }
    auto tags = database_.query("SELECT name FROM tags WHERE image_id = ? ORDER BY name", {id->string()});
    auto digests = database_.query("SELECT name FROM repo_digests WHERE image_id = ? ORDER BY name", {id->string()});
    if (!tags || !digests)
        return std::unexpected(tags ? digests.error() : tags.error());
    for (const auto &tag : *tags)
        record.tags.push_back(sqlText(tag[0]));
    for (const auto &digest : *digests)
        record.repoDigests.push_back(sqlText(digest[0]));
    return record;
}

Result<std::vector<ImageRecord>> ImageStore::listImages()
{
    auto rows = database_.query(std::string("SELECT ") + imageColumns + " FROM images ORDER BY stored_at DESC, id");
    if (!rows)
        return std::unexpected(rows.error());
    std::vector<ImageRecord> images;
    for (const auto &row : *rows) {
        auto record = load(row);
        if (!record)
            return std::unexpected(record.error());
        images.push_back(std::move(*record));
    }
    return images;
}

Result<ImageRecord> ImageStore::image(const Digest &id)
{
    auto rows = database_.query(std::string("SELECT ") + imageColumns + " FROM images WHERE id = ?", {id.string()});
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->empty())
        return fail(ErrorCode::NotFound, "no such image: " + id.string());
    return load(rows->front());
}

Result<std::optional<Digest>> ImageStore::imageForTag(const std::string &normalisedTag)
{
    auto rows = database_.query("SELECT image_id FROM tags WHERE name = ?", {normalisedTag});
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->empty())
        return std::optional<Digest>();
    auto digest = digestColumn(rows->front().front());
    if (!digest)
        return std::unexpected(digest.error());
    return std::optional<Digest>(*digest);
}

Result<ImageRecord> ImageStore::resolve(const std::string &nameOrId)
{
    const std::string columns = std::string("SELECT ") + imageColumns + " FROM images ";
    std::vector<std::pair<std::string, std::vector<SqlValue>>> attempts{
        {columns + "WHERE id IN (SELECT image_id FROM tags WHERE name = ?)", {nameOrId}},
        {columns + "WHERE id IN (SELECT image_id FROM repo_digests WHERE name = ?)", {nameOrId}},
        {columns + "WHERE id = ?", {nameOrId}},
    };
    for (const auto &[sql, parameters] : attempts) {
        auto rows = database_.query(sql, parameters);
        if (!rows)
            return std::unexpected(rows.error());
        if (!rows->empty())
            return load(rows->front());
    }
    std::string prefix = nameOrId.starts_with("sha256:") ? nameOrId.substr(7) : nameOrId;
    const bool isHexPrefix = prefix.size() >= 4 && prefix.size() <= 64 &&
                             prefix.find_first_not_of("0123456789abcdef") == std::string::npos;
    if (isHexPrefix) {
        auto rows = database_.query(columns + "WHERE substr(id, 8, ?) = ? LIMIT 2",
                                    {static_cast<std::int64_t>(prefix.size()), prefix});
        if (!rows)
            return std::unexpected(rows.error());
        if (rows->size() > 1)
            return fail(ErrorCode::Conflict, "the id prefix " + backquoted(prefix) + " matches more than one image; give more digits");
        if (rows->size() == 1)
            return load(rows->front());
    }
    return fail(ErrorCode::NotFound, "no such image: " + nameOrId);
}

Status ImageStore::tag(const Digest &id, const std::string &normalisedTag)
{
    return database_.run("INSERT INTO tags(name, image_id) VALUES(?, ?) ON CONFLICT(name) DO UPDATE SET image_id = excluded.image_id",
                         {normalisedTag, id.string()});
}

Result<std::size_t> ImageStore::untag(const std::string &normalisedTag)
{
    auto owner = imageForTag(normalisedTag);
    if (!owner)
        return std::unexpected(owner.error());
    if (!*owner)
        return fail(ErrorCode::NotFound, "no such image: " + normalisedTag);
    std::size_t remaining = 0;
    auto done = database_.transaction([&]() -> Status {
        if (auto removed = database_.run("DELETE FROM tags WHERE name = ?", {normalisedTag}); !removed)
            return removed;
        auto rows = database_.query("SELECT count(*) FROM tags WHERE image_id = ?", {(*owner)->string()});
        if (!rows)
            return std::unexpected(rows.error());
        remaining = static_cast<std::size_t>(sqlInteger(rows->front().front()).value_or(0));
        return {};
    });
    if (!done)
        return std::unexpected(done.error());
    return remaining;
}

Result<std::vector<Digest>> ImageStore::deleteImage(const Digest &id)
{
    std::vector<Digest> orphaned;
    auto done = database_.transaction([&]() -> Status {
        for (const char *sql : {"DELETE FROM tags WHERE image_id = ?", "DELETE FROM repo_digests WHERE image_id = ?",
                                "DELETE FROM image_layers WHERE image_id = ?", "DELETE FROM images WHERE id = ?"}) {
            if (auto removed = database_.run(sql, {id.string()}); !removed)
                return removed;
        }
        auto rows = database_.query("SELECT diff_id FROM layers WHERE diff_id NOT IN (SELECT diff_id FROM image_layers)");
        if (!rows)
            return std::unexpected(rows.error());
        for (const auto &row : *rows) {
            if (auto digest = Digest::parse(sqlText(row[0])))
                orphaned.push_back(*digest);
        }
        return database_.run("DELETE FROM layers WHERE diff_id NOT IN (SELECT diff_id FROM image_layers)");
    });
    if (!done)
        return std::unexpected(done.error());
    return orphaned;
}

Result<std::vector<std::string>> ImageStore::containersUsing(const Digest &id)
{
    auto rows = database_.query("SELECT name FROM containers WHERE image_id = ? ORDER BY name", {id.string()});
    if (!rows)
        return std::unexpected(rows.error());
    std::vector<std::string> names;
    for (const auto &row : *rows)
        names.push_back(sqlText(row[0]));
    return names;
}

Result<std::vector<std::string>> ImageStore::referencedBlobs()
{
    auto rows = database_.query("SELECT id FROM images UNION SELECT manifest_digest FROM images "
                                "UNION SELECT blob_digest FROM image_layers "
                                "UNION SELECT substr(name, instr(name, '@') + 1) FROM repo_digests");
    if (!rows)
        return std::unexpected(rows.error());
    std::vector<std::string> digests;
    for (const auto &row : *rows)
        digests.push_back(sqlText(row[0]));
    return digests;
}

Result<std::vector<std::string>> ImageStore::referencedLayerDirectories()
{
    auto rows = database_.query("SELECT directory FROM layers");
    if (!rows)
        return std::unexpected(rows.error());
    std::vector<std::string> directories;
    for (const auto &row : *rows)
        directories.push_back(sqlText(row[0]));
    return directories;
}

} // namespace berth::image
