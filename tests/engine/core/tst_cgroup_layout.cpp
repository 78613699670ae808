#include "engine/core/cgroup_layout.h"

#include <QTest>

#include <fstream>
#include <sstream>

using namespace berth;

namespace {
// As on this project's development machine: legacy controllers, cgroup2 with only hugetlb.
constexpr const char *hybridMountinfo =
    "30 22 0:27 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755\n"
    "31 30 0:28 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu\n"
    "34 30 0:31 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory\n"
    "38 30 0:35 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids\n"
    "39 30 0:36 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd\n"
    "40 30 0:37 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw\n";
// A current desktop: systemd with only the unified hierarchy.
constexpr const char *v2Mountinfo =
    "25 22 0:22 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:9 - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot\n";
// Older distributions: legacy only, controllers sharing a hierarchy.
constexpr const char *v1Mountinfo =
    "30 22 0:27 / /sys/fs/cgroup ro,nosuid - tmpfs tmpfs ro,mode=755\n"
    "33 30 0:30 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid shared:14 - cgroup cgroup rw,cpu,cpuacct\n"
    "35 30 0:32 / /sys/fs/cgroup/freezer rw,nosuid shared:16 - cgroup cgroup rw,freezer\n";
} // namespace

class TestCgroupLayout : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void hybrid()
    {
        const auto layout = parseCgroupLayout(hybridMountinfo);
        QCOMPARE(layout.mode, CgroupMode::Hybrid);
        QCOMPARE(layout.unifiedMountPoint, std::filesystem::path("/sys/fs/cgroup/unified"));
        QCOMPARE(layout.v1Controllers.size(), std::size_t(3));
        QCOMPARE(layout.v1Controllers[1].first, std::string("memory"));
        QCOMPARE(layout.v1Controllers[1].second, std::filesystem::path("/sys/fs/cgroup/memory"));
    }

    void unified()
    {
        const auto layout = parseCgroupLayout(v2Mountinfo);
        QCOMPARE(layout.mode, CgroupMode::V2);
        QCOMPARE(layout.unifiedMountPoint, std::filesystem::path("/sys/fs/cgroup"));
        QVERIFY(layout.v1Controllers.empty());
    }

    void legacy()
    {
        const auto layout = parseCgroupLayout(v1Mountinfo);
        QCOMPARE(layout.mode, CgroupMode::V1);
        QVERIFY(layout.unifiedMountPoint.empty());
        QCOMPARE(layout.v1Controllers.size(), std::size_t(3));
        QCOMPARE(layout.v1Controllers[0].first, std::string("cpu"));
        QCOMPARE(layout.v1Controllers[1].first, std::string("cpuacct"));
    }

    void mountsOutsideTheRootAreNotThisSystems()
    {
        // As inside a chroot whose /sys is a bind of the host's: the host's hierarchy shows
        // again under the chroot's path, and must not count twice.
        const std::string text = std::string(hybridMountinfo) +
                                 "50 22 0:31 / /tmp/chroot/sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\n"
                                 "51 22 0:37 / /tmp/chroot/sys/fs/cgroup/unified rw - cgroup2 cgroup2 rw\n";
        const auto layout = parseCgroupLayout(text);
        QCOMPARE(layout.mode, CgroupMode::Hybrid);
        QCOMPARE(layout.v1Controllers.size(), std::size_t(3));
        QCOMPARE(layout.unifiedMountPoint, std::filesystem::path("/sys/fs/cgroup/unified"));
    }

    void nothingMounted()
    {
        QCOMPARE(parseCgroupLayout("22 1 0:5 / /proc rw - proc proc rw\n").mode, CgroupMode::None);
        QCOMPARE(parseCgroupLayout("").mode, CgroupMode::None);
    }

    void thisMachineAgreesWithItsMountTable()
    {
        std::ifstream file("/proc/self/mountinfo");
        bool cgroup2AtRoot = false, hasCgroup2 = false, hasCgroup1 = false;
        for (std::string line; std::getline(file, line);) {
            const bool isCgroup2 = line.find(" - cgroup2 ") != std::string::npos;
            hasCgroup2 |= isCgroup2;
            hasCgroup1 |= line.find(" - cgroup ") != std::string::npos;
            cgroup2AtRoot |= isCgroup2 && line.find(" /sys/fs/cgroup ") != std::string::npos;
        }
        if (!hasCgroup1 && !hasCgroup2)
            QSKIP("no cgroup filesystem is mounted here");
        const CgroupMode expected = cgroup2AtRoot ? CgroupMode::V2
                                    : hasCgroup1  ? (hasCgroup2 ? CgroupMode::Hybrid : CgroupMode::V1)
                                                  : CgroupMode::V2;
        const auto layout = detectCgroupLayout();
        QCOMPARE(layout.mode, expected);
        if (hasCgroup2) {
            std::ifstream controllers(layout.unifiedMountPoint / "cgroup.controllers");
            std::vector<std::string> listed;
            for (std::string name; controllers >> name;)
                listed.push_back(name);
            QCOMPARE(layout.v2Controllers, listed);
        }
    }

    void modeNames()
    {
        QCOMPARE(cgroupModeName(CgroupMode::Hybrid), std::string_view("hybrid"));
        QCOMPARE(cgroupModeName(CgroupMode::V2), std::string_view("v2"));
    }
};

QTEST_GUILESS_MAIN(TestCgroupLayout)
#include "tst_cgroup_layout.moc"
