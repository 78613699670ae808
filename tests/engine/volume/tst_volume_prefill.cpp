// The first-use copy of an image's content into a volume: everything a file can carry is
// kept, and hostile symbolic links (absolute, climbing, in the middle of the path) neither
// read anything outside the container root nor write anything outside the volume.
#include "engine/core/unique_fd.h"
#include "engine/volume/volume_prefill.h"

#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <fstream>
#include <set>
#include <sstream>

using namespace berth;
using namespace berth::volume;
namespace fs = std::filesystem;

namespace {

void writeFile(const fs::path &path, const std::string &content)
{
    std::ofstream(path, std::ios::binary) << content;
}

std::string readFile(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    return content.str();
}

struct stat statOf(const fs::path &path)
{
    struct stat info {};
    if (::lstat(path.c_str(), &info) != 0)
        info.st_mode = 0;
    return info;
}

void setTimes(const fs::path &path, time_t seconds, long nanoseconds)
{
    const struct timespec times[2] = {{seconds - 100, 5}, {seconds, nanoseconds}};
    if (::utimensat(AT_FDCWD, path.c_str(), times, AT_SYMLINK_NOFOLLOW) != 0)
        qFatal("setting times of %s failed", path.c_str());
}

void own(const fs::path &path, uid_t uid, gid_t gid)
{
    if (::lchown(path.c_str(), uid, gid) != 0)
        qFatal("lchown %s failed", path.c_str());
}

// "a b b/c": every path under directory, sorted, links not followed.
QString treeOf(const fs::path &directory)
{
    std::set<std::string> names;
    for (auto it = fs::recursive_directory_iterator(directory); it != fs::recursive_directory_iterator(); ++it)
        names.insert(it->path().lexically_relative(directory).string());
    QStringList list;
    for (const auto &name : names)
        list.append(QString::fromStdString(name));
    return list.join(u' ');
}

} // namespace

class TestVolumePrefill : public QObject {
    Q_OBJECT
    QTemporaryDir directory_;
    fs::path base_;
    fs::path root_;    ///< the container's root file system
    fs::path volume_;  ///< the volume's _data
    fs::path outside_; ///< host files no copy may read or write
    berth::UniqueFd rootFd_;

    Result<bool> copy(const std::string &containerPath)
    {
        return copyImageContentIntoVolume(rootFd_.get(), containerPath, volume_);
    }

private Q_SLOTS:
    void init()
    {
        if (::geteuid() != 0)
            QSKIP("the copy keeps owners and device nodes, which needs root (run the tests as root)");
        QVERIFY(directory_.isValid());
        base_ = fs::path(directory_.path().toStdString()) / "case";
        fs::remove_all(base_);
        root_ = base_ / "rootfs";
        volume_ = base_ / "volumes/v/_data";
        outside_ = base_ / "outside";
        fs::create_directories(root_);
        fs::create_directories(volume_);
        fs::create_directories(outside_);
        writeFile(outside_ / "secret", "host secret");
        rootFd_.reset(::open(root_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        QVERIFY(rootFd_.valid());
    }
    void cleanup() { rootFd_.reset(); }

    void everythingAFileCarriesIsKept()
    {
        const fs::path data = root_ / "var/lib/app";
        fs::create_directories(data / "sub/deeper");
        writeFile(data / "file", "image content");
        own(data / "file", 1001, 1002);
        fs::permissions(data / "file", fs::perms(04755));
        QCOMPARE(::setxattr((data / "file").c_str(), "user.berth", "note", 4, 0), 0);
        setTimes(data / "file", 1600000000, 123456789);
        fs::create_hard_link(data / "file", data / "sub/hard");
        writeFile(data / "sub/deeper/nested", std::string(3 * 1024 * 1024 + 17, 'n'));
        own(data / "sub/deeper", 7, 8);
        fs::permissions(data / "sub/deeper", fs::perms(0710));
        setTimes(data / "sub/deeper", 1500000000, 42);
        fs::create_symlink("/etc/passwd", data / "abs-link");
        own(data / "abs-link", 1003, 1004);
        setTimes(data / "abs-link", 1400000000, 7);
        fs::create_symlink("../../../../../..", data / "up-link");
        fs::create_directory_symlink("sub", data / "dir-link");
        QCOMPARE(::mkfifo((data / "fifo").c_str(), 0640), 0);
        QCOMPARE(::mknod((data / "null").c_str(), S_IFCHR | 0666, makedev(1, 3)), 0);
        own(data / "null", 0, 5);
        QCOMPARE(::chmod((data / "null").c_str(), 0666), 0); // mknod's mode went through the umask
        QCOMPARE(::chmod((data / "fifo").c_str(), 0640), 0);
        own(data, 1234, 5678);
        fs::permissions(data, fs::perms(0750));
        setTimes(data, 1300000000, 99);

        auto copied = copy("/var/lib/app");
        QVERIFY2(copied, copied ? "" : copied.error().describe().c_str());
        QVERIFY(*copied);

        QCOMPARE(treeOf(volume_), QStringLiteral("abs-link dir-link fifo file null sub sub/deeper sub/deeper/nested sub/hard up-link"));
        // The volume's root takes the source directory's owner, mode and times.
        const auto top = statOf(volume_);
        QCOMPARE(top.st_uid, uid_t(1234));
        QCOMPARE(top.st_gid, gid_t(5678));
        QCOMPARE(top.st_mode & 07777, mode_t(0750));
        QCOMPARE(top.st_mtim.tv_sec, time_t(1300000000));
        QCOMPARE(top.st_mtim.tv_nsec, 99L);

        const auto file = statOf(volume_ / "file");
        QVERIFY(S_ISREG(file.st_mode));
        QCOMPARE(readFile(volume_ / "file"), std::string("image content"));
        QCOMPARE(file.st_uid, uid_t(1001));
        QCOMPARE(file.st_gid, gid_t(1002));
        QCOMPARE(file.st_mode & 07777, mode_t(04755)); // set-user-id survives the chown
        QCOMPARE(file.st_mtim.tv_sec, time_t(1600000000));
        QCOMPARE(file.st_mtim.tv_nsec, 123456789L);
        QCOMPARE(file.st_atim.tv_sec, time_t(1600000000 - 100));
        char note[16] = {};
        QCOMPARE(::getxattr((volume_ / "file").c_str(), "user.berth", note, sizeof note), ssize_t(4));
        QCOMPARE(std::string(note), std::string("note"));
        const auto hard = statOf(volume_ / "sub/hard");
        QCOMPARE(hard.st_ino, file.st_ino);
        QCOMPARE(file.st_nlink, nlink_t(2));

        QCOMPARE(readFile(volume_ / "sub/deeper/nested").size(), std::size_t(3 * 1024 * 1024 + 17));
        const auto deeper = statOf(volume_ / "sub/deeper");
        QCOMPARE(deeper.st_uid, uid_t(7));
        QCOMPARE(deeper.st_mode & 07777, mode_t(0710));
        QCOMPARE(deeper.st_mtim.tv_sec, time_t(1500000000));
        QCOMPARE(deeper.st_mtim.tv_nsec, 42L);

        const auto absLink = statOf(volume_ / "abs-link");
        QVERIFY(S_ISLNK(absLink.st_mode));
        QCOMPARE(fs::read_symlink(volume_ / "abs-link").string(), std::string("/etc/passwd"));
        QCOMPARE(absLink.st_uid, uid_t(1003));
        QCOMPARE(absLink.st_gid, gid_t(1004));
        QCOMPARE(absLink.st_mtim.tv_sec, time_t(1400000000));
        QCOMPARE(fs::read_symlink(volume_ / "up-link").string(), std::string("../../../../../.."));
        QVERIFY(S_ISLNK(statOf(volume_ / "dir-link").st_mode));
        QCOMPARE(fs::read_symlink(volume_ / "dir-link").string(), std::string("sub"));

        QVERIFY(S_ISFIFO(statOf(volume_ / "fifo").st_mode));
        QCOMPARE(statOf(volume_ / "fifo").st_mode & 07777, mode_t(0640));
        const auto null = statOf(volume_ / "null");
        QVERIFY(S_ISCHR(null.st_mode));
        QCOMPARE(null.st_rdev, makedev(1, 3));
        QCOMPARE(null.st_mode & 07777, mode_t(0666));
        QCOMPARE(null.st_gid, gid_t(5));
    }

    void absoluteLinkResolvesInsideTheRoot()
    {
        // /data -> /etc in the image means the image's /etc, never the host's.
        fs::create_directories(root_ / "etc");
        writeFile(root_ / "etc/marker", "image etc");
        fs::create_symlink("/etc", root_ / "data");
        auto copied = copy("/data");
        QVERIFY2(copied, copied ? "" : copied.error().describe().c_str());
        QVERIFY(*copied);
        QCOMPARE(treeOf(volume_), QStringLiteral("marker"));
        QCOMPARE(readFile(volume_ / "marker"), std::string("image etc"));
    }

    void climbingLinksStayInsideTheRoot_data()
    {
        QTest::addColumn<QString>("containerPath");
        QTest::addColumn<QString>("linkName");
        QTest::addColumn<QString>("linkTarget");
        // Each link would reach base_/outside if it were resolved on the host.
        QTest::newRow("relative ../ link") << "/data" << "data" << "../../outside";
        QTest::newRow("absolute link to the host path") << "/data" << "data" << "OUTSIDE";
        QTest::newRow("link in the middle of the path") << "/mid/outside" << "mid" << "../..";
        QTest::newRow("dot-dot in the path itself") << "/../../outside" << "" << "";
    }
    void climbingLinksStayInsideTheRoot()
    {
        QFETCH(QString, containerPath);
        QFETCH(QString, linkName);
        QFETCH(QString, linkTarget);
        if (!linkName.isEmpty()) {
            const std::string target =
                linkTarget == QLatin1String("OUTSIDE") ? outside_.string() : linkTarget.toStdString();
            fs::create_symlink(target, root_ / linkName.toStdString());
        }
        auto copied = copy(containerPath.toStdString());
        QVERIFY2(copied, copied ? "" : copied.error().describe().c_str());
        QVERIFY(!*copied); // resolved inside the root, where nothing is there
        QVERIFY(fs::is_empty(volume_));

        // With the image's own /outside present, that is what is copied.
        fs::create_directories(root_ / "outside");
        writeFile(root_ / "outside/inside", "image file");
        if (linkTarget == QLatin1String("OUTSIDE"))
            fs::remove(root_ / "data"), fs::create_symlink("/outside", root_ / "data");
        copied = copy(containerPath.toStdString());
        QVERIFY2(copied, copied ? "" : copied.error().describe().c_str());
        QVERIFY(*copied);
        QCOMPARE(treeOf(volume_), QStringLiteral("inside"));
        QCOMPARE(treeOf(outside_), QStringLiteral("secret"));
    }

    void linksInTheTreeAreNeverFollowed()
    {
        // Links inside the copied tree point out of the root and out of the volume; copying
        // must neither read through them nor write through them.
        fs::create_directories(root_ / "data/dir");
        fs::create_directory_symlink(outside_, root_ / "data/host-dir");
        fs::create_symlink(outside_ / "secret", root_ / "data/host-file");
        fs::create_directory_symlink("../../../outside", root_ / "data/dir/climb");
        writeFile(root_ / "data/dir/file", "x");
        const auto before = statOf(outside_);
        auto copied = copy("/data");
        QVERIFY2(copied, copied ? "" : copied.error().describe().c_str());
        QVERIFY(*copied);
        QCOMPARE(treeOf(volume_), QStringLiteral("dir dir/climb dir/file host-dir host-file"));
        for (const char *link : {"host-dir", "host-file", "dir/climb"})
            QVERIFY2(S_ISLNK(statOf(volume_ / link).st_mode), link);
        QCOMPARE(treeOf(outside_), QStringLiteral("secret"));
        QCOMPARE(readFile(outside_ / "secret"), std::string("host secret"));
        QCOMPARE(statOf(outside_).st_mtim.tv_nsec, before.st_mtim.tv_nsec);
        QCOMPARE(statOf(outside_).st_uid, before.st_uid);
    }

    void nonEmptyVolumeIsLeftAlone()
    {
        fs::create_directories(root_ / "data");
        writeFile(root_ / "data/from-image", "x");
        // Even a hostile link already in the volume is not written through: nothing is copied.
        fs::create_directory_symlink(outside_, volume_ / "from-image");
        auto copied = copy("/data");
        QVERIFY2(copied, copied ? "" : copied.error().describe().c_str());
        QVERIFY(!*copied);
        QCOMPARE(treeOf(outside_), QStringLiteral("secret"));
        QCOMPARE(treeOf(volume_), QStringLiteral("from-image"));
    }

    void missingOrFileSourceCopiesNothing()
    {
        writeFile(root_ / "afile", "x");
        for (const char *path : {"/nothere", "/afile", "/afile/below", "/nothere/deeper"}) {
            auto copied = copy(path);
            QVERIFY2(copied, copied ? path : copied.error().describe().c_str());
            QVERIFY2(!*copied, path);
        }
        QVERIFY(fs::is_empty(volume_));
        // The volume directory itself given as a link is refused, not followed.
        const auto realVolume = volume_;
        volume_ = base_ / "volume-link";
        fs::create_directory_symlink(outside_, volume_);
        fs::create_directories(root_ / "data");
        auto refused = copy("/data");
        QVERIFY(!refused);
        volume_ = realVolume;
    }

    void otherMountsAreNotEntered()
    {
        fs::create_directories(root_ / "data/mnt");
        writeFile(root_ / "data/top", "t");
        QCOMPARE(::mount("tmpfs", (root_ / "data/mnt").c_str(), "tmpfs", 0, "size=1m"), 0);
        writeFile(root_ / "data/mnt/mounted", "m");
        auto copied = copy("/data");
        ::umount2((root_ / "data/mnt").c_str(), MNT_DETACH);
        QVERIFY2(copied, copied ? "" : copied.error().describe().c_str());
        QVERIFY(*copied);
        QCOMPARE(treeOf(volume_), QStringLiteral("mnt top"));
    }
};

QTEST_GUILESS_MAIN(TestVolumePrefill)
#include "tst_volume_prefill.moc"
