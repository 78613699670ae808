// Compiles OCI seccomp profiles and loads them in forked children on the real kernel: each
// child sets no_new_privs, installs the filter, probes syscalls with raw syscall(2) and
// reports the first surprise through a pipe (or dies of the signal the profile asks for).
#include "engine/runtime/seccomp.h"
#include "engine/runtime/seccomp_cache.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>
#include <seccomp.h>

#include <fcntl.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

using berth::ErrorCode;
using berth::runtime::compileSeccompProfile;
using berth::runtime::compileSeccompProfileCached;
using berth::runtime::SeccompFilter;
using nlohmann::json;

namespace {

struct ChildOutcome {
    int status = 0;
    std::string message;
};

// A failure description written without allocating: the child may be under a filter that
// refuses brk and mmap.
char failureText[256];

const char *expectFailure(long result, int expectedErrno, const char *what)
{
    if (result == -1 && errno == expectedErrno)
        return nullptr;
    std::snprintf(failureText, sizeof failureText, "%s returned %ld (errno %d), expected errno %d", what, result,
                  result == -1 ? errno : 0, expectedErrno);
    return failureText;
}

const char *expectSuccess(long result, const char *what)
{
    if (result != -1)
        return nullptr;
    std::snprintf(failureText, sizeof failureText, "%s failed with errno %d", what, errno);
    return failureText;
}

// Forks, loads `filter` in the child after no_new_privs (and without core dumps, as some
// probes end in SIGSYS), runs `check` there and returns how the child ended plus what it
// wrote. `check` returns nullptr when everything held, else what went wrong.
template <typename Check>
ChildOutcome runUnderFilter(const SeccompFilter &filter, Check check)
{
    int channel[2];
    if (::pipe2(channel, O_CLOEXEC) != 0)
        return {-1, "pipe2 failed"};
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(channel[0]);
        const rlimit noCore{0, 0};
        ::setrlimit(RLIMIT_CORE, &noCore);
        const char *failure = nullptr;
        if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
            failure = "prctl(PR_SET_NO_NEW_PRIVS) failed";
        else if (const int error = filter.install(); error != 0) {
            std::snprintf(failureText, sizeof failureText, "installing the filter failed with errno %d", error);
            failure = failureText;
        } else {
            failure = check();
        }
        if (failure) {
            [[maybe_unused]] auto written = ::write(channel[1], failure, std::strlen(failure));
            ::_exit(1);
        }
        ::_exit(0);
    }
    ::close(channel[1]);
    ChildOutcome outcome;
    char buffer[512];
    ssize_t got;
    while ((got = ::read(channel[0], buffer, sizeof buffer)) > 0 || (got < 0 && errno == EINTR))
        if (got > 0)
            outcome.message.append(buffer, static_cast<std::size_t>(got));
    ::close(channel[0]);
    while (::waitpid(pid, &outcome.status, 0) < 0 && errno == EINTR) {
    }
    return outcome;
}

SeccompFilter compileOrFail(const json &profile)
{
    auto filter = compileSeccompProfile(profile);
    if (!filter)
        qFatal("compiling %s failed: %s", profile.dump().c_str(), filter.error().describe().c_str());
    return std::move(*filter);
}

#define QVERIFY_CHILD_PASSED(outcome)                                                                                  \
    do {                                                                                                               \
        const ChildOutcome &o = (outcome);                                                                             \
        QVERIFY2(WIFEXITED(o.status) && WEXITSTATUS(o.status) == 0,                                                    \
                 ("child status " + std::to_string(o.status) + ": " + o.message).c_str());                             \
    } while (false)

int statusField(const std::string &status, const std::string &field)
{
    std::istringstream lines(status);
    std::string line;
    while (std::getline(lines, line))
        if (line.rfind(field + ":\t", 0) == 0)
            return std::stoi(line.substr(field.size() + 2));
    return -1;
}

std::string ownStatus()
{
    std::ifstream file("/proc/self/status");
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

// File descriptors no process here can have open: dup of them fails with EBADF unless the
// filter answers first.
constexpr long unopenedFd = 1'000'000;

} // namespace

class TestSeccomp : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (::prctl(PR_GET_SECCOMP, 0, 0, 0, 0) < 0 && errno == EINVAL)
            QSKIP("this kernel has no seccomp (CONFIG_SECCOMP)");
    }

    void deniedSyscallsReturnTheirErrno()
    {
        const SeccompFilter filter = compileOrFail({
            {"defaultAction", "SCMP_ACT_ALLOW"},
            {"syscalls",
             {{{"names", {"mkdir", "mkdirat"}}, {"action", "SCMP_ACT_ERRNO"}},
              {{"names", {"getcwd"}}, {"action", "SCMP_ACT_ERRNO"}, {"errnoRet", ENOTSUP}}}},
        });
        const std::string path = QDir::tempPath().toStdString() + "/berth-seccomp-denied-" + std::to_string(::getpid());
        const ChildOutcome outcome = runUnderFilter(filter, [&path]() -> const char * {
            if (auto failure = expectFailure(::syscall(SYS_mkdirat, AT_FDCWD, path.c_str(), 0700), EPERM, "mkdirat"))
                return failure;
            char cwd[512];
            if (auto failure = expectFailure(::syscall(SYS_getcwd, cwd, sizeof cwd), ENOTSUP, "getcwd"))
                return failure;
            return expectSuccess(::syscall(SYS_getpid), "getpid");
        });
        QVERIFY_CHILD_PASSED(outcome);
        struct stat info {};
        QVERIFY2(::stat(path.c_str(), &info) != 0, "the filter let mkdirat create the directory");
    }

    void defaultActionAndArgumentRules()
    {
        // Everything not listed fails with EACCES; personality only for PER_LINUX (0).
        const SeccompFilter filter = compileOrFail({
            {"defaultAction", "SCMP_ACT_ERRNO"},
            {"defaultErrnoRet", EACCES},
            {"syscalls",
             {{{"names", {"exit", "exit_group", "write"}}, {"action", "SCMP_ACT_ALLOW"}},
              {{"names", {"personality"}},
               {"action", "SCMP_ACT_ALLOW"},
               {"args", {{{"index", 0}, {"value", 0}, {"op", "SCMP_CMP_EQ"}}}}}}},
        });
        const ChildOutcome outcome = runUnderFilter(filter, []() -> const char * {
            if (auto failure = expectFailure(::syscall(SYS_getppid), EACCES, "getppid (default action)"))
                return failure;
            if (auto failure = expectSuccess(::syscall(SYS_personality, PER_LINUX), "personality(PER_LINUX)"))
                return failure;
            return expectFailure(::syscall(SYS_personality, PER_LINUX32), EACCES, "personality(PER_LINUX32)");
        });
        QVERIFY_CHILD_PASSED(outcome);
    }

    void comparisonOperators_data()
    {
        QTest::addColumn<QString>("op");
        QTest::addColumn<qulonglong>("value");
        QTest::addColumn<qulonglong>("valueTwo");
        QTest::addColumn<qlonglong>("matching");
        QTest::addColumn<qlonglong>("notMatching");
        const qulonglong base = unopenedFd;
        QTest::newRow("NE") << "SCMP_CMP_NE" << base << 0ULL << qlonglong(base + 1) << qlonglong(base);
        QTest::newRow("LT") << "SCMP_CMP_LT" << base << 0ULL << qlonglong(base - 1) << qlonglong(base);
        QTest::newRow("LE") << "SCMP_CMP_LE" << base << 0ULL << qlonglong(base) << qlonglong(base + 1);
        QTest::newRow("EQ") << "SCMP_CMP_EQ" << base << 0ULL << qlonglong(base) << qlonglong(base + 1);
        QTest::newRow("GE") << "SCMP_CMP_GE" << base << 0ULL << qlonglong(base) << qlonglong(base - 1);
        QTest::newRow("GT") << "SCMP_CMP_GT" << base << 0ULL << qlonglong(base + 1) << qlonglong(base);
        // value is the mask, valueTwo what the masked argument must be: 1000000 is 0xf4240.
        QTest::newRow("MASKED_EQ") << "SCMP_CMP_MASKED_EQ" << 0xffULL << 0x40ULL << qlonglong(base)
                                   << qlonglong(base + 1);
    }

    void comparisonOperators()
    {
        QFETCH(QString, op);
        QFETCH(qulonglong, value);
        QFETCH(qulonglong, valueTwo);
        QFETCH(qlonglong, matching);
        QFETCH(qlonglong, notMatching);
        const SeccompFilter filter = compileOrFail({
            {"defaultAction", "SCMP_ACT_ALLOW"},
            {"syscalls",
             {{{"names", {"dup"}},
               {"action", "SCMP_ACT_ERRNO"},
               {"errnoRet", EDOM},
               {"args", {{{"index", 0}, {"value", value}, {"valueTwo", valueTwo}, {"op", op.toStdString()}}}}}}},
        });
        const ChildOutcome outcome = runUnderFilter(filter, [matching, notMatching]() -> const char * {
            if (auto failure = expectFailure(::syscall(SYS_dup, matching), EDOM, "dup of a matching fd"))
                return failure;
            return expectFailure(::syscall(SYS_dup, notMatching), EBADF, "dup of a fd the rule does not match");
        });
        QVERIFY_CHILD_PASSED(outcome);
    }

    void sameArgumentTwiceMeansEither()
    {
        // libseccomp cannot AND two comparisons of one argument; like runc, each becomes a
        // rule of its own.
        const SeccompFilter filter = compileOrFail({
            {"defaultAction", "SCMP_ACT_ALLOW"},
            {"syscalls",
             {{{"names", {"dup"}},
               {"action", "SCMP_ACT_ERRNO"},
               {"errnoRet", EDOM},
               {"args",
                {{{"index", 0}, {"value", unopenedFd}, {"op", "SCMP_CMP_EQ"}},
                 {{"index", 0}, {"value", unopenedFd + 1}, {"op", "SCMP_CMP_EQ"}}}}}}},
        });
        const ChildOutcome outcome = runUnderFilter(filter, []() -> const char * {
            if (auto failure = expectFailure(::syscall(SYS_dup, unopenedFd), EDOM, "dup of the first value"))
                return failure;
            if (auto failure = expectFailure(::syscall(SYS_dup, unopenedFd + 1), EDOM, "dup of the second value"))
                return failure;
            return expectFailure(::syscall(SYS_dup, unopenedFd + 2), EBADF, "dup of another value");
        });
        QVERIFY_CHILD_PASSED(outcome);
    }

    void killingActions_data()
    {
        QTest::addColumn<QString>("action");
        QTest::newRow("kill") << "SCMP_ACT_KILL";
        QTest::newRow("kill thread") << "SCMP_ACT_KILL_THREAD";
        QTest::newRow("kill process") << "SCMP_ACT_KILL_PROCESS";
        QTest::newRow("trap") << "SCMP_ACT_TRAP";
    }

    void killingActions()
    {
        QFETCH(QString, action);
        const SeccompFilter filter = compileOrFail({
            {"defaultAction", "SCMP_ACT_ALLOW"},
            {"syscalls", {{{"names", {"getppid"}}, {"action", action.toStdString()}}}},
        });
        const ChildOutcome outcome = runUnderFilter(filter, []() -> const char * {
            ::syscall(SYS_getppid);
            return "getppid returned instead of ending the process";
        });
        QVERIFY2(WIFSIGNALED(outcome.status), ("child was not killed: " + outcome.message).c_str());
        QCOMPARE(WTERMSIG(outcome.status), SIGSYS);
    }

    void syscallsNewerThanTheProfileAnswerEnosys()
    {
        // The profile's newest syscall is futex_waitv; any higher number is one the profile
        // cannot know, and answers ENOSYS as on an older kernel, not the default's EPERM.
        const int newest = seccomp_syscall_resolve_name("futex_waitv");
        QVERIFY(newest > 0);
        const int getppid = seccomp_syscall_resolve_name("getppid");
        QVERIFY(getppid < newest);
        const SeccompFilter filter = compileOrFail({
            {"defaultAction", "SCMP_ACT_ERRNO"},
            {"syscalls", {{{"names", {"exit", "exit_group", "write", "futex_waitv"}}, {"action", "SCMP_ACT_ALLOW"}}}},
        });
        const ChildOutcome outcome = runUnderFilter(filter, [newest]() -> const char * {
            if (auto failure = expectFailure(::syscall(SYS_getppid), EPERM, "getppid (default action)"))
                return failure;
            if (auto failure = expectFailure(::syscall(newest + 1, 0, 0, 0, 0, 0, 0), ENOSYS,
                                             "the syscall after the profile's newest"))
                return failure;
            return expectFailure(::syscall(5000, 0, 0, 0, 0, 0, 0), ENOSYS, "syscall 5000");
        });
        QVERIFY_CHILD_PASSED(outcome);
    }

    void statusShowsFilterMode()
    {
        const SeccompFilter filter = compileOrFail({
            {"defaultAction", "SCMP_ACT_ALLOW"},
            {"syscalls", {{{"names", {"mkdirat"}}, {"action", "SCMP_ACT_ERRNO"}}}},
        });
        // Filters are inherited: this process may already run under some (in a container).
        const int filtersBefore = statusField(ownStatus(), "Seccomp_filters");
        const ChildOutcome outcome = runUnderFilter(filter, [filtersBefore]() -> const char * {
            const int fd = ::open("/proc/self/status", O_RDONLY | O_CLOEXEC);
            if (fd < 0)
                return "cannot open /proc/self/status";
            static char status[8192];
            const ssize_t size = ::read(fd, status, sizeof status - 1);
            ::close(fd);
            if (size <= 0)
                return "cannot read /proc/self/status";
            status[size] = '\0';
            if (!std::strstr(status, "\nSeccomp:\t2\n"))
                return "/proc/self/status does not say Seccomp:\t2 (filter mode)";
            if (!std::strstr(status, "\nNoNewPrivs:\t1\n"))
                return "/proc/self/status does not say NoNewPrivs:\t1";
            if (filtersBefore >= 0) {
                char expected[64];
                std::snprintf(expected, sizeof expected, "\nSeccomp_filters:\t%d\n", filtersBefore + 1);
                if (!std::strstr(status, expected))
                    return "Seccomp_filters did not grow by one";
            }
            return nullptr;
        });
        QVERIFY_CHILD_PASSED(outcome);
    }

    void flagsAreHonoured()
    {
        const SeccompFilter filter = compileOrFail({
            {"defaultAction", "SCMP_ACT_ALLOW"},
            {"flags", {"SECCOMP_FILTER_FLAG_LOG", "SECCOMP_FILTER_FLAG_SPEC_ALLOW", "SECCOMP_FILTER_FLAG_TSYNC"}},
            {"syscalls", {{{"names", {"getcwd"}}, {"action", "SCMP_ACT_ERRNO"}, {"errnoRet", EDOM}}}},
        });
        const ChildOutcome outcome = runUnderFilter(filter, []() -> const char * {
            char cwd[256];
            return expectFailure(::syscall(SYS_getcwd, cwd, sizeof cwd), EDOM, "getcwd");
        });
        QVERIFY_CHILD_PASSED(outcome);

        // The kernel refuses flags it does not know; an unknown flag is refused here first.
        auto unknown = compileSeccompProfile({{"defaultAction", "SCMP_ACT_ALLOW"}, {"flags", {"SECCOMP_FILTER_FLAG_FAST"}}});
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code(), ErrorCode::InvalidArgument);
        QVERIFY(unknown.error().describe().find("SECCOMP_FILTER_FLAG_FAST") != std::string::npos);
    }

    void unknownSyscallNamesAreSkipped()
    {
        const SeccompFilter filter = compileOrFail({
            {"defaultAction", "SCMP_ACT_ALLOW"},
            {"syscalls", {{{"names", {"berth_no_such_syscall", "getcwd"}}, {"action", "SCMP_ACT_ERRNO"}}}},
        });
        bool warned = false;
        for (const std::string &warning : filter.warnings())
            warned = warned || warning.find("berth_no_such_syscall") != std::string::npos;
        QVERIFY2(warned, "no warning names the skipped syscall");
        const ChildOutcome outcome = runUnderFilter(filter, []() -> const char * {
            char cwd[256];
            return expectFailure(::syscall(SYS_getcwd, cwd, sizeof cwd), EPERM, "getcwd");
        });
        QVERIFY_CHILD_PASSED(outcome);
    }

    void firstRuleCoveringEveryCallWins()
    {
        // Rules repeating the default action are dropped (libseccomp would refuse them);
        // of two rules for every call of one syscall the first decides, and a warning says so.
        const SeccompFilter filter = compileOrFail({
            {"defaultAction", "SCMP_ACT_ALLOW"},
            {"syscalls",
             {{{"names", {"getpid"}}, {"action", "SCMP_ACT_ALLOW"}},
              {{"names", {"getcwd"}}, {"action", "SCMP_ACT_ERRNO"}, {"errnoRet", EDOM}},
              {{"names", {"getcwd"}}, {"action", "SCMP_ACT_ERRNO"}, {"errnoRet", ENOTSUP}}}},
        });
        bool warned = false;
        for (const std::string &warning : filter.warnings())
            warned = warned || (warning.find("syscalls[2]") != std::string::npos &&
                                warning.find("getcwd") != std::string::npos);
        QVERIFY2(warned, "no warning about the overridden rule syscalls[2]");
        const ChildOutcome outcome = runUnderFilter(filter, []() -> const char * {
            char cwd[256];
            if (auto failure = expectFailure(::syscall(SYS_getcwd, cwd, sizeof cwd), EDOM, "getcwd"))
                return failure;
            return expectSuccess(::syscall(SYS_getpid), "getpid");
        });
        QVERIFY_CHILD_PASSED(outcome);
    }

    void architectures()
    {
        const json nativeOnly = {{"defaultAction", "SCMP_ACT_ALLOW"},
                                 {"syscalls", {{{"names", {"getcwd"}}, {"action", "SCMP_ACT_ERRNO"}}}}};
        json withOthers = nativeOnly;
#if defined(__x86_64__)
        withOthers["architectures"] = {"SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"};
#elif defined(__aarch64__)
        withOthers["architectures"] = {"SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM"};
#else
        QSKIP("no second architecture known for this host");
#endif
        const SeccompFilter native = compileOrFail(nativeOnly);
        const SeccompFilter multiple = compileOrFail(withOthers);
        QVERIFY2(multiple.instructionCount() > native.instructionCount(),
                 "adding architectures did not add their checks to the program");
        QVERIFY(multiple.warnings().empty());

        // A spec architecture this libseccomp may not know is skipped with a warning.
        json loongarch = nativeOnly;
        loongarch["architectures"] = {"SCMP_ARCH_LOONGARCH64"};
        const SeccompFilter skipped = compileOrFail(loongarch);
        const bool known = seccomp_arch_resolve_name("loongarch64") != 0;
        QCOMPARE(skipped.warnings().size(), known ? 0U : 1U);
        if (!known)
            QVERIFY(skipped.warnings().front().find("SCMP_ARCH_LOONGARCH64") != std::string::npos);
    }

    void badProfilesAreRefused_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("named");
        const int invalid = static_cast<int>(ErrorCode::InvalidArgument);
        const int unsupported = static_cast<int>(ErrorCode::Unsupported);
        QTest::newRow("no default action") << R"({"syscalls": []})" << invalid << "defaultAction";
        QTest::newRow("unknown default action") << R"({"defaultAction": "SCMP_ACT_MAYBE"})" << invalid
                                                << "SCMP_ACT_MAYBE";
        QTest::newRow("unknown rule action")
            << R"({"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["getpid"], "action": "SCMP_ACT_FOO"}]})"
            << invalid << "SCMP_ACT_FOO";
        QTest::newRow("notify default") << R"({"defaultAction": "SCMP_ACT_NOTIFY"})" << unsupported
                                        << "SCMP_ACT_NOTIFY";
        QTest::newRow("notify rule")
            << R"({"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["getpid"], "action": "SCMP_ACT_NOTIFY"}]})"
            << unsupported << "SCMP_ACT_NOTIFY";
        QTest::newRow("unknown operator")
            << R"({"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["dup"], "action": "SCMP_ACT_ERRNO",
                   "args": [{"index": 0, "value": 1, "op": "SCMP_CMP_SOMETIMES"}]}]})"
            << invalid << "SCMP_CMP_SOMETIMES";
        QTest::newRow("unknown architecture")
            << R"({"defaultAction": "SCMP_ACT_ALLOW", "architectures": ["SCMP_ARCH_Z80"]})" << invalid
            << "SCMP_ARCH_Z80";
        QTest::newRow("argument index 6")
            << R"({"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["dup"], "action": "SCMP_ACT_ERRNO",
                   "args": [{"index": 6, "value": 1, "op": "SCMP_CMP_EQ"}]}]})"
            << invalid << "syscalls[0].args[0].index";
        QTest::newRow("negative value")
            << R"({"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["dup"], "action": "SCMP_ACT_ERRNO",
                   "args": [{"index": 0, "value": -1, "op": "SCMP_CMP_EQ"}]}]})"
            << invalid << "`-1`";
        QTest::newRow("errno for allow")
            << R"({"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": ["dup"], "action": "SCMP_ACT_LOG", "errnoRet": 5}]})"
            << invalid << "SCMP_ACT_LOG";
        QTest::newRow("errno too large")
            << R"({"defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 70000})" << invalid << "70000";
        QTest::newRow("names not a list")
            << R"({"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [{"names": "dup", "action": "SCMP_ACT_ERRNO"}]})"
            << invalid << "names";
        QTest::newRow("contradicting argument rules")
            << R"({"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [
                   {"names": ["dup"], "action": "SCMP_ACT_ERRNO", "args": [{"index": 0, "value": 7, "op": "SCMP_CMP_EQ"}]},
                   {"names": ["dup"], "action": "SCMP_ACT_LOG", "args": [{"index": 0, "value": 7, "op": "SCMP_CMP_EQ"}]}]})"
            << invalid << "syscalls[1]: the rule for syscall `dup`";
        QTest::newRow("not an object") << R"(["SCMP_ACT_ALLOW"])" << invalid << "not an object";
    }

    void badProfilesAreRefused()
    {
        QFETCH(QString, profile);
        QFETCH(int, code);
        QFETCH(QString, named);
        auto filter = compileSeccompProfile(json::parse(profile.toStdString()));
        QVERIFY2(!filter, "a bad profile compiled");
        const std::string description = filter.error().describe();
        QCOMPARE(static_cast<int>(filter.error().code()), code);
        QVERIFY2(description.find(named.toStdString()) != std::string::npos, description.c_str());
    }

    void compiledProgramsAreCachedOnlyWhenTrustworthy()
    {
        QTemporaryDir root;
        QVERIFY(root.isValid());
        const std::filesystem::path cache = root.filePath(QStringLiteral("cache")).toStdString();
        const json denyMkdir = {{"defaultAction", "SCMP_ACT_ALLOW"},
                                {"syscalls", {{{"names", {"mkdir", "mkdirat"}}, {"action", "SCMP_ACT_ERRNO"}}}},
                                {"flags", {"SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV"}}};
        json denyGetcwd = denyMkdir;
        denyGetcwd["syscalls"][0]["names"] = {"getcwd"};
        const std::string fresh = compileOrFail(denyMkdir).serialize();

        // First use compiles and stores, made private; the second reads the same program,
        // warnings included; another profile gets its own entry.
        auto first = compileSeccompProfileCached(denyMkdir, cache);
        QVERIFY(first);
        QCOMPARE(first->serialize(), fresh);
        struct stat directory {};
        QCOMPARE(::stat(cache.c_str(), &directory), 0);
        QCOMPARE(directory.st_mode & 0777, 0700u);
        std::vector<std::filesystem::path> entries(std::filesystem::directory_iterator(cache), {});
        QCOMPARE(entries.size(), std::size_t(1));
        auto second = compileSeccompProfileCached(denyMkdir, cache);
        QVERIFY(second);
        QCOMPARE(second->serialize(), fresh);
        QVERIFY(!second->warnings().empty());
        auto other = compileSeccompProfileCached(denyGetcwd, cache);
        QVERIFY(other);
        QCOMPARE(other->serialize(), compileOrFail(denyGetcwd).serialize());
        QVERIFY(other->serialize() != fresh);
        entries.assign(std::filesystem::directory_iterator(cache), {});
        QCOMPARE(entries.size(), std::size_t(2));

        // The cached program is the one that runs: it still refuses mkdir.
        const std::string path = QDir::tempPath().toStdString() + "/berth-seccomp-cached-" + std::to_string(::getpid());
        QVERIFY_CHILD_PASSED(runUnderFilter(*second, [&path]() -> const char * {
            return expectFailure(::syscall(SYS_mkdirat, AT_FDCWD, path.c_str(), 0700), EPERM, "mkdirat");
        }));

        // An entry someone else could have written, or a damaged one, is not trusted: the
        // profile is compiled again and the entry replaced.
        const auto readAll = [](const std::filesystem::path &file) {
            std::ifstream stream(file, std::ios::binary);
            return std::string((std::istreambuf_iterator<char>(stream)), {});
        };
        const auto writeAll = [](const std::filesystem::path &file, const std::string &bytes) {
            std::ofstream stream(file, std::ios::binary | std::ios::trunc);
            stream << bytes;
        };
        std::filesystem::path entry;
        for (const auto &candidate : std::filesystem::directory_iterator(cache))
            if (readAll(candidate.path()).find("mkdirat") != std::string::npos)
                entry = candidate.path();
        QVERIFY(!entry.empty());
        const std::string original = readAll(entry);
        QVERIFY(original.ends_with(fresh));
        // Same key, the getcwd program in place of the mkdir one.
        const std::string swapped = original.substr(0, original.size() - fresh.size()) + other->serialize();
        writeAll(entry, swapped);
        QCOMPARE(::chmod(entry.c_str(), 0622), 0);
        auto distrusted = compileSeccompProfileCached(denyMkdir, cache);
        QVERIFY(distrusted);
        QCOMPARE(distrusted->serialize(), fresh);
        struct stat replaced {};
        QCOMPARE(::stat(entry.c_str(), &replaced), 0);
        QCOMPARE(replaced.st_mode & 0777, 0600u);
        QCOMPARE(readAll(entry), original);
        writeAll(entry, original.substr(0, original.size() - 5));
        auto repaired = compileSeccompProfileCached(denyMkdir, cache);
        QVERIFY(repaired);
        QCOMPARE(repaired->serialize(), fresh);
        QCOMPARE(readAll(entry), original);

        // A bad profile is reported as without the cache, and nothing is stored for it.
        const auto entriesBefore = std::distance(std::filesystem::directory_iterator(cache), {});
        auto bad = compileSeccompProfileCached(json{{"defaultAction", "SCMP_ACT_SOMETIMES"}}, cache);
        QVERIFY(!bad);
        QCOMPARE(bad.error().code(), ErrorCode::InvalidArgument);
        QCOMPARE(std::distance(std::filesystem::directory_iterator(cache), {}), entriesBefore);

        // In a cache directory others can write to, nothing is read or written.
        writeAll(entry, swapped);
        QCOMPARE(::chmod(cache.c_str(), 0777), 0);
        auto uncached = compileSeccompProfileCached(denyMkdir, cache);
        QVERIFY(uncached);
        QCOMPARE(uncached->serialize(), fresh);
        QCOMPARE(readAll(entry), swapped);
    }

    void emptyFilterDoesNotLoad()
    {
        const SeccompFilter empty;
        QVERIFY(!empty.isCompiled());
        QCOMPARE(empty.install(), EINVAL);
        auto loaded = empty.load();
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().code(), ErrorCode::Internal);
    }

    void loadWithoutNoNewPrivsNeedsCapSysAdmin()
    {
        // Without no_new_privs the kernel wants CAP_SYS_ADMIN; an unprivileged child gets
        // EACCES, which load() explains.
        if (::geteuid() != 0)
            QSKIP("needs root to drop to an unprivileged user");
        const SeccompFilter filter = compileOrFail({{"defaultAction", "SCMP_ACT_ALLOW"},
                                                    {"syscalls", {{{"names", {"getcwd"}}, {"action", "SCMP_ACT_ERRNO"}}}}});
        int channel[2];
        QVERIFY(::pipe2(channel, O_CLOEXEC) == 0);
        const pid_t pid = ::fork();
        if (pid == 0) {
            ::close(channel[0]);
            if (::setgid(65534) != 0 || ::setuid(65534) != 0)
                ::_exit(2);
            auto loaded = filter.load();
            const std::string text = loaded ? std::string("loaded") : loaded.error().describe();
            [[maybe_unused]] auto written = ::write(channel[1], text.data(), text.size());
            ::_exit(0);
        }
        ::close(channel[1]);
        std::string text;
        char buffer[512];
        ssize_t got;
        while ((got = ::read(channel[0], buffer, sizeof buffer)) > 0)
            text.append(buffer, static_cast<std::size_t>(got));
        ::close(channel[0]);
        int status = 0;
        ::waitpid(pid, &status, 0);
        QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the child could not become nobody");
        QVERIFY2(text.find("no_new_privs") != std::string::npos, text.c_str());
    }
};

QTEST_GUILESS_MAIN(TestSeccomp)
#include "tst_seccomp.moc"
