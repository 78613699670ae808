// Docker's default seccomp profile as Berth builds it: compiled and loaded in forked children
// on the real kernel (what a container may and may not do), and compared with podman's own
// profile from containers-common when it is installed.
#include "engine/container/default_seccomp_profile.h"
#include "engine/runtime/seccomp.h"

#include <QTest>

#include <nlohmann/json.hpp>
#include <seccomp.h>

#include <fcntl.h>
#include <linux/reboot.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <set>
#include <string>
#include <vector>

using berth::container::defaultSeccompProfile;
using berth::runtime::compileSeccompProfile;
using berth::runtime::SeccompFilter;
using nlohmann::json;

namespace {

// The capabilities Docker gives a container unless told otherwise.
const std::vector<std::string> dockerCapabilities = {
    "CAP_CHOWN",  "CAP_DAC_OVERRIDE", "CAP_FSETID",           "CAP_FOWNER",     "CAP_MKNOD",
    "CAP_NET_RAW", "CAP_SETGID",      "CAP_SETUID",           "CAP_SETFCAP",    "CAP_SETPCAP",
    "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE",
};

constexpr const char *missingDirectory = "/berth-seccomp-test-no-such-directory";

struct ChildOutcome {
    int status = 0;
    std::string message;
};

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

// Forks; the child sets no_new_privs, loads `filter` (unless null: the control runs the
// same probes unfiltered) and runs `check`, which returns nullptr or what went wrong.
template <typename Check>
ChildOutcome runInChild(const SeccompFilter *filter, Check check)
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
        else if (const int error = filter ? filter->install() : 0; error != 0) {
            std::snprintf(failureText, sizeof failureText, "installing the filter failed with errno %d", error);
            failure = failureText;
        } else {
            failure = check(channel[1]);
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

#define QVERIFY_CHILD_EXITED(outcome, code)                                                                            \
    do {                                                                                                               \
        const ChildOutcome &o = (outcome);                                                                             \
        QVERIFY2(WIFEXITED(o.status) && WEXITSTATUS(o.status) == (code),                                               \
                 ("child status " + std::to_string(o.status) + ": " + o.message).c_str());                             \
    } while (false)

SeccompFilter compileOrFail(const std::vector<std::string> &capabilities)
{
    auto filter = compileSeccompProfile(defaultSeccompProfile(capabilities));
    if (!filter)
        qFatal("compiling the default profile failed: %s", filter.error().describe().c_str());
    return std::move(*filter);
}

// clone(2) with only flags, as fork does, in the argument order of x86 and arm.
long rawClone(unsigned long flags)
{
    return ::syscall(SYS_clone, flags, nullptr, nullptr, nullptr, nullptr);
}

// Starts a child with `flags` and reaps it: 0 when it ran, -1 with errno when refused.
long cloneAndReap(unsigned long flags)
{
    const long pid = rawClone(flags | SIGCHLD);
    if (pid == 0)
        ::_exit(0);
    if (pid > 0) {
        int status = 0;
        ::waitpid(static_cast<pid_t>(pid), &status, 0);
        return 0;
    }
    return -1;
}

// The probes of privileged operations. Their arguments are chosen so that the kernel itself
// answers something other than EPERM for root (see controlProbesWithoutFilter) and nothing
// harmful happens should the filter let them through.
long probeMount()
{
    return ::mount("none", missingDirectory, "tmpfs", 0, nullptr);
}
long probeReboot()
{
    return ::syscall(SYS_reboot, 0, 0, 0, nullptr); // wrong magic numbers
}
long probeClone3()
{
    return ::syscall(SYS_clone3, nullptr, 0); // a zero-sized clone_args
}
long probeInitModule()
{
    return ::syscall(SYS_init_module, nullptr, 0, ""); // an empty module image
}
long probeKexecLoad()
{
    return ::syscall(SYS_kexec_load, 0, 0, nullptr, 0xdead0000UL); // an unknown architecture
}

// Syscall names a profile allows for every call, without argument conditions.
std::set<std::string> allowedUnconditionally(const json &profile)
{
    std::set<std::string> names;
    for (const json &rule : profile.at("syscalls"))
        if (rule.at("action") == "SCMP_ACT_ALLOW" && (!rule.contains("args") || rule.at("args").empty()))
            for (const json &name : rule.at("names"))
                names.insert(name.get<std::string>());
    return names;
}

// The same for a containers-common profile, whose rules carry includes/excludes: rules
// that need a capability or another architecture than amd64 do not count.
std::set<std::string> podmanAllowedUnconditionally(const json &profile)
{
    std::set<std::string> names;
    for (const json &rule : profile.at("syscalls")) {
        if (rule.value("action", "") != "SCMP_ACT_ALLOW" || (rule.contains("args") && !rule.at("args").is_null() &&
                                                             !rule.at("args").empty()))
            continue;
        const json includes = rule.value("includes", json::object());
        const json excludes = rule.value("excludes", json::object());
        if (includes.is_object() && includes.contains("caps") && !includes.at("caps").empty())
            continue;
        const auto lists = [](const json &conditions, const char *key, const char *value) {
            if (!conditions.is_object() || !conditions.contains(key) || !conditions.at(key).is_array())
                return false;
            const json &list = conditions.at(key);
            return std::find(list.begin(), list.end(), value) != list.end();
        };
        if (includes.is_object() && includes.contains("arches") && !includes.at("arches").empty() &&
            !lists(includes, "arches", "amd64"))
            continue;
        if (lists(excludes, "arches", "amd64"))
            continue;
        for (const json &name : rule.at("names"))
            names.insert(name.get<std::string>());
    }
    return names;
}

std::set<std::string> knownOnX86_64(const std::set<std::string> &names)
{
    std::set<std::string> known;
    for (const std::string &name : names)
        if (seccomp_syscall_resolve_name_arch(SCMP_ARCH_X86_64, name.c_str()) >= 0)
            known.insert(name);
    return known;
}

std::string joined(const std::set<std::string> &names)
{
    std::string text;
    for (const std::string &name : names)
        text += (text.empty() ? "" : " ") + name;
    return text;
}

} // namespace

class TestDefaultSeccompProfile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (::prctl(PR_GET_SECCOMP, 0, 0, 0, 0) < 0 && errno == EINVAL)
            QSKIP("this kernel has no seccomp (CONFIG_SECCOMP)");
    }

    void compilesWithinTheKernelsLimit()
    {
        std::vector<std::string> everything = dockerCapabilities;
        for (const char *capability : {"CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_MODULE", "CAP_SYS_PACCT",
                                       "CAP_SYS_PTRACE", "CAP_SYS_RAWIO", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG",
                                       "CAP_SYS_NICE", "CAP_SYSLOG", "CAP_BPF", "CAP_PERFMON", "CAP_DAC_READ_SEARCH"})
            everything.emplace_back(capability);
        for (const auto &capabilities : {dockerCapabilities, everything}) {
            const SeccompFilter filter = compileOrFail(capabilities);
            QVERIFY(filter.isCompiled());
            QVERIFY(filter.instructionCount() <= 4096);
            qInfo("%zu capabilities: %zu BPF instructions, %zu syscall names this libseccomp skips",
                  capabilities.size(), filter.instructionCount(), filter.warnings().size());
            for (const std::string &warning : filter.warnings())
                QVERIFY2(warning.starts_with("syscall "), warning.c_str());
        }
    }

    void profileFollowsCapabilities()
    {
        const json docker = defaultSeccompProfile(dockerCapabilities);
        QVERIFY(docker.at("defaultAction") == "SCMP_ACT_ERRNO");
        QVERIFY(docker.at("defaultErrnoRet") == 1);
        const std::set<std::string> allowed = allowedUnconditionally(docker);
        for (const char *name : {"read", "write", "openat", "execve", "ptrace", "chroot"})
            QVERIFY2(allowed.contains(name), name);
        for (const char *name : {"mount", "unshare", "setns", "reboot", "init_module", "clone", "clone3", "keyctl",
                                 "kexec_load", "bpf", "syslog", "acct", "settimeofday"})
            QVERIFY2(!allowed.contains(name), name);

        std::vector<std::string> withAdmin = dockerCapabilities;
        withAdmin.emplace_back("CAP_SYS_ADMIN");
        withAdmin.emplace_back("CAP_SYS_BOOT");
        const std::set<std::string> adminAllowed = allowedUnconditionally(defaultSeccompProfile(withAdmin));
        for (const char *name : {"mount", "unshare", "setns", "clone", "clone3", "reboot", "syslog", "bpf"})
            QVERIFY2(adminAllowed.contains(name), name);
        QVERIFY(!adminAllowed.contains("init_module"));
        QVERIFY(!allowedUnconditionally(defaultSeccompProfile({})).contains("chroot"));
    }

    void everydayProgramsWork()
    {
        const SeccompFilter filter = compileOrFail(dockerCapabilities);
        const ChildOutcome outcome = runInChild(&filter, [](int) -> const char * {
            if (auto failure = expectSuccess(::syscall(SYS_getpid), "getpid"))
                return failure;
            int pipeFds[2];
            if (auto failure = expectSuccess(::pipe2(pipeFds, O_CLOEXEC), "pipe2"))
                return failure;
            char byte = 'x';
            if (::write(pipeFds[1], &byte, 1) != 1 || ::read(pipeFds[0], &byte, 1) != 1)
                return "write or read through a pipe failed";
            const int status = static_cast<int>(::syscall(SYS_openat, AT_FDCWD, "/proc/self/status", O_RDONLY));
            if (auto failure = expectSuccess(status, "openat /proc/self/status"))
                return failure;
            char text[256];
            if (auto failure = expectSuccess(::read(status, text, sizeof text), "read"))
                return failure;
            // fork is clone without namespace flags, which the profile allows.
            const pid_t child = ::fork();
            if (child == 0)
                ::_exit(7);
            if (child < 0)
                return expectSuccess(-1, "fork");
            int childStatus = 0;
            ::waitpid(child, &childStatus, 0);
            if (!WIFEXITED(childStatus) || WEXITSTATUS(childStatus) != 7)
                return "the forked child did not exit with 7";
            // A whole dynamically linked program under the filter; its exit code proves it ran.
            const char *argv[] = {"/bin/sh", "-c", "exit 42", nullptr};
            ::execve(argv[0], const_cast<char **>(argv), environ);
            return expectSuccess(-1, "execve /bin/sh");
        });
        QVERIFY_CHILD_EXITED(outcome, 42);
    }

    void privilegedCallsAreRefused()
    {
        const SeccompFilter filter = compileOrFail(dockerCapabilities);
        const ChildOutcome outcome = runInChild(&filter, [](int) -> const char * {
            if (auto failure = expectFailure(::unshare(CLONE_NEWUSER), EPERM, "unshare(CLONE_NEWUSER)"))
                return failure;
            if (auto failure = expectFailure(::unshare(CLONE_NEWNS), EPERM, "unshare(CLONE_NEWNS)"))
                return failure;
            if (auto failure = expectFailure(cloneAndReap(CLONE_NEWNS), EPERM, "clone(CLONE_NEWNS)"))
                return failure;
            if (auto failure = expectFailure(cloneAndReap(CLONE_NEWPID), EPERM, "clone(CLONE_NEWPID)"))
                return failure;
            if (auto failure = expectFailure(probeClone3(), ENOSYS, "clone3"))
                return failure;
            if (auto failure = expectFailure(probeReboot(), EPERM, "reboot"))
                return failure;
            if (auto failure = expectFailure(probeKexecLoad(), EPERM, "kexec_load"))
                return failure;
            if (auto failure = expectFailure(probeMount(), EPERM, "mount"))
                return failure;
            if (auto failure = expectFailure(probeInitModule(), EPERM, "init_module"))
                return failure;
            if (auto failure = expectFailure(::syscall(SYS_personality, 0x0400000UL /* READ_IMPLIES_EXEC */), EPERM,
                                             "personality(READ_IMPLIES_EXEC)"))
                return failure;
            // Plain fork still works: busybox and glibc use clone for it.
            return expectSuccess(cloneAndReap(0), "clone without namespace flags");
        });
        QVERIFY_CHILD_EXITED(outcome, 0);
    }

    void controlProbesWithoutFilter()
    {
        // Shows the probes above can fail: without the filter, root gets other answers.
        if (::geteuid() != 0)
            QSKIP("the kernel answers EPERM itself for non-root users");
        const ChildOutcome outcome = runInChild(nullptr, [](int) -> const char * {
            if (auto failure = expectFailure(probeMount(), ENOENT, "mount on a missing directory"))
                return failure;
            if (auto failure = expectFailure(probeReboot(), EINVAL, "reboot with wrong magic"))
                return failure;
            if (auto failure = expectFailure(probeClone3(), EINVAL, "clone3 with size 0"))
                return failure;
            return expectSuccess(::unshare(CLONE_NEWNS), "unshare(CLONE_NEWNS)");
        });
        QVERIFY_CHILD_EXITED(outcome, 0);
    }

    void sysAdminAllowsMountAndNamespaces()
    {
        if (::geteuid() != 0)
            QSKIP("needs root: the kernel itself refuses mount and unshare to others");
        std::vector<std::string> capabilities = dockerCapabilities;
        capabilities.emplace_back("CAP_SYS_ADMIN");
        const SeccompFilter filter = compileOrFail(capabilities);
        const ChildOutcome outcome = runInChild(&filter, [](int) -> const char * {
            if (auto failure = expectFailure(probeMount(), ENOENT, "mount on a missing directory"))
                return failure;
            if (auto failure = expectFailure(probeClone3(), EINVAL, "clone3 with size 0"))
                return failure;
            if (auto failure = expectSuccess(cloneAndReap(CLONE_NEWNS), "clone(CLONE_NEWNS)"))
                return failure;
            if (auto failure = expectSuccess(::unshare(CLONE_NEWNS), "unshare(CLONE_NEWNS)"))
                return failure;
            // Still refused: CAP_SYS_BOOT is not given.
            return expectFailure(probeReboot(), EPERM, "reboot");
        });
        QVERIFY_CHILD_EXITED(outcome, 0);
    }

    void matchesPodmansProfile()
    {
#if !defined(__x86_64__)
        QSKIP("the comparison is written for x86_64");
#endif
        const char *path = "/usr/share/containers/seccomp.json";
        std::ifstream file(path);
        if (!file)
            QSKIP("containers-common's seccomp.json is not installed");
        const json podman = json::parse(file);
        const std::set<std::string> ours = knownOnX86_64(allowedUnconditionally(defaultSeccompProfile({})));
        const std::set<std::string> theirs = knownOnX86_64(podmanAllowedUnconditionally(podman));
        QVERIFY(ours.size() > 250); // 297 x86_64 syscalls when written

        // Differences we mean to keep (seen with containers-common 0.50, Debian 12):
        const std::set<std::string> expectedOnlyOurs = {
            // Syscalls of kernels 5.16 to 6.7 that Docker's profile gained after podman's
            // 2022 file was written.
            "cachestat", "fchmodat2", "futex_requeue", "futex_wait", "futex_waitv", "futex_wake", "map_shadow_stack",
            // Podman refuses these two explicitly; Docker allows them.
            "io_pgetevents", "vmsplice",
        };
        const std::set<std::string> expectedOnlyTheirs = {
            // Podman lets containers make namespaces and mounts (for nested, rootless
            // containers); Docker, and so Berth, ask for CAP_SYS_ADMIN (clone then only
            // without namespace flags, clone3 answers ENOSYS).
            "clone", "clone3", "unshare", "setns", "mount", "umount2", "mount_setattr", "move_mount", "open_tree",
            "fsopen", "fsconfig", "fsmount", "fspick", "pivot_root",
            // Docker refuses keyctl outright: the kernel keyring is not namespaced.
            "keyctl",
            // Docker asks for CAP_SYS_BOOT, CAP_SYS_ADMIN or CAP_SYSLOG, CAP_SYS_NICE, CAP_SYS_PTRACE.
            "reboot", "syslog", "get_mempolicy", "set_mempolicy", "mbind", "pidfd_getfd",
        };

        std::set<std::string> onlyOurs;
        std::set<std::string> onlyTheirs;
        std::ranges::set_difference(ours, theirs, std::inserter(onlyOurs, onlyOurs.end()));
        std::ranges::set_difference(theirs, ours, std::inserter(onlyTheirs, onlyTheirs.end()));
        qInfo("allowed only by Berth: %s", joined(onlyOurs).c_str());
        qInfo("allowed only by podman: %s", joined(onlyTheirs).c_str());

        std::set<std::string> unexplained;
        std::ranges::set_difference(onlyOurs, expectedOnlyOurs, std::inserter(unexplained, unexplained.end()));
        std::ranges::set_difference(onlyTheirs, expectedOnlyTheirs, std::inserter(unexplained, unexplained.end()));
        QVERIFY2(unexplained.empty(), ("unexplained differences from podman's profile: " + joined(unexplained)).c_str());
    }
};

QTEST_GUILESS_MAIN(TestDefaultSeccompProfile)
#include "tst_default_seccomp_profile.moc"
