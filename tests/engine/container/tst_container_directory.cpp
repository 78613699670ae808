// The Files tab's listing of a directory in a container's root, with a temp directory as the
// root and links that try to leave it: absolute ones to host paths, `..` climbs, and a link
// to a directory that exists only on the host. Each must lead into the root or nowhere.
#include "engine/container/container_directory.h"
#include "engine/core/unique_fd.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace berth::container;

namespace {

QStringList namesOf(const DirectoryListing &listing)
{
    QStringList names;
    for (const auto &entry : listing.entries)
        names << QString::fromStdString(entry.stat.name);
    return names;
}

const DirectoryEntry *entryNamed(const DirectoryListing &listing, const std::string &name)
{
    for (const auto &entry : listing.entries)
        if (entry.stat.name == name)
            return &entry;
    return nullptr;
}

} // namespace

class TestContainerDirectory : public QObject {
    Q_OBJECT

    QTemporaryDir root_;
    berth::UniqueFd rootFd_;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(root_.isValid());
        QDir root(root_.path());
        QVERIFY(root.mkpath(QStringLiteral("etc")));
        QVERIFY(root.mkpath(QStringLiteral("data/inner")));
        QFile note(root.filePath(QStringLiteral("data/note.txt")));
        QVERIFY(note.open(QIODevice::WriteOnly));
        note.write("twelve bytes");
        note.close();
        QFile marker(root.filePath(QStringLiteral("etc/container-marker")));
        QVERIFY(marker.open(QIODevice::WriteOnly));
        marker.close();
        const auto link = [&](const char *target, const QString &name) {
            return ::symlink(target, QFile::encodeName(root.filePath(name)).constData()) == 0;
        };
        QVERIFY(link("/etc", QStringLiteral("absolute")));
        QVERIFY(link("../../../../../../../..", QStringLiteral("climb")));
        // /usr/share exists on the host, not in this root.
        QVERIFY(link("/usr/share", QStringLiteral("hostonly")));
        QVERIFY(link("note.txt", QStringLiteral("data/to-note")));
        rootFd_ = berth::UniqueFd(::open(QFile::encodeName(root_.path()).constData(), O_PATH | O_DIRECTORY | O_CLOEXEC));
        QVERIFY(rootFd_.valid());
    }

    void listsEntriesSortedWithTheirKinds()
    {
        auto listing = listContainerDirectory(rootFd_.get(), "/data", 100);
        QVERIFY2(listing.has_value(), listing ? "" : listing.error().describe().c_str());
        QCOMPARE(namesOf(*listing), (QStringList{"inner", "note.txt", "to-note"}));
        QVERIFY(!listing->truncated);
        const auto *note = entryNamed(*listing, "note.txt");
        QCOMPARE(note->stat.size, 12);
        QVERIFY(S_ISREG(note->stat.mode));
        QVERIFY(entryNamed(*listing, "inner")->stat.isDirectory());
        const auto *link = entryNamed(*listing, "to-note");
        QVERIFY(link->stat.isSymbolicLink());
        QCOMPARE(link->stat.linkTarget, std::string("note.txt"));
        QVERIFY(!link->linkToDirectory);
    }

    void linksLeadIntoTheRootOnly()
    {
        auto top = listContainerDirectory(rootFd_.get(), "/", 100);
        QVERIFY(top.has_value());
        // /etc here is the root's: the absolute link opens it, and it is a directory.
        QVERIFY(entryNamed(*top, "absolute")->linkToDirectory);
        auto absolute = listContainerDirectory(rootFd_.get(), "/absolute", 100);
        QVERIFY(absolute.has_value());
        QCOMPARE(namesOf(*absolute), QStringList{"container-marker"});
        // Climbing stops at the root: the listing is the root's own.
        QVERIFY(entryNamed(*top, "climb")->linkToDirectory);
        auto climbed = listContainerDirectory(rootFd_.get(), "/climb", 100);
        QVERIFY(climbed.has_value());
        QCOMPARE(namesOf(*climbed), namesOf(*top));
        auto through = listContainerDirectory(rootFd_.get(), "/data/../../../climb/etc", 100);
        QVERIFY(through.has_value());
        QCOMPARE(namesOf(*through), QStringList{"container-marker"});
        // A link to a host directory the root lacks leads nowhere.
        QVERIFY(!entryNamed(*top, "hostonly")->linkToDirectory);
        auto hostOnly = listContainerDirectory(rootFd_.get(), "/hostonly", 100);
        QVERIFY(!hostOnly.has_value());
        QCOMPARE(hostOnly.error().code(), berth::ErrorCode::NotFound);
    }

    void refusesFilesAndCapsTheCount()
    {
        auto file = listContainerDirectory(rootFd_.get(), "/data/note.txt", 100);
        QVERIFY(!file.has_value());
        QCOMPARE(file.error().code(), berth::ErrorCode::InvalidArgument);
        auto capped = listContainerDirectory(rootFd_.get(), "/", 2);
        QVERIFY(capped.has_value());
        QVERIFY(capped->truncated);
        QCOMPARE(namesOf(*capped), (QStringList{"absolute", "climb"}));
    }
};

QTEST_GUILESS_MAIN(TestContainerDirectory)
#include "tst_container_directory.moc"
