// Unpacking layers for real on the file system: tars are made here with libarchive's writer,
// compressed with the gzip and zstd programs, fed from files and pipes, and the result is
// checked with lstat/getxattr; every escape attempt must fail and leave the directory
// around the target untouched.
#include "engine/image/layer_apply.h"

#include "test_support.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <archive.h>
#include <archive_entry.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <thread>
#include <vector>

using namespace berth;
using namespace berth::image;

namespace {

#define REQUIRE_ROOT()                                                                                                 \
    do {                                                                                                               \
        if (!berth::test::isRoot())                                                                                    \
            QSKIP("needs root: layers carry owners, device nodes and trusted.overlay.* xattrs");                     \
    } while (false)

constexpr time_t someTime = 1'600'000'000;

/// One tar entry to write.
struct Spec {
    std::string name;
    mode_t type = AE_IFREG;
    mode_t perm = 0644;
    std::string data;
    std::string symlink;
    std::string hardlink;
    la_int64_t uid = 0;
    la_int64_t gid = 0;
    time_t mtime = someTime;
    long mtimeNanoseconds = 0;
    unsigned deviceMajor = 0;
    unsigned deviceMinor = 0;
    std::vector<std::pair<std::string, std::string>> xattrs;
};

Spec fileEntry(std::string name, std::string data = {}, mode_t perm = 0644)
{
    Spec spec;
    spec.name = std::move(name);
    spec.data = std::move(data);
    spec.perm = perm;
    return spec;
}

Spec directoryEntry(std::string name, mode_t perm = 0755)
{
    Spec spec;
    spec.name = std::move(name);
    spec.type = AE_IFDIR;
    spec.perm = perm;
    return spec;
}

Spec symlinkEntry(std::string name, std::string target)
{
    Spec spec;
    spec.name = std::move(name);
    spec.type = AE_IFLNK;
    spec.perm = 0777;
    spec.symlink = std::move(target);
    return spec;
}

Spec hardlinkEntry(std::string name, std::string target)
{
    Spec spec;
    spec.name = std::move(name);
    spec.hardlink = std::move(target);
    return spec;
}

Spec specialEntry(std::string name, mode_t type, mode_t perm, unsigned major = 0, unsigned minor = 0)
{
    Spec spec;
    spec.name = std::move(name);
    spec.type = type;
    spec.perm = perm;
    spec.deviceMajor = major;
    spec.deviceMinor = minor;
    return spec;
}

la_ssize_t appendToString(archive *, void *out, const void *buffer, size_t size)
{
    static_cast<std::string *>(out)->append(static_cast<const char *>(buffer), size);
    return static_cast<la_ssize_t>(size);
}

/// A pax tar of specs, padded to 10240-byte blocks as tar programs do.
std::string makeTar(const std::vector<Spec> &specs)
{
    std::string out;
    archive *writer = archive_write_new();
    archive_write_set_format_pax(writer); // full pax: keeps nanoseconds and xattrs
    if (archive_write_open(writer, &out, nullptr, appendToString, nullptr) != ARCHIVE_OK)
        qFatal("archive_write_open: %s", archive_error_string(writer));
    for (const auto &spec : specs) {
        archive_entry *entry = archive_entry_new();
        archive_entry_copy_pathname(entry, spec.name.c_str());
        archive_entry_set_filetype(entry, spec.type);
        archive_entry_set_perm(entry, spec.perm);
        archive_entry_set_uid(entry, spec.uid);
        archive_entry_set_gid(entry, spec.gid);
        archive_entry_set_mtime(entry, spec.mtime, spec.mtimeNanoseconds);
        if (!spec.symlink.empty())
            archive_entry_copy_symlink(entry, spec.symlink.c_str());
        if (!spec.hardlink.empty())
            archive_entry_copy_hardlink(entry, spec.hardlink.c_str());
        if (spec.type == AE_IFCHR || spec.type == AE_IFBLK) {
            archive_entry_set_rdevmajor(entry, spec.deviceMajor);
            archive_entry_set_rdevminor(entry, spec.deviceMinor);
        }
        for (const auto &[name, value] : spec.xattrs)
            archive_entry_xattr_add_entry(entry, name.c_str(), value.data(), value.size());
        archive_entry_set_size(entry, spec.type == AE_IFREG && spec.hardlink.empty() ? la_int64_t(spec.data.size()) : 0);
        // ARCHIVE_WARN: a name that is not UTF-8 is written as raw bytes (pax hdrcharset=BINARY).
        if (archive_write_header(writer, entry) < ARCHIVE_WARN)
            qFatal("archive_write_header(%s): %s", spec.name.c_str(), archive_error_string(writer));
        if (!spec.data.empty() && spec.hardlink.empty())
            archive_write_data(writer, spec.data.data(), spec.data.size());
        archive_entry_free(entry);
    }
    archive_write_close(writer);
    archive_write_free(writer);
    return out;
}

/// Runs a compressor program over data, as an independent implementation of the format.
std::string compress(const QString &program, const std::string &data)
{
    QProcess process;
    process.start(program, {QStringLiteral("-c"), QStringLiteral("-q")});
    process.write(data.data(), qint64(data.size()));
    process.closeWriteChannel();
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        qFatal("%s failed", qPrintable(program));
    const QByteArray out = process.readAllStandardOutput();
    return std::string(out.constData(), size_t(out.size()));
}

/// sha256sum's answer for data, as "sha256:<hex>".
std::string sha256sum(const std::string &data)
{
    QProcess process;
    process.start(QStringLiteral("sha256sum"), {});
    process.write(data.data(), qint64(data.size()));
    process.closeWriteChannel();
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        qFatal("sha256sum failed");
    return "sha256:" + process.readAllStandardOutput().left(64).toStdString();
}

/// A file descriptor holding data, read from the start.
int memoryFile(const std::string &data)
{
    const int fd = memfd_create("layer", MFD_CLOEXEC);
    if (fd < 0 || write(fd, data.data(), data.size()) != ssize_t(data.size()) || lseek(fd, 0, SEEK_SET) != 0)
        qFatal("memfd");
    return fd;
}

struct Lstat {
    bool exists = false;
    struct stat status {};
};

Lstat lstatPath(const std::string &path)
{
    Lstat result;
    result.exists = ::lstat(path.c_str(), &result.status) == 0;
    return result;
}

std::optional<std::string> xattrOf(const std::string &path, const char *name)
{
    char buffer[256];
    const ssize_t size = ::lgetxattr(path.c_str(), name, buffer, sizeof buffer);
    if (size < 0)
        return std::nullopt;
    return std::string(buffer, size_t(size));
}

std::string readFile(const std::string &path)
{
    std::string content;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return "<missing>";
    char buffer[4096];
    ssize_t count;
    while ((count = ::read(fd, buffer, sizeof buffer)) > 0)
        content.append(buffer, size_t(count));
    ::close(fd);
    return content;
}

/// Everything under base except the targets, with what an escape could change.
std::map<std::string, std::string> snapshot(const std::filesystem::path &base)
{
    std::map<std::string, std::string> seen;
    std::error_code error;
    for (auto it = std::filesystem::recursive_directory_iterator(base, error);
         it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
        const std::string relative = std::filesystem::relative(it->path(), base).string();
        if (relative.starts_with("target")) {
            it.disable_recursion_pending();
            continue;
        }
        struct stat status {};
        ::lstat(it->path().c_str(), &status);
        seen[relative] = std::to_string(status.st_mode) + " " + std::to_string(status.st_uid) + " " +
                         std::to_string(status.st_size) + " " + std::to_string(status.st_nlink) + " " +
                         std::to_string(status.st_mtim.tv_sec) + "." + std::to_string(status.st_mtim.tv_nsec) +
                         " " + std::to_string(status.st_ctim.tv_sec) + "." + std::to_string(status.st_ctim.tv_nsec);
    }
    return seen;
}

int openDescriptorCount()
{
    return int(std::distance(std::filesystem::directory_iterator("/proc/self/fd"), std::filesystem::directory_iterator()));
}

/// Descriptors that applyLayer left open, over all calls; checked after each test.
int leakedDescriptors = 0;

/// A temporary base directory with a sentinel "outside" directory next to each target.
class Sandbox {
public:
    Sandbox()
    {
        base_ = std::filesystem::path(directory_.path().toStdString());
        std::filesystem::create_directory(base_ / "outside");
        const int fd = ::open((base_ / "outside" / "victim").c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        (void)!::write(fd, "original", 8);
        ::close(fd);
    }

    ~Sandbox()
    {
        // QDir cannot remove names that are not UTF-8; std::filesystem can.
        std::error_code ignored;
        std::filesystem::remove_all(base_, ignored);
    }

    [[nodiscard]] std::string base() const { return base_.string(); }
    [[nodiscard]] std::string outside() const { return (base_ / "outside").string(); }

    /// A new empty target directory; its path.
    std::string newTarget()
    {
        const auto path = base_ / ("target" + std::to_string(++targets_));
        std::filesystem::create_directory(path);
        return path.string();
    }

    Result<AppliedLayer> apply(const std::string &layer, const std::string &target, const LayerLimits &limits = {})
    {
        const int descriptorsBefore = openDescriptorCount();
        const int input = memoryFile(layer);
        const int targetFd = ::open(target.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        auto applied = applyLayer(input, targetFd, limits);
        ::close(targetFd);
        ::close(input);
        leakedDescriptors += openDescriptorCount() - descriptorsBefore;
        return applied;
    }

    [[nodiscard]] std::map<std::string, std::string> snapshot() const { return ::snapshot(base_); }

private:
    QTemporaryDir directory_;
    std::filesystem::path base_;
    int targets_ = 0;
};

bool anyWhiteoutName(const std::string &root)
{
    for (const auto &entry : std::filesystem::recursive_directory_iterator(root)) {
        if (entry.path().filename().string().starts_with(".wh."))
            return true;
    }
    return false;
}


/// What a tree holds, path by path: type, mode, owner, size, mtime, link target, content,
/// device and which other paths share the inode.
std::map<std::string, std::string> describeTree(const std::string &root)
{
    std::map<std::string, std::string> described;
    std::map<ino_t, std::string> firstPathOfInode;
    for (const auto &entry : std::filesystem::recursive_directory_iterator(root)) {
        const std::string relative = std::filesystem::relative(entry.path(), root).string();
        struct stat status {};
        ::lstat(entry.path().c_str(), &status);
        std::string text = std::to_string(status.st_mode) + " " + std::to_string(status.st_uid) + ":" +
                           std::to_string(status.st_gid) + " size " + std::to_string(status.st_size) + " mtime " +
                           std::to_string(status.st_mtim.tv_sec) + " rdev " + std::to_string(status.st_rdev);
        if (S_ISLNK(status.st_mode))
            text += " -> " + std::filesystem::read_symlink(entry.path()).string();
        if (S_ISREG(status.st_mode)) {
            text += " content " + std::to_string(std::hash<std::string>{}(readFile(entry.path().string())));
            const auto [first, inserted] = firstPathOfInode.emplace(status.st_ino, relative);
            if (!inserted)
                text += " same inode as " + first->second;
        }
        described[relative] = text;
    }
    return described;
}

bool run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning("%s %s failed: %s", qPrintable(program), qPrintable(arguments.join(u' ')),
                 process.readAllStandardError().constData());
        return false;
    }
    return true;
}

} // namespace

class TestLayerApply : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanup()
    {
        // Every error path must close what it opened.
        QCOMPARE(leakedDescriptors, 0);
    }

    void filesDirectoriesLinksAndMetadata()
    {
        REQUIRE_ROOT();
        Sandbox sandbox;
        const std::string target = sandbox.newTarget();

        Spec root = directoryEntry("./", 0751);
        root.mtime = 1'200'000'000;
        Spec etc = directoryEntry("./etc/", 0755);
        etc.mtime = 1'100'000'000;
        etc.mtimeNanoseconds = 5;
        Spec owned = fileEntry("./etc/owned", "hello", 0640);
        owned.uid = 1234;
        owned.gid = 5678;
        owned.mtime = 1'000'000'000;
        owned.mtimeNanoseconds = 123'456'789;
        // File capabilities v2 (VFS_CAP_REVISION_2, effective) with CAP_NET_RAW permitted.
        const std::string capability("\x01\x00\x00\x02\x00\x20\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00", 20);
        Spec ping = fileEntry("bin/ping", "#!ping", 04755);
        ping.uid = 1000; // chown clears security.capability, so it must be set after chown
        ping.xattrs = {{"security.capability", capability}};
        Spec commented = fileEntry("data.txt", "data");
        commented.xattrs = {{"user.comment", "kept"}, {"trusted.other", "dropped"}, {"security.selinux", "dropped"}};
        Spec link = symlinkEntry("link", "/etc/owned");
        link.uid = 42;
        link.gid = 43;
        link.mtime = 1'300'000'000;
        Spec null = specialEntry("dev/null", AE_IFCHR, 0666, 1, 3);
        Spec loop = specialEntry("dev/loop0", AE_IFBLK, 0660, 7, 0);
        loop.gid = 6;
        Spec fifo = specialEntry("run/fifo", AE_IFIFO, 0620);
        const std::string layer = makeTar({root, etc, owned, hardlinkEntry("etc/hard", "etc/owned"), ping, commented,
                                           directoryEntry("tmp/", 01777), directoryEntry("shared/", 02775), link,
                                           symlinkEntry("relative", "../../../../up/and/away"), null, loop, fifo,
                                           fileEntry("/absolute/file", "confined")});

        auto applied = sandbox.apply(layer, target);
        QVERIFY2(applied, applied ? "" : applied.error().describe().c_str());
        QCOMPARE(applied->entries, std::uint64_t(14));

        const auto ownedStatus = lstatPath(target + "/etc/owned").status;
        QCOMPARE(readFile(target + "/etc/owned"), std::string("hello"));
        QCOMPARE(ownedStatus.st_mode, mode_t(S_IFREG | 0640));
        QCOMPARE(ownedStatus.st_uid, uid_t(1234));
        QCOMPARE(ownedStatus.st_gid, gid_t(5678));
        QCOMPARE(ownedStatus.st_mtim.tv_sec, time_t(1'000'000'000));
        QCOMPARE(ownedStatus.st_mtim.tv_nsec, 123'456'789L);
        QCOMPARE(ownedStatus.st_nlink, nlink_t(2));
        QCOMPARE(lstatPath(target + "/etc/hard").status.st_ino, ownedStatus.st_ino);

        const auto etcStatus = lstatPath(target + "/etc").status;
        QCOMPARE(etcStatus.st_mtim.tv_sec, time_t(1'100'000'000)); // set after its children
        QCOMPARE(etcStatus.st_mtim.tv_nsec, 5L);
        const auto rootStatus = lstatPath(target).status;
        QCOMPARE(rootStatus.st_mode, mode_t(S_IFDIR | 0751));
        QCOMPARE(rootStatus.st_mtim.tv_sec, time_t(1'200'000'000));

        const auto pingStatus = lstatPath(target + "/bin/ping").status;
        QCOMPARE(pingStatus.st_mode, mode_t(S_IFREG | 04755));
        QCOMPARE(pingStatus.st_uid, uid_t(1000));
        QCOMPARE(xattrOf(target + "/bin/ping", "security.capability"), std::optional(capability));
        QCOMPARE(lstatPath(target + "/bin").status.st_mode, mode_t(S_IFDIR | 0755)); // implied parent

        QCOMPARE(xattrOf(target + "/data.txt", "user.comment"), std::optional<std::string>("kept"));
        QCOMPARE(xattrOf(target + "/data.txt", "trusted.other"), std::nullopt);
        QCOMPARE(xattrOf(target + "/data.txt", "security.selinux"), std::nullopt);

        QCOMPARE(lstatPath(target + "/tmp").status.st_mode, mode_t(S_IFDIR | 01777));
        QCOMPARE(lstatPath(target + "/shared").status.st_mode, mode_t(S_IFDIR | 02775));

        const auto linkStatus = lstatPath(target + "/link").status;
        QVERIFY(S_ISLNK(linkStatus.st_mode));
        QCOMPARE(std::filesystem::read_symlink(target + "/link").string(), std::string("/etc/owned"));
        QCOMPARE(linkStatus.st_uid, uid_t(42));
        QCOMPARE(linkStatus.st_gid, gid_t(43));
        QCOMPARE(linkStatus.st_mtim.tv_sec, time_t(1'300'000'000));
        QCOMPARE(std::filesystem::read_symlink(target + "/relative").string(), std::string("../../../../up/and/away"));

        const auto nullStatus = lstatPath(target + "/dev/null").status;
        QCOMPARE(nullStatus.st_mode, mode_t(S_IFCHR | 0666));
        QCOMPARE(nullStatus.st_rdev, makedev(1, 3));
        const auto loopStatus = lstatPath(target + "/dev/loop0").status;
        QCOMPARE(loopStatus.st_mode, mode_t(S_IFBLK | 0660));
        QCOMPARE(loopStatus.st_rdev, makedev(7, 0));
        QCOMPARE(loopStatus.st_gid, gid_t(6));
        QCOMPARE(lstatPath(target + "/run/fifo").status.st_mode, mode_t(S_IFIFO | 0620));

        // A leading `/` is relative to the layer root, as Docker and containerd read it.
        QCOMPARE(readFile(target + "/absolute/file"), std::string("confined"));
        QVERIFY(!lstatPath("/absolute/file").exists);
    }

    void matchesGnuTarExtraction()
    {
        REQUIRE_ROOT();
        Sandbox sandbox;
        const std::filesystem::path tree = sandbox.base() + "/tree";
        const std::string longDirectory = std::string(120, 'd');
        std::filesystem::create_directories(tree / "usr/bin");
        std::filesystem::create_directories(tree / longDirectory / "nested");
        const auto writeFile = [](const std::filesystem::path &path, const std::string &content) {
            const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
            (void)!::write(fd, content.data(), content.size());
            ::close(fd);
        };
        writeFile(tree / "usr/bin/tool", "#!/bin/sh\necho tool\n");
        ::chmod((tree / "usr/bin/tool").c_str(), 04711);
        ::chown((tree / "usr/bin/tool").c_str(), 0, 50);
        writeFile(tree / longDirectory / "nested" / (std::string(130, 'f') + ".txt"), "long name");
        ::link((tree / "usr/bin/tool").c_str(), (tree / "usr/bin/tool-alias").c_str());
        ::symlink("tool", (tree / "usr/bin/relative-link").c_str());
        ::symlink("/usr/bin/tool", (tree / "absolute-link").c_str());
        ::mkfifo((tree / "fifo").c_str(), 0640);
        {
            // Sparse: data at 0 and at 8 MiB, a hole between and a hole at the end.
            const int fd = ::open((tree / "sparse").c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
            (void)!::pwrite(fd, "start", 5, 0);
            (void)!::pwrite(fd, "middle", 6, 8 << 20);
            (void)!::ftruncate(fd, 16 << 20);
            ::close(fd);
        }
        std::filesystem::create_directory(tree / "home");
        ::chown((tree / "home").c_str(), 1000, 1000);
        ::chmod((tree / "home").c_str(), 0750);
        // Times last, deepest first, so that creating children does not change them again.
        QVERIFY(run(QStringLiteral("sh"), {QStringLiteral("-c"),
                                           QStringLiteral("find '%1' -depth -exec touch -h -d @1234567890 {} +")
                                               .arg(QString::fromStdString(tree.string()))}));

        for (const QString &format : {QStringLiteral("gnu"), QStringLiteral("pax")}) {
            const QString layerPath = QString::fromStdString(sandbox.base()) + QStringLiteral("/layer-") + format + QStringLiteral(".tar");
            QVERIFY(run(QStringLiteral("tar"), {QStringLiteral("--format=") + format, QStringLiteral("--sparse"),
                                                QStringLiteral("--numeric-owner"), QStringLiteral("-cf"), layerPath,
                                                QStringLiteral("-C"), QString::fromStdString(tree.string()),
                                                QStringLiteral(".")}));
            const std::string reference = sandbox.newTarget();
            QVERIFY(run(QStringLiteral("tar"), {QStringLiteral("--numeric-owner"), QStringLiteral("--same-owner"),
                                                QStringLiteral("-xpf"), layerPath, QStringLiteral("-C"),
                                                QString::fromStdString(reference)}));
            const std::string target = sandbox.newTarget();
            auto applied = sandbox.apply(readFile(layerPath.toStdString()), target);
            QVERIFY2(applied, applied ? "" : applied.error().describe().c_str());
            QCOMPARE(applied->diffId.string(), sha256sum(readFile(layerPath.toStdString())));

            const auto ours = describeTree(target);
            const auto theirs = describeTree(reference);
            for (const auto &[path, description] : theirs) {
                const auto found = ours.find(path);
                QVERIFY2(found != ours.end(), qPrintable(format + QStringLiteral(": missing ") + QString::fromStdString(path)));
                QVERIFY2(found->second == description,
                         qPrintable(format + u' ' + QString::fromStdString(path) + QStringLiteral(": ours ") +
                                    QString::fromStdString(found->second) + QStringLiteral(", GNU tar's ") +
                                    QString::fromStdString(description)));
            }
            QCOMPARE(ours.size(), theirs.size());
            // The hole stayed a hole.
            struct stat sparse {};
            QCOMPARE(::stat((target + "/sparse").c_str(), &sparse), 0);
            QVERIFY(sparse.st_blocks * 512 < (1 << 20));
        }
    }

    void nonAsciiNamesKeepTheirBytes()
    {
        REQUIRE_ROOT();
        Sandbox sandbox;
        const std::string target = sandbox.newTarget();
        const std::string utf8 = "caf\xc3\xa9";
        const std::string latin1 = "caf\xe9";
        auto applied = sandbox.apply(makeTar({fileEntry(utf8, "u"), fileEntry(latin1, "l")}), target);
        QVERIFY2(applied, applied ? "" : applied.error().describe().c_str());
        QCOMPARE(readFile(target + "/" + utf8), std::string("u"));
        QCOMPARE(readFile(target + "/" + latin1), std::string("l"));
    }

    void whiteoutsAndOpaqueDirectories()
    {
        REQUIRE_ROOT();
        Sandbox sandbox;
        const std::string target = sandbox.newTarget();
        const std::string layer = makeTar({
            directoryEntry("dir/"),
            fileEntry("dir/.wh.gone"),
            fileEntry(".wh.top"),
            fileEntry("opaque-first/.wh..wh..opq"), // marker before the directory's entries
            directoryEntry("opaque-first/"),
            fileEntry("opaque-first/kept", "k"),
            directoryEntry("opaque-last/"),
            fileEntry("opaque-last/kept", "k"),
            fileEntry("opaque-last/.wh..wh..opq"), // marker after them
            fileEntry("implied/.wh..wh..opq"),     // no entry for the directory at all
            fileEntry("same-layer", "stays"),
            fileEntry(".wh.same-layer"), // a whiteout hides lower layers only
            fileEntry(".wh.later"),
            fileEntry("later", "replaces the whiteout"),
            fileEntry(".wh..wh.plnk/123", "aufs bookkeeping"),
        });
        auto applied = sandbox.apply(layer, target);
        QVERIFY2(applied, applied ? "" : applied.error().describe().c_str());

        for (const char *whiteout : {"/dir/gone", "/top"}) {
            const auto status = lstatPath(target + whiteout);
            QVERIFY2(status.exists, whiteout);
            QVERIFY(S_ISCHR(status.status.st_mode));
            QCOMPARE(status.status.st_rdev, makedev(0, 0));
        }
        for (const char *opaque : {"/opaque-first", "/opaque-last", "/implied"}) {
            QVERIFY2(S_ISDIR(lstatPath(target + opaque).status.st_mode), opaque);
            QCOMPARE(xattrOf(target + opaque, "trusted.overlay.opaque"), std::optional<std::string>("y"));
        }
        QCOMPARE(readFile(target + "/opaque-first/kept"), std::string("k"));
        QCOMPARE(readFile(target + "/opaque-last/kept"), std::string("k"));
        QCOMPARE(xattrOf(target + "/dir", "trusted.overlay.opaque"), std::nullopt);
        QCOMPARE(readFile(target + "/same-layer"), std::string("stays"));
        QCOMPARE(readFile(target + "/later"), std::string("replaces the whiteout"));
        QVERIFY(!anyWhiteoutName(target));
    }

    void overlayXattrsAreRefused()
    {
        REQUIRE_ROOT();
        for (const char *name : {"trusted.overlay.redirect", "trusted.overlay.opaque", "user.overlay.metacopy"}) {
            Sandbox sandbox;
            Spec forged = directoryEntry("forged/");
            forged.xattrs = {{name, "y"}};
            auto applied = sandbox.apply(makeTar({forged}), sandbox.newTarget());
            QVERIFY2(!applied, name);
            QCOMPARE(applied.error().code(), ErrorCode::InvalidArgument);
            QVERIFY2(applied.error().describe().find(name) != std::string::npos, applied.error().describe().c_str());
        }
    }

    void laterEntriesReplaceEarlierOnes()
    {
        REQUIRE_ROOT();
        Sandbox sandbox;
        const std::string target = sandbox.newTarget();
        const std::string layer = makeTar({
            fileEntry("file", "one"),
            fileEntry("file", "two"),
            directoryEntry("dir/", 0700),
            fileEntry("dir/child", "c"),
            directoryEntry("dir/", 0755),
            fileEntry("became-dir", "f"),
            directoryEntry("became-dir/"),
            directoryEntry("became-file/"),
            fileEntry("became-file/inner", "i"),
            fileEntry("became-file", "now a file"),
            symlinkEntry("was-link", "somewhere"),
            fileEntry("was-link", "now a file"),
        });
        auto applied = sandbox.apply(layer, target);
        QVERIFY2(applied, applied ? "" : applied.error().describe().c_str());
        QCOMPARE(readFile(target + "/file"), std::string("two"));
        QCOMPARE(lstatPath(target + "/dir").status.st_mode, mode_t(S_IFDIR | 0755));
        QCOMPARE(readFile(target + "/dir/child"), std::string("c"));
        QVERIFY(S_ISDIR(lstatPath(target + "/became-dir").status.st_mode));
        QCOMPARE(readFile(target + "/became-file"), std::string("now a file"));
        QVERIFY(S_ISREG(lstatPath(target + "/was-link").status.st_mode));
    }

    void symbolicLinksInsideTheLayerAreFollowed()
    {
        REQUIRE_ROOT();
        Sandbox sandbox;
        const std::string target = sandbox.newTarget();
        const std::string layer = makeTar({
            directoryEntry("real/"),
            symlinkEntry("link", "real"),
            symlinkEntry("chain", "link"),
            symlinkEntry("sub/up", "../real"),
            fileEntry("chain/through-chain", "1"),
            fileEntry("sub/up/through-dotdot", "2"),
            fileEntry("etc/passwd", "layer's own"),
            hardlinkEntry("absolute-hardlink", "/etc/passwd"), // root-relative, like the names
            fileEntry("link/.wh..wh..opq"),
        });
        auto applied = sandbox.apply(layer, target);
        QVERIFY2(applied, applied ? "" : applied.error().describe().c_str());
        QCOMPARE(readFile(target + "/real/through-chain"), std::string("1"));
        QCOMPARE(readFile(target + "/real/through-dotdot"), std::string("2"));
        QCOMPARE(lstatPath(target + "/absolute-hardlink").status.st_ino, lstatPath(target + "/etc/passwd").status.st_ino);
        QCOMPARE(xattrOf(target + "/real", "trusted.overlay.opaque"), std::optional<std::string>("y"));
        QVERIFY(S_ISLNK(lstatPath(target + "/link").status.st_mode));
    }

    void existingEscapingLinksAreReplacedNotFollowed()
    {
        REQUIRE_ROOT();
        Sandbox sandbox;
        const auto before = sandbox.snapshot();
        const std::string target = sandbox.newTarget();
        const std::string layer = makeTar({
            symlinkEntry("file-over-link", sandbox.outside() + "/victim"),
            fileEntry("file-over-link", "mine", 0600),
            symlinkEntry("dir-over-link", sandbox.outside()),
            directoryEntry("dir-over-link/", 0700),
            symlinkEntry("dotdot-link", "../outside/victim"),
            fileEntry("dotdot-link", "mine too", 0600),
        });
        auto applied = sandbox.apply(layer, target);
        QVERIFY2(applied, applied ? "" : applied.error().describe().c_str());
        QCOMPARE(readFile(target + "/file-over-link"), std::string("mine"));
        QVERIFY(S_ISDIR(lstatPath(target + "/dir-over-link").status.st_mode));
        QCOMPARE(readFile(sandbox.outside() + "/victim"), std::string("original"));
        QCOMPARE(sandbox.snapshot(), before);
    }

    void escapesFail()
    {
        REQUIRE_ROOT();
        struct stat passwdBefore {};
        QCOMPARE(::stat("/etc/passwd", &passwdBefore), 0);
        Sandbox sandbox;
        const std::string outside = sandbox.outside();
        const std::vector<std::pair<const char *, std::vector<Spec>>> cases = {
            {"dot-dot", {fileEntry("../escaped", "x")}},
            {"dot-dot after a directory", {fileEntry("a/../../escaped", "x")}},
            {"dot-slash dot-dot", {fileEntry("./../escaped", "x")}},
            {"dot-dot into the sentinel", {fileEntry("../outside/victim", "overwritten")}},
            {"directory by dot-dot", {directoryEntry("../outside/newdir/")}},
            {"absolute symlink, then a write through it", {symlinkEntry("evil", outside), fileEntry("evil/victim", "overwritten")}},
            {"relative symlink, then a write through it", {symlinkEntry("evil", "../outside"), fileEntry("evil/new", "x")}},
            {"symlink chain", {symlinkEntry("one", "two"), symlinkEntry("two", "three"), symlinkEntry("three", "../outside"),
                               fileEntry("one/new", "x")}},
            {"symlink to /, then a directory through it",
             {symlinkEntry("evil", "/"), directoryEntry("evil/tmp/berth-layer-escape/")}},
            {"symlink, then a device through it", {symlinkEntry("evil", outside), specialEntry("evil/fifo", AE_IFIFO, 0644)}},
            {"symlink, then a symlink through it", {symlinkEntry("evil", outside), symlinkEntry("evil/planted", "/")}},
            {"hard link to /etc/passwd", {hardlinkEntry("passwd", "/etc/passwd")}},
            {"hard link by dot-dot", {hardlinkEntry("victim", "../outside/victim")}},
            {"hard link through an escaping symlink", {symlinkEntry("evil", outside), hardlinkEntry("victim", "evil/victim")}},
            {"hard link through a climbing symlink", {symlinkEntry("evil", "../outside"), hardlinkEntry("victim", "evil/victim")}},
            {"hard link made through an escaping symlink", {fileEntry("mine", "x"), symlinkEntry("evil", outside),
                                                            hardlinkEntry("evil/planted", "mine")}},
            {"whiteout of ..", {directoryEntry("a/"), fileEntry("a/.wh..."), fileEntry("a/x", "x")}},
            {"whiteout of .", {fileEntry("a/.wh..")}},
            {"whiteout of nothing", {fileEntry("a/.wh.")}},
            {"whiteout through an escaping symlink", {symlinkEntry("evil", "../outside"), fileEntry("evil/.wh.victim")}},
            {"opaque marker through an escaping symlink", {symlinkEntry("evil", outside), fileEntry("evil/.wh..wh..opq")}},
            {"path through a whiteout name", {fileEntry(".wh.dir/file", "x")}},
        };
        const auto before = sandbox.snapshot();
        for (const auto &[description, specs] : cases) {
            const std::string target = sandbox.newTarget();
            auto applied = sandbox.apply(makeTar(specs), target);
            QVERIFY2(!applied, description);
            qInfo("%s: %s", description, applied.error().describe().c_str());
            QVERIFY2(applied.error().code() == ErrorCode::InvalidArgument,
                     (std::string(description) + ": " + applied.error().describe()).c_str());
            QVERIFY2(sandbox.snapshot() == before, description);
            QCOMPARE(readFile(outside + "/victim"), std::string("original"));
        }
        QVERIFY(!lstatPath("/tmp/berth-layer-escape").exists);
        struct stat passwdAfter {};
        QCOMPARE(::stat("/etc/passwd", &passwdAfter), 0);
        QCOMPARE(passwdAfter.st_nlink, passwdBefore.st_nlink);
        QCOMPARE(passwdAfter.st_ctim.tv_sec, passwdBefore.st_ctim.tv_sec);
        QCOMPARE(passwdAfter.st_ctim.tv_nsec, passwdBefore.st_ctim.tv_nsec);
    }

    void compressionIsDetectedAndDiffIdIsTheUncompressedDigest()
    {
        REQUIRE_ROOT();
        std::string big(300'000, '\0');
        for (std::size_t index = 0; index < big.size(); ++index)
            big[index] = char(index * 7919 % 251);
        const std::string plain = makeTar({directoryEntry("d/"), fileEntry("d/big", big), fileEntry("d/small", "s")});
        const std::string expected = sha256sum(plain);
        Sandbox sandbox;
        const std::vector<std::pair<const char *, std::string>> encodings = {
            {"plain", plain},
            {"gzip", compress(QStringLiteral("gzip"), plain)},
            {"zstd", compress(QStringLiteral("zstd"), plain)},
        };
        for (const auto &[encoding, bytes] : encodings) {
            const std::string target = sandbox.newTarget();
            auto applied = sandbox.apply(bytes, target);
            QVERIFY2(applied, applied ? encoding : (std::string(encoding) + ": " + applied.error().describe()).c_str());
            QCOMPARE(applied->diffId.string(), expected);
            QCOMPARE(applied->uncompressedBytes, std::uint64_t(plain.size()));
            QCOMPARE(applied->entries, std::uint64_t(3));
            QVERIFY2(readFile(target + "/d/big") == big, encoding);
        }
    }

    void readsFromAPipe()
    {
        REQUIRE_ROOT();
        const std::string plain = makeTar({fileEntry("from-a-pipe", std::string(1'000'000, 'p'))});
        const std::string gzipped = compress(QStringLiteral("gzip"), plain);
        int pipeFds[2];
        QCOMPARE(::pipe2(pipeFds, O_CLOEXEC), 0);
        std::thread writer([&gzipped, writeFd = pipeFds[1]] {
            std::size_t offset = 0;
            while (offset < gzipped.size()) {
                // Small pieces, so the reader really waits for data as it would for a download.
                const ssize_t written = ::write(writeFd, gzipped.data() + offset, std::min<std::size_t>(4096, gzipped.size() - offset));
                if (written <= 0)
                    break;
                offset += std::size_t(written);
            }
            ::close(writeFd);
        });
        Sandbox sandbox;
        const std::string target = sandbox.newTarget();
        const int targetFd = ::open(target.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        auto applied = applyLayer(pipeFds[0], targetFd, {});
        writer.join();
        ::close(pipeFds[0]);
        ::close(targetFd);
        QVERIFY2(applied, applied ? "" : applied.error().describe().c_str());
        QCOMPARE(applied->diffId.string(), sha256sum(plain));
        QCOMPARE(readFile(target + "/from-a-pipe"), std::string(1'000'000, 'p'));
    }

    void decompressionBombsHitTheLimit()
    {
        REQUIRE_ROOT();
        Sandbox sandbox;
        const LayerLimits limits{.maxUncompressedBytes = 1 << 20};
        // A tar holding 64 MiB of zeros, and 64 MiB of bare zeros: both gzip to ~64 KiB.
        const std::vector<std::string> bombs = {
            compress(QStringLiteral("gzip"), makeTar({fileEntry("zeros", std::string(64 << 20, '\0'))})),
            compress(QStringLiteral("gzip"), std::string(64 << 20, '\0')),
        };
        for (const auto &bomb : bombs) {
            QVERIFY(bomb.size() < 200'000);
            auto applied = sandbox.apply(bomb, sandbox.newTarget(), limits);
            QVERIFY(!applied);
            QVERIFY2(applied.error().describe().find("layer is larger than the limit of 1048576 bytes") != std::string::npos,
                     applied.error().describe().c_str());
        }
    }

    void entryAndPathLimits()
    {
        REQUIRE_ROOT();
        Sandbox sandbox;
        auto tooMany = sandbox.apply(makeTar({fileEntry("1"), fileEntry("2"), fileEntry("3"), fileEntry("4")}), sandbox.newTarget(),
                                     LayerLimits{.maxEntries = 3});
        QVERIFY(!tooMany);
        QVERIFY2(tooMany.error().describe().find("more than the limit of 3 entries") != std::string::npos,
                 tooMany.error().describe().c_str());

        auto tooLong = sandbox.apply(makeTar({fileEntry(std::string(40, 'n'))}), sandbox.newTarget(),
                                     LayerLimits{.maxPathLength = 16});
        QVERIFY(!tooLong);
        QCOMPARE(tooLong.error().code(), ErrorCode::InvalidArgument);
        auto longLink = sandbox.apply(makeTar({symlinkEntry("l", std::string(40, 't'))}), sandbox.newTarget(),
                                      LayerLimits{.maxPathLength = 16});
        QVERIFY(!longLink);
    }

    void brokenInputFails()
    {
        REQUIRE_ROOT();
        Sandbox sandbox;
        const std::string plain = makeTar({fileEntry("a", std::string(100'000, 'a')), fileEntry("b", "b")});
        const std::string gzipped = compress(QStringLiteral("gzip"), plain);
        const std::vector<std::pair<const char *, std::string>> broken = {
            {"truncated gzip", gzipped.substr(0, gzipped.size() / 2)},
            {"truncated tar", plain.substr(0, 50'000)},
            {"not a tar", std::string(5000, 'x')},
            {"empty", std::string()},
        };
        for (const auto &[description, bytes] : broken) {
            auto applied = sandbox.apply(bytes, sandbox.newTarget());
            QVERIFY2(!applied, description);
            qInfo("%s: %s", description, applied.error().describe().c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestLayerApply)
#include "tst_layer_apply.moc"
