#include "engine/image/image_commit.h"

#include "engine/core/sqlite_database.h"
#include "engine/core/unique_fd.h"
#include "engine/image/content_store.h"
#include "engine/image/image_store.h"
#include "engine/image/layer_unpack.h"
#include "engine/image/manifest.h"

#include <archive.h>
#include <archive_entry.h>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <cstdio>
#include <ctime>
#include <map>
#include <memory>
#include <sstream>

namespace berth::image {

using nlohmann::json;

namespace {

constexpr const char *layerMediaType = "application/vnd.oci.image.layer.v1.tar";
constexpr const char *configMediaType = "application/vnd.oci.image.config.v1+json";
constexpr const char *manifestMediaType = "application/vnd.oci.image.manifest.v1+json";

std::string timestampNow()
{
    timespec now{};
    ::clock_gettime(CLOCK_REALTIME, &now);
    tm parts{};
    ::gmtime_r(&now.tv_sec, &parts);
    char text[64];
    const std::size_t length = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &parts);
    std::snprintf(text + length, sizeof text - length, ".%09ldZ", now.tv_nsec);
    return text;
}

// ---- the layer tar --------------------------------------------------------------------

/// Where libarchive's output goes: the file, hashed on the way.
struct TarSink {
    int fd = -1;
    Sha256 hash;
    int writeErrno = 0;
};

la_ssize_t writeToSink(archive *, void *context, const void *buffer, size_t length)
{
    auto *sink = static_cast<TarSink *>(context);
    const auto *bytes = static_cast<const char *>(buffer);
    for (size_t done = 0; done < length;) {
        const ssize_t written = ::write(sink->fd, bytes + done, length - done);
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0) {
            sink->writeErrno = written < 0 ? errno : EIO;
            return -1;
        }
        done += static_cast<size_t>(written);
    }
    sink->hash.update(std::string_view(bytes, length));
    return static_cast<la_ssize_t>(length);
}

class LayerWriter {
public:
    explicit LayerWriter(int fd) { sink_.fd = fd; }
    ~LayerWriter()
    {
        if (archive_)
            archive_write_free(archive_);
    }

    Status open()
    {
        archive_ = archive_write_new();
        if (!archive_ || archive_write_set_format_pax_restricted(archive_) != ARCHIVE_OK ||
            archive_write_set_bytes_in_last_block(archive_, 1) != ARCHIVE_OK ||
            archive_write_open2(archive_, &sink_, nullptr, writeToSink, nullptr, nullptr) != ARCHIVE_OK)
            return fail(ErrorCode::Internal, "cannot start the layer archive");
        return {};
    }

    /// Everything below directoryFd, whose path in the layer is prefix ("" for the root).
    Status writeDirectory(int directoryFd, const std::string &prefix)
    {
        const int listFd = ::dup(directoryFd);
        DIR *listing = listFd >= 0 ? ::fdopendir(listFd) : nullptr;
        if (!listing) {
            if (listFd >= 0)
                ::close(listFd);
            return failErrno("reading the container's changes in /" + prefix, errno);
        }
        std::vector<std::string> names;
        while (dirent *entry = ::readdir(listing)) {
            const std::string name = entry->d_name;
            if (name != "." && name != "..")
                names.push_back(name);
        }
        ::closedir(listing);
        // Sorted, so that the same changes make the same layer.
        std::ranges::sort(names);
        for (const auto &name : names) {
            if (auto written = writeEntry(directoryFd, name, prefix + name); !written)
                return written;
        }
        return {};
    }

    Result<Digest> finish()
    {
        if (archive_write_close(archive_) != ARCHIVE_OK)
            return std::unexpected(failure("finishing the layer archive"));
        return sink_.hash.finish();
    }

private:
    Error failure(const std::string &what) const
    {
        if (sink_.writeErrno != 0)
            return Error::fromErrno(what, sink_.writeErrno);
        const char *message = archive_error_string(archive_);
        return Error(ErrorCode::Io, what + ": " + (message ? message : "libarchive failed"));
    }

    Status writeHeader(archive_entry *entry, const std::string &path)
    {
        if (archive_write_header(archive_, entry) < ARCHIVE_WARN)
            return std::unexpected(failure("writing " + path + " into the layer"));
        return {};
    }

    Status writeEmptyFile(const std::string &path, const struct stat &like)
    {
        std::unique_ptr<archive_entry, decltype(&archive_entry_free)> entry(archive_entry_new(), archive_entry_free);
        archive_entry_set_pathname(entry.get(), path.c_str());
        archive_entry_set_filetype(entry.get(), AE_IFREG);
        archive_entry_set_perm(entry.get(), 0644);
        archive_entry_set_size(entry.get(), 0);
        archive_entry_set_mtime(entry.get(), like.st_mtim.tv_sec, like.st_mtim.tv_nsec);
        return writeHeader(entry.get(), path);
    }

    Status writeEntry(int parentFd, const std::string &name, const std::string &path)
    {
        struct stat info {};
        if (::fstatat(parentFd, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0)
            return failErrno("examining /" + path + " in the container's changes", errno);
        // overlayfs marks a deletion with a 0:0 character device; a layer says it with a
        // .wh. file beside it.
        if (S_ISCHR(info.st_mode) && info.st_rdev == makedev(0, 0)) {
            const auto slash = path.rfind('/');
            const std::string whiteout =
                (slash == std::string::npos ? std::string() : path.substr(0, slash + 1)) + ".wh." + name;
            return writeEmptyFile(whiteout, info);
        }
        std::unique_ptr<archive_entry, decltype(&archive_entry_free)> entry(archive_entry_new(), archive_entry_free);
        archive_entry_copy_stat(entry.get(), &info);
        archive_entry_set_pathname(entry.get(), path.c_str());
        if (S_ISLNK(info.st_mode)) {
            std::string target(static_cast<std::size_t>(info.st_size) + 1, '\0');
            const ssize_t length = ::readlinkat(parentFd, name.c_str(), target.data(), target.size());
            if (length < 0)
                return failErrno("reading the link /" + path, errno);
            target.resize(static_cast<std::size_t>(length));
            archive_entry_set_symlink(entry.get(), target.c_str());
            return writeHeader(entry.get(), path);
        }
        if (S_ISDIR(info.st_mode)) {
            if (auto written = writeHeader(entry.get(), path); !written)
                return written;
            UniqueFd directory(::openat(parentFd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
            if (!directory.valid())
                return failErrno("opening /" + path + " in the container's changes", errno);
            // An opaque directory replaced the image's whole directory: the layer says so.
            char opaque[2] = {};
            if (::fgetxattr(directory.get(), "trusted.overlay.opaque", opaque, sizeof opaque) == 1 && opaque[0] == 'y') {
                if (auto written = writeEmptyFile(path + "/.wh..wh..opq", info); !written)
                    return written;
            }
            return writeDirectory(directory.get(), path + "/");
        }
        if (S_ISREG(info.st_mode) && info.st_nlink > 1) {
            const auto key = std::pair{info.st_dev, info.st_ino};
            if (auto first = hardLinks_.find(key); first != hardLinks_.end()) {
                archive_entry_set_size(entry.get(), 0);
                archive_entry_set_hardlink(entry.get(), first->second.c_str());
                return writeHeader(entry.get(), path);
            }
            hardLinks_.emplace(key, path);
        }
        if (!S_ISREG(info.st_mode)) {
            archive_entry_set_size(entry.get(), 0);
            return writeHeader(entry.get(), path); // devices, fifos, sockets: the header is all
        }
        UniqueFd file(::openat(parentFd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
        if (!file.valid())
            return failErrno("opening /" + path + " in the container's changes", errno);
        if (auto written = writeHeader(entry.get(), path); !written)
            return written;
        std::vector<char> buffer(128 * 1024);
        std::uint64_t left = static_cast<std::uint64_t>(info.st_size);
        while (left > 0) {
            const ssize_t got = ::read(file.get(), buffer.data(), std::min<std::uint64_t>(buffer.size(), left));
            if (got < 0 && errno == EINTR)
                continue;
            if (got < 0)
                return failErrno("reading /" + path, errno);
            if (got == 0)
                return fail(ErrorCode::Io, "/" + path + " shrank while it was being committed; pause the container "
                                                        "(berth commit pauses it unless told --pause=false)");
            if (archive_write_data(archive_, buffer.data(), static_cast<size_t>(got)) < 0)
                return std::unexpected(failure("writing /" + path + " into the layer"));
            left -= static_cast<std::uint64_t>(got);
        }
        return {};
    }

    archive *archive_ = nullptr;
    TarSink sink_;
    std::map<std::pair<dev_t, ino_t>, std::string> hardLinks_;
};

// ---- --change ---------------------------------------------------------------------------

std::vector<std::string> splitWords(const std::string &text)
{
    // Words separated by spaces; double quotes group, as the Dockerfile's ENV and LABEL do.
    std::vector<std::string> words;
    std::string current;
    bool quoted = false;
    bool any = false;
    for (std::size_t index = 0; index < text.size(); ++index) {
        const char c = text[index];
        if (c == '\\' && index + 1 < text.size()) {
            current.push_back(text[++index]);
            any = true;
        } else if (c == '"') {
            quoted = !quoted;
            any = true;
        } else if (c == ' ' && !quoted) {
            if (any)
                words.push_back(current);
            current.clear();
            any = false;
        } else {
            current.push_back(c);
            any = true;
        }
    }
    if (any)
        words.push_back(current);
    return words;
}

std::unexpected<Error> badChange(const std::string &change, const std::string &why)
{
    return fail(ErrorCode::InvalidArgument, "--change `" + change + "`: " + why);
}

/// CMD and ENTRYPOINT: the JSON form as it is, the shell form through /bin/sh -c.
Result<json> commandForm(const std::string &change, const std::string &arguments)
{
    if (arguments.starts_with('[')) {
        json parsed = json::parse(arguments, nullptr, false);
        if (parsed.is_discarded() || !parsed.is_array() ||
            !std::ranges::all_of(parsed, [](const json &item) { return item.is_string(); }))
            return badChange(change, "the JSON form needs an array of strings, as [\"sh\", \"-c\", \"echo hi\"]");
        return parsed;
    }
    return json::array({"/bin/sh", "-c", arguments});
}

/// KEY=VALUE pairs (or the old "KEY VALUE" form) of ENV and LABEL.
Result<std::vector<std::pair<std::string, std::string>>> pairs(const std::string &change, const std::string &arguments)
{
    std::vector<std::pair<std::string, std::string>> result;
    const auto words = splitWords(arguments);
    if (words.empty())
        return badChange(change, "needs KEY=VALUE");
    if (words.front().find('=') == std::string::npos) {
        const auto space = arguments.find(' ');
        if (space == std::string::npos)
            return badChange(change, "needs KEY=VALUE");
        result.emplace_back(arguments.substr(0, space), arguments.substr(arguments.find_first_not_of(' ', space)));
        return result;
    }
    for (const auto &word : words) {
        const auto equals = word.find('=');
        if (equals == std::string::npos || equals == 0)
            return badChange(change, "`" + word + "` is not KEY=VALUE");
        result.emplace_back(word.substr(0, equals), word.substr(equals + 1));
    }
    return result;
}

void setEnv(json &config, const std::string &key, const std::string &value)
{
    json &env = config["Env"];
    if (!env.is_array())
        env = json::array();
    for (auto &item : env) {
        const std::string text = item.get<std::string>();
        if (text.substr(0, text.find('=')) == key) {
            item = key + "=" + value;
            return;
        }
    }
    env.push_back(key + "=" + value);
}

Status applyChange(json &config, const std::string &change)
{
    std::string text = change;
    text.erase(0, text.find_first_not_of(" \t"));
    const auto space = text.find_first_of(" \t");
    std::string instruction = text.substr(0, space);
    std::ranges::transform(instruction, instruction.begin(), [](unsigned char c) { return std::toupper(c); });
    std::string arguments = space == std::string::npos ? std::string() : text.substr(text.find_first_not_of(" \t", space));
    while (!arguments.empty() && (arguments.back() == ' ' || arguments.back() == '\t'))
        arguments.pop_back();
    if (instruction.empty())
        return badChange(change, "empty; give a Dockerfile instruction such as CMD [\"sh\"]");
    if (arguments.empty())
        return badChange(change, instruction + " needs arguments");
    if (instruction == "CMD" || instruction == "ENTRYPOINT") {
        auto command = commandForm(change, arguments);
        if (!command)
            return std::unexpected(command.error());
        config[instruction == "CMD" ? "Cmd" : "Entrypoint"] = *command;
        return {};
    }
    if (instruction == "ENV" || instruction == "LABEL") {
        auto items = pairs(change, arguments);
        if (!items)
            return std::unexpected(items.error());
        for (const auto &[key, value] : *items) {
            if (instruction == "ENV")
                setEnv(config, key, value);
            else
                config["Labels"][key] = value;
        }
        return {};
    }
    if (instruction == "WORKDIR" || instruction == "USER" || instruction == "STOPSIGNAL") {
        config[instruction == "WORKDIR" ? "WorkingDir" : instruction == "USER" ? "User" : "StopSignal"] = arguments;
        return {};
    }
    if (instruction == "EXPOSE") {
        for (auto port : splitWords(arguments)) {
            if (port.find('/') == std::string::npos)
                port += "/tcp";
            config["ExposedPorts"][port] = json::object();
        }
        return {};
    }
    if (instruction == "VOLUME") {
        json paths = arguments.starts_with('[') ? json::parse(arguments, nullptr, false) : json(splitWords(arguments));
        if (paths.is_discarded() || !paths.is_array())
            return badChange(change, "VOLUME needs paths, as /data or [\"/data\"]");
        for (const auto &path : paths)
            config["Volumes"][path.get<std::string>()] = json::object();
        return {};
    }
    return badChange(change, "commit takes CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, STOPSIGNAL, USER, VOLUME and WORKDIR, not " +
                                 instruction);
}

/// The image's config with the container's settings and the changes on top.
Result<json> containerConfig(const json &imageConfig, const CommitRequest &request)
{
    json config = imageConfig.is_object() ? imageConfig : json::object();
    const json &container = request.containerConfig;
    // A new entrypoint clears the image's command unless one was given, as docker run does.
    if (auto entrypoint = container.find("Entrypoint"); entrypoint != container.end() && entrypoint->is_array() &&
                                                       !entrypoint->empty()) {
        config["Entrypoint"] = *entrypoint;
        config["Cmd"] = nullptr;
    }
    if (auto cmd = container.find("Cmd"); cmd != container.end() && cmd->is_array() && !cmd->empty())
        config["Cmd"] = *cmd;
    if (auto env = container.find("Env"); env != container.end() && env->is_array()) {
        for (const auto &item : *env) {
            if (!item.is_string())
                continue;
            const std::string text = item.get<std::string>();
            const auto equals = text.find('=');
            if (equals != std::string::npos)
                setEnv(config, text.substr(0, equals), text.substr(equals + 1));
        }
    }
    for (const char *key : {"WorkingDir", "User", "StopSignal"}) {
        if (auto value = container.find(key); value != container.end() && value->is_string() && !value->get<std::string>().empty())
            config[key] = *value;
    }
    if (auto labels = container.find("Labels"); labels != container.end() && labels->is_object()) {
        for (const auto &[key, value] : labels->items())
            config["Labels"][key] = value;
    }
    for (const auto &change : request.changes) {
        if (auto applied = applyChange(config, change); !applied)
            return std::unexpected(applied.error());
    }
    return config;
}

/// Takes back blobs and a layer directory added before a later step failed.
struct Added {
    ContentStore &content;
    std::vector<Digest> blobs;
    std::optional<std::filesystem::path> layer;
    bool kept = false;
    ~Added()
    {
        if (kept)
            return;
        for (const auto &blob : blobs)
            (void)content.remove(blob);
        if (layer) {
            std::error_code ignored;
            std::filesystem::remove_all(*layer, ignored);
        }
    }
};

} // namespace

Status validateCommitChanges(const std::vector<std::string> &changes)
{
    json config = json::object();
    for (const auto &change : changes) {
        if (auto applied = applyChange(config, change); !applied)
            return applied;
    }
    return {};
}

Result<Digest> writeUpperAsLayer(const std::filesystem::path &directory, int fd)
{
    UniqueFd root(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!root.valid())
        return failErrno("opening the container's changes at " + directory.string(), errno);
    LayerWriter writer(fd);
    if (auto opened = writer.open(); !opened)
        return std::unexpected(opened.error());
    if (auto written = writer.writeDirectory(root.get(), ""); !written)
        return std::unexpected(written.error());
    return writer.finish();
}

Result<Digest> commitImage(const std::filesystem::path &root, const CommitRequest &request)
{
    const std::string what = "committing the container";
    ContentStore content(root);
    if (auto prepared = content.prepare(); !prepared)
        return std::unexpected(std::move(prepared.error()).withContext(what));
    auto database = SqliteDatabase::open(root / "berth.db");
    if (!database)
        return std::unexpected(std::move(database.error()).withContext(what));
    ImageStore images(*database);
    if (!request.parentImage)
        return fail(ErrorCode::InvalidArgument, what + ": no image to start from was given");
    auto parent = images.image(*request.parentImage);
    if (!parent)
        return std::unexpected(std::move(parent.error()).withContext(what + ": its image " + request.parentImage->string()));
    auto parentConfigText = content.readBlob(*request.parentImage, maximumConfigBytes);
    if (!parentConfigText)
        return std::unexpected(std::move(parentConfigText.error()).withContext(what));
    json config = json::parse(*parentConfigText, nullptr, false);
    if (config.is_discarded() || !config.is_object())
        return fail(ErrorCode::Io, what + ": the config of its image " + request.parentImage->string() + " is not JSON");

    // 1. The layer: the upper directory as a tar in an unnamed file (nothing left if we die).
    std::filesystem::create_directories(root / "ingest");
    UniqueFd tar(::open((root / "ingest").c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600));
    if (!tar.valid())
        return failErrno(what + ": making a temporary file in " + (root / "ingest").string(), errno);
    auto diffId = writeUpperAsLayer(request.upperDirectory, tar.get());
    if (!diffId)
        return std::unexpected(std::move(diffId.error()).withContext(what));
    struct stat tarInfo {};
    ::fstat(tar.get(), &tarInfo);
    const auto tarSize = static_cast<std::int64_t>(tarInfo.st_size);
    ::lseek(tar.get(), 0, SEEK_SET);
    auto unpacked = UnpackedLayer::unpack(root, tar.get(), *diffId, LayerLimits{});
    if (!unpacked)
        return std::unexpected(std::move(unpacked.error()).withContext(what));

    // 2. The config: the container's settings, one more diff id and history entry.
    auto settings = containerConfig(config.value("config", json::object()), request);
    if (!settings)
        return std::unexpected(settings.error());
    const std::string created = timestampNow();
    config["config"] = *settings;
    config["created"] = created;
    if (!request.author.empty())
        config["author"] = request.author;
    else
        config.erase("author");
    if (!request.containerId.empty())
        config["container"] = request.containerId;
    config.erase("container_config");
    if (!config["rootfs"].is_object())
        config["rootfs"] = {{"type", "layers"}, {"diff_ids", json::array()}};
    config["rootfs"]["diff_ids"].push_back(diffId->string());
    json history{{"created", created}, {"created_by", request.createdBy}};
    if (!request.author.empty())
        history["author"] = request.author;
    if (!request.comment.empty())
        history["comment"] = request.comment;
    config["history"].push_back(history);
    const std::string configText = config.dump();

    // 3. The manifest: the image's layer blobs and the new one (stored uncompressed, as
    // Docker keeps committed layers; push sends them as they are).
    json layers = json::array();
    for (const auto &layer : parent->layers)
        layers.push_back({{"mediaType", layer.blobMediaType}, {"digest", layer.blobDigest.string()}, {"size", layer.blobSize}});
    layers.push_back({{"mediaType", layerMediaType}, {"digest", diffId->string()}, {"size", tarSize}});
    const Digest configDigest = Sha256::of(configText);
    const json manifest{{"schemaVersion", 2},
                        {"mediaType", manifestMediaType},
                        {"config",
                         {{"mediaType", configMediaType},
                          {"digest", configDigest.string()},
                          {"size", static_cast<std::int64_t>(configText.size())}}},
                        {"layers", layers}};
    const std::string manifestText = manifest.dump();

    // 4. Into the store: blobs, the layer, then the record in one transaction.
    Added added{content, {}, std::nullopt};
    if (!content.contains(*diffId)) {
        auto ingest = content.beginIngest(*diffId, tarSize);
        if (!ingest)
            return std::unexpected(std::move(ingest.error()).withContext(what));
        ::lseek(tar.get(), 0, SEEK_SET);
        std::vector<std::byte> buffer(256 * 1024);
        Status copied;
        while (copied) {
            const ssize_t got = ::read(tar.get(), buffer.data(), buffer.size());
            if (got < 0 && errno == EINTR)
                continue;
            if (got < 0)
                copied = failErrno("reading the layer back", errno);
            if (got <= 0)
                break;
            copied = ingest->write(std::span(buffer.data(), static_cast<std::size_t>(got)));
        }
        if (copied)
            copied = ingest->commit();
        if (!copied) {
            ingest->discard();
            return std::unexpected(std::move(copied.error()).withContext(what));
        }
        added.blobs.push_back(*diffId);
    }
    for (const std::string *text : {&configText, &manifestText}) {
        const Digest digest = Sha256::of(*text);
        if (content.contains(digest))
            continue;
        auto written = content.writeBlob(*text, digest);
        if (!written)
            return std::unexpected(std::move(written.error()).withContext(what));
        added.blobs.push_back(digest);
    }
    std::vector<LayerRecord> layerRecords;
    for (const auto &layer : parent->layers) {
        auto found = images.findLayer(layer.diffId);
        if (!found || !*found)
            return fail(ErrorCode::NotFound, what + ": a layer of its image (" + layer.diffId.string() +
                                                 ") is missing from the store; pull the image again");
        layerRecords.push_back(**found);
    }
    std::optional<LayerRecord> newLayer;
    if (auto existing = images.findLayer(*diffId);
        existing && *existing && std::filesystem::is_directory(root / "layers" / (*existing)->directory)) {
        newLayer = **existing; // the same changes were committed before
    } else {
        auto committed = unpacked->commit();
        if (!committed)
            return std::unexpected(std::move(committed.error()).withContext(what));
        newLayer = *committed;
        added.layer = root / "layers" / newLayer->directory;
    }
    layerRecords.push_back(*newLayer);

    ImageRecord record{configDigest, Sha256::of(manifestText), manifestMediaType, config.value("architecture", ""),
                       config.value("os", "linux"), created, 0, 0, {}, {}, {}};
    for (const auto &layer : parent->layers)
        record.layers.push_back(layer);
    record.layers.push_back(ImageLayer{*diffId, *diffId, layerMediaType, tarSize});
    for (const auto &layer : layerRecords)
        record.size += layer.size;
    if (auto recorded = images.recordImage(record, layerRecords, request.tag, std::nullopt); !recorded)
        return std::unexpected(std::move(recorded.error()).withContext(what));
    added.kept = true;
    return configDigest;
}

} // namespace berth::image
