#include "engine/core/reference.h"

#include <algorithm>
#include <optional>

// The grammar is distribution/reference's (reference.go, regexp.go) and the normalisation is
// its ParseNormalizedNamed/splitDockerDomain, which Docker uses for every command that takes
// an image name. It is checked by hand rather than with a regular expression so that each
// failure can say which part is wrong and where.

namespace berth::image {
namespace {

constexpr std::string_view dockerHubDomain = "docker.io";
// The old "Docker Index" name; Docker rewrites it to docker.io.
constexpr std::string_view legacyDockerHubDomain = "index.docker.io";
// docker.io is a name, not a host: Docker Hub's registry API answers at this host.
constexpr std::string_view dockerHubRegistryHost = "registry-1.docker.io";
constexpr std::string_view officialRepositoryPrefix = "library/";
constexpr std::string_view localhostDomain = "localhost";
constexpr std::string_view defaultTag = "latest";
constexpr std::string_view supportedDigestAlgorithm = "sha256";
// Docker counts the path only (not the domain) since distribution/reference v0.6.0.
constexpr std::size_t maxPathLength = 255;
constexpr std::size_t maxTagLength = 128;
constexpr std::size_t sha256HexLength = 64;
// Inputs longer than this are shortened when quoted in a message.
constexpr std::size_t maxQuotedLength = 120;

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool isLower(char c) { return c >= 'a' && c <= 'z'; }
bool isLowerAlphanumeric(char c) { return isLower(c) || isDigit(c); }
bool isAlphanumeric(char c) { return isLowerAlphanumeric(c) || isUpper(c); }
bool isLowerHex(char c) { return isDigit(c) || (c >= 'a' && c <= 'f'); }
bool isHex(char c) { return isLowerHex(c) || (c >= 'A' && c <= 'F'); }
bool isPathSeparator(char c) { return c == '.' || c == '_' || c == '-'; }
bool isTagCharacter(char c) { return isAlphanumeric(c) || c == '_' || c == '.' || c == '-'; }

bool isSha256Hex(std::string_view text)
{
    return text.size() == sha256HexLength && std::ranges::all_of(text, isLowerHex);
}

// A problem found in one part of the input, worded for a person; nullopt when that part is fine.
using Problem = std::optional<std::string>;

// Positions are counted from 1, as a person reads the text.
std::string position(std::size_t index)
{
    return "position " + std::to_string(index + 1);
}

// One character quoted for a message; a byte of a multi-byte UTF-8 sequence is not printable alone.
std::string quotedCharacter(char c)
{
    if (static_cast<unsigned char>(c) >= 0x80)
        return "non-ASCII character";
    if (c == ' ')
        return "space";
    return "character " + backquoted(std::string_view(&c, 1));
}

std::string quotedInput(std::string_view text)
{
    if (text.size() <= maxQuotedLength)
        return backquoted(text);
    return backquoted(std::string(text.substr(0, maxQuotedLength)) + "...");
}

std::unexpected<Error> invalidReference(std::string_view text, std::string_view problem)
{
    return fail(ErrorCode::InvalidArgument, "invalid image reference " + quotedInput(text) + ": " + std::string(problem));
}

Problem tagProblem(std::string_view tag, std::size_t offset)
{
    if (tag.empty())
        return "the tag is empty; a tag is 1 to 128 letters, digits, `_`, `.` or `-`";
    for (std::size_t index = 0; index < tag.size(); ++index) {
        if (!isTagCharacter(tag[index]))
            return "invalid " + quotedCharacter(tag[index]) + " at " + position(offset + index) +
                   " in the tag; a tag may contain only letters, digits, `_`, `.` and `-`";
    }
    if (tag.front() == '.' || tag.front() == '-')
        return "the tag must not start with " + backquoted(tag.substr(0, 1)) + "; a tag starts with a letter, digit or `_`";
    if (tag.size() > maxTagLength)
        return "the tag is " + std::to_string(tag.size()) + " characters long; at most 128 are allowed";
    return std::nullopt;
}

// A host label as in DNS: letters, digits and inner `-`. Docker allows uppercase here.
Problem domainLabelProblem(std::string_view label, std::size_t offset, std::string_view domain)
{
    if (label.empty())
        return "the registry domain " + backquoted(domain) + " has an empty label at " + position(offset) +
               "; labels are separated by single dots, with none at the start or end";
    if (label.front() == '-' || label.back() == '-')
        return "the registry domain label " + backquoted(label) + " at " + position(offset) +
               " starts or ends with `-`; labels start and end with a letter or digit";
    return std::nullopt;
}

Problem portProblem(std::string_view port, std::size_t offset, bool bracketedHost)
{
    if (port.empty())
        return "the registry port after `:` at " + position(offset - 1) + " is empty; write `HOST:PORT` or leave out the `:`";
    for (std::size_t index = 0; index < port.size(); ++index) {
        if (isDigit(port[index]))
            continue;
        if (port[index] == ':' && !bracketedHost)
            return "unexpected `:` at " + position(offset + index) +
                   " in the registry domain; an IPv6 address must be written in brackets, for example `[fc00::1]:5000/name`";
        return "invalid " + quotedCharacter(port[index]) + " at " + position(offset + index) +
               " in the registry port; a port is digits only";
    }
    return std::nullopt;
}

// domain := host [":" port]; host := DNS-like name | IPv4 | "[" IPv6 "]".
Problem domainProblem(std::string_view domain, std::size_t offset)
{
    if (domain.starts_with('[')) {
        const auto close = domain.find(']');
        if (close == std::string_view::npos)
            return "the IPv6 address at " + position(offset) + " has no closing `]`";
        const auto address = domain.substr(1, close - 1);
        if (address.empty())
            return "the IPv6 address between `[` and `]` at " + position(offset) + " is empty";
        for (std::size_t index = 0; index < address.size(); ++index) {
            if (!isHex(address[index]) && address[index] != ':')
                return "invalid " + quotedCharacter(address[index]) + " at " + position(offset + 1 + index) +
                       " in the IPv6 address; only hex digits and `:` are allowed between `[` and `]` "
                       "(no zone identifiers or embedded IPv4 addresses)";
        }
        const auto rest = domain.substr(close + 1);
        if (rest.empty())
            return std::nullopt;
        if (rest.front() != ':')
            return "unexpected " + quotedCharacter(rest.front()) + " at " + position(offset + close + 1) +
                   " after the IPv6 address; expected `:PORT` or `/`";
        return portProblem(rest.substr(1), offset + close + 2, true);
    }

    const auto colon = domain.find(':');
    const auto host = domain.substr(0, colon);
    if (host.empty())
        return "the registry host before `:` at " + position(offset) + " is empty";
    for (std::size_t index = 0; index < host.size(); ++index) {
        const char c = host[index];
        if (!isAlphanumeric(c) && c != '-' && c != '.')
            return "invalid " + quotedCharacter(c) + " at " + position(offset + index) +
                   " in the registry domain; a domain may contain only letters, digits, `-` and `.`";
    }
    std::size_t labelStart = 0;
    for (std::size_t index = 0; index <= host.size(); ++index) {
        if (index < host.size() && host[index] != '.')
            continue;
        const auto label = host.substr(labelStart, index - labelStart);
        // An empty label at the very end is reported at the trailing dot.
        const auto labelOffset = label.empty() && index == host.size() && index > 0 ? index - 1 : labelStart;
        if (auto problem = domainLabelProblem(label, offset + labelOffset, host))
            return problem;
        labelStart = index + 1;
    }
    if (colon == std::string_view::npos)
        return std::nullopt;
    return portProblem(domain.substr(colon + 1), offset + colon + 1, false);
}

// path-component := [a-z0-9]+ (separator [a-z0-9]+)*; separator := "." | "_" | "__" | "-"+
Problem pathComponentProblem(std::string_view component, std::size_t offset)
{
    for (std::size_t index = 0; index < component.size(); ++index) {
        const char c = component[index];
        if (!isLowerAlphanumeric(c) && !isPathSeparator(c))
            return "invalid " + quotedCharacter(c) + " at " + position(offset + index) +
                   " in the repository name; it may contain only lowercase letters, digits and the separators "
                   "`.`, `_`, `__` and `-`";
    }
    if (isPathSeparator(component.front()))
        return "the repository name component " + backquoted(component) + " at " + position(offset) + " starts with " +
               backquoted(component.substr(0, 1)) + "; components start and end with a lowercase letter or digit";
    if (isPathSeparator(component.back()))
        return "the repository name component " + backquoted(component) + " at " + position(offset) + " ends with " +
               backquoted(component.substr(component.size() - 1)) +
               "; components start and end with a lowercase letter or digit";
    for (std::size_t index = 0; index < component.size();) {
        if (!isPathSeparator(component[index])) {
            ++index;
            continue;
        }
        std::size_t end = index;
        while (end < component.size() && isPathSeparator(component[end]))
            ++end;
        const auto run = component.substr(index, end - index);
        const bool valid = run == "." || run == "_" || run == "__" || std::ranges::all_of(run, [](char c) { return c == '-'; });
        if (!valid)
            return "invalid separator " + backquoted(run) + " at " + position(offset + index) +
                   " in the repository name; a separator is one `.`, one or two `_`, or one or more `-`";
        index = end;
    }
    return std::nullopt;
}

// path := path-component ("/" path-component)*
Problem pathProblem(std::string_view path, std::size_t offset)
{
    // Docker checks case before anything else and says so in these words.
    for (std::size_t index = 0; index < path.size(); ++index) {
        if (isUpper(path[index]))
            return "repository name must be lowercase, but " + quotedCharacter(path[index]) + " at " +
                   position(offset + index) + " is uppercase";
    }
    std::size_t componentStart = 0;
    for (std::size_t index = 0; index <= path.size(); ++index) {
        if (index < path.size() && path[index] != '/')
            continue;
        const auto component = path.substr(componentStart, index - componentStart);
        if (component.empty()) {
            if (componentStart == 0 && offset == 0)
                return "the repository name must not start with `/`";
            if (index == path.size())
                return "the repository name must not end with `/`; put a name after it or drop it";
            return "empty repository name component (`//`) at " + position(offset + index - 1) +
                   "; components are separated by a single `/`";
        }
        if (auto problem = pathComponentProblem(component, offset + componentStart))
            return problem;
        componentStart = index + 1;
    }
    return std::nullopt;
}

bool isDigestAlgorithm(std::string_view algorithm)
{
    // component ([-_+.] component)*, component := [A-Za-z][A-Za-z0-9]*
    bool expectComponentStart = true;
    for (char c : algorithm) {
        if (expectComponentStart) {
            if (!isLower(c) && !isUpper(c))
                return false;
            expectComponentStart = false;
        } else if (c == '-' || c == '_' || c == '+' || c == '.') {
            expectComponentStart = true;
        } else if (!isAlphanumeric(c)) {
            return false;
        }
    }
    return !algorithm.empty() && !expectComponentStart;
}

Problem digestProblem(std::string_view digest, std::size_t offset)
{
    constexpr std::string_view expected = "expected sha256: followed by 64 lowercase hex digits";
    if (digest.empty())
        return "the digest after `@` is empty; " + std::string(expected);
    const auto colon = digest.find(':');
    if (colon == std::string_view::npos || colon == 0)
        return "the digest " + quotedInput(digest) + " has no algorithm; " + std::string(expected);
    const auto algorithm = digest.substr(0, colon);
    const auto hex = digest.substr(colon + 1);
    if (algorithm != supportedDigestAlgorithm) {
        if (isDigestAlgorithm(algorithm) && hex.size() >= 32 && std::ranges::all_of(hex, isHex))
            return "digest algorithm " + backquoted(algorithm) + " is not supported; only sha256 digests are";
        return "the digest " + quotedInput(digest) + " is not well-formed; " + std::string(expected);
    }
    for (std::size_t index = 0; index < hex.size(); ++index) {
        const char c = hex[index];
        if (isLowerHex(c))
            continue;
        if (isHex(c))
            return "uppercase hex digit " + backquoted(std::string_view(&c, 1)) + " at " +
                   position(offset + colon + 1 + index) + " in the digest; sha256 digests are lowercase";
        return "invalid " + quotedCharacter(c) + " at " + position(offset + colon + 1 + index) +
               " in the digest; " + std::string(expected);
    }
    if (hex.size() != sha256HexLength)
        return "the sha256 digest has " + std::to_string(hex.size()) + " hex digits; it needs exactly 64";
    return std::nullopt;
}

std::string withSuffixes(std::string name, const std::string &tag, const std::string &digest)
{
    if (!tag.empty())
        name += ":" + tag;
    if (!digest.empty())
        name += "@" + digest;
    return name;
}

Result<Reference> parse(std::string_view text, bool addDefaultTag)
{
    if (text.empty())
        return fail(ErrorCode::InvalidArgument,
                    "the image reference is empty; give a name such as `nginx`, `nginx:1.27` or "
                    "`registry.example.com/team/app:1.0`");

    // An image id looks like a name to the grammar; Docker refuses it so that `pull <id>`
    // cannot fetch some "library/<hex>" repository by accident.
    if (isSha256Hex(text) || (text.starts_with("sha256:") && isSha256Hex(text.substr(7))))
        return fail(ErrorCode::InvalidArgument,
                    "invalid repository name " + backquoted(text) +
                        ", cannot specify 64-byte hexadecimal strings: this is an image ID, not a reference; "
                        "use it where an image ID is accepted, or give a repository name such as `nginx`");

    if (const auto scheme = text.find("://"); scheme != std::string_view::npos)
        return invalidReference(text, "an image reference has no URL scheme; drop " +
                                          backquoted(text.substr(0, scheme + 3)) + " and write " +
                                          quotedInput(text.substr(scheme + 3)));

    // name [":" tag] ["@" digest]: neither name nor tag contains "@", and a tag follows the last "/".
    const auto at = text.find('@');
    const auto nameAndTag = text.substr(0, at);
    const auto lastSlash = nameAndTag.rfind('/');
    const auto tagColon = nameAndTag.find(':', lastSlash == std::string_view::npos ? 0 : lastSlash + 1);
    const auto name = nameAndTag.substr(0, tagColon);
    const bool hasTag = tagColon != std::string_view::npos;
    const bool hasDigest = at != std::string_view::npos;

    if (name.empty())
        return invalidReference(text, std::string("the repository name before `") + (hasTag ? ":" : "@") +
                                          "` is empty; write NAME[:TAG][@DIGEST], for example `nginx:latest`");
    if (lastSlash == std::string_view::npos && name.starts_with('['))
        return invalidReference(text, "a registry address in brackets must be followed by `/` and a repository name, "
                                      "for example `[::1]:5000/name`");

    // Which part is the registry, exactly as Docker's splitDockerDomain decides: the first
    // component of a name with a "/" is a domain if it is "localhost", contains "." or ":",
    // or has uppercase letters (which a repository name cannot have). A name without "/"
    // is always on Docker Hub, even "localhost" or "example.com".
    std::string domain(dockerHubDomain);
    std::string_view remote = name;
    std::size_t remoteOffset = 0;
    if (const auto firstSlash = name.find('/'); firstSlash != std::string_view::npos) {
        const auto first = name.substr(0, firstSlash);
        const bool hasUppercase = std::ranges::any_of(first, isUpper);
        if (first == localhostDomain || first.find_first_of(".:") != std::string_view::npos || hasUppercase) {
            if (auto problem = domainProblem(first, 0)) {
                // Say why this part was taken for a registry, when that may surprise.
                if (first.find(':') == std::string_view::npos && !first.starts_with('[')) {
                    if (first.find('.') != std::string_view::npos)
                        *problem += " (" + backquoted(first) + " is read as a registry because it contains `.`)";
                    else if (hasUppercase)
                        *problem += " (" + backquoted(first) +
                                    " is read as a registry because it has uppercase letters; repository names must be lowercase)";
                }
                return invalidReference(text, *problem);
            }
            domain = first == legacyDockerHubDomain ? std::string(dockerHubDomain) : std::string(first);
            remote = name.substr(firstSlash + 1);
            remoteOffset = firstSlash + 1;
        }
    }
    if (remote.empty())
        return invalidReference(text, "there is no repository name after the registry " + backquoted(domain) +
                                          "; write REGISTRY/NAME, for example `" + domain + "/name`");
    if (auto problem = pathProblem(remote, remoteOffset)) {
        // For a name that is wrong only in case, show the lowercase spelling.
        if (std::ranges::any_of(remote, isUpper)) {
            std::string lowercase(remote);
            std::ranges::transform(lowercase, lowercase.begin(), [](char c) { return isUpper(c) ? char(c - 'A' + 'a') : c; });
            if (!pathProblem(lowercase, remoteOffset))
                *problem += "; write " + quotedInput(std::string(text.substr(0, remoteOffset)) + lowercase +
                                                     std::string(text.substr(remoteOffset + remote.size())));
        }
        return invalidReference(text, *problem);
    }

    Reference reference;
    reference.domain = std::move(domain);
    // Official images: "docker.io/nginx" is "docker.io/library/nginx".
    if (reference.domain == dockerHubDomain && remote.find('/') == std::string_view::npos)
        reference.path = officialRepositoryPrefix;
    reference.path += remote;
    if (reference.path.size() > maxPathLength)
        return invalidReference(text, "repository name must not be more than 255 characters (" +
                                          backquoted(reference.path.substr(0, 24) + "...") + " has " +
                                          std::to_string(reference.path.size()) + ")");

    if (hasTag) {
        const auto tag = nameAndTag.substr(tagColon + 1);
        if (tag.empty())
            return invalidReference(text, "the tag after `:` at " + position(tagColon) +
                                              " is empty; remove the `:` or give a tag such as `latest`");
        if (auto problem = tagProblem(tag, tagColon + 1))
            return invalidReference(text, *problem);
        reference.tag = tag;
    }
    if (hasDigest) {
        const auto digestText = text.substr(at + 1);
        if (auto problem = digestProblem(digestText, at + 1))
            return invalidReference(text, *problem);
        auto digest = Digest::parse(digestText);
        if (!digest)
            return invalidReference(text, digest.error().message());
        reference.digest = digest->string();
    }
    if (addDefaultTag && !hasTag && !hasDigest)
        reference.tag = defaultTag;
    return reference;
}

} // namespace

std::string Reference::repository() const
{
    return domain + "/" + path;
}

std::string Reference::familiarRepository() const
{
    if (!isDockerHub())
        return repository();
    // Only "library/NAME" is shortened; Docker keeps "library/a/b" as it is.
    if (path.starts_with(officialRepositoryPrefix)) {
        const auto rest = std::string_view(path).substr(officialRepositoryPrefix.size());
        if (rest.find('/') == std::string_view::npos)
            return std::string(rest);
    }
    return path;
}

std::string Reference::string() const
{
    return withSuffixes(repository(), tag, digest);
}

std::string Reference::familiarString() const
{
    return withSuffixes(familiarRepository(), tag, digest);
}

std::string Reference::registryHost() const
{
    return isDockerHub() ? std::string(dockerHubRegistryHost) : domain;
}

std::string Reference::manifestReference() const
{
    return digest.empty() ? tag : digest;
}

bool Reference::isDockerHub() const
{
    return domain == dockerHubDomain;
}

Reference Reference::withTag(std::string newTag) const
{
    Reference copy = *this;
    copy.tag = std::move(newTag);
    return copy;
}

Reference Reference::withDigest(const Digest &newDigest) const
{
    Reference copy = *this;
    copy.digest = newDigest.string();
    return copy;
}

Result<Reference> parseReference(std::string_view text)
{
    return parse(text, true);
}

Result<Reference> parseReferenceNoDefaultTag(std::string_view text)
{
    return parse(text, false);
}

Result<std::string> validateTag(std::string_view tag)
{
    if (auto problem = tagProblem(tag, 0))
        return fail(ErrorCode::InvalidArgument, "invalid tag " + quotedInput(tag) + ": " + *problem);
    return std::string(tag);
}

} // namespace berth::image
