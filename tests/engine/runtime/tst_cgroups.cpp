#include "engine/runtime/cgroups.h"

#include "engine/core/unique_fd.h"

#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <thread>

using namespace berth;
using namespace berth::runtime;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

constexpr std::int64_t mebibyte = 1024 * 1024;

std::string randomName()
{
    std::random_device device;
    std::ostringstream name;
    name << "berth-test-" << std::hex << device() << device();
    return name.str();
}

std::string readText(const fs::path &file)
{
    std::ifstream stream(file);
    std::stringstream text;
    text << stream.rdbuf();
    auto content = text.str();
    while (!content.empty() && (content.back() == '\n' || content.back() == ' '))
        content.pop_back();
    return content;
}

// The directory of `path` in the hierarchy that holds `controller`.
fs::path controllerDirectory(const CgroupLayout &layout, std::string_view controller, const std::string &path)
{
    for (const auto &[name, mountPoint] : layout.v1Controllers) {
        if (name == controller)
            return mountPoint / path.substr(1);
    }
    return {};
}

bool hasController(const CgroupLayout &layout, std::string_view controller)
{
    return !controllerDirectory(layout, controller, "/x").empty();
}

// Lives in memory shared with the forked children, so the test can watch them work.
struct Shared {
    std::atomic<std::uint64_t> counter{0};
    std::atomic<int> forksMade{0};
    std::atomic<int> forkErrno{0};
    std::atomic<int> forkingDone{0};
    std::atomic<int> release{0};
};

class SharedMemory {
public:
    SharedMemory()
    {
        void *memory = ::mmap(nullptr, sizeof(Shared), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
        if (memory != MAP_FAILED)
            shared_ = new (memory) Shared;
    }
    ~SharedMemory()
    {
        if (shared_)
            ::munmap(shared_, sizeof(Shared));
    }
    SharedMemory(const SharedMemory &) = delete;
    SharedMemory &operator=(const SharedMemory &) = delete;
    Shared *operator->() const { return shared_; }
    Shared *get() const { return shared_; }

private:
    Shared *shared_ = nullptr;
};

// The children's work: only system calls, as befits a child forked from a Qt process.
[[noreturn]] void sleepForever(Shared *)
{
    for (;;)
        ::pause();
}

// Touches 4 MiB first: memory is charged to the cgroup a process is in when it touches
// the page, so this shows up in the cgroup's usage.
[[noreturn]] void countForever(Shared *shared)
{
    constexpr std::size_t size = 4 * mebibyte;
    auto *memory = static_cast<char *>(::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
    if (memory == MAP_FAILED)
        ::_exit(3);
    for (std::size_t offset = 0; offset < size; offset += 4096)
        memory[offset] = 1;
    for (;;)
        shared->counter.fetch_add(1, std::memory_order_relaxed);
}

[[noreturn]] void forkThirty(Shared *shared)
{
    pid_t children[30];
    int made = 0;
    for (int attempt = 0; attempt < 30; ++attempt) {
        const pid_t pid = ::fork();
        if (pid == 0)
            sleepForever(shared);
        if (pid < 0) {
            shared->forkErrno = errno;
            break;
        }
        children[made++] = pid;
        shared->forksMade = made;
    }
    shared->forkingDone = 1;
    while (!shared->release)
        ::usleep(1000);
    for (int index = 0; index < made; ++index) {
        ::kill(children[index], SIGKILL);
        ::waitpid(children[index], nullptr, 0);
    }
    ::_exit(0);
}

[[noreturn]] void touch200MiB(Shared *shared)
{
    constexpr std::size_t size = 200 * mebibyte;
    auto *memory = static_cast<char *>(::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
    if (memory == MAP_FAILED)
        ::_exit(3);
    for (std::size_t offset = 0; offset < size; offset += 4096) {
        memory[offset] = 1;
        shared->counter.fetch_add(4096, std::memory_order_relaxed);
    }
    ::_exit(0);
}

// A forked child that waits for go() before it runs its body, so that the test can move
// it into a cgroup first.
class Child {
public:
    Child(void (*body)(Shared *), Shared *shared)
    {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0)
            return;
        UniqueFd readEnd(fds[0]);
        go_ = UniqueFd(fds[1]);
        pid_ = ::fork();
        if (pid_ == 0) {
            ::close(fds[1]);
            char byte;
            while (::read(fds[0], &byte, 1) < 0 && errno == EINTR) {
            }
            body(shared);
            ::_exit(0);
        }
    }
    Child(const Child &) = delete;
    Child &operator=(const Child &) = delete;
    // No wait here: a frozen child dies only once thawed, which CgroupCleanup does, and
    // reaps it. Until then its zombie keeps the pid from being reused.
    ~Child()
    {
        if (pid_ > 0)
            ::kill(pid_, SIGKILL);
    }
    pid_t pid() const { return pid_; }
    void go() { go_ = UniqueFd(); }
    /// Waits for the child's end; its wait status.
    int wait()
    {
        int status = 0;
        if (pid_ > 0 && ::waitpid(pid_, &status, 0) == pid_)
            pid_ = -1;
        return status;
    }
    void kill()
    {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            wait();
        }
    }

private:
    pid_t pid_ = -1;
    UniqueFd go_;
};

// Whatever a check leaves behind goes: thaws, kills every process in the test's cgroups,
// reaps the children and removes the directories, deepest first. Declare it before the
// Children, so that it runs after their destructors.
class CgroupCleanup {
public:
    CgroupCleanup(const CgroupLayout &layout, std::string topName)
    {
        const auto add = [&](const fs::path &mountPoint) {
            const auto top = mountPoint / topName;
            if (std::ranges::find(tops_, top) == tops_.end())
                tops_.push_back(top);
        };
        for (const auto &[controller, mountPoint] : layout.v1Controllers)
            add(mountPoint);
        if (!layout.unifiedMountPoint.empty())
            add(layout.unifiedMountPoint);
    }
    CgroupCleanup(const CgroupCleanup &) = delete;
    CgroupCleanup &operator=(const CgroupCleanup &) = delete;

    ~CgroupCleanup()
    {
        std::vector<fs::path> directories;
        for (const auto &top : tops_) {
            std::error_code error;
            if (!fs::is_directory(top, error))
                continue;
            directories.push_back(top);
            for (fs::recursive_directory_iterator each(top, error), end; !error && each != end; each.increment(error)) {
                if (each->is_directory(error))
                    directories.push_back(each->path());
            }
        }
        for (const auto &directory : directories) {
            std::ofstream(directory / "freezer.state") << "THAWED";
            std::ofstream(directory / "cgroup.freeze") << "0";
        }
        for (const auto &directory : directories) {
            std::istringstream pids(readText(directory / "cgroup.procs"));
            for (pid_t pid; pids >> pid;)
                ::kill(pid, SIGKILL);
        }
        // Reap every child of this test process (the Child objects are gone by now).
        const auto deadline = std::chrono::steady_clock::now() + 5s;
        while (std::chrono::steady_clock::now() < deadline) {
            const pid_t reaped = ::waitpid(-1, nullptr, WNOHANG);
            if (reaped < 0 && errno == ECHILD)
                break;
            if (reaped <= 0)
                std::this_thread::sleep_for(5ms);
        }
        std::ranges::sort(directories, [](const fs::path &left, const fs::path &right) {
            return left.native().size() > right.native().size();
        });
        for (const auto &directory : directories) {
            for (int attempt = 0; attempt < 200 && ::rmdir(directory.c_str()) != 0 && errno == EBUSY; ++attempt)
                std::this_thread::sleep_for(10ms);
        }
    }

private:
    std::vector<fs::path> tops_;
};

bool waitUntil(const std::function<bool()> &condition, std::chrono::milliseconds timeout = 3s)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!condition()) {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(2ms);
    }
    return true;
}

std::string describe(const Status &status)
{
    return status ? std::string("ok") : status.error().describe();
}

template <typename T>
std::string describe(const Result<T> &result)
{
    return result ? std::string("ok") : result.error().describe();
}

#define CHECK_OK(expression)                                                                                          \
    do {                                                                                                              \
        const auto &checked = (expression);                                                                           \
        QVERIFY2(checked.has_value(), describe(checked).c_str());                                                     \
    } while (false)

#define REQUIRE_ROOT_AND_CGROUPS(layout)                                                                              \
    do {                                                                                                              \
        if (::geteuid() != 0)                                                                                         \
            QSKIP("needs root: creating cgroups and moving processes into them");                                    \
        if ((layout).mode == CgroupMode::None)                                                                        \
            QSKIP("no cgroup filesystem is mounted here");                                                            \
    } while (false)

} // namespace

class TestCgroups : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pathValidation_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("named");
        QTest::newRow("simple") << "/berth" << true << "";
        QTest::newRow("nested") << "/berth/0123abcd" << true << "";
        QTest::newRow("dots inside a name") << "/berth/a..b" << true << "";
        QTest::newRow("empty") << "" << false << "not absolute";
        QTest::newRow("relative") << "berth/x" << false << "`berth/x` is not absolute";
        QTest::newRow("root") << "/" << false << "root";
        QTest::newRow("double slash") << "/berth//x" << false << "empty component";
        QTest::newRow("trailing slash") << "/berth/" << false << "empty component";
        QTest::newRow("dot dot") << "/berth/../etc" << false << "invalid path component `..` in `/berth/../etc`";
        QTest::newRow("dot") << "/./berth" << false << "invalid path component `.`";
        QTest::newRow("newline") << "/berth/a\nb" << false << "control character";
    }

    void pathValidation()
    {
        QFETCH(QString, path);
        QFETCH(bool, valid);
        QFETCH(QString, named);
        const auto status = validateCgroupPath(path.toStdString());
        QCOMPARE(status.has_value(), valid);
        if (!valid) {
            QCOMPARE(status.error().code(), ErrorCode::InvalidArgument);
            QVERIFY2(status.error().message().find(named.toStdString()) != std::string::npos,
                     status.error().message().c_str());
        }
        // openCgroup refuses the same paths, whatever the layout.
        CgroupLayout layout;
        layout.mode = CgroupMode::V2;
        layout.unifiedMountPoint = "/sys/fs/cgroup";
        QCOMPARE(openCgroup(layout, path.toStdString()).has_value(), valid);
    }

    void sharesToWeight_data()
    {
        QTest::addColumn<quint64>("shares");
        QTest::addColumn<quint64>("weight");
        QTest::newRow("minimum") << quint64(2) << quint64(1);
        QTest::newRow("maximum") << quint64(262144) << quint64(10000);
        QTest::newRow("default 1024") << quint64(1024) << quint64(39);
        QTest::newRow("512") << quint64(512) << quint64(20);
        QTest::newRow("100") << quint64(100) << quint64(4);
        QTest::newRow("131073 midway") << quint64(131073) << quint64(5000);
        QTest::newRow("below minimum") << quint64(1) << quint64(1);
        QTest::newRow("above maximum") << quint64(1000000) << quint64(10000);
    }

    void sharesToWeight()
    {
        QFETCH(quint64, shares);
        QFETCH(quint64, weight);
        QCOMPARE(cpuWeightFromShares(shares), weight);
    }

    void resourceValidation()
    {
        CgroupResources resources;
        resources.memoryLimitBytes = 64 * mebibyte;
        resources.memorySwapBytes = 32 * mebibyte;
        auto status = resources.validate();
        QVERIFY(!status);
        QCOMPARE(status.error().code(), ErrorCode::InvalidArgument);
        QVERIFY(status.error().message().find("`33554432` is below the memory limit `67108864`") != std::string::npos);

        resources = {};
        resources.cpuShares = 1;
        status = resources.validate();
        QVERIFY(!status);
        QVERIFY(status.error().message().find("cpu shares `1` out of range") != std::string::npos);

        resources = {};
        resources.memoryLimitBytes = -1;
        resources.memorySwapBytes = 128 * mebibyte;
        QVERIFY(!resources.validate());

        resources = {};
        resources.memoryLimitBytes = -1;
        resources.memorySwapBytes = -1;
        resources.pidsLimit = -1;
        resources.cpuQuotaMicros = -1;
        CHECK_OK(resources.validate());
    }

    void openPicksTheBackEnd()
    {
        CgroupLayout none;
        auto opened = openCgroup(none, "/berth/x");
        QVERIFY(!opened);
        QCOMPARE(opened.error().code(), ErrorCode::Unsupported);

        CgroupLayout unified;
        unified.mode = CgroupMode::V2;
        unified.unifiedMountPoint = "/sys/fs/cgroup";
        opened = openCgroup(unified, "/berth/x");
        CHECK_OK(opened);
        QCOMPARE((*opened)->backend(), CgroupBackend::Unified);
        QCOMPARE((*opened)->path(), std::string("/berth/x"));
        QCOMPARE((*opened)->mountSources().size(), std::size_t(1));
        QCOMPARE((*opened)->mountSources()[0].hostDirectory, fs::path("/sys/fs/cgroup/berth/x"));

        CgroupLayout hybrid;
        hybrid.mode = CgroupMode::Hybrid;
        hybrid.unifiedMountPoint = "/sys/fs/cgroup/unified";
        hybrid.v1Controllers = {{"cpu", "/sys/fs/cgroup/cpu,cpuacct"},
                                {"cpuacct", "/sys/fs/cgroup/cpu,cpuacct"},
                                {"memory", "/sys/fs/cgroup/memory"}};
        opened = openCgroup(hybrid, "/berth/x");
        CHECK_OK(opened);
        QCOMPARE((*opened)->backend(), CgroupBackend::Legacy);
        const auto sources = (*opened)->mountSources();
        QCOMPARE(sources.size(), std::size_t(3));
        QCOMPARE(sources[0].name, std::string("cpu,cpuacct"));
        QCOMPARE(sources[0].hostDirectory, fs::path("/sys/fs/cgroup/cpu,cpuacct/berth/x"));
        QCOMPARE(sources[1].name, std::string("memory"));
        QCOMPARE(sources[2].name, std::string("unified"));
        QCOMPARE(sources[2].hostDirectory, fs::path("/sys/fs/cgroup/unified/berth/x"));

        // This machine: hybrid, so the legacy back end.
        const auto here = detectCgroupLayout();
        if (here.mode == CgroupMode::Hybrid || here.mode == CgroupMode::V1) {
            opened = openCgroup(here, "/" + randomName());
            CHECK_OK(opened);
            QCOMPARE((*opened)->backend(), CgroupBackend::Legacy);
        }
    }

    // A host without swap accounting, faked by a directory tree: the swap limit must be
    // refused before anything is created, naming what to do.
    void legacyRefusesWhatTheHostLacks()
    {
        QTemporaryDir root;
        QVERIFY(root.isValid());
        CgroupLayout layout;
        layout.mode = CgroupMode::V1;
        layout.v1Controllers = {{"memory", root.path().toStdString()}};
        auto cgroup = openCgroup(layout, "/berth/x");
        CHECK_OK(cgroup);

        CgroupResources resources;
        resources.memoryLimitBytes = 64 * mebibyte;
        resources.memorySwapBytes = 128 * mebibyte;
        auto status = (*cgroup)->create(resources);
        QVERIFY(!status);
        QCOMPARE(status.error().code(), ErrorCode::Unsupported);
        QVERIFY2(status.error().describe().find("swapaccount=1") != std::string::npos, status.error().describe().c_str());
        QVERIFY(!fs::exists(root.path().toStdString() + "/berth"));

        resources = {};
        resources.pidsLimit = 10;
        status = (*cgroup)->create(resources);
        QVERIFY(!status);
        QCOMPARE(status.error().code(), ErrorCode::Unsupported);
        QVERIFY2(status.error().describe().find("`pids`") != std::string::npos, status.error().describe().c_str());
        QVERIFY(!fs::exists(root.path().toStdString() + "/berth"));
    }

    void legacyLimitsAreWritten()
    {
        const auto layout = detectCgroupLayout();
        REQUIRE_ROOT_AND_CGROUPS(layout);
        if (layout.mode == CgroupMode::V2)
            QSKIP("this host has only the unified hierarchy");
        const auto top = randomName();
        CgroupCleanup cleanup(layout, top);
        const auto path = "/" + top + "/limits";
        auto cgroup = openCgroup(layout, path);
        CHECK_OK(cgroup);
        const bool swapAccounting = fs::exists(controllerDirectory(layout, "memory", "/x").parent_path() /
                                               "memory.memsw.limit_in_bytes");

        CgroupResources resources;
        resources.memoryLimitBytes = 64 * mebibyte;
        resources.memoryReservationBytes = 32 * mebibyte;
        if (swapAccounting)
            resources.memorySwapBytes = 128 * mebibyte;
        resources.cpuShares = 512;
        resources.cpuQuotaMicros = 50000;
        resources.cpuPeriodMicros = 100000;
        resources.pidsLimit = 20;
        CHECK_OK((*cgroup)->create(resources));

        const auto memory = controllerDirectory(layout, "memory", path);
        QCOMPARE(readText(memory / "memory.limit_in_bytes"), std::to_string(64 * mebibyte));
        QCOMPARE(readText(memory / "memory.soft_limit_in_bytes"), std::to_string(32 * mebibyte));
        if (swapAccounting)
            QCOMPARE(readText(memory / "memory.memsw.limit_in_bytes"), std::to_string(128 * mebibyte));
        const auto cpu = controllerDirectory(layout, "cpu", path);
        QCOMPARE(readText(cpu / "cpu.shares"), std::string("512"));
        QCOMPARE(readText(cpu / "cpu.cfs_quota_us"), std::string("50000"));
        QCOMPARE(readText(cpu / "cpu.cfs_period_us"), std::string("100000"));
        QCOMPARE(readText(controllerDirectory(layout, "pids", path) / "pids.max"), std::string("20"));
        // Every hierarchy got its directory, the unified one too on hybrid hosts; a new
        // cpuset (at each level) took its parent's CPUs and memory nodes.
        for (const auto &source : (*cgroup)->mountSources())
            QVERIFY2(fs::is_directory(source.hostDirectory), source.hostDirectory.c_str());
        if (layout.mode == CgroupMode::Hybrid)
            QVERIFY(fs::is_directory(layout.unifiedMountPoint / path.substr(1)));
        if (hasController(layout, "cpuset")) {
            const auto cpuset = controllerDirectory(layout, "cpuset", path);
            QVERIFY(!readText(cpuset / "cpuset.cpus").empty());
            QCOMPARE(readText(cpuset / "cpuset.cpus"), readText(cpuset.parent_path().parent_path() / "cpuset.cpus"));
            QCOMPARE(readText(cpuset / "cpuset.mems"), readText(cpuset.parent_path().parent_path() / "cpuset.mems"));
        }

        CgroupResources unlimited;
        unlimited.pidsLimit = 0;
        unlimited.cpuQuotaMicros = -1;
        CHECK_OK((*cgroup)->update(unlimited));
        QCOMPARE(readText(controllerDirectory(layout, "pids", path) / "pids.max"), std::string("max"));
        QCOMPARE(readText(cpu / "cpu.cfs_quota_us"), std::string("-1"));

        if (swapAccounting) {
            // Raising needs memory+swap first, lowering needs memory first: the kernel
            // refuses any moment where memory+swap < memory.
            CgroupResources raised;
            raised.memoryLimitBytes = 256 * mebibyte;
            raised.memorySwapBytes = 512 * mebibyte;
            CHECK_OK((*cgroup)->update(raised));
            QCOMPARE(readText(memory / "memory.limit_in_bytes"), std::to_string(256 * mebibyte));
            QCOMPARE(readText(memory / "memory.memsw.limit_in_bytes"), std::to_string(512 * mebibyte));
            CgroupResources lowered;
            lowered.memoryLimitBytes = 32 * mebibyte;
            lowered.memorySwapBytes = 48 * mebibyte;
            CHECK_OK((*cgroup)->update(lowered));
            QCOMPARE(readText(memory / "memory.limit_in_bytes"), std::to_string(32 * mebibyte));
            QCOMPARE(readText(memory / "memory.memsw.limit_in_bytes"), std::to_string(48 * mebibyte));
            CgroupResources none;
            none.memoryLimitBytes = -1;
            none.memorySwapBytes = -1;
            CHECK_OK((*cgroup)->update(none));
            CgroupResources aboveSwap;
            aboveSwap.memoryLimitBytes = 64 * mebibyte;
            aboveSwap.memorySwapBytes = 96 * mebibyte;
            CHECK_OK((*cgroup)->update(aboveSwap));
            CgroupResources memoryOnly;
            memoryOnly.memoryLimitBytes = 128 * mebibyte;
            const auto refused = (*cgroup)->update(memoryOnly);
            QVERIFY(!refused);
            QVERIFY2(refused.error().describe().find("--memory-swap") != std::string::npos, refused.error().describe().c_str());
        }

        CHECK_OK((*cgroup)->destroy());
        for (const auto &source : (*cgroup)->mountSources()) {
            QVERIFY2(!fs::exists(source.hostDirectory), source.hostDirectory.c_str());
            QVERIFY(fs::is_directory(source.hostDirectory.parent_path())); // the parent stays
        }
        // Removing what is gone is fine.
        CHECK_OK((*cgroup)->destroy());
    }

    void legacyFailedCreateLeavesNothing()
    {
        const auto layout = detectCgroupLayout();
        REQUIRE_ROOT_AND_CGROUPS(layout);
        if (layout.mode == CgroupMode::V2 || !hasController(layout, "cpuset"))
            QSKIP("needs a v1 cpuset hierarchy");
        const auto top = randomName();
        CgroupCleanup cleanup(layout, top);
        auto cgroup = openCgroup(layout, "/" + top + "/x");
        CHECK_OK(cgroup);
        CgroupResources resources;
        resources.pidsLimit = 5;
        resources.cpusetCpus = "100000"; // no such CPU: the kernel refuses it
        const auto status = (*cgroup)->create(resources);
        QVERIFY(!status);
        QVERIFY2(status.error().describe().find("`100000`") != std::string::npos, status.error().describe().c_str());
        for (const auto &source : (*cgroup)->mountSources())
            QVERIFY2(!fs::exists(source.hostDirectory.parent_path()), source.hostDirectory.c_str());
    }

    void legacyJoinFreezeThawDestroy()
    {
        const auto layout = detectCgroupLayout();
        REQUIRE_ROOT_AND_CGROUPS(layout);
        if (layout.mode == CgroupMode::V2)
            QSKIP("this host has only the unified hierarchy");
        const auto top = randomName();
        CgroupCleanup cleanup(layout, top);
        const auto path = "/" + top;
        auto cgroup = openCgroup(layout, path);
        CHECK_OK(cgroup);
        CHECK_OK((*cgroup)->create({}));

        SharedMemory shared;
        QVERIFY(shared.get());
        Child child(countForever, shared.get());
        QVERIFY(child.pid() > 0);
        CHECK_OK((*cgroup)->addProcess(child.pid()));
        child.go();

        auto processes = (*cgroup)->processes();
        CHECK_OK(processes);
        QCOMPARE(*processes, std::vector<pid_t>{child.pid()});
        const auto membership = readText("/proc/" + std::to_string(child.pid()) + "/cgroup") + "\n";
        if (hasController(layout, "memory"))
            QVERIFY2(membership.find(":memory:" + path + "\n") != std::string::npos, membership.c_str());
        if (layout.mode == CgroupMode::Hybrid)
            QVERIFY2(membership.find("0::" + path + "\n") != std::string::npos, membership.c_str());

        QVERIFY(waitUntil([&] { return shared->counter.load() > 1000; }));
        auto frozen = (*cgroup)->isFrozen();
        CHECK_OK(frozen);
        QVERIFY(!*frozen);
        CHECK_OK((*cgroup)->freeze());
        frozen = (*cgroup)->isFrozen();
        CHECK_OK(frozen);
        QVERIFY(*frozen);
        if (hasController(layout, "freezer"))
            QCOMPARE(readText(controllerDirectory(layout, "freezer", path) / "freezer.state"), std::string("FROZEN"));
        const auto before = shared->counter.load();
        std::this_thread::sleep_for(200ms);
        QCOMPARE(shared->counter.load(), before);

        // A frozen container is still a running one.
        auto refused = (*cgroup)->destroy();
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), ErrorCode::Conflict);
        QVERIFY2(refused.error().message().find(std::to_string(child.pid())) != std::string::npos,
                 refused.error().message().c_str());

        CHECK_OK((*cgroup)->thaw());
        frozen = (*cgroup)->isFrozen();
        CHECK_OK(frozen);
        QVERIFY(!*frozen);
        QVERIFY(waitUntil([&] { return shared->counter.load() > before + 1000; }));

        auto stats = (*cgroup)->stats();
        CHECK_OK(stats);
        if (hasController(layout, "cpuacct")) {
            QVERIFY(stats->cpuUsageNanos.has_value());
            QVERIFY(*stats->cpuUsageNanos > 0);
        }
        if (hasController(layout, "memory")) {
            QVERIFY(stats->memoryUsageBytes.has_value());
            QVERIFY2(*stats->memoryUsageBytes >= std::uint64_t(4 * mebibyte),
                     std::to_string(*stats->memoryUsageBytes).c_str());
            QVERIFY(!stats->memoryLimitBytes.has_value()); // unlimited
            QVERIFY(stats->memoryInactiveFileBytes.has_value());
            QCOMPARE(stats->oomKillCount.value_or(99), std::uint64_t(0));
        }
        if (hasController(layout, "pids")) {
            QCOMPARE(stats->pidsCurrent.value_or(0), std::uint64_t(1));
            QVERIFY(!stats->pidsLimit.has_value());
        }
        if (hasController(layout, "blkio")) {
            QVERIFY(stats->ioReadBytes.has_value());
            QVERIFY(stats->ioWriteBytes.has_value());
        }

        child.kill();
        CHECK_OK((*cgroup)->destroy());
        for (const auto &source : (*cgroup)->mountSources())
            QVERIFY2(!fs::exists(source.hostDirectory), source.hostDirectory.c_str());
    }

    void legacyPidsLimitHolds()
    {
        const auto layout = detectCgroupLayout();
        REQUIRE_ROOT_AND_CGROUPS(layout);
        if (layout.mode == CgroupMode::V2 || !hasController(layout, "pids"))
            QSKIP("needs a v1 pids hierarchy");
        const auto top = randomName();
        CgroupCleanup cleanup(layout, top);
        auto cgroup = openCgroup(layout, "/" + top);
        CHECK_OK(cgroup);
        CgroupResources resources;
        resources.pidsLimit = 20;
        CHECK_OK((*cgroup)->create(resources));

        SharedMemory shared;
        QVERIFY(shared.get());
        Child child(forkThirty, shared.get());
        QVERIFY(child.pid() > 0);
        CHECK_OK((*cgroup)->addProcess(child.pid()));
        child.go();
        QVERIFY(waitUntil([&] { return shared->forkingDone.load() == 1; }));
        // The child itself is one of the 20.
        QCOMPARE(shared->forksMade.load(), 19);
        QCOMPARE(shared->forkErrno.load(), EAGAIN);
        auto stats = (*cgroup)->stats();
        CHECK_OK(stats);
        QCOMPARE(stats->pidsCurrent.value_or(0), std::uint64_t(20));
        QCOMPARE(stats->pidsLimit.value_or(0), std::uint64_t(20));
        auto processes = (*cgroup)->processes();
        CHECK_OK(processes);
        QCOMPARE(processes->size(), std::size_t(20));

        shared->release = 1;
        QVERIFY(WIFEXITED(child.wait()));
        CHECK_OK((*cgroup)->destroy());
    }

    void legacyMemoryLimitKills()
    {
        const auto layout = detectCgroupLayout();
        REQUIRE_ROOT_AND_CGROUPS(layout);
        if (layout.mode == CgroupMode::V2 || !hasController(layout, "memory"))
            QSKIP("needs a v1 memory hierarchy");
        const auto top = randomName();
        CgroupCleanup cleanup(layout, top);
        auto cgroup = openCgroup(layout, "/" + top);
        CHECK_OK(cgroup);
        CgroupResources resources;
        resources.memoryLimitBytes = 64 * mebibyte;
        // With swap on the host the child would swap instead; memory+swap closes that.
        if (fs::exists(controllerDirectory(layout, "memory", "/x").parent_path() / "memory.memsw.limit_in_bytes"))
            resources.memorySwapBytes = 64 * mebibyte;
        CHECK_OK((*cgroup)->create(resources));

        SharedMemory shared;
        QVERIFY(shared.get());
        Child child(touch200MiB, shared.get());
        QVERIFY(child.pid() > 0);
        CHECK_OK((*cgroup)->addProcess(child.pid()));
        child.go();
        const int status = child.wait();
        QVERIFY2(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
                 ("the child was not OOM-killed; wait status " + std::to_string(status)).c_str());
        QVERIFY(shared->counter.load() < std::uint64_t(200 * mebibyte));
        auto stats = (*cgroup)->stats();
        CHECK_OK(stats);
        QVERIFY(stats->oomKillCount.has_value());
        QVERIFY(*stats->oomKillCount >= 1);
        QCOMPARE(stats->memoryLimitBytes.value_or(0), std::uint64_t(64 * mebibyte));
        CHECK_OK((*cgroup)->destroy());
    }

    // The v2 back end on this machine's cgroup2 mount, whatever it offers (on the hybrid
    // development machine: hugetlb alone).
    void unifiedOnThisHost()
    {
        auto layout = detectCgroupLayout();
        REQUIRE_ROOT_AND_CGROUPS(layout);
        if (layout.unifiedMountPoint.empty())
            QSKIP("no cgroup2 mount on this host");
        CgroupLayout unified;
        unified.mode = CgroupMode::V2;
        unified.unifiedMountPoint = layout.unifiedMountPoint;
        readUnifiedControllers(unified);
        const auto top = randomName();
        CgroupCleanup cleanup(unified, top);
        const auto path = "/" + top;
        const auto directory = unified.unifiedMountPoint / top;
        auto cgroup = openCgroup(unified, path);
        CHECK_OK(cgroup);
        QCOMPARE((*cgroup)->backend(), CgroupBackend::Unified);

        const bool memoryOffered = std::ranges::find(unified.v2Controllers, "memory") != unified.v2Controllers.end();
        if (!memoryOffered) {
            CgroupResources memory;
            memory.memoryLimitBytes = 64 * mebibyte;
            const auto refused = (*cgroup)->create(memory);
            QVERIFY(!refused);
            QCOMPARE(refused.error().code(), ErrorCode::Unsupported);
            QVERIFY2(refused.error().describe().find("`memory`") != std::string::npos, refused.error().describe().c_str());
            QVERIFY(!fs::exists(directory));
        }
        CHECK_OK((*cgroup)->create({}));
        QVERIFY(fs::is_directory(directory));

        SharedMemory shared;
        QVERIFY(shared.get());
        Child child(countForever, shared.get());
        QVERIFY(child.pid() > 0);
        CHECK_OK((*cgroup)->addProcess(child.pid()));
        child.go();
        auto processes = (*cgroup)->processes();
        CHECK_OK(processes);
        QCOMPARE(*processes, std::vector<pid_t>{child.pid()});
        const auto membership = readText("/proc/" + std::to_string(child.pid()) + "/cgroup") + "\n";
        QVERIFY2(membership.find("0::" + path + "\n") != std::string::npos, membership.c_str());

        QVERIFY(waitUntil([&] { return shared->counter.load() > 1000; }));
        CHECK_OK((*cgroup)->freeze());
        auto frozen = (*cgroup)->isFrozen();
        CHECK_OK(frozen);
        QVERIFY(*frozen);
        QVERIFY(readText(directory / "cgroup.events").find("frozen 1") != std::string::npos);
        const auto before = shared->counter.load();
        std::this_thread::sleep_for(200ms);
        QCOMPARE(shared->counter.load(), before);
        CHECK_OK((*cgroup)->thaw());
        frozen = (*cgroup)->isFrozen();
        CHECK_OK(frozen);
        QVERIFY(!*frozen);
        QVERIFY(waitUntil([&] { return shared->counter.load() > before + 1000; }));

        auto stats = (*cgroup)->stats();
        CHECK_OK(stats);
        QVERIFY(stats->cpuUsageNanos.has_value()); // cpu.stat is there without the cpu controller
        QVERIFY(*stats->cpuUsageNanos > 0);

        auto refused = (*cgroup)->destroy();
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), ErrorCode::Conflict);
        child.kill();
        CHECK_OK((*cgroup)->destroy());
        QVERIFY(!fs::exists(directory));
        CHECK_OK((*cgroup)->destroy());
    }
};

QTEST_GUILESS_MAIN(TestCgroups)
#include "tst_cgroups.moc"
