// save and load on a real storage root: archives are made here with libarchive's writer in
// the layouts docker save (current and before 25), podman save and skopeo write, loaded,
// saved again and read back; hostile and broken archives must fail with a message that
// says what is wrong and leave the store exactly as it was.
#include "engine/core/sqlite_database.h"
#include "engine/core/store.h"
#include "engine/image/archive_load.h"
#include "engine/image/archive_save.h"
#include "engine/image/content_store.h"
#include "engine/image/image_store.h"

#include "test_support.h"

#include <QTemporaryDir>
#include <QTest>

#include <archive.h>
#include <archive_entry.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

using namespace berth;
using namespace berth::image;
using Json = nlohmann::json;

namespace {

#define REQUIRE_ROOT()                                                                                                 \
    do {                                                                                                               \
        if (!berth::test::isRoot())                                                                                    \
            QSKIP("needs root: loading unpacks layers with their owners");                                           \
    } while (false)

struct Entry {
    std::string name;
    std::string data;
    mode_t type = AE_IFREG;
    std::string link; // symbolic link target, or hard link target when hard
    bool hard = false;
};

Entry file(std::string name, std::string data)
{
    return Entry{std::move(name), std::move(data), AE_IFREG, {}, false};
}

Entry directory(std::string name)
{
    return Entry{std::move(name), {}, AE_IFDIR, {}, false};
}

Entry symlink(std::string name, std::string target)
{
    return Entry{std::move(name), {}, AE_IFLNK, std::move(target), false};
}

enum class Compression { None, Gzip };

la_ssize_t appendToString(archive *, void *target, const void *buffer, size_t length)
{
    static_cast<std::string *>(target)->append(static_cast<const char *>(buffer), length);
    return static_cast<la_ssize_t>(length);
}

std::string tarOf(const std::vector<Entry> &entries, Compression compression = Compression::None)
{
    std::string output;
    archive *writer = archive_write_new();
    archive_write_set_format_pax_restricted(writer);
    if (compression == Compression::Gzip)
        archive_write_add_filter_gzip(writer);
    archive_write_set_bytes_per_block(writer, 0);
    archive_write_open(writer, &output, nullptr, appendToString, nullptr);
    for (const auto &spec : entries) {
        archive_entry *entry = archive_entry_new();
        archive_entry_set_pathname(entry, spec.name.c_str());
        archive_entry_set_mtime(entry, 1'700'000'000, 0);
        if (spec.hard) {
            archive_entry_set_filetype(entry, AE_IFREG);
            archive_entry_set_hardlink(entry, spec.link.c_str());
            archive_entry_set_size(entry, 0);
        } else {
            archive_entry_set_filetype(entry, spec.type);
            archive_entry_set_perm(entry, spec.type == AE_IFDIR ? 0755 : 0644);
            if (spec.type == AE_IFLNK)
                archive_entry_set_symlink(entry, spec.link.c_str());
            archive_entry_set_size(entry, spec.type == AE_IFREG ? la_int64_t(spec.data.size()) : 0);
        }
        archive_write_header(writer, entry);
        if (spec.type == AE_IFREG && !spec.hard)
            archive_write_data(writer, spec.data.data(), spec.data.size());
        archive_entry_free(entry);
    }
    archive_write_close(writer);
    archive_write_free(writer);
    return output;
}

std::string gzipped(const std::string &data)
{
    std::string output;
    archive *writer = archive_write_new();
    archive_write_set_format_raw(writer);
    archive_write_add_filter_gzip(writer);
    archive_write_set_bytes_per_block(writer, 0);
    archive_write_open(writer, &output, nullptr, appendToString, nullptr);
    archive_entry *entry = archive_entry_new();
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_size(entry, la_int64_t(data.size()));
    archive_write_header(writer, entry);
    archive_write_data(writer, data.data(), data.size());
    archive_entry_free(entry);
    archive_write_close(writer);
    archive_write_free(writer);
    return output;
}

std::string hexOf(const std::string &data)
{
    return std::string(Sha256::of(data).hex());
}

/// An image made here: two layers (the second whites out the first's file), a config.
struct TestImage {
    std::vector<std::string> layers;
    std::vector<std::string> diffIds;
    std::string config;
    std::string id; // hex
};

TestImage makeImage(const std::string &flavour, bool sameLayerTwice = false, std::size_t bigFileBytes = 0)
{
    TestImage image;
    std::vector<Entry> first{directory("etc"), file("etc/hello", "hello " + flavour + "\n"), file("etc/keep", "keep\n")};
    if (bigFileBytes > 0)
        first.push_back(file("big", std::string(bigFileBytes, 'b')));
    image.layers.push_back(tarOf(first));
    if (sameLayerTwice)
        image.layers.push_back(image.layers.front());
    else
        image.layers.push_back(tarOf({directory("etc"), file("etc/.wh.hello", ""), directory("data"),
                                      file("data/" + flavour, flavour + "\n")}));
    Json diffIds = Json::array();
    for (const auto &layer : image.layers) {
        image.diffIds.push_back("sha256:" + hexOf(layer));
        diffIds.push_back(image.diffIds.back());
    }
    image.config = Json{{"architecture", "amd64"},
                        {"os", "linux"},
                        {"created", "2024-01-01T00:00:00Z"},
                        {"config", {{"Cmd", {"sh"}}}},
                        {"rootfs", {{"type", "layers"}, {"diff_ids", diffIds}}}}
                       .dump();
    image.id = hexOf(image.config);
    return image;
}

/// docker save of Docker 25 and later: blobs/sha256 with uncompressed layers.
std::vector<Entry> currentDockerEntries(const TestImage &image, const std::vector<std::string> &tags)
{
    std::vector<Entry> entries{directory("blobs"), directory("blobs/sha256")};
    Json layers = Json::array();
    std::set<std::string> written;
    for (const auto &layer : image.layers) {
        const std::string path = "blobs/sha256/" + hexOf(layer);
        layers.push_back(path);
        if (written.insert(path).second)
            entries.push_back(file(path, layer));
    }
    entries.push_back(file("blobs/sha256/" + image.id, image.config));
    Json item{{"Config", "blobs/sha256/" + image.id}, {"RepoTags", tags.empty() ? Json(nullptr) : Json(tags)}, {"Layers", layers}};
    entries.push_back(file("manifest.json", Json::array({item}).dump()));
    entries.push_back(file("oci-layout", R"({"imageLayoutVersion": "1.0.0"})"));
    return entries;
}

/// docker save before 25 (and podman's legacy directories): <v1 id>/layer.tar, <id>.json;
/// a layer that repeats is a symbolic link to the first copy, as Docker writes it.
std::vector<Entry> legacyDockerEntries(const TestImage &image, const std::vector<std::string> &tags)
{
    std::vector<Entry> entries;
    Json layers = Json::array();
    std::map<std::string, std::string> firstCopy;
    for (std::size_t index = 0; index < image.layers.size(); ++index) {
        const std::string v1 = hexOf("v1 " + std::to_string(index) + image.id);
        entries.push_back(directory(v1));
        entries.push_back(file(v1 + "/VERSION", "1.0"));
        entries.push_back(file(v1 + "/json", R"({"id":")" + v1 + R"("})"));
        const auto hex = hexOf(image.layers[index]);
        if (const auto seen = firstCopy.find(hex); seen != firstCopy.end())
            entries.push_back(symlink(v1 + "/layer.tar", "../" + seen->second + "/layer.tar"));
        else
            entries.push_back(file(v1 + "/layer.tar", image.layers[index]));
        firstCopy.try_emplace(hex, v1);
        layers.push_back(v1 + "/layer.tar");
    }
    entries.push_back(file(image.id + ".json", image.config));
    Json item{{"Config", image.id + ".json"}, {"RepoTags", tags}, {"Layers", layers}};
    entries.push_back(file("manifest.json", Json::array({item}).dump()));
    return entries;
}

/// An OCI layout as skopeo writes it, gzip layers, the name in the ref.name annotation.
std::vector<Entry> ociEntries(const TestImage &image, const std::string &refName, std::string *manifestDigest = nullptr)
{
    std::vector<Entry> entries{file("oci-layout", R"({"imageLayoutVersion":"1.0.0"})"), directory("blobs"),
                               directory("blobs/sha256")};
    Json layers = Json::array();
    for (const auto &layer : image.layers) {
        const std::string blob = gzipped(layer);
        entries.push_back(file("blobs/sha256/" + hexOf(blob), blob));
        layers.push_back({{"mediaType", "application/vnd.oci.image.layer.v1.tar+gzip"},
                          {"digest", "sha256:" + hexOf(blob)},
                          {"size", blob.size()}});
    }
    entries.push_back(file("blobs/sha256/" + image.id, image.config));
    const std::string manifest = Json{{"schemaVersion", 2},
                                      {"mediaType", "application/vnd.oci.image.manifest.v1+json"},
                                      {"config",
                                       {{"mediaType", "application/vnd.oci.image.config.v1+json"},
                                        {"digest", "sha256:" + image.id},
                                        {"size", image.config.size()}}},
                                      {"layers", layers}}
                                     .dump();
    entries.push_back(file("blobs/sha256/" + hexOf(manifest), manifest));
    if (manifestDigest)
        *manifestDigest = "sha256:" + hexOf(manifest);
    Json descriptor{{"mediaType", "application/vnd.oci.image.manifest.v1+json"},
                    {"digest", "sha256:" + hexOf(manifest)},
                    {"size", manifest.size()}};
    if (!refName.empty())
        descriptor["annotations"] = {{"org.opencontainers.image.ref.name", refName}};
    entries.push_back(file("index.json", Json{{"schemaVersion", 2}, {"manifests", Json::array({descriptor})}}.dump()));
    return entries;
}

/// Several images in one archive, as `docker save A B` writes it: the entries of each, files
/// they share written once, and one manifest.json (or index.json) that lists them all.
std::vector<Entry> combined(const std::vector<std::vector<Entry>> &archives, const std::string &listName)
{
    std::vector<Entry> entries;
    Json list = listName == "index.json" ? Json{{"schemaVersion", 2}, {"manifests", Json::array()}} : Json::array();
    std::set<std::string> written;
    for (const auto &archive : archives) {
        for (const auto &entry : archive) {
            if (entry.name == listName) {
                const Json items = Json::parse(entry.data);
                for (const auto &item : listName == "index.json" ? items["manifests"] : items)
                    (listName == "index.json" ? list["manifests"] : list).push_back(item);
            } else if (written.insert(entry.name).second) {
                entries.push_back(entry);
            }
        }
    }
    entries.push_back(file(listName, list.dump()));
    return entries;
}

/// The image with its second layer's content swapped for another tar: the archive's names
/// and digests still agree with each other, but the layer is not the one the config names.
TestImage withDamagedTopLayer(TestImage image)
{
    image.layers[1] = tarOf({directory("etc"), file("etc/intruder", "not the layer the config names\n")});
    return image;
}

std::vector<std::string> listDirectory(const std::filesystem::path &directory)
{
    std::vector<std::string> names;
    std::error_code error;
    for (const auto &entry : std::filesystem::directory_iterator(directory, error))
        names.push_back(entry.path().filename().string());
    std::ranges::sort(names);
    return names;
}

std::string readFile(const std::filesystem::path &path)
{
    std::ifstream stream(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(stream), {});
}

/// A storage root with its database, as the helper has it.
class Root {
public:
    Root()
    {
        root_ = std::filesystem::path(directory_.path().toStdString()) / "root";
        auto opened = Store::open(root_);
        if (opened)
            store_.emplace(std::move(*opened));
    }
    [[nodiscard]] bool valid() const { return directory_.isValid() && store_.has_value(); }
    [[nodiscard]] const std::filesystem::path &path() const { return root_; }
    [[nodiscard]] ImageStore images() { return ImageStore(store_->database()); }
    [[nodiscard]] SqliteDatabase &database() { return store_->database(); }

    /// What must not change when a load fails.
    [[nodiscard]] std::string snapshot()
    {
        std::string text;
        auto list = images().listImages();
        for (const auto &image : list ? *list : std::vector<ImageRecord>{}) {
            text += image.id.string() + "\n";
            for (const auto &tag : image.tags)
                text += "  " + tag + "\n";
        }
        for (const auto &name : listDirectory(root_ / "blobs" / "sha256"))
            text += "blob " + name + "\n";
        for (const auto &name : listDirectory(root_ / "layers"))
            text += "layer " + name + "\n";
        for (const auto &name : listDirectory(root_ / "ingest"))
            text += "ingest " + name + "\n";
        return text;
    }

    Result<LoadResult> load(const std::string &archive, std::stop_token stop = {})
    {
        const std::string path = directory_.path().toStdString() + "/input.tar";
        std::ofstream(path, std::ios::binary) << archive;
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        ArchiveLoader loader(root_);
        auto result = loader.load(fd, LoadOptions{}, {}, stop);
        ::close(fd);
        return result;
    }

    /// Loads through a pipe, as `berth load < file` and the CLI's directory streaming do.
    Result<LoadResult> loadFromPipe(const std::string &archive)
    {
        int ends[2];
        if (::pipe2(ends, O_CLOEXEC) != 0)
            return fail(ErrorCode::Io, "pipe");
        std::jthread writer([&, writeEnd = ends[1]] {
            std::size_t done = 0;
            while (done < archive.size()) {
                const ssize_t written = ::write(writeEnd, archive.data() + done, archive.size() - done);
                if (written <= 0)
                    break;
                done += std::size_t(written);
            }
            ::close(writeEnd);
        });
        ArchiveLoader loader(root_);
        auto result = loader.load(ends[0], LoadOptions{}, {}, {});
        ::close(ends[0]);
        return result;
    }

    /// Saves names into memory through a pipe.
    Result<std::string> save(const std::vector<std::string> &names, std::size_t readAtMost = std::string::npos)
    {
        auto resolvedImages = images();
        auto resolved = resolveSaveNames(resolvedImages, names);
        if (!resolved)
            return std::unexpected(resolved.error());
        int ends[2];
        if (::pipe2(ends, O_CLOEXEC) != 0)
            return fail(ErrorCode::Io, "pipe");
        std::string output;
        std::jthread reader([&, readEnd = ends[0]] {
            char buffer[65536];
            for (;;) {
                const std::size_t want = std::min(sizeof buffer, readAtMost - output.size());
                if (want == 0)
                    break;
                const ssize_t got = ::read(readEnd, buffer, want);
                if (got <= 0)
                    break;
                output.append(buffer, std::size_t(got));
            }
            ::close(readEnd);
        });
        auto saved = saveImages(root_, *resolved, ends[1], {}, {});
        ::close(ends[1]);
        reader.join();
        if (!saved)
            return std::unexpected(saved.error());
        return output;
    }

private:
    QTemporaryDir directory_;
    std::filesystem::path root_;
    std::optional<Store> store_;
};

/// Every regular file of a tar, by name.
std::map<std::string, std::string> filesOf(const std::string &tar)
{
    std::map<std::string, std::string> files;
    archive *reader = archive_read_new();
    archive_read_support_format_tar(reader);
    archive_read_support_filter_all(reader);
    archive_read_open_memory(reader, tar.data(), tar.size());
    archive_entry *entry = nullptr;
    while (archive_read_next_header(reader, &entry) == ARCHIVE_OK) {
        std::string data;
        if (archive_entry_filetype(entry) == AE_IFREG) {
            data.resize(std::size_t(archive_entry_size(entry)));
            archive_read_data(reader, data.data(), data.size());
        }
        files[archive_entry_pathname(entry)] = data;
    }
    archive_read_free(reader);
    return files;
}

} // namespace

class TestArchive : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void loadsTheCurrentDockerLayout()
    {
        REQUIRE_ROOT();
        Root root;
        QVERIFY(root.valid());
        const TestImage image = makeImage("current");
        auto loaded = root.load(tarOf(currentDockerEntries(image, {"example.com/test/app:1", "app:latest"})));
        QVERIFY2(loaded, loaded ? "" : loaded.error().describe().c_str());
        QCOMPARE(loaded->lines, (std::vector<std::string>{"Loaded image: example.com/test/app:1", "Loaded image: app:latest"}));
        auto record = root.images().resolve("docker.io/library/app:latest");
        QVERIFY(record);
        QCOMPARE(std::string(record->id.hex()), image.id);
        QCOMPARE(record->tags.size(), std::size_t(2));
        QCOMPARE(record->layers.size(), std::size_t(2));
        QCOMPARE(record->manifestMediaType, std::string("application/vnd.oci.image.manifest.v1+json"));
        // The synthesised manifest is stored, so inspect can show it.
        ContentStore content(root.path());
        auto manifest = content.readBlob(record->manifestDigest, 1 << 20);
        QVERIFY(manifest);
        QVERIFY(Json::parse(*manifest)["layers"][0]["digest"] == image.diffIds[0]);
        QVERIFY(content.contains(record->layers[0].blobDigest));
        // The layers are unpacked, in overlay form.
        const auto first = root.path() / "layers" / image.diffIds[0].substr(7);
        QCOMPARE(readFile(first / "etc" / "hello"), std::string("hello current\n"));
        struct stat whiteout {};
        QCOMPARE(::lstat((root.path() / "layers" / image.diffIds[1].substr(7) / "etc" / "hello").c_str(), &whiteout), 0);
        QVERIFY(S_ISCHR(whiteout.st_mode));
        // Nothing is left in the spool or half unpacked.
        QVERIFY(listDirectory(root.path() / "ingest").empty());
        for (const auto &name : listDirectory(root.path() / "layers"))
            QVERIFY2(!name.starts_with("tmp-"), name.c_str());
    }

    void loadsTheLegacyLayoutWithLinks()
    {
        REQUIRE_ROOT();
        Root root;
        QVERIFY(root.valid());
        const TestImage image = makeImage("legacy", true);
        auto loaded = root.load(tarOf(legacyDockerEntries(image, {"legacy:2"})));
        QVERIFY2(loaded, loaded ? "" : loaded.error().describe().c_str());
        QCOMPARE(loaded->lines, std::vector<std::string>{"Loaded image: legacy:2"});
        auto record = root.images().resolve("docker.io/library/legacy:2");
        QVERIFY(record);
        QCOMPARE(record->layers.size(), std::size_t(2));
        QCOMPARE(record->layers[0].diffId, record->layers[1].diffId);
    }

    void loadsAnOciArchiveFromAPipe()
    {
        REQUIRE_ROOT();
        Root root;
        QVERIFY(root.valid());
        const TestImage image = makeImage("oci");
        std::string manifestDigest;
        // The whole archive gzip-compressed too, as `docker load` accepts it.
        auto loaded = root.loadFromPipe(tarOf(ociEntries(image, "registry.example:5000/team/oci:2", &manifestDigest),
                                              Compression::Gzip));
        QVERIFY2(loaded, loaded ? "" : loaded.error().describe().c_str());
        QCOMPARE(loaded->lines, std::vector<std::string>{"Loaded image: registry.example:5000/team/oci:2"});
        auto record = root.images().resolve("registry.example:5000/team/oci:2");
        QVERIFY(record);
        // The archive's own manifest and compressed blobs are kept as they are.
        QCOMPARE(record->manifestDigest.string(), manifestDigest);
        QCOMPARE(record->layers[0].blobMediaType, std::string("application/vnd.oci.image.layer.v1.tar+gzip"));
        QCOMPARE(readFile(root.path() / "layers" / image.diffIds[0].substr(7) / "etc" / "hello"), std::string("hello oci\n"));
    }

    void aBareTagInTheIndexLeavesTheImageUntagged()
    {
        REQUIRE_ROOT();
        Root root;
        QVERIFY(root.valid());
        const TestImage image = makeImage("untagged");
        auto loaded = root.load(tarOf(ociEntries(image, "latest")));
        QVERIFY2(loaded, loaded ? "" : loaded.error().describe().c_str());
        QCOMPARE(loaded->lines, std::vector<std::string>{"Loaded image ID: sha256:" + image.id});
        auto record = root.images().resolve("sha256:" + image.id);
        QVERIFY(record);
        QVERIFY(record->tags.empty());
    }

    void loadingAgainReusesLayersAndMovesTags()
    {
        REQUIRE_ROOT();
        Root root;
        QVERIFY(root.valid());
        const TestImage first = makeImage("one");
        const TestImage second = makeImage("two");
        QVERIFY(root.load(tarOf(currentDockerEntries(first, {"moving:tag"}))));
        QVERIFY(root.load(tarOf(currentDockerEntries(first, {"moving:tag"}))));
        auto loaded = root.load(tarOf(currentDockerEntries(second, {"moving:tag"})));
        QVERIFY2(loaded, loaded ? "" : loaded.error().describe().c_str());
        QCOMPARE(loaded->lines.size(), std::size_t(2));
        QCOMPARE(loaded->lines[0], "The image moving:tag already exists, renaming the old one with ID sha256:" + first.id +
                                       " to empty string");
        auto list = root.images().listImages();
        QVERIFY(list);
        QCOMPARE(list->size(), std::size_t(2));
    }

    void severalImagesLoadTogether_data()
    {
        QTest::addColumn<bool>("oci");
        QTest::newRow("docker save of two images") << false;
        QTest::newRow("OCI index with two manifests") << true;
    }
    void severalImagesLoadTogether()
    {
        REQUIRE_ROOT();
        QFETCH(bool, oci);
        Root root;
        QVERIFY(root.valid());
        const TestImage first = makeImage("first");
        const TestImage second = makeImage("second");
        const auto archive = oci ? combined({ociEntries(first, "example.com/pair/first:1"), ociEntries(second, "example.com/pair/second:1")},
                                            "index.json")
                                 : combined({currentDockerEntries(first, {"example.com/pair/first:1"}),
                                             currentDockerEntries(second, {"example.com/pair/second:1"})},
                                            "manifest.json");
        auto loaded = root.load(tarOf(archive));
        QVERIFY2(loaded, loaded ? "" : loaded.error().describe().c_str());
        QCOMPARE(loaded->lines, (std::vector<std::string>{"Loaded image: example.com/pair/first:1", "Loaded image: example.com/pair/second:1"}));
        QCOMPARE(std::string(root.images().resolve("example.com/pair/first:1")->id.hex()), first.id);
        QCOMPARE(std::string(root.images().resolve("example.com/pair/second:1")->id.hex()), second.id);
        // Both images' layers are unpacked, and nothing is left half done.
        QCOMPARE(listDirectory(root.path() / "layers").size(), std::size_t(4));
        QVERIFY(listDirectory(root.path() / "ingest").empty());
    }

    // A load of several images is all or nothing: if the second one cannot be stored, the
    // first one's records, tags, blobs and layers must not stay either, and names the load
    // moved must point where they pointed before.
    void severalImagesFailTogether_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("expected");
        QTest::newRow("docker save, the second image's layer damaged") << "docker layer" << "but the image config says that layer is";
        QTest::newRow("OCI index, the second manifest's layer damaged") << "oci layer" << "does not match the diff id the image config gives";
        QTest::newRow("docker save, the second image's record refused") << "docker record" << "refused by the test";
        QTest::newRow("OCI index, the second manifest's record refused") << "oci record" << "refused by the test";
    }
    void severalImagesFailTogether()
    {
        REQUIRE_ROOT();
        QFETCH(QString, fault);
        QFETCH(QString, expected);
        Root root;
        QVERIFY(root.valid());
        const TestImage before = makeImage("before");
        QVERIFY(root.load(tarOf(currentDockerEntries(before, {"moving:tag", "before:1"}))));
        const std::string snapshot = root.snapshot();

        const TestImage first = makeImage("first");
        const bool damaged = fault.endsWith(QLatin1String("layer"));
        const TestImage second = damaged ? withDamagedTopLayer(makeImage("second")) : makeImage("second");
        if (!damaged) {
            // The database itself refuses the second image, as a full disk or a failing
            // write would: after the first image's records were written.
            auto refused = root.database().execute("CREATE TRIGGER refuse_second BEFORE INSERT ON images WHEN NEW.id = 'sha256:" +
                                                   second.id + "' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
            QVERIFY2(refused, refused ? "" : refused.error().describe().c_str());
        }
        // The image already stored comes along under a new name, the first takes a name
        // from it, the second fails.
        std::vector<Entry> archive;
        if (fault.startsWith(QLatin1String("oci"))) {
            archive = combined({ociEntries(before, "example.com/before:extra"), ociEntries(first, "docker.io/library/moving:tag"),
                                ociEntries(second, "example.com/second:1")},
                               "index.json");
        } else {
            // The legacy layout checks a layer against its diff id only when it unpacks it.
            archive = combined({legacyDockerEntries(before, {"example.com/before:extra"}), legacyDockerEntries(first, {"moving:tag"}),
                                legacyDockerEntries(second, {"example.com/second:1"})},
                               "manifest.json");
        }
        auto loaded = root.load(tarOf(archive));
        QVERIFY(!loaded);
        const std::string message = loaded.error().describe();
        QVERIFY2(message.find(expected.toStdString()) != std::string::npos, message.c_str());
        QCOMPARE(root.snapshot(), snapshot);
        auto moving = root.images().imageForTag("docker.io/library/moving:tag");
        QVERIFY(moving && *moving);
        QCOMPARE(std::string((*moving)->hex()), before.id);
    }

    void saveWritesWhatDockerWrites()
    {
        REQUIRE_ROOT();
        Root root;
        QVERIFY(root.valid());
        const TestImage image = makeImage("saved");
        QVERIFY(root.load(tarOf(ociEntries(image, "example.com/saved:1"))));
        auto saved = root.save({"example.com/saved"});
        QVERIFY2(saved, saved ? "" : saved.error().describe().c_str());
        const auto files = filesOf(*saved);
        // Layers uncompressed and named by their diff id, the config by the image id.
        for (std::size_t index = 0; index < image.layers.size(); ++index) {
            const auto it = files.find("blobs/sha256/" + image.diffIds[index].substr(7));
            QVERIFY(it != files.end());
            QVERIFY(it->second == image.layers[index]);
        }
        QVERIFY(files.at("blobs/sha256/" + image.id) == image.config);
        const Json manifestList = Json::parse(files.at("manifest.json"));
        QCOMPARE(manifestList.size(), std::size_t(1));
        QVERIFY(manifestList[0]["Config"] == "blobs/sha256/" + image.id);
        QVERIFY(manifestList[0]["RepoTags"] == Json::array({"example.com/saved:1"}));
        QVERIFY(manifestList[0]["Layers"][1] == "blobs/sha256/" + image.diffIds[1].substr(7));
        QVERIFY(Json::parse(files.at("repositories"))["example.com/saved"]["1"] == image.diffIds[1].substr(7));
        QVERIFY(Json::parse(files.at("oci-layout"))["imageLayoutVersion"] == "1.0.0");
        const Json index = Json::parse(files.at("index.json"));
        const Json &descriptor = index["manifests"][0];
        QVERIFY(descriptor["annotations"]["io.containerd.image.name"] == "example.com/saved:1");
        QVERIFY(descriptor["annotations"]["org.opencontainers.image.ref.name"] == "1");
        const std::string manifestHex = descriptor["digest"].get<std::string>().substr(7);
        const Json manifest = Json::parse(files.at("blobs/sha256/" + manifestHex));
        QVERIFY(manifest["layers"][0]["mediaType"] == "application/vnd.oci.image.layer.v1.tar");
        QVERIFY(manifest["layers"][0]["digest"] == image.diffIds[0]);
        QCOMPARE(manifest["layers"][0]["size"].get<std::size_t>(), image.layers[0].size());

        // And it loads again, elsewhere, to the same image; saving twice gives the same bytes.
        Root other;
        auto loaded = other.load(*saved);
        QVERIFY2(loaded, loaded ? "" : loaded.error().describe().c_str());
        QCOMPARE(loaded->lines, std::vector<std::string>{"Loaded image: example.com/saved:1"});
        auto again = other.save({"sha256:" + image.id});
        QVERIFY(again);
        QVERIFY(Json::parse(filesOf(*again).at("manifest.json"))[0]["RepoTags"].is_null());
        auto record = other.images().resolve("example.com/saved:1");
        QVERIFY(record);
        QCOMPARE(record->manifestDigest.string(), "sha256:" + manifestHex);
        QVERIFY(*root.save({"example.com/saved:1"}) == *saved);
    }

    void saveNamesResolveAsDockerDoes()
    {
        REQUIRE_ROOT();
        Root root;
        QVERIFY(root.valid());
        const TestImage image = makeImage("names");
        QVERIFY(root.load(tarOf(currentDockerEntries(image, {"names:1", "names:2", "other:1"}))));
        auto images = root.images();
        auto all = resolveSaveNames(images, {"names"});
        QVERIFY(all);
        QCOMPARE(all->size(), std::size_t(1));
        QCOMPARE(all->front().tags.size(), std::size_t(2));
        auto byShortId = resolveSaveNames(images, {image.id.substr(0, 12), "other:1"});
        QVERIFY(byShortId);
        QCOMPARE(byShortId->front().tags, std::vector<std::string>{"docker.io/library/other:1"});
        auto missing = resolveSaveNames(images, {"names:3"});
        QVERIFY(!missing);
        QCOMPARE(missing.error().code(), ErrorCode::NotFound);
        QCOMPARE(missing.error().message(), std::string("no such image: names:3"));
    }

    void saveToAReaderThatGoesAwayFailsCleanly()
    {
        REQUIRE_ROOT();
        Root root;
        QVERIFY(root.valid());
        // Larger than a pipe's buffer, so the writer is still writing when the reader leaves.
        QVERIFY(root.load(tarOf(currentDockerEntries(makeImage("pipe", false, 4 << 20), {"pipe:1"}))));
        // The reader closes after 600 bytes: the helper must get EPIPE, not die of SIGPIPE.
        auto saved = root.save({"pipe:1"}, 600);
        QVERIFY(!saved);
        QVERIFY2(saved.error().describe().find("stopped before the end") != std::string::npos,
                 saved.error().describe().c_str());
        sigset_t pending;
        sigpending(&pending);
        QVERIFY(!sigismember(&pending, SIGPIPE));
    }

    void hostileArchivesFailAndChangeNothing_data()
    {
        QTest::addColumn<QByteArray>("archive");
        QTest::addColumn<QString>("expected");
        const TestImage image = makeImage("hostile");
        const auto tar = [](const std::vector<Entry> &entries) {
            const std::string bytes = tarOf(entries);
            return QByteArray(bytes.data(), qsizetype(bytes.size()));
        };
        auto entries = currentDockerEntries(image, {"hostile:1"});

        auto escape = entries;
        escape.insert(escape.begin(), file("../escaped", "x"));
        QTest::newRow("dot-dot entry") << tar(escape) << "`..` that points outside it";

        auto absolute = entries;
        absolute.insert(absolute.begin(), file("/etc/escaped", "x"));
        QTest::newRow("absolute entry") << tar(absolute) << "absolute path";

        auto missingLayer = entries;
        std::erase_if(missingLayer, [&](const Entry &entry) { return entry.name == "blobs/sha256/" + image.diffIds[1].substr(7); });
        QTest::newRow("missing layer") << tar(missingLayer) << "is not in the archive";

        auto wrongConfig = entries;
        for (auto &entry : wrongConfig) {
            if (entry.name == "blobs/sha256/" + image.id)
                entry.data.insert(entry.data.size() - 1, R"(,"x":1)");
        }
        QTest::newRow("config digest mismatch") << tar(wrongConfig) << "does not hold what its name says";

        auto wrongLayer = legacyDockerEntries(image, {"hostile:1"});
        for (auto &entry : wrongLayer) {
            if (entry.name.ends_with("/layer.tar") && entry.data == image.layers[1])
                entry.data = tarOf({file("etc/other", "not the layer the config names\n")});
        }
        QTest::newRow("layer not its diff id") << tar(wrongLayer) << "but the image config says that layer is";

        auto badJson = entries;
        for (auto &entry : badJson) {
            if (entry.name == "manifest.json")
                entry.data = "[{\"Config\": ";
        }
        QTest::newRow("bad manifest.json") << tar(badJson) << "manifest.json is not a JSON list of images";

        auto linkOut = legacyDockerEntries(image, {"hostile:1"});
        for (auto &entry : linkOut) {
            if (entry.name == image.id + ".json")
                entry = symlink(entry.name, "/etc/passwd");
        }
        QTest::newRow("link out of the archive") << tar(linkOut) << "outside the archive";

        auto climbingLink = linkOut;
        for (auto &entry : climbingLink) {
            if (entry.type == AE_IFLNK)
                entry.link = "../../../etc/passwd";
        }
        QTest::newRow("link climbing out") << tar(climbingLink) << "points outside it";

        const QByteArray whole = tar(entries);
        QTest::newRow("truncated") << whole.left(whole.size() / 2 + 100) << "truncated";
        QTest::newRow("empty") << QByteArray() << "the input is empty";
        QTest::newRow("not a tar") << QByteArray(2048, 'x') << "not a tar archive";
        QTest::newRow("no manifest") << tar({file("hello.txt", "hi")}) << "neither manifest.json";

        auto ociMismatch = ociEntries(image, "x/y:1");
        for (auto &entry : ociMismatch) {
            if (entry.name == "blobs/sha256/" + image.id)
                entry.data += " ";
        }
        QTest::newRow("oci blob digest mismatch") << tar(ociMismatch) << "not what its name says";

        auto foreignOs = currentDockerEntries(image, {"hostile:1"});
        Json config = Json::parse(image.config);
        config["os"] = "windows";
        const std::string windows = config.dump();
        for (auto &entry : foreignOs) {
            if (entry.name == "blobs/sha256/" + image.id)
                entry = file("blobs/sha256/" + hexOf(windows), windows);
            if (entry.name == "manifest.json")
                entry.data = Json::array({{{"Config", "blobs/sha256/" + hexOf(windows)},
                                           {"RepoTags", {"win:1"}},
                                           {"Layers", Json::parse(entry.data)[0]["Layers"]}}})
                                 .dump();
        }
        QTest::newRow("windows image") << tar(foreignOs) << "Berth runs only linux images";
    }

    void hostileArchivesFailAndChangeNothing()
    {
        REQUIRE_ROOT();
        QFETCH(QByteArray, archive);
        QFETCH(QString, expected);
        Root root;
        QVERIFY(root.valid());
        // A store with an image already, which must stay as it is.
        QVERIFY(root.load(tarOf(currentDockerEntries(makeImage("before"), {"before:1"}))));
        const std::string before = root.snapshot();
        auto loaded = root.load(archive.toStdString());
        QVERIFY(!loaded);
        const QString message = QString::fromStdString(loaded.error().describe());
        QVERIFY2(message.contains(expected), qPrintable(message));
        QCOMPARE(root.snapshot(), before);
    }

    void cancellingStopsAndCleansUp()
    {
        REQUIRE_ROOT();
        Root root;
        QVERIFY(root.valid());
        const std::string before = root.snapshot();
        // The archive arrives through a pipe whose writer sends half and then stalls.
        const std::string archive = tarOf(currentDockerEntries(makeImage("cancel"), {"cancel:1"}));
        int ends[2];
        QCOMPARE(::pipe2(ends, O_CLOEXEC), 0);
        QCOMPARE(::write(ends[1], archive.data(), archive.size() / 2), ssize_t(archive.size() / 2));
        std::stop_source stop;
        std::jthread canceller([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            stop.request_stop();
        });
        const auto started = std::chrono::steady_clock::now();
        ArchiveLoader loader(root.path());
        auto loaded = loader.load(ends[0], LoadOptions{}, {}, stop.get_token());
        const auto took = std::chrono::steady_clock::now() - started;
        ::close(ends[0]);
        ::close(ends[1]);
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().code(), ErrorCode::Cancelled);
        QVERIFY(took < std::chrono::seconds(3));
        QCOMPARE(root.snapshot(), before);
    }

    void leftoverSpoolsAreRemoved()
    {
        Root root;
        QVERIFY(root.valid());
        std::filesystem::create_directories(root.path() / "ingest" / "load-leftover" / "f0");
        std::filesystem::create_directories(root.path() / "ingest" / "other");
        ArchiveLoader::removeLeftovers(root.path());
        QCOMPARE(listDirectory(root.path() / "ingest"), std::vector<std::string>{"other"});
    }
};

QTEST_GUILESS_MAIN(TestArchive)
#include "tst_archive.moc"
