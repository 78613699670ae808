// `docker cp` for Berth: archives of container paths and extraction into them, with a temp
// directory as the container's root full of hostile links (absolute /etc, ../../ climbs,
// a linked destination parent, an existing link at an entry's name), hostile tars (../x,
// /abs, writing through a link the tar made, hard links out), round trips that keep modes,
// owners, times, links and hard links, and Docker's trailing-slash rules on the host side.
#include "engine/container/container_copy.h"
#include "engine/core/unique_fd.h"
#include "test_support.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <archive.h>
#include <archive_entry.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <map>
#include <optional>
#include <vector>

using namespace berth::container;

namespace {

struct TarItem {
    std::string name;
    char kind = 'f'; // f file, d directory, l symbolic link, h hard link
    std::string content; // file data, or link target
    unsigned mode = 0644;
    int uid = 0;
    int gid = 0;
    long mtime = 1700000000;
};

// A tar made with libarchive in a memfd, rewound for reading.
berth::UniqueFd makeTar(const std::vector<TarItem> &items)
{
    berth::UniqueFd fd(::memfd_create("tar", MFD_CLOEXEC));
    archive *writer = archive_write_new();
    archive_write_set_format_pax_restricted(writer);
    archive_write_open_fd(writer, fd.get());
    for (const auto &item : items) {
        archive_entry *entry = archive_entry_new();
        archive_entry_set_pathname(entry, item.name.c_str());
        archive_entry_set_perm(entry, item.mode);
        archive_entry_set_uid(entry, item.uid);
        archive_entry_set_gid(entry, item.gid);
        archive_entry_set_mtime(entry, item.mtime, 0);
        switch (item.kind) {
        case 'd': archive_entry_set_filetype(entry, AE_IFDIR); break;
        case 'l':
            archive_entry_set_filetype(entry, AE_IFLNK);
            archive_entry_set_symlink(entry, item.content.c_str());
            break;
        case 'h':
            archive_entry_set_filetype(entry, AE_IFREG);
            archive_entry_set_hardlink(entry, item.content.c_str());
            break;
        default:
            archive_entry_set_filetype(entry, AE_IFREG);
            archive_entry_set_size(entry, static_cast<la_int64_t>(item.content.size()));
        }
        archive_write_header(writer, entry);
        if (item.kind == 'f')
            archive_write_data(writer, item.content.data(), item.content.size());
        archive_entry_free(entry);
    }
    archive_write_close(writer);
    archive_write_free(writer);
    ::lseek(fd.get(), 0, SEEK_SET);
    return fd;
}

struct Listed {
    char kind = '?';
    std::string content;
    unsigned mode = 0;
    long long uid = 0;
    long mtime = 0;
};

// Entry name → what it is, read back from an fd holding a tar.
std::map<std::string, Listed> listTar(int fd)
{
    std::map<std::string, Listed> listed;
    ::lseek(fd, 0, SEEK_SET);
    archive *reader = archive_read_new();
    archive_read_support_format_tar(reader);
    if (archive_read_open_fd(reader, fd, 10240) != ARCHIVE_OK) {
        archive_read_free(reader);
        return listed;
    }
    archive_entry *entry = nullptr;
    while (archive_read_next_header(reader, &entry) == ARCHIVE_OK) {
        Listed item;
        item.mode = archive_entry_perm(entry);
        item.uid = archive_entry_uid(entry);
        item.mtime = archive_entry_mtime(entry);
        if (const char *link = archive_entry_hardlink(entry)) {
            item.kind = 'h';
            item.content = link;
        } else if (archive_entry_filetype(entry) == AE_IFLNK) {
            item.kind = 'l';
            item.content = archive_entry_symlink(entry);
        } else if (archive_entry_filetype(entry) == AE_IFDIR) {
            item.kind = 'd';
        } else {
            item.kind = 'f';
            char buffer[4096];
            la_ssize_t got;
            while ((got = archive_read_data(reader, buffer, sizeof buffer)) > 0)
                item.content.append(buffer, static_cast<std::size_t>(got));
        }
        std::string name = archive_entry_pathname(entry);
        if (name.size() > 1 && name.back() == '/')
            name.pop_back();
        listed[name] = item;
    }
    archive_read_free(reader);
    return listed;
}

berth::UniqueFd memfd()
{
    return berth::UniqueFd(::memfd_create("out", MFD_CLOEXEC));
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
}

// Every path under a directory with its content (or link target): to show nothing changed.
QStringList snapshot(const QString &directory)
{
    QStringList all;
    QDirIterator it(directory, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info(path);
        all << path + "=" + (info.isSymLink() ? "->" + info.symLinkTarget() : info.isDir() ? "dir" : QString::fromUtf8(readFile(path)));
    }
    all.sort();
    return all;
}

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

class ContainerCopyTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir workspace_;
    QString root_;
    QString outside_;
    berth::UniqueFd rootFd_;
    QStringList outsideBefore_;

    QString inRoot(const QString &path) const { return root_ + path; }

private slots:
    void initTestCase()
    {
        if (!berth::test::isRoot())
            QSKIP("copying with numeric owners and into a container root needs root");
        root_ = workspace_.filePath("root");
        outside_ = workspace_.filePath("outside");
        // The host side of the trap: files a broken lookup would reach.
        QVERIFY(QDir().mkpath(outside_ + "/etc"));
        writeFile(outside_ + "/secret", "host secret");
        writeFile(outside_ + "/etc/passwd", "host passwd");

        for (const char *directory : {"/etc", "/data/sub", "/dest", "/outside", "/copies"})
            QVERIFY(QDir().mkpath(root_ + directory));
        writeFile(inRoot("/etc/passwd"), "container passwd");
        writeFile(inRoot("/outside/secret"), "container secret");
        writeFile(inRoot("/data/a"), "alpha");
        writeFile(inRoot("/data/sub/b"), "beta");
        QVERIFY(::chmod(qPrintable(inRoot("/data/a")), 0640) == 0);
        QVERIFY(::chown(qPrintable(inRoot("/data/a")), 1234, 2345) == 0);
        QVERIFY(::chmod(qPrintable(inRoot("/data/sub")), 0710) == 0);
        QVERIFY(::link(qPrintable(inRoot("/data/a")), qPrintable(inRoot("/data/a2"))) == 0);
        QVERIFY(::symlink("a", qPrintable(inRoot("/data/rel"))) == 0);
        QVERIFY(::mkfifo(qPrintable(inRoot("/data/fifo")), 0600) == 0);
        const timespec times[2] = {{1600000000, 0}, {1600000000, 123456789}};
        QVERIFY(::utimensat(AT_FDCWD, qPrintable(inRoot("/data/a")), times, 0) == 0);
        QVERIFY(::lchown(qPrintable(inRoot("/data/rel")), 42, 43) == 0);
        QVERIFY(::utimensat(AT_FDCWD, qPrintable(inRoot("/data")), times, 0) == 0);
        // Hostile links: each leads out of the root when followed on the host.
        QVERIFY(::symlink("/etc", qPrintable(inRoot("/link-abs"))) == 0);
        QVERIFY(::symlink("../../../../../../outside", qPrintable(inRoot("/link-up"))) == 0);
        QVERIFY(::symlink("../outside", qPrintable(inRoot("/dest-link"))) == 0);
        QVERIFY(::symlink(qPrintable(outside_ + "/secret"), qPrintable(inRoot("/host-abs"))) == 0);
        QVERIFY(::symlink("/nowhere", qPrintable(inRoot("/dangling"))) == 0);
        writeFile(inRoot("/plainfile"), "plain");
        rootFd_ = berth::UniqueFd(::open(qPrintable(root_), O_PATH | O_DIRECTORY | O_CLOEXEC));
        QVERIFY(rootFd_.valid());
        outsideBefore_ = snapshot(outside_);
    }

    void cleanupTestCase()
    {
        if (!outsideBefore_.isEmpty())
            QCOMPARE(snapshot(outside_), outsideBefore_);
        QVERIFY(!QFile::exists("/etc/pwned"));
        QVERIFY(!QFile::exists("/pwned"));
    }

    void statTellsWhatDockerTells()
    {
        auto file = statContainerPath(rootFd_.get(), "/data/a");
        QVERIFY(file);
        QCOMPARE(file->name, std::string("a"));
        QCOMPARE(file->size, std::int64_t(5));
        QCOMPARE(file->mode & 07777, mode_t(0640));
        QCOMPARE(file->modifiedNanoseconds, std::int64_t(1600000000123456789));
        QVERIFY(file->linkTarget.empty());

        auto link = statContainerPath(rootFd_.get(), "link-abs");
        QVERIFY(link && link->isSymbolicLink());
        QCOMPARE(link->linkTarget, std::string("/etc"));
        auto climbing = statContainerPath(rootFd_.get(), "/link-up");
        QVERIFY(climbing && climbing->isSymbolicLink());
        QCOMPARE(climbing->linkTarget, std::string("/outside"));
        auto hostAbsolute = statContainerPath(rootFd_.get(), "/host-abs");
        QVERIFY(hostAbsolute);
        QCOMPARE(hostAbsolute->linkTarget, (outside_ + "/secret").toStdString()); // dangling inside the root
        auto dangling = statContainerPath(rootFd_.get(), "/dangling");
        QVERIFY(dangling);
        QCOMPARE(dangling->linkTarget, std::string("/nowhere"));

        // A trailing slash follows the link and asserts a directory.
        auto followed = statContainerPath(rootFd_.get(), "/link-abs/");
        QVERIFY(followed && followed->isDirectory());
        auto notDirectory = statContainerPath(rootFd_.get(), "/data/a/");
        QVERIFY(!notDirectory);
        QVERIFY2(contains(notDirectory.error().message(), "not a directory"), notDirectory.error().message().c_str());
        auto missing = statContainerPath(rootFd_.get(), "/no/such");
        QVERIFY(!missing);
        QCOMPARE(missing.error().code(), berth::ErrorCode::NotFound);
        auto root = statContainerPath(rootFd_.get(), "/../..");
        QVERIFY(root && root->isDirectory());
        QCOMPARE(root->name, std::string("/"));
    }

    void archiveOfDirectoryKeepsEverything()
    {
        auto out = memfd();
        QVERIFY(archiveContainerPath(rootFd_.get(), "/data", {}, out.get()));
        auto listed = listTar(out.get());
        QCOMPARE(listed.size(), std::size_t(7));
        QCOMPARE(listed["data"].kind, 'd');
        QCOMPARE(listed["data"].mtime, 1600000000L);
        QCOMPARE(listed["data/a"].content, std::string("alpha"));
        QCOMPARE(listed["data/a"].mode, 0640u);
        QCOMPARE(listed["data/a"].uid, 1234LL);
        QCOMPARE(listed["data/a2"].kind, 'h');
        QCOMPARE(listed["data/a2"].content, std::string("data/a"));
        QCOMPARE(listed["data/rel"].kind, 'l');
        QCOMPARE(listed["data/rel"].content, std::string("a"));
        QCOMPARE(listed["data/sub"].mode, 0710u);
        QCOMPARE(listed["data/sub/b"].content, std::string("beta"));
        QVERIFY(listed.contains("data/fifo"));

        // SRC/. : the contents, under ".".
        auto contents = memfd();
        QVERIFY(archiveContainerPath(rootFd_.get(), "/data/.", {}, contents.get()));
        listed = listTar(contents.get());
        QVERIFY(listed.contains("."));
        QCOMPARE(listed["./sub/b"].content, std::string("beta"));
        QVERIFY(!listed.contains("data/a"));

        // A rebase name replaces the top entry's name.
        auto renamed = memfd();
        CopyArchiveOptions options;
        options.rebaseName = "other";
        QVERIFY(archiveContainerPath(rootFd_.get(), "data/sub/b", options, renamed.get()));
        listed = listTar(renamed.get());
        QCOMPARE(listed.size(), std::size_t(1));
        QCOMPARE(listed["other"].content, std::string("beta"));
    }

    void archiveNeverReadsTheHost()
    {
        // A link at the end is copied as the link...
        auto out = memfd();
        QVERIFY(archiveContainerPath(rootFd_.get(), "/link-abs", {}, out.get()));
        auto listed = listTar(out.get());
        QCOMPARE(listed.size(), std::size_t(1));
        QCOMPARE(listed["link-abs"].kind, 'l');
        QCOMPARE(listed["link-abs"].content, std::string("/etc"));

        // ...and with -L as what it leads to inside the root, under the link's name.
        auto followed = memfd();
        CopyArchiveOptions follow;
        follow.followLink = true;
        QVERIFY(archiveContainerPath(rootFd_.get(), "/link-abs", follow, followed.get()));
        listed = listTar(followed.get());
        QCOMPARE(listed["link-abs/passwd"].content, std::string("container passwd"));

        struct Case {
            const char *path;
            const char *entry;
            const char *content;
        };
        for (const Case &item : {Case{"/link-abs/passwd", "passwd", "container passwd"},
                                 Case{"/link-up/secret", "secret", "container secret"},
                                 Case{"/../../../etc/passwd", "passwd", "container passwd"},
                                 Case{"/dest-link/secret", "secret", "container secret"}}) {
            auto file = memfd();
            QVERIFY2(archiveContainerPath(rootFd_.get(), item.path, {}, file.get()), item.path);
            listed = listTar(file.get());
            QCOMPARE(listed[item.entry].content, std::string(item.content));
        }
        auto escaped = memfd();
        auto refused = archiveContainerPath(rootFd_.get(), "/host-abs", follow, escaped.get());
        QVERIFY(!refused); // the host path means nothing inside the root
        QCOMPARE(refused.error().code(), berth::ErrorCode::NotFound);

        auto notDirectory = memfd();
        auto trailing = archiveContainerPath(rootFd_.get(), "/plainfile/", {}, notDirectory.get());
        QVERIFY(!trailing);
        QVERIFY(contains(trailing.error().describe(), "not a directory"));
    }

    void archiveToAClosedPipeIsAnError()
    {
        int pipeFds[2];
        QVERIFY(::pipe2(pipeFds, O_CLOEXEC) == 0);
        ::close(pipeFds[0]);
        auto written = archiveContainerPath(rootFd_.get(), "/data", {}, pipeFds[1]);
        ::close(pipeFds[1]);
        QVERIFY(!written);
        QVERIFY2(contains(written.error().describe(), "stopped before its end"), written.error().describe().c_str());
    }

    void hostileEntriesAreRefused_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("message");
        QTest::newRow("dot dot") << 0 << "contains `..`";
        QTest::newRow("absolute") << 1 << "absolute path";
        QTest::newRow("hard link to an absolute path") << 2 << "absolute path";
        QTest::newRow("hard link to a file not in the archive") << 3 << "not an earlier entry";
        QTest::newRow("hard link with dot dot") << 4 << "contains `..`";
        QTest::newRow("relative link above the destination") << 5 << "outside the destination";
    }

    void hostileEntriesAreRefused()
    {
        QFETCH(int, which);
        QFETCH(QString, message);
        const std::vector<std::vector<TarItem>> tars{
            {{"../x", 'f', "pwned"}},
            {{"/pwned", 'f', "pwned"}},
            {{"h", 'h', "/etc/passwd"}},
            {{"h", 'h', "etc/passwd"}},
            {{"ok", 'f', "x"}, {"h", 'h', "../ok"}},
            {{"sub", 'd', ""}, {"sub/up", 'l', "../../x"}},
        };
        auto tar = makeTar(tars[static_cast<std::size_t>(which)]);
        auto extracted = extractIntoContainer(rootFd_.get(), "/dest", tar.get(), {});
        QVERIFY(!extracted);
        QVERIFY2(contains(extracted.error().describe(), message.toStdString()), extracted.error().describe().c_str());
        QVERIFY(!QFile::exists(inRoot("/x")) && !QFile::exists(inRoot("/pwned")) && !QFile::exists(inRoot("/dest/h")));
        QVERIFY(!QFile::exists(workspace_.filePath("x")));
    }

    void writesThroughLinksLandInsideTheRoot()
    {
        QDir(inRoot("/dest")).removeRecursively();
        QVERIFY(QDir().mkpath(inRoot("/dest")));
        // A link the tar makes, then an entry through it; and an existing link at an
        // entry's name (pointing to the host's file by its host path) is replaced, not followed.
        QVERIFY(::symlink(qPrintable(outside_ + "/secret"), qPrintable(inRoot("/dest/victim"))) == 0);
        QVERIFY(::symlink("/etc", qPrintable(inRoot("/dest/existing-etc"))) == 0);
        auto tar = makeTar({{"abs", 'l', "/outside"},
                            {"abs/pwned", 'f', "through abs"},
                            {"etc", 'l', "/etc"},
                            {"etc/pwned", 'f', "through etc"},
                            {"existing-etc/pwned2", 'f', "through existing"},
                            {"victim", 'f', "replaced"}});
        QVERIFY(extractIntoContainer(rootFd_.get(), "/dest", tar.get(), {}));
        QCOMPARE(readFile(inRoot("/outside/pwned")), QByteArray("through abs"));
        QCOMPARE(readFile(inRoot("/etc/pwned")), QByteArray("through etc"));
        QCOMPARE(readFile(inRoot("/etc/pwned2")), QByteArray("through existing"));
        QVERIFY(!QFileInfo(inRoot("/dest/victim")).isSymLink());
        QCOMPARE(readFile(inRoot("/dest/victim")), QByteArray("replaced"));
        QCOMPARE(readFile(outside_ + "/secret"), QByteArray("host secret"));
        QVERIFY(!QFile::exists(outside_ + "/pwned"));

        // A destination reached through a link that climbs out on the host: the root's own.
        auto second = makeTar({{"landed", 'f', "inside"}});
        QVERIFY(extractIntoContainer(rootFd_.get(), "/dest-link", second.get(), {}));
        QCOMPARE(readFile(inRoot("/outside/landed")), QByteArray("inside"));
        QVERIFY(!QFile::exists(outside_ + "/landed"));

        // Parents the tar does not list are made inside the root too.
        auto third = makeTar({{"link-abs-dir/new/file", 'f', "deep"}});
        QVERIFY(::symlink("/../../outside", qPrintable(inRoot("/dest/link-abs-dir"))) == 0);
        QVERIFY(extractIntoContainer(rootFd_.get(), "/dest", third.get(), {}));
        QCOMPARE(readFile(inRoot("/outside/new/file")), QByteArray("deep"));
        QVERIFY(!QFile::exists(outside_ + "/new"));
    }

    void destinationRules()
    {
        auto tar = makeTar({{"f", 'f', "x"}});
        auto intoFile = extractIntoContainer(rootFd_.get(), "/plainfile", tar.get(), {});
        QVERIFY(!intoFile);
        QVERIFY(contains(intoFile.error().describe(), "extraction point is not a directory"));
        auto intoMissing = extractIntoContainer(rootFd_.get(), "/no/such", tar.get(), {});
        QVERIFY(!intoMissing);
        QCOMPARE(intoMissing.error().code(), berth::ErrorCode::NotFound);

        QVERIFY(QDir().mkpath(inRoot("/overwrite/dir")));
        writeFile(inRoot("/overwrite/file"), "old");
        auto fileOverDirectory = makeTar({{"dir", 'f', "x"}});
        auto refused = extractIntoContainer(rootFd_.get(), "/overwrite", fileOverDirectory.get(), {});
        QVERIFY(!refused);
        QVERIFY(contains(refused.error().describe(), "cannot overwrite directory"));
        auto directoryOverFile = makeTar({{"file", 'd', ""}});
        refused = extractIntoContainer(rootFd_.get(), "/overwrite", directoryOverFile.get(), {});
        QVERIFY(!refused);
        QVERIFY(contains(refused.error().describe(), "cannot overwrite non-directory"));
        CopyExtractOptions allow;
        allow.noOverwriteDirNonDir = false;
        ::lseek(fileOverDirectory.get(), 0, SEEK_SET);
        QVERIFY(extractIntoContainer(rootFd_.get(), "/overwrite", fileOverDirectory.get(), allow));
        QCOMPARE(readFile(inRoot("/overwrite/dir")), QByteArray("x"));
        auto notTar = makeTar({});
        QVERIFY(::ftruncate(notTar.get(), 0) == 0);
        QVERIFY(::write(notTar.get(), "garbage that is not a tar archive at all", 40) == 40);
        ::lseek(notTar.get(), 0, SEEK_SET);
        auto garbage = extractIntoContainer(rootFd_.get(), "/overwrite", notTar.get(), {});
        QVERIFY(!garbage);
        QVERIFY2(contains(garbage.error().describe(), "tar"), garbage.error().describe().c_str());
    }

    void roundTripKeepsModesOwnersTimesAndLinks()
    {
        auto out = memfd();
        QVERIFY(archiveContainerPath(rootFd_.get(), "/data", {}, out.get()));
        ::lseek(out.get(), 0, SEEK_SET);
        QVERIFY(extractIntoContainer(rootFd_.get(), "/copies", out.get(), {}));
        struct stat original {}, copy {}, copyLink {}, copySub {}, copyDirectory {}, copyFifo {};
        QVERIFY(::stat(qPrintable(inRoot("/data/a")), &original) == 0);
        QVERIFY(::stat(qPrintable(inRoot("/copies/data/a")), &copy) == 0);
        QCOMPARE(copy.st_mode, original.st_mode);
        QCOMPARE(copy.st_uid, uid_t(1234));
        QCOMPARE(copy.st_gid, gid_t(2345));
        QCOMPARE(copy.st_mtim.tv_sec, original.st_mtim.tv_sec);
        QCOMPARE(copy.st_mtim.tv_nsec, original.st_mtim.tv_nsec);
        QCOMPARE(copy.st_nlink, nlink_t(2));
        struct stat copyA2 {};
        QVERIFY(::stat(qPrintable(inRoot("/copies/data/a2")), &copyA2) == 0);
        QCOMPARE(copyA2.st_ino, copy.st_ino);
        QVERIFY(::lstat(qPrintable(inRoot("/copies/data/rel")), &copyLink) == 0);
        QVERIFY(S_ISLNK(copyLink.st_mode));
        QCOMPARE(copyLink.st_uid, uid_t(42));
        QCOMPARE(QFileInfo(inRoot("/copies/data/rel")).symLinkTarget(), inRoot("/copies/data/a"));
        QVERIFY(::stat(qPrintable(inRoot("/copies/data/sub")), &copySub) == 0);
        QCOMPARE(copySub.st_mode & 07777, mode_t(0710));
        QVERIFY(::stat(qPrintable(inRoot("/copies/data")), &copyDirectory) == 0);
        QCOMPARE(copyDirectory.st_mtim.tv_sec, time_t(1600000000));
        QVERIFY(::lstat(qPrintable(inRoot("/copies/data/fifo")), &copyFifo) == 0);
        QVERIFY(S_ISFIFO(copyFifo.st_mode));

        // Without -a, Docker makes the container's root the owner.
        auto again = memfd();
        QVERIFY(archiveContainerPath(rootFd_.get(), "/data/a", {}, again.get()));
        ::lseek(again.get(), 0, SEEK_SET);
        CopyExtractOptions fixed;
        fixed.owners = CopyOwners::Fixed;
        fixed.fixedUid = 7;
        fixed.fixedGid = 8;
        fixed.renameFrom = "a";
        fixed.renameTo = "owned";
        QVERIFY(extractIntoContainer(rootFd_.get(), "/copies", again.get(), fixed));
        QVERIFY(::stat(qPrintable(inRoot("/copies/owned")), &copy) == 0);
        QCOMPARE(copy.st_uid, uid_t(7));
        QCOMPARE(copy.st_gid, gid_t(8));
        QCOMPARE(copy.st_mode & 07777, mode_t(0640));
    }

    void planFollowsDockerRules_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<bool>("sourceIsDirectory");
        QTest::addColumn<QString>("destination");
        QTest::addColumn<bool>("exists");
        QTest::addColumn<bool>("destinationIsDirectory");
        QTest::addColumn<QString>("expected"); // "dir|from|to" or "error:words"
        QTest::newRow("file into dir") << "/a/f" << false << "out" << true << true << "out||";
        QTest::newRow("file to new name") << "/a/f" << false << "out/g" << false << false << "out|f|g";
        QTest::newRow("file over file") << "/a/f" << false << "g" << true << false << ".|f|g";
        QTest::newRow("file to same name") << "/a/f" << false << "x/f" << false << false << "x||";
        QTest::newRow("file to missing dir/") << "/a/f" << false << "out/new/" << false << false << "error:no such directory";
        QTest::newRow("dir into dir") << "/a/d" << true << "out/" << true << true << "out/||";
        QTest::newRow("dir to new name") << "/a/d" << true << "/tmp/new" << false << false << "/tmp|d|new";
        QTest::newRow("dir to new dir/") << "/a/d/" << true << "new/" << false << false << ".|d|new";
        QTest::newRow("dir over file") << "/a/d" << true << "file" << true << false << "error:cannot copy a directory to a file";
        QTest::newRow("contents into dir") << "/a/d/." << true << "out" << true << true << "out||";
        QTest::newRow("contents to new dir") << "/a/d/." << true << "/x/new" << false << false << "/x|.|new";
        QTest::newRow("root to new dir") << "/" << true << "rootfs" << false << false << ".|.|rootfs";
    }

    void planFollowsDockerRules()
    {
        QFETCH(QString, source);
        QFETCH(bool, sourceIsDirectory);
        QFETCH(QString, destination);
        QFETCH(bool, exists);
        QFETCH(bool, destinationIsDirectory);
        QFETCH(QString, expected);
        auto plan = planCopy({source.toStdString(), sourceIsDirectory}, {destination.toStdString(), exists, destinationIsDirectory});
        if (expected.startsWith("error:")) {
            QVERIFY(!plan);
            QVERIFY2(contains(plan.error().message(), expected.mid(6).toStdString()), plan.error().message().c_str());
            return;
        }
        QVERIFY2(plan, plan ? "" : plan.error().message().c_str());
        QCOMPARE(QString::fromStdString(plan->extractDirectory + "|" + plan->renameFrom + "|" + plan->renameTo), expected);
    }

    void hostSideFollowsTheSameRules()
    {
        const QString host = workspace_.filePath("host");
        QVERIFY(QDir().mkpath(host + "/existing"));
        writeFile(host + "/afile", "old");
        auto fromContainer = [&](const char *source, bool isDirectory, const QString &destination) {
            auto tar = memfd();
            auto archived = archiveContainerPath(rootFd_.get(), source, {}, tar.get());
            if (!archived)
                return archived;
            ::lseek(tar.get(), 0, SEEK_SET);
            return copyArchiveToHost(tar.get(), {source, isDirectory}, destination.toStdString());
        };
        QVERIFY(fromContainer("/data/a", false, host + "/newname"));
        QCOMPARE(readFile(host + "/newname"), QByteArray("alpha"));
        QVERIFY(fromContainer("/data/a", false, host + "/afile"));
        QCOMPARE(readFile(host + "/afile"), QByteArray("alpha"));
        auto missingDirectory = fromContainer("/data/a", false, host + "/nodir/");
        QVERIFY(!missingDirectory);
        QVERIFY(contains(missingDirectory.error().describe(), "does not exist"));
        QVERIFY(fromContainer("/data", true, host + "/existing"));
        QCOMPARE(readFile(host + "/existing/data/sub/b"), QByteArray("beta"));
        QVERIFY(fromContainer("/data", true, host + "/fresh"));
        QCOMPARE(readFile(host + "/fresh/sub/b"), QByteArray("beta"));
        QVERIFY(QFileInfo(host + "/fresh/rel").isSymLink());
        QVERIFY(fromContainer("/data/.", true, host + "/existing"));
        QCOMPARE(readFile(host + "/existing/sub/b"), QByteArray("beta"));
        auto directoryOverFile = fromContainer("/data", true, host + "/afile");
        QVERIFY(!directoryOverFile);
        QVERIFY(contains(directoryOverFile.error().describe(), "cannot copy a directory to a file"));
        auto noParent = fromContainer("/data/a", false, host + "/no/parent");
        QVERIFY(!noParent);
        QVERIFY(contains(noParent.error().describe(), "does not exist; create it first"));

        // A container's tar cannot place anything outside the host destination.
        auto hostile = makeTar({{"real", 'd', ""}, {"etc", 'l', "/real"}, {"etc/pwned", 'f', "x"}, {"up", 'l', "/.."}, {"up/pwned", 'f', "y"}});
        CopyExtractOptions asCaller;
        asCaller.owners = CopyOwners::Caller;
        auto hostileExtracted = extractToHostDirectory((host + "/existing").toStdString(), hostile.get(), asCaller);
        QVERIFY2(hostileExtracted, hostileExtracted ? "" : hostileExtracted.error().describe().c_str());
        QCOMPARE(readFile(host + "/existing/real/pwned"), QByteArray("x"));
        QCOMPARE(readFile(host + "/existing/pwned"), QByteArray("y"));
        // /etc means the destination's own etc: here the link itself, a loop, refused.
        auto looping = makeTar({{"loop", 'l', "/loop"}, {"loop/pwned", 'f', "z"}});
        auto refused = extractToHostDirectory((host + "/existing").toStdString(), looping.get(), asCaller);
        QVERIFY(!refused);
        QVERIFY2(contains(refused.error().describe(), "symbolic links"), refused.error().describe().c_str());
        QVERIFY(!QFile::exists(host + "/pwned"));

        // berth cp HOSTPATH CONTAINER:DEST: the host's tar, named for the destination.
        auto tar = memfd();
        CopyArchiveOptions options;
        options.rebaseName = "from-host";
        QVERIFY(archiveHostPath((host + "/fresh/.").toStdString(), options, tar.get()));
        ::lseek(tar.get(), 0, SEEK_SET);
        QVERIFY(extractIntoContainer(rootFd_.get(), "/copies", tar.get(), {}));
        QCOMPARE(readFile(inRoot("/copies/from-host/sub/b")), QByteArray("beta"));
        auto stat = statHostPath((host + "/fresh/rel").toStdString());
        QVERIFY(stat && stat->isSymbolicLink());
        QCOMPARE(QString::fromStdString(stat->linkTarget), QFileInfo(host + "/fresh/a").canonicalFilePath());
    }
};

QTEST_GUILESS_MAIN(ContainerCopyTest)
#include "tst_container_copy.moc"
