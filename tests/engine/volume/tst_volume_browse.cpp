// Browsing a volume's folders: entries described as lstat sees them, and no path or link a
// container could leave in a volume (absolute links, climbing links, `..` in the request,
// links in the middle of the path) lists anything outside the volume.
#include "engine/core/unique_fd.h"
#include "engine/volume/volume_browse.h"
#include "engine/volume/volume_files.h"

#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

using namespace berth;
using namespace berth::volume;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> namesOf(const BrowseListing &listing)
{
    std::vector<std::string> names;
    for (const auto &entry : listing.entries)
        names.push_back(entry.name);
    return names;
}

const BrowseEntry *entryNamed(const BrowseListing &listing, const std::string &name)
{
    const auto found = std::find_if(listing.entries.begin(), listing.entries.end(),
                                    [&](const BrowseEntry &entry) { return entry.name == name; });
    return found == listing.entries.end() ? nullptr : &*found;
}

} // namespace

class TestVolumeBrowse : public QObject {
    Q_OBJECT

private:
    QTemporaryDir scratch_;
    fs::path outside_; // beside the volume: what an escape would list
    fs::path volume_;  // the volume's _data
    UniqueFd volumeFd_;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(scratch_.isValid());
        const fs::path top = scratch_.path().toStdString();
        outside_ = top / "outside";
        volume_ = top / "volumes" / "data" / "_data";
        fs::create_directories(outside_ / "secret-dir");
        std::ofstream(outside_ / "secret.txt") << "host only";
        fs::create_directories(volume_ / "app" / "logs");
        std::ofstream(volume_ / "app" / "config.ini") << "answer=42\n";
        std::ofstream(volume_ / "app" / "logs" / "today.log") << "line\n";
        ::chmod((volume_ / "app" / "config.ini").c_str(), 0640);
        // What a hostile container could leave behind.
        fs::create_symlink(outside_, volume_ / "absolute-out");
        fs::create_symlink("../../../outside", volume_ / "climbing-out");
        fs::create_symlink("/", volume_ / "to-root");
        fs::create_symlink("app/logs", volume_ / "logs-link");
        fs::create_symlink("../../../../../../../../..", volume_ / "app" / "up-high");
        ::mkfifo((volume_ / "pipe").c_str(), 0600);
        auto opened = openDirectoryNoFollow(volume_);
        QVERIFY(opened.has_value());
        volumeFd_ = std::move(*opened);
    }

    void listsTheRootWithTypesSizesAndModes()
    {
        auto listing = listDirectoryInRoot(volumeFd_.get(), "/", 1000);
        QVERIFY2(listing.has_value(), listing ? "" : listing.error().describe().c_str());
        QCOMPARE(listing->path, std::string("/"));
        QCOMPARE(namesOf(*listing), (std::vector<std::string>{"absolute-out", "app", "climbing-out", "logs-link", "pipe", "to-root"}));
        QCOMPARE(entryNamed(*listing, "app")->type, std::string("dir"));
        QCOMPARE(entryNamed(*listing, "pipe")->type, std::string("fifo"));
        const BrowseEntry *link = entryNamed(*listing, "absolute-out");
        QCOMPARE(link->type, std::string("symlink"));
        // The target as written, for showing; never resolved on the host.
        QCOMPARE(link->linkTarget, outside_.string());
        QVERIFY(!listing->truncated);

        auto app = listDirectoryInRoot(volumeFd_.get(), "app", 1000);
        QVERIFY(app.has_value());
        QCOMPARE(app->path, std::string("/app"));
        const BrowseEntry *config = entryNamed(*app, "config.ini");
        QVERIFY(config);
        QCOMPARE(config->type, std::string("file"));
        QCOMPARE(config->size, std::uint64_t(10));
        QCOMPARE(config->mode & 07777, mode_t(0640));
        QVERIFY(S_ISREG(config->mode));
        QVERIFY(config->modifiedSeconds > 0);
    }

    void anAbsoluteLinkStaysInTheVolume()
    {
        // /outside does not exist inside the volume: the link leads nowhere, not to the host's.
        auto listing = listDirectoryInRoot(volumeFd_.get(), "/absolute-out", 1000);
        QVERIFY(!listing.has_value());
        QCOMPARE(listing.error().code(), ErrorCode::NotFound);
    }

    void aClimbingLinkStaysInTheVolume()
    {
        auto listing = listDirectoryInRoot(volumeFd_.get(), "climbing-out", 1000);
        QVERIFY(!listing.has_value());
        QCOMPARE(listing.error().code(), ErrorCode::NotFound);
        // A link to "/" or far above is the volume's own top.
        for (const char *path : {"to-root", "app/up-high", "app/up-high/app/up-high"}) {
            auto top = listDirectoryInRoot(volumeFd_.get(), path, 1000);
            QVERIFY2(top.has_value(), path);
            QCOMPARE(top->path, std::string("/"));
            QVERIFY(entryNamed(*top, "app"));
            QVERIFY(!entryNamed(*top, "secret.txt"));
        }
    }

    void dotDotInTheRequestStopsAtTheTop()
    {
        for (const char *path : {"..", "/..", "../..", "app/../../..", "../../outside", "/../../../outside"}) {
            auto listing = listDirectoryInRoot(volumeFd_.get(), path, 1000);
            if (listing) {
                QCOMPARE(listing->path, std::string("/"));
                QVERIFY2(!entryNamed(*listing, "secret.txt") && !entryNamed(*listing, "secret-dir"), path);
            } else {
                // `../../outside` is /outside in the volume, which does not exist.
                QCOMPARE(listing.error().code(), ErrorCode::NotFound);
            }
        }
    }

    void aLinkInsideTheVolumeIsFollowedThere()
    {
        auto listing = listDirectoryInRoot(volumeFd_.get(), "logs-link", 1000);
        QVERIFY(listing.has_value());
        QCOMPARE(listing->path, std::string("/app/logs"));
        QCOMPARE(namesOf(*listing), std::vector<std::string>{"today.log"});
    }

    void aFileIsNotAFolder()
    {
        auto listing = listDirectoryInRoot(volumeFd_.get(), "app/config.ini", 1000);
        QVERIFY(!listing.has_value());
        QCOMPARE(listing.error().code(), ErrorCode::InvalidArgument);
    }

    void theLimitTruncates()
    {
        auto listing = listDirectoryInRoot(volumeFd_.get(), "", 2);
        QVERIFY(listing.has_value());
        QVERIFY(listing->truncated);
        QCOMPARE(namesOf(*listing), (std::vector<std::string>{"absolute-out", "app"}));
    }
};

QTEST_GUILESS_MAIN(TestVolumeBrowse)
#include "tst_volume_browse.moc"
