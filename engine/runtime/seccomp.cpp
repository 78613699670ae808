#include "engine/runtime/seccomp.h"

#include "engine/core/unique_fd.h"

#include <nlohmann/json.hpp>
#include <seccomp.h>

#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <map>
#include <optional>
#include <string_view>

namespace berth::runtime {

struct SeccompFilter::Compiled {
    std::vector<sock_filter> program;
    unsigned int flags = 0; // SECCOMP_FILTER_FLAG_* passed to seccomp(2)
    std::vector<std::string> warnings;
};

SeccompFilter::SeccompFilter() = default;
SeccompFilter::~SeccompFilter() = default;
SeccompFilter::SeccompFilter(SeccompFilter &&) noexcept = default;
SeccompFilter &SeccompFilter::operator=(SeccompFilter &&) noexcept = default;
SeccompFilter::SeccompFilter(std::unique_ptr<Compiled> compiled) : compiled_(std::move(compiled)) {}

bool SeccompFilter::isCompiled() const
{
    return compiled_ && !compiled_->program.empty();
}

std::size_t SeccompFilter::instructionCount() const
{
    return compiled_ ? compiled_->program.size() : 0;
}

const std::vector<std::string> &SeccompFilter::warnings() const
{
    static const std::vector<std::string> none;
    return compiled_ ? compiled_->warnings : none;
}

int SeccompFilter::install() const noexcept
{
    if (!isCompiled())
        return EINVAL;
    sock_fprog program{};
    program.len = static_cast<unsigned short>(compiled_->program.size());
    program.filter = const_cast<sock_filter *>(compiled_->program.data());
    const long result = ::syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, compiled_->flags, &program);
    if (result == 0)
        return 0;
    // With TSYNC the kernel answers the id of a thread it could not synchronise.
    if (result > 0)
        return ESRCH;
    const int error = errno;
    // Kernels before 3.17 have no seccomp(2); prctl installs the same filter without flags.
    if (error == ENOSYS && compiled_->flags == 0) {
        if (::prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program, 0, 0) == 0)
            return 0;
        return errno;
    }
    return error;
}

Status SeccompFilter::load() const
{
    const int error = install();
    if (error == 0)
        return {};
    if (!isCompiled())
        return fail(ErrorCode::Internal, "loading a seccomp filter that was never compiled; compile the profile first");
    std::string message = "installing the seccomp filter (" + std::to_string(compiled_->program.size()) +
                          " instructions, flags " + std::to_string(compiled_->flags) + ")";
    if (error == EACCES)
        message += "; set no_new_privs first or keep CAP_SYS_ADMIN";
    else if (error == ESRCH)
        message += "; another thread could not take the filter (SECCOMP_FILTER_FLAG_TSYNC)";
    else if (error == EINVAL && compiled_->flags != 0)
        message += "; this kernel may not support one of the profile's flags";
    return failErrno(std::move(message), error);
}

namespace {

using nlohmann::json;

struct ContextDeleter {
    void operator()(void *context) const { seccomp_release(context); }
};
using SeccompContext = std::unique_ptr<void, ContextDeleter>;

// The architectures the OCI runtime spec names; libseccomp may know only some of them.
constexpr std::array ociArchitectures = {
    "SCMP_ARCH_X86",      "SCMP_ARCH_X86_64",    "SCMP_ARCH_X32",         "SCMP_ARCH_ARM",
    "SCMP_ARCH_AARCH64",  "SCMP_ARCH_MIPS",      "SCMP_ARCH_MIPS64",      "SCMP_ARCH_MIPS64N32",
    "SCMP_ARCH_MIPSEL",   "SCMP_ARCH_MIPSEL64",  "SCMP_ARCH_MIPSEL64N32", "SCMP_ARCH_PPC",
    "SCMP_ARCH_PPC64",    "SCMP_ARCH_PPC64LE",   "SCMP_ARCH_S390",        "SCMP_ARCH_S390X",
    "SCMP_ARCH_PARISC",   "SCMP_ARCH_PARISC64",  "SCMP_ARCH_RISCV64",     "SCMP_ARCH_LOONGARCH64",
    "SCMP_ARCH_M68K",     "SCMP_ARCH_SH",        "SCMP_ARCH_SHEB",
};

struct NamedOperator {
    std::string_view name;
    scmp_compare value;
};
constexpr std::array operators = {
    NamedOperator{"SCMP_CMP_NE", SCMP_CMP_NE},        NamedOperator{"SCMP_CMP_LT", SCMP_CMP_LT},
    NamedOperator{"SCMP_CMP_LE", SCMP_CMP_LE},        NamedOperator{"SCMP_CMP_EQ", SCMP_CMP_EQ},
    NamedOperator{"SCMP_CMP_GE", SCMP_CMP_GE},        NamedOperator{"SCMP_CMP_GT", SCMP_CMP_GT},
    NamedOperator{"SCMP_CMP_MASKED_EQ", SCMP_CMP_MASKED_EQ},
};

struct NamedFlag {
    std::string_view name;
    unsigned int value;
};
constexpr std::array filterFlags = {
    NamedFlag{"SECCOMP_FILTER_FLAG_TSYNC", SECCOMP_FILTER_FLAG_TSYNC},
    NamedFlag{"SECCOMP_FILTER_FLAG_LOG", SECCOMP_FILTER_FLAG_LOG},
    NamedFlag{"SECCOMP_FILTER_FLAG_SPEC_ALLOW", SECCOMP_FILTER_FLAG_SPEC_ALLOW},
    // Only meaningful with a notification listener, which Berth never asks for; the
    // kernel refuses it without one, so it is accepted and not passed on.
    NamedFlag{"SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV", 0},
};

// Largest errno a seccomp filter can return: the kernel caps SECCOMP_RET_ERRNO data there.
constexpr std::uint64_t maximumErrno = 4095;
// The kernel's limit on the length of one classic BPF program (BPF_MAXINSNS).
constexpr std::size_t maximumInstructions = 4096;

std::string jsonText(const json &value)
{
    return value.is_string() ? value.get<std::string>() : value.dump();
}

std::string ruleWhere(std::size_t ruleIndex)
{
    return "syscalls[" + std::to_string(ruleIndex) + "]";
}

Result<std::uint64_t> unsignedField(const json &object, std::string_view key, const std::string &where,
                                    std::uint64_t maximum)
{
    const json &value = object.at(std::string(key));
    const bool nonNegative = value.is_number_unsigned() || (value.is_number_integer() && value.get<std::int64_t>() >= 0);
    if (!nonNegative || value.get<std::uint64_t>() > maximum)
        return fail(ErrorCode::InvalidArgument, (where.empty() ? "" : where + ".") + std::string(key) + " is " +
                                                    backquoted(value.dump()) + ", not a whole number from 0 to " +
                                                    std::to_string(maximum));
    return value.get<std::uint64_t>();
}

// The errno an ERRNO or TRACE action returns, if the profile gives one.
Result<std::optional<std::uint32_t>> errnoField(const json &object, std::string_view key, const std::string &where)
{
    if (!object.contains(std::string(key)) || object.at(std::string(key)).is_null())
        return std::optional<std::uint32_t>();
    auto value = unsignedField(object, key, where, maximumErrno);
    if (!value)
        return std::unexpected(std::move(value).error());
    return std::optional<std::uint32_t>(static_cast<std::uint32_t>(*value));
}

// Maps an OCI action name to libseccomp's action value. Like runc, SCMP_ACT_KILL kills the
// thread, and ERRNO/TRACE without errnoRet mean EPERM.
Result<std::uint32_t> parseAction(const json &name, std::optional<std::uint32_t> errnoRet, const std::string &where)
{
    if (!name.is_string())
        return fail(ErrorCode::InvalidArgument, where + " is " + backquoted(name.dump()) + ", not an action name");
    const std::string action = name.get<std::string>();
    const bool takesErrno = action == "SCMP_ACT_ERRNO" || action == "SCMP_ACT_TRACE";
    if (errnoRet && !takesErrno)
        return fail(ErrorCode::InvalidArgument, where + ": an errno return value was given for action " +
                                                    backquoted(action) +
                                                    ", which returns none; drop it or use SCMP_ACT_ERRNO");
    if (action == "SCMP_ACT_KILL" || action == "SCMP_ACT_KILL_THREAD")
        return SCMP_ACT_KILL_THREAD;
    if (action == "SCMP_ACT_KILL_PROCESS")
        return SCMP_ACT_KILL_PROCESS;
    if (action == "SCMP_ACT_TRAP")
        return SCMP_ACT_TRAP;
    if (action == "SCMP_ACT_ERRNO")
        return SCMP_ACT_ERRNO(errnoRet.value_or(EPERM));
    if (action == "SCMP_ACT_TRACE")
        return SCMP_ACT_TRACE(errnoRet.value_or(EPERM));
    if (action == "SCMP_ACT_ALLOW")
        return SCMP_ACT_ALLOW;
    if (action == "SCMP_ACT_LOG")
        return SCMP_ACT_LOG;
    if (action == "SCMP_ACT_NOTIFY")
        return fail(ErrorCode::Unsupported,
                    where + ": action " + backquoted(action) +
                        " needs a seccomp agent listening on a socket, and Berth has no listener; "
                        "use SCMP_ACT_ERRNO or SCMP_ACT_LOG instead");
    return fail(ErrorCode::InvalidArgument,
                where + ": unknown seccomp action " + backquoted(action) +
                    "; use SCMP_ACT_ALLOW, SCMP_ACT_ERRNO, SCMP_ACT_KILL, SCMP_ACT_KILL_PROCESS, "
                    "SCMP_ACT_KILL_THREAD, SCMP_ACT_TRAP, SCMP_ACT_TRACE or SCMP_ACT_LOG");
}

Result<scmp_arg_cmp> parseArgument(const json &argument, const std::string &where)
{
    if (!argument.is_object())
        return fail(ErrorCode::InvalidArgument, where + " is " + backquoted(argument.dump()) +
                                                    ", not an object with index, value and op");
    for (const char *key : {"index", "value", "op"})
        if (!argument.contains(key))
            return fail(ErrorCode::InvalidArgument, where + " has no " + backquoted(key));
    auto index = unsignedField(argument, "index", where, 5);
    if (!index)
        return std::unexpected(std::move(index).error());
    auto value = unsignedField(argument, "value", where, UINT64_MAX);
    if (!value)
        return std::unexpected(std::move(value).error());
    std::uint64_t valueTwo = 0;
    if (argument.contains("valueTwo") && !argument.at("valueTwo").is_null()) {
        auto second = unsignedField(argument, "valueTwo", where, UINT64_MAX);
        if (!second)
            return std::unexpected(std::move(second).error());
        valueTwo = *second;
    }
    const std::string op = jsonText(argument.at("op"));
    const auto known = std::ranges::find(operators, op, &NamedOperator::name);
    if (known == operators.end())
        return fail(ErrorCode::InvalidArgument,
                    where + ": unknown comparison " + backquoted(op) +
                        "; use SCMP_CMP_NE, SCMP_CMP_LT, SCMP_CMP_LE, SCMP_CMP_EQ, SCMP_CMP_GE, SCMP_CMP_GT "
                        "or SCMP_CMP_MASKED_EQ");
    // For SCMP_CMP_MASKED_EQ, value is the mask and valueTwo what the masked argument must equal.
    return scmp_arg_cmp{static_cast<unsigned int>(*index), known->value, *value, valueTwo};
}

Result<unsigned int> parseFlags(const json &profile, std::vector<std::string> &warnings)
{
    unsigned int flags = 0;
    if (!profile.contains("flags") || profile.at("flags").is_null())
        return flags;
    const json &list = profile.at("flags");
    if (!list.is_array())
        return fail(ErrorCode::InvalidArgument, "flags is " + backquoted(list.dump()) + ", not a list of flag names");
    for (const json &flag : list) {
        const std::string name = jsonText(flag);
        const auto known = std::ranges::find(filterFlags, name, &NamedFlag::name);
        if (known == filterFlags.end())
            return fail(ErrorCode::InvalidArgument, "unknown seccomp flag " + backquoted(name) +
                                                        "; use SECCOMP_FILTER_FLAG_TSYNC, SECCOMP_FILTER_FLAG_LOG "
                                                        "or SECCOMP_FILTER_FLAG_SPEC_ALLOW");
        if (known->value == 0)
            warnings.push_back("flag " + name + " ignored: it only matters with a notification listener");
        flags |= known->value;
    }
    return flags;
}

// Adds the profile's architectures besides the native one that seccomp_init added, and
// answers all the filter covers. Like runc and crun, an architecture the spec names but
// this libseccomp cannot add is skipped.
Result<std::vector<std::uint32_t>> addArchitectures(void *context, const json &profile,
                                                    std::vector<std::string> &warnings)
{
    std::vector<std::uint32_t> covered{seccomp_arch_native()};
    if (!profile.contains("architectures") || profile.at("architectures").is_null())
        return covered;
    const json &list = profile.at("architectures");
    if (!list.is_array())
        return fail(ErrorCode::InvalidArgument,
                    "architectures is " + backquoted(list.dump()) + ", not a list of SCMP_ARCH_ names");
    for (const json &entry : list) {
        const std::string name = jsonText(entry);
        if (std::ranges::find(ociArchitectures, name) == ociArchitectures.end())
            return fail(ErrorCode::InvalidArgument, "unknown seccomp architecture " + backquoted(name) +
                                                        "; use names such as SCMP_ARCH_X86_64, SCMP_ARCH_X86, "
                                                        "SCMP_ARCH_X32, SCMP_ARCH_AARCH64 or SCMP_ARCH_ARM");
        std::string libseccompName = name.substr(std::string_view("SCMP_ARCH_").size());
        std::ranges::transform(libseccompName, libseccompName.begin(),
                               [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        const std::uint32_t token = seccomp_arch_resolve_name(libseccompName.c_str());
        if (token == 0) {
            warnings.push_back("architecture " + name + " skipped: this libseccomp does not know it");
            continue;
        }
        const int result = seccomp_arch_add(context, token);
        if (result == 0)
            covered.push_back(token);
        else if (result != -EEXIST)
            warnings.push_back("architecture " + name + " skipped: libseccomp could not add it (" +
                               std::strerror(-result) + ")");
    }
    return covered;
}

std::string actionName(std::uint32_t action)
{
    switch (action & 0xffff0000U) {
    case SCMP_ACT_KILL_PROCESS:
        return "SCMP_ACT_KILL_PROCESS";
    case SCMP_ACT_KILL_THREAD:
        return "SCMP_ACT_KILL_THREAD";
    case SCMP_ACT_TRAP:
        return "SCMP_ACT_TRAP";
    case SCMP_ACT_ERRNO(0):
        return "SCMP_ACT_ERRNO(" + std::to_string(action & 0xffffU) + ")";
    case SCMP_ACT_TRACE(0):
        return "SCMP_ACT_TRACE(" + std::to_string(action & 0xffffU) + ")";
    case SCMP_ACT_LOG:
        return "SCMP_ACT_LOG";
    case SCMP_ACT_ALLOW:
        return "SCMP_ACT_ALLOW";
    default:
        return std::to_string(action);
    }
}

// Which earlier rule already decides a syscall, so that overlapping rules are reported
// instead of being dropped silently by libseccomp (which keeps the first rule that
// matches every call, and lets such a rule replace earlier rules with arguments).
struct EarlierRules {
    std::optional<std::size_t> unconditional;
    std::uint32_t unconditionalAction = 0;
    std::optional<std::size_t> conditional;
};

class RuleAdder {
public:
    RuleAdder(void *context, std::uint32_t defaultAction, std::vector<std::string> &warnings)
        : context_(context), defaultAction_(defaultAction), warnings_(warnings)
    {
    }

    Status add(const json &rule, std::size_t ruleIndex)
    {
        const std::string where = ruleWhere(ruleIndex);
        if (!rule.is_object())
            return fail(ErrorCode::InvalidArgument, where + " is " + backquoted(rule.dump()) + ", not an object");
        if (!rule.contains("action"))
            return fail(ErrorCode::InvalidArgument, where + " has no " + backquoted("action"));
        auto errnoRet = errnoField(rule, "errnoRet", where);
        if (!errnoRet)
            return std::unexpected(std::move(errnoRet).error());
        auto action = parseAction(rule.at("action"), *errnoRet, where);
        if (!action)
            return std::unexpected(std::move(action).error());

        std::vector<scmp_arg_cmp> conditions;
        std::array<int, 6> perIndex{};
        if (rule.contains("args") && !rule.at("args").is_null()) {
            const json &args = rule.at("args");
            if (!args.is_array())
                return fail(ErrorCode::InvalidArgument, where + ".args is " + backquoted(args.dump()) + ", not a list");
            for (std::size_t i = 0; i < args.size(); ++i) {
                auto condition = parseArgument(args[i], where + ".args[" + std::to_string(i) + "]");
                if (!condition)
                    return std::unexpected(std::move(condition).error());
                ++perIndex[condition->arg];
                conditions.push_back(*condition);
            }
        }

        const json *names = nullptr;
        if (rule.contains("names"))
            names = &rule.at("names");
        if (!names || !names->is_array())
            return fail(ErrorCode::InvalidArgument,
                        where + " has no list of syscall " + backquoted("names") + "; give the syscalls it applies to");

        // libseccomp refuses rules that repeat the default action; they change nothing.
        if (*action == defaultAction_)
            return {};

        for (const json &entry : *names) {
            if (!entry.is_string() || entry.get<std::string>().empty())
                return fail(ErrorCode::InvalidArgument,
                            where + ".names holds " + backquoted(entry.dump()) + ", not a syscall name");
            const std::string name = entry.get<std::string>();
            const int number = seccomp_syscall_resolve_name(name.c_str());
            if (number == __NR_SCMP_ERROR) {
                warnings_.push_back("syscall " + name + " skipped: this libseccomp does not know it");
                continue;
            }
            auto added = addForSyscall(name, number, *action, conditions, perIndex, ruleIndex);
            if (!added)
                return std::unexpected(std::move(added).error());
        }
        return {};
    }

    [[nodiscard]] std::size_t rulesAdded() const { return rulesAdded_; }

private:
    Status addForSyscall(const std::string &name, int number, std::uint32_t action,
                         const std::vector<scmp_arg_cmp> &conditions, const std::array<int, 6> &perIndex,
                         std::size_t ruleIndex)
    {
        EarlierRules &earlier = earlier_[number];
        const std::string where = ruleWhere(ruleIndex);
        if (earlier.unconditional) {
            if (earlier.unconditionalAction != action || !conditions.empty())
                warnings_.push_back(where + " for syscall " + name + " ignored: " + ruleWhere(*earlier.unconditional) +
                                    " already gives every call " + actionName(earlier.unconditionalAction));
            return {};
        }
        if (conditions.empty()) {
            if (earlier.conditional)
                warnings_.push_back(where + " gives every call of syscall " + name + " " + actionName(action) +
                                    ", replacing the argument rules of " + ruleWhere(*earlier.conditional));
            earlier.unconditional = ruleIndex;
            earlier.unconditionalAction = action;
            return addRule(name, number, action, {}, where);
        }
        if (!earlier.conditional)
            earlier.conditional = ruleIndex;
        // Conditions within one rule must all hold, but libseccomp cannot AND two
        // comparisons of the same argument; runc and crun then add each comparison as a
        // rule of its own (so any of them matches), and Docker's profiles rely on that.
        const bool repeatsAnArgument = std::ranges::any_of(perIndex, [](int count) { return count > 1; });
        if (!repeatsAnArgument)
            return addRule(name, number, action, conditions, where);
        for (const scmp_arg_cmp &condition : conditions) {
            auto added = addRule(name, number, action, {condition}, where);
            if (!added)
                return added;
        }
        return {};
    }

    Status addRule(const std::string &name, int number, std::uint32_t action,
                   const std::vector<scmp_arg_cmp> &conditions, const std::string &where)
    {
        const int result = seccomp_rule_add_array(context_, action, number,
                                                  static_cast<unsigned int>(conditions.size()), conditions.data());
        if (result == 0) {
            ++rulesAdded_;
            return {};
        }
        if (result == -EEXIST)
            return fail(ErrorCode::InvalidArgument,
                        where + ": the rule for syscall " + backquoted(name) + " (" + actionName(action) +
                            ") contradicts an earlier rule with the same arguments and another action; "
                            "remove one of them");
        return fail(ErrorCode::InvalidArgument, where + ": libseccomp refused the rule for syscall " +
                                                    backquoted(name) + " (" + actionName(action) +
                                                    "): " + std::strerror(-result) + "; check its args");
    }

    void *context_;
    std::uint32_t defaultAction_;
    std::vector<std::string> &warnings_;
    std::map<int, EarlierRules> earlier_;
    std::size_t rulesAdded_ = 0;
};

// libseccomp 2.5 can only write the program to a file descriptor; a memfd keeps it off disk.
Result<std::vector<sock_filter>> exportProgram(void *context)
{
    UniqueFd memory(::memfd_create("berth-seccomp-bpf", MFD_CLOEXEC));
    if (!memory.valid())
        return failErrno("creating a memfd for the seccomp program", errno);
    const int exported = seccomp_export_bpf(context, memory.get());
    if (exported < 0)
        return fail(ErrorCode::Internal,
                    std::string("libseccomp could not generate the BPF program: ") + std::strerror(-exported));
    struct stat status {};
    if (::fstat(memory.get(), &status) != 0)
        return failErrno("measuring the exported seccomp program", errno);
    const auto size = static_cast<std::size_t>(status.st_size);
    if (size == 0 || size % sizeof(sock_filter) != 0)
        return fail(ErrorCode::Internal, "libseccomp exported " + std::to_string(size) +
                                             " bytes, not a whole number of BPF instructions");
    std::vector<sock_filter> program(size / sizeof(sock_filter));
    auto *bytes = reinterpret_cast<char *>(program.data());
    std::size_t done = 0;
    while (done < size) {
        const ssize_t got = ::pread(memory.get(), bytes + done, size - done, static_cast<off_t>(done));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return failErrno("reading the exported seccomp program", errno);
        if (got == 0)
            return fail(ErrorCode::Internal, "the exported seccomp program ended early");
        done += static_cast<std::size_t>(got);
    }
    return program;
}

// Syscalls newer than the profile. A profile written before a syscall existed does not
// mention it, so the default action (usually EPERM) would answer it, and programs that
// probe for a new syscall and fall back only on ENOSYS (glibc, util-linux) would break.
// Like runc, everything numbered above the highest syscall the profile names on an
// architecture answers ENOSYS, as on a kernel that lacks it. These instructions run before
// libseccomp's program, which still checks the architecture and everything at or below.
class EnosysStub {
public:
    // The highest syscall number each covered architecture knows among `names`.
    EnosysStub(const std::vector<std::uint32_t> &architectures, const std::vector<std::string> &names)
    {
        for (const std::uint32_t architecture : architectures) {
            int highest = -1;
            for (const std::string &name : names)
                highest = std::max(highest, seccomp_syscall_resolve_name_arch(architecture, name.c_str()));
            if (highest < 0)
                continue;
            // x32 syscalls arrive as AUDIT_ARCH_X86_64 with bit 30 set in their number.
            if (architecture == SCMP_ARCH_X86_64)
                highestX86_64_ = highest;
            else if (architecture == SCMP_ARCH_X32)
                highestX32_ = highest;
            else
                others_.push_back({architecture, static_cast<std::uint32_t>(highest)});
        }
    }

    [[nodiscard]] std::vector<sock_filter> instructions() const
    {
        const bool x86Block = highestX86_64_ >= 0 || highestX32_ >= 0;
        if (!x86Block && others_.empty())
            return {};
        // Layout: one block per architecture, then "jump to the program", "return ENOSYS".
        const std::size_t length = (x86Block ? 6 : 0) + 4 * others_.size() + 2;
        const std::size_t enosys = length - 1;
        const std::size_t program = length;
        std::vector<sock_filter> code;
        code.reserve(length);
        const auto jumpFrom = [&code](std::size_t target) {
            // Offsets count from the instruction after the jump being appended.
            return static_cast<std::uint8_t>(target - (code.size() + 1));
        };
        const auto compareNumber = [&](std::int64_t highest) {
            if (highest < 0)
                code.push_back(BPF_STMT(BPF_JMP | BPF_JA, static_cast<std::uint32_t>(program - (code.size() + 1))));
            else
                code.push_back(BPF_JUMP(BPF_JMP | BPF_JGT | BPF_K, static_cast<std::uint32_t>(highest),
                                        jumpFrom(enosys), jumpFrom(program)));
        };
        constexpr std::uint32_t x32Bit = 0x40000000;
        if (x86Block) {
            const std::size_t next = code.size() + 6;
            code.push_back(BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, arch)));
            code.push_back(BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 0, jumpFrom(next)));
            code.push_back(BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, nr)));
            code.push_back(BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, x32Bit, 1, 0));
            compareNumber(highestX86_64_);
            compareNumber(highestX32_);
        }
        for (const auto &[architecture, highest] : others_) {
            const std::size_t next = code.size() + 4;
            code.push_back(BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, arch)));
            code.push_back(BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, architecture, 0, jumpFrom(next)));
            code.push_back(BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, nr)));
            compareNumber(highest);
        }
        code.push_back(BPF_STMT(BPF_JMP | BPF_JA, 1));
        code.push_back(BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS));
        return code;
    }

private:
    std::int64_t highestX86_64_ = -1;
    std::int64_t highestX32_ = -1;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> others_; // audit architecture, highest number
};

// Every syscall name of the profile, whether or not its rule was needed.
std::vector<std::string> profileSyscallNames(const json &profile)
{
    std::vector<std::string> names;
    if (!profile.contains("syscalls") || !profile.at("syscalls").is_array())
        return names;
    for (const json &rule : profile.at("syscalls"))
        if (rule.is_object() && rule.contains("names") && rule.at("names").is_array())
            for (const json &name : rule.at("names"))
                if (name.is_string())
                    names.push_back(name.get<std::string>());
    return names;
}

Result<SeccompFilter> compile(const json &profile)
{
    if (!profile.is_object())
        return fail(ErrorCode::InvalidArgument, "the profile is " + backquoted(profile.dump()) + ", not an object");
    if (!profile.contains("defaultAction"))
        return fail(ErrorCode::InvalidArgument,
                    "the profile has no " + backquoted("defaultAction") + "; say what happens to other syscalls, "
                                                                          "e.g. SCMP_ACT_ERRNO");
    auto compiled = std::make_unique<SeccompFilter::Compiled>();

    auto defaultErrno = errnoField(profile, "defaultErrnoRet", "");
    if (!defaultErrno)
        return std::unexpected(std::move(defaultErrno).error());
    auto defaultAction = parseAction(profile.at("defaultAction"), *defaultErrno, "defaultAction");
    if (!defaultAction)
        return std::unexpected(std::move(defaultAction).error());
    auto flags = parseFlags(profile, compiled->warnings);
    if (!flags)
        return std::unexpected(std::move(flags).error());
    compiled->flags = *flags;

    SeccompContext context(seccomp_init(*defaultAction));
    if (!context)
        return fail(ErrorCode::Internal, "libseccomp could not create a filter with default action " +
                                             actionName(*defaultAction));
    auto architectures = addArchitectures(context.get(), profile, compiled->warnings);
    if (!architectures)
        return std::unexpected(std::move(architectures).error());

    RuleAdder adder(context.get(), *defaultAction, compiled->warnings);
    if (profile.contains("syscalls") && !profile.at("syscalls").is_null()) {
        const json &rules = profile.at("syscalls");
        if (!rules.is_array())
            return fail(ErrorCode::InvalidArgument, "syscalls is " + backquoted(rules.dump()) + ", not a list");
        for (std::size_t i = 0; i < rules.size(); ++i) {
            auto added = adder.add(rules[i], i);
            if (!added)
                return std::unexpected(std::move(added).error());
        }
    }
    // A binary tree of syscall numbers keeps long profiles such as Docker's short and fast;
    // like runc, only for many rules (libseccomp 2.5 mishandles the tree for no rules).
    if (adder.rulesAdded() > 32)
        (void)seccomp_attr_set(context.get(), SCMP_FLTATR_CTL_OPTIMIZE, 2);

    auto program = exportProgram(context.get());
    if (!program)
        return std::unexpected(std::move(program).error());
    // When the default allows, unknown syscalls are allowed anyway and need no stub.
    if (*defaultAction != SCMP_ACT_ALLOW && *defaultAction != SCMP_ACT_LOG) {
        const std::vector<sock_filter> stub =
            EnosysStub(*architectures, profileSyscallNames(profile)).instructions();
        program->insert(program->begin(), stub.begin(), stub.end());
    }
    if (program->size() > maximumInstructions)
        return fail(ErrorCode::InvalidArgument, "the profile compiles to " + std::to_string(program->size()) +
                                                    " BPF instructions, more than the kernel's limit of " +
                                                    std::to_string(maximumInstructions) +
                                                    "; merge rules or list fewer syscalls");
    compiled->program = std::move(*program);
    return SeccompFilter(std::move(compiled));
}

} // namespace

namespace {

// Bump when compile() or the EnosysStub would make a different program from the same
// profile: cached programs of an older revision are then compiled again.
constexpr int compilerRevision = 1;
constexpr std::string_view serializedMagic = "berth-seccomp-program 1\n";

void appendNumber(std::string &bytes, std::uint32_t value)
{
    bytes.append(reinterpret_cast<const char *>(&value), sizeof value);
}

bool takeNumber(std::string_view &bytes, std::uint32_t &value)
{
    if (bytes.size() < sizeof value)
        return false;
    std::memcpy(&value, bytes.data(), sizeof value);
    bytes.remove_prefix(sizeof value);
    return true;
}

} // namespace

std::string SeccompFilter::serialize() const
{
    std::string bytes(serializedMagic);
    if (!compiled_)
        return bytes;
    appendNumber(bytes, compiled_->flags);
    appendNumber(bytes, static_cast<std::uint32_t>(compiled_->warnings.size()));
    for (const auto &warning : compiled_->warnings) {
        appendNumber(bytes, static_cast<std::uint32_t>(warning.size()));
        bytes += warning;
    }
    appendNumber(bytes, static_cast<std::uint32_t>(compiled_->program.size()));
    bytes.append(reinterpret_cast<const char *>(compiled_->program.data()),
                 compiled_->program.size() * sizeof(sock_filter));
    return bytes;
}

std::optional<SeccompFilter> SeccompFilter::deserialize(std::string_view bytes)
{
    if (!bytes.starts_with(serializedMagic))
        return std::nullopt;
    bytes.remove_prefix(serializedMagic.size());
    auto compiled = std::make_unique<Compiled>();
    std::uint32_t warnings = 0;
    if (!takeNumber(bytes, compiled->flags) || !takeNumber(bytes, warnings) || warnings > 100000)
        return std::nullopt;
    for (std::uint32_t index = 0; index < warnings; ++index) {
        std::uint32_t length = 0;
        if (!takeNumber(bytes, length) || bytes.size() < length)
            return std::nullopt;
        compiled->warnings.emplace_back(bytes.substr(0, length));
        bytes.remove_prefix(length);
    }
    std::uint32_t instructions = 0;
    if (!takeNumber(bytes, instructions) || instructions == 0 || instructions > maximumInstructions ||
        bytes.size() != instructions * sizeof(sock_filter))
        return std::nullopt;
    compiled->program.resize(instructions);
    std::memcpy(compiled->program.data(), bytes.data(), bytes.size());
    return SeccompFilter(std::move(compiled));
}

std::string seccompCompilerIdentity()
{
    const scmp_version *version = seccomp_version();
    utsname host{};
    (void)::uname(&host);
    return "berth seccomp compiler " + std::to_string(compilerRevision) + "; libseccomp " +
           std::to_string(version->major) + "." + std::to_string(version->minor) + "." +
           std::to_string(version->micro) + " api " + std::to_string(seccomp_api_get()) + "; arch " +
           std::to_string(seccomp_arch_native()) + "; kernel " + host.release;
}

Result<SeccompFilter> compileSeccompProfile(const nlohmann::json &linuxSeccomp)
{
    // Every field is type-checked before use; a json exception here would be our bug, and
    // must not cross the library boundary.
    try {
        auto filter = compile(linuxSeccomp);
        if (!filter)
            return std::unexpected(std::move(filter).error().withContext("compiling the seccomp profile"));
        return filter;
    } catch (const nlohmann::json::exception &error) {
        return fail(ErrorCode::InvalidArgument,
                    std::string("compiling the seccomp profile: malformed field: ") + error.what());
    }
}

} // namespace berth::runtime
