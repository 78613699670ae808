#include "engine/container/default_seccomp_profile.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace berth::container {
namespace {

// The host architectures whose rules differ, as bits so a group can name several.
enum HostArchitecture : unsigned {
    X86_64 = 1U << 0,
    X86 = 1U << 1,
    Arm64 = 1U << 2,
    Arm = 1U << 3,
    S390x = 1U << 4,
    S390 = 1U << 5,
    Ppc64le = 1U << 6,
    Riscv64 = 1U << 7,
    OtherArchitecture = 1U << 8,
    AnyArchitecture = ~0U,
};

// The profile answers the architecture the runtime was built for, as Docker does with its
// own build architecture: a container runs the host's kernel ABI.
constexpr HostArchitecture hostArchitecture()
{
#if defined(__x86_64__)
    return X86_64;
#elif defined(__i386__)
    return X86;
#elif defined(__aarch64__)
    return Arm64;
#elif defined(__arm__)
    return Arm;
#elif defined(__s390x__)
    return S390x;
#elif defined(__s390__)
    return S390;
#elif defined(__powerpc64__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return Ppc64le;
#elif defined(__riscv) && __riscv_xlen == 64
    return Riscv64;
#else
    return OtherArchitecture;
#endif
}

struct ArgumentCondition {
    unsigned index;
    std::uint64_t value;
    std::string_view op;
};

// One rule of the profile: the syscalls in `names` (separated by spaces) get `errnoRet`
// (or are allowed when it is empty) when the container has `withCapability` (if set),
// lacks `withoutCapability` (if set), runs on one of `architectures` and, if given, the
// argument matches `condition`.
struct SyscallGroup {
    std::string_view names;
    std::string_view withCapability{};
    std::string_view withoutCapability{};
    unsigned architectures = AnyArchitecture;
    std::optional<ArgumentCondition> condition{};
    std::optional<unsigned> errnoRet{};
};

constexpr unsigned eperm = 1;
constexpr unsigned enosys = 38;

// Namespace flags of clone(2): CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC
// | CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET. Without CAP_SYS_ADMIN, clone is allowed
// only when none of them is set.
constexpr std::uint64_t cloneNamespaceFlags = 0x7E020000;

// Docker's default profile (moby profiles/seccomp/default.json), as groups. Everything not
// allowed here fails with EPERM.
constexpr std::array syscallGroups = {
    // What every program needs: files and directories.
    SyscallGroup{"access faccessat faccessat2 chdir fchdir getcwd umask "
                 "chmod fchmod fchmodat fchmodat2 chown fchown fchownat lchown chown32 fchown32 lchown32 "
                 "creat open openat openat2 close close_range name_to_handle_at "
                 "link linkat symlink symlinkat unlink unlinkat rename renameat renameat2 "
                 "mkdir mkdirat mknod mknodat rmdir readlink readlinkat "
                 "truncate ftruncate truncate64 ftruncate64 getdents getdents64 "
                 "stat fstat lstat newfstatat fstatat64 stat64 fstat64 lstat64 statx "
                 "statfs fstatfs statfs64 fstatfs64 statmount listmount "
                 "utime utimes utimensat utimensat_time64 futimesat"},
    SyscallGroup{"getxattr lgetxattr fgetxattr getxattrat setxattr lsetxattr fsetxattr setxattrat "
                 "listxattr llistxattr flistxattr listxattrat removexattr lremovexattr fremovexattr removexattrat"},
    // Reading and writing through file descriptors.
    SyscallGroup{"read write readv writev pread64 pwrite64 preadv pwritev preadv2 pwritev2 lseek _llseek "
                 "sendfile sendfile64 splice tee vmsplice copy_file_range cachestat "
                 "fsync fdatasync sync syncfs sync_file_range fallocate fadvise64 fadvise64_64 readahead "
                 "flock fcntl fcntl64 dup dup2 dup3 ioctl pipe pipe2"},
    SyscallGroup{"io_setup io_destroy io_submit io_cancel io_getevents io_pgetevents io_pgetevents_time64"},
    // Waiting for events.
    SyscallGroup{"select _newselect pselect6 pselect6_time64 poll ppoll ppoll_time64 "
                 "epoll_create epoll_create1 epoll_ctl epoll_ctl_old epoll_wait epoll_wait_old epoll_pwait "
                 "epoll_pwait2 eventfd eventfd2 signalfd signalfd4 inotify_init inotify_init1 "
                 "inotify_add_watch inotify_rm_watch fanotify_mark "
                 "timerfd_create timerfd_gettime timerfd_gettime64 timerfd_settime timerfd_settime64"},
    // Memory.
    SyscallGroup{"brk mmap mmap2 munmap mremap mprotect madvise mincore msync remap_file_pages "
                 "mlock mlock2 mlockall munlock munlockall membarrier memfd_create memfd_secret "
                 "pkey_alloc pkey_free pkey_mprotect map_shadow_stack mseal"},
    // Processes, threads and their identities.
    SyscallGroup{"execve execveat exit exit_group fork vfork wait4 waitid waitpid "
                 "getpid getppid gettid getpgid getpgrp getsid setpgid setsid set_tid_address "
                 "getuid geteuid getgid getegid getresuid getresgid getgroups "
                 "getuid32 geteuid32 getgid32 getegid32 getresuid32 getresgid32 getgroups32 "
                 "setuid setgid setreuid setregid setresuid setresgid setfsuid setfsgid setgroups "
                 "setuid32 setgid32 setreuid32 setregid32 setresuid32 setresgid32 setfsuid32 setfsgid32 setgroups32 "
                 "capget capset prctl seccomp landlock_create_ruleset landlock_add_rule landlock_restrict_self "
                 "getrlimit setrlimit ugetrlimit prlimit64 getrusage times getpriority setpriority "
                 "ioprio_get ioprio_set uname sysinfo getcpu getrandom restart_syscall rseq "
                 "get_robust_list set_robust_list get_thread_area set_thread_area uretprobe riscv_hwprobe "
                 "futex futex_time64 futex_waitv futex_wait futex_wake futex_requeue "
                 "pidfd_open process_mrelease"},
    SyscallGroup{"sched_yield sched_getaffinity sched_setaffinity sched_getattr sched_setattr "
                 "sched_getparam sched_setparam sched_getscheduler sched_setscheduler "
                 "sched_get_priority_max sched_get_priority_min sched_rr_get_interval sched_rr_get_interval_time64"},
    // Signals.
    SyscallGroup{"kill tkill tgkill pidfd_send_signal pause alarm sigaltstack sigprocmask sigreturn "
                 "rt_sigaction rt_sigprocmask rt_sigreturn rt_sigpending rt_sigsuspend rt_sigtimedwait "
                 "rt_sigtimedwait_time64 rt_sigqueueinfo rt_tgsigqueueinfo"},
    // Clocks and timers (reading them; setting the clock needs CAP_SYS_TIME below).
    SyscallGroup{"time gettimeofday clock_gettime clock_gettime64 clock_getres clock_getres_time64 "
                 "clock_nanosleep clock_nanosleep_time64 nanosleep adjtimex clock_adjtime clock_adjtime64 "
                 "getitimer setitimer timer_create timer_delete timer_getoverrun "
                 "timer_gettime timer_gettime64 timer_settime timer_settime64"},
    // Sockets (socket itself is below, with the families it may not open).
    SyscallGroup{"socketpair socketcall bind listen connect accept accept4 shutdown "
                 "getsockname getpeername getsockopt setsockopt "
                 "send sendto sendmsg sendmmsg recv recvfrom recvmsg recvmmsg recvmmsg_time64"},
    // System V and POSIX inter-process communication (namespaced by the IPC namespace).
    SyscallGroup{"ipc msgget msgsnd msgrcv msgctl semget semop semtimedop semtimedop_time64 semctl "
                 "shmget shmat shmdt shmctl mq_open mq_unlink mq_timedsend mq_timedsend_time64 "
                 "mq_timedreceive mq_timedreceive_time64 mq_notify mq_getsetattr"},
    // Tracing other processes of the container. Docker allows it from kernel 4.8 on, which
    // closed the hole of changing a syscall after seccomp checked it; Berth needs newer
    // kernels anyway.
    SyscallGroup{"ptrace process_vm_readv process_vm_writev"},

    // socket: every address family except AF_ALG (38) and AF_VSOCK (40).
    SyscallGroup{.names = "socket", .condition = ArgumentCondition{0, 38, "SCMP_CMP_LT"}},
    SyscallGroup{.names = "socket", .condition = ArgumentCondition{0, 39, "SCMP_CMP_EQ"}},
    SyscallGroup{.names = "socket", .condition = ArgumentCondition{0, 40, "SCMP_CMP_GT"}},
    // personality: only the execution domains programs really ask for (PER_LINUX,
    // PER_LINUX32, UNAME26, UNAME26|PER_LINUX32) and the query 0xffffffff.
    SyscallGroup{.names = "personality", .condition = ArgumentCondition{0, 0x0, "SCMP_CMP_EQ"}},
    SyscallGroup{.names = "personality", .condition = ArgumentCondition{0, 0x8, "SCMP_CMP_EQ"}},
    SyscallGroup{.names = "personality", .condition = ArgumentCondition{0, 0x20000, "SCMP_CMP_EQ"}},
    SyscallGroup{.names = "personality", .condition = ArgumentCondition{0, 0x20008, "SCMP_CMP_EQ"}},
    SyscallGroup{.names = "personality", .condition = ArgumentCondition{0, 0xffffffff, "SCMP_CMP_EQ"}},

    // Syscalls only some architectures have.
    SyscallGroup{.names = "sync_file_range2 swapcontext", .architectures = Ppc64le},
    SyscallGroup{.names = "arm_fadvise64_64 arm_sync_file_range sync_file_range2 breakpoint cacheflush set_tls",
                 .architectures = Arm | Arm64},
    SyscallGroup{.names = "arch_prctl", .architectures = X86_64},
    SyscallGroup{.names = "modify_ldt", .architectures = X86_64 | X86},
    SyscallGroup{.names = "s390_pci_mmio_read s390_pci_mmio_write s390_runtime_instr", .architectures = S390 | S390x},
    SyscallGroup{.names = "riscv_flush_icache", .architectures = Riscv64},

    // What a capability grants needs the syscalls that use it.
    SyscallGroup{.names = "open_by_handle_at", .withCapability = "CAP_DAC_READ_SEARCH"},
    SyscallGroup{.names = "bpf clone clone3 fanotify_init fsconfig fsmount fsopen fspick lookup_dcookie "
                          "lsm_get_self_attr lsm_list_modules lsm_set_self_attr mount mount_setattr move_mount "
                          "open_tree perf_event_open quotactl quotactl_fd setdomainname sethostname setns "
                          "syslog umount umount2 unshare",
                 .withCapability = "CAP_SYS_ADMIN"},
    // Without CAP_SYS_ADMIN: clone may not create namespaces (on s390 the flags are the
    // second argument), and clone3, whose flags sit in memory seccomp cannot read, answers
    // ENOSYS so that libcs fall back to clone.
    SyscallGroup{.names = "clone",
                 .withoutCapability = "CAP_SYS_ADMIN",
                 .architectures = AnyArchitecture & ~(S390 | S390x),
                 .condition = ArgumentCondition{0, cloneNamespaceFlags, "SCMP_CMP_MASKED_EQ"}},
    SyscallGroup{.names = "clone",
                 .withoutCapability = "CAP_SYS_ADMIN",
                 .architectures = S390 | S390x,
                 .condition = ArgumentCondition{1, cloneNamespaceFlags, "SCMP_CMP_MASKED_EQ"}},
    SyscallGroup{.names = "clone3", .withoutCapability = "CAP_SYS_ADMIN", .errnoRet = enosys},
    SyscallGroup{.names = "reboot", .withCapability = "CAP_SYS_BOOT"},
    SyscallGroup{.names = "chroot", .withCapability = "CAP_SYS_CHROOT"},
    SyscallGroup{.names = "init_module finit_module delete_module", .withCapability = "CAP_SYS_MODULE"},
    SyscallGroup{.names = "acct", .withCapability = "CAP_SYS_PACCT"},
    SyscallGroup{.names = "kcmp pidfd_getfd process_madvise process_vm_readv process_vm_writev ptrace",
                 .withCapability = "CAP_SYS_PTRACE"},
    SyscallGroup{.names = "iopl ioperm", .withCapability = "CAP_SYS_RAWIO"},
    SyscallGroup{.names = "settimeofday stime clock_settime clock_settime64", .withCapability = "CAP_SYS_TIME"},
    SyscallGroup{.names = "vhangup", .withCapability = "CAP_SYS_TTY_CONFIG"},
    SyscallGroup{.names = "get_mempolicy set_mempolicy set_mempolicy_home_node mbind", .withCapability = "CAP_SYS_NICE"},
    SyscallGroup{.names = "syslog", .withCapability = "CAP_SYSLOG"},
    SyscallGroup{.names = "bpf", .withCapability = "CAP_BPF"},
    SyscallGroup{.names = "perf_event_open", .withCapability = "CAP_PERFMON"},
};

// The architectures a filter must cover on this host: 64-bit hosts also run 32-bit (and on
// x86_64, x32) programs, whose syscalls have other numbers.
std::vector<std::string> filterArchitectures()
{
    switch (hostArchitecture()) {
    case X86_64:
        return {"SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"};
    case Arm64:
        return {"SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM"};
    case S390x:
        return {"SCMP_ARCH_S390X", "SCMP_ARCH_S390"};
    case Riscv64:
        return {"SCMP_ARCH_RISCV64"};
    default:
        // Only the native architecture, which every filter covers anyway.
        return {};
    }
}

std::vector<std::string> splitNames(std::string_view names)
{
    std::vector<std::string> result;
    while (!names.empty()) {
        const auto end = names.find(' ');
        const std::string_view name = names.substr(0, end);
        if (!name.empty())
            result.emplace_back(name);
        if (end == std::string_view::npos)
            break;
        names.remove_prefix(end + 1);
    }
    return result;
}

} // namespace

nlohmann::json defaultSeccompProfile(const std::vector<std::string> &capabilities)
{
    const auto has = [&capabilities](std::string_view capability) {
        return std::ranges::find(capabilities, capability) != capabilities.end();
    };
    nlohmann::json rules = nlohmann::json::array();
    for (const SyscallGroup &group : syscallGroups) {
        if (!group.withCapability.empty() && !has(group.withCapability))
            continue;
        if (!group.withoutCapability.empty() && has(group.withoutCapability))
            continue;
        if ((group.architectures & hostArchitecture()) == 0)
            continue;
        nlohmann::json rule = {{"names", splitNames(group.names)}};
        if (group.errnoRet) {
            rule["action"] = "SCMP_ACT_ERRNO";
            rule["errnoRet"] = *group.errnoRet;
        } else {
            rule["action"] = "SCMP_ACT_ALLOW";
        }
        if (group.condition)
            rule["args"] = nlohmann::json::array(
                {{{"index", group.condition->index}, {"value", group.condition->value}, {"valueTwo", 0},
                  {"op", group.condition->op}}});
        rules.push_back(std::move(rule));
    }
    return {
        {"defaultAction", "SCMP_ACT_ERRNO"},
        {"defaultErrnoRet", eperm},
        {"architectures", filterArchitectures()},
        {"syscalls", std::move(rules)},
    };
}

} // namespace berth::container
