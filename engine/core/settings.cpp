#include "engine/core/settings.h"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdint>

namespace berth {

namespace {

constexpr long long kib = 1024;
constexpr long long mib = 1024 * kib;
constexpr long long gib = 1024 * mib;

constexpr std::array definitions{
    SettingDefinition{"registry-mirrors", SettingKind::UrlList, "", 0, 0, "registry-mirrors"},
    SettingDefinition{"insecure-registries", SettingKind::RegistryList, "", 0, 0, "insecure-registries"},
    SettingDefinition{"default-bridge-subnet", SettingKind::Subnet, "10.77.0.0/16", 0, 0, "bip"},
    SettingDefinition{"dns", SettingKind::AddressList, "", 0, 0, "dns"},
    SettingDefinition{"log-max-size", SettingKind::Size, "10m", 4 * kib, 16 * gib, "log-opts.max-size"},
    SettingDefinition{"log-max-file", SettingKind::Integer, "3", 1, 100, "log-opts.max-file"},
    SettingDefinition{"max-concurrent-downloads", SettingKind::Integer, "3", 1, 32, "max-concurrent-downloads"},
    SettingDefinition{"max-concurrent-uploads", SettingKind::Integer, "5", 1, 32, "max-concurrent-uploads"},
    SettingDefinition{"max-download-attempts", SettingKind::Integer, "5", 1, 20, "max-download-attempts"},
    // Docker has no such cap; it guards against decompression bombs in hostile layers.
    SettingDefinition{"max-layer-size", SettingKind::Size, "8g", 64 * kib, 1024 * gib, "(Berth only)"},
};

constexpr std::size_t maximumValueLength = 4096;

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    return text;
}

std::string lowered(std::string_view text)
{
    std::string out(text);
    std::ranges::transform(out, out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

/// Splits on commas and whitespace, dropping empty items, so "a, b" and "a,b" agree.
std::vector<std::string_view> listItems(std::string_view text)
{
    std::vector<std::string_view> items;
    std::size_t start = 0;
    for (std::size_t index = 0; index <= text.size(); ++index) {
        if (index == text.size() || text[index] == ',' || std::isspace(static_cast<unsigned char>(text[index]))) {
            if (index > start)
                items.push_back(text.substr(start, index - start));
            start = index + 1;
        }
    }
    return items;
}

std::string joined(const std::vector<std::string> &items)
{
    std::string out;
    for (const auto &item : items) {
        if (!out.empty())
            out += ',';
        out += item;
    }
    return out;
}

bool isHostnameCharacter(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_';
}

Result<int> parsePort(std::string_view text)
{
    int port = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), port);
    if (ec != std::errc() || end != text.data() + text.size() || port < 1 || port > 65535)
        return fail(ErrorCode::InvalidArgument, backquoted(text) + " is not a port number (1-65535)");
    return port;
}

/// host, host:port, [v6]:port — the registry part of an image reference.
Status checkHostAndPort(std::string_view hostPort)
{
    std::string_view host = hostPort;
    if (host.starts_with('[')) {
        const auto close = host.find(']');
        if (close == std::string_view::npos)
            return fail(ErrorCode::InvalidArgument, "unclosed `[` in " + backquoted(hostPort));
        in6_addr address{};
        const std::string inside(host.substr(1, close - 1));
        if (inet_pton(AF_INET6, inside.c_str(), &address) != 1)
            return fail(ErrorCode::InvalidArgument, backquoted(inside) + " is not an IPv6 address");
        const auto rest = host.substr(close + 1);
        if (rest.empty())
            return {};
        if (!rest.starts_with(':'))
            return fail(ErrorCode::InvalidArgument, "unexpected " + backquoted(rest) + " after `]`");
        if (auto port = parsePort(rest.substr(1)); !port)
            return std::unexpected(port.error());
        return {};
    }
    if (const auto colon = host.rfind(':'); colon != std::string_view::npos) {
        if (auto port = parsePort(host.substr(colon + 1)); !port)
            return std::unexpected(port.error());
        host = host.substr(0, colon);
    }
    if (host.empty() || host.size() > 253 || !std::ranges::all_of(host, isHostnameCharacter) ||
        host.front() == '-' || host.front() == '.' || host.back() == '.')
        return fail(ErrorCode::InvalidArgument, backquoted(host) + " is not a valid host name");
    return {};
}

struct Ipv4Network {
    std::uint32_t address;
    int prefix;
};

Result<Ipv4Network> parseIpv4Cidr(std::string_view text)
{
    const auto slash = text.find('/');
    if (slash == std::string_view::npos)
        return fail(ErrorCode::InvalidArgument,
                    backquoted(text) + " has no prefix length; write it as ADDRESS/PREFIX, e.g. 10.77.0.0/16");
    const std::string addressText(text.substr(0, slash));
    in_addr address{};
    if (inet_pton(AF_INET, addressText.c_str(), &address) != 1)
        return fail(ErrorCode::InvalidArgument, backquoted(addressText) + " is not an IPv4 address");
    int prefix = -1;
    const auto prefixText = text.substr(slash + 1);
    auto [end, ec] = std::from_chars(prefixText.data(), prefixText.data() + prefixText.size(), prefix);
    if (ec != std::errc() || end != prefixText.data() + prefixText.size() || prefix < 0 || prefix > 32)
        return fail(ErrorCode::InvalidArgument, backquoted(prefixText) + " is not a prefix length (0-32)");
    return Ipv4Network{ntohl(address.s_addr), prefix};
}

bool isPrivateIpv4Network(const Ipv4Network &network)
{
    // RFC 1918 ranges: 10/8, 172.16/12, 192.168/16.
    const struct {
        std::uint32_t base;
        int prefix;
    } ranges[] = {{0x0A000000u, 8}, {0xAC100000u, 12}, {0xC0A80000u, 16}};
    for (const auto &range : ranges) {
        const std::uint32_t mask = range.prefix == 0 ? 0 : ~0u << (32 - range.prefix);
        if (network.prefix >= range.prefix && (network.address & mask) == range.base)
            return true;
    }
    return false;
}

Result<std::string> canonicalUrlList(std::string_view value)
{
    std::vector<std::string> urls;
    for (auto item : listItems(value)) {
        const auto schemeEnd = item.find("://");
        const std::string scheme = schemeEnd == std::string_view::npos ? "" : lowered(item.substr(0, schemeEnd));
        if (scheme != "http" && scheme != "https")
            return fail(ErrorCode::InvalidArgument,
                        backquoted(item) + " is not a mirror URL; write it as https://HOST[:PORT][/PATH]");
        const auto rest = item.substr(schemeEnd + 3);
        const auto hostEnd = rest.find('/');
        const std::string host = lowered(rest.substr(0, hostEnd));
        if (auto checked = checkHostAndPort(host); !checked)
            return std::unexpected(std::move(checked.error()).withContext("mirror " + backquoted(item)));
        std::string path(hostEnd == std::string_view::npos ? std::string_view() : rest.substr(hostEnd));
        if (path.find_first_of("?#") != std::string::npos)
            return fail(ErrorCode::InvalidArgument, "mirror " + backquoted(item) + " must not have a query or fragment");
        while (path.ends_with('/'))
            path.pop_back();
        std::string url = scheme + "://" + host + path;
        if (std::ranges::find(urls, url) == urls.end())
            urls.push_back(std::move(url));
    }
    return joined(urls);
}

Result<std::string> canonicalRegistryList(std::string_view value)
{
    std::vector<std::string> registries;
    for (auto item : listItems(value)) {
        std::string entry = lowered(item);
        if (entry.find("://") != std::string::npos)
            return fail(ErrorCode::InvalidArgument,
                        backquoted(item) + " has a scheme; write an insecure registry as HOST[:PORT] or a CIDR such as 192.168.0.0/16");
        if (entry.find('/') != std::string::npos) {
            auto network = parseIpv4Cidr(entry);
            if (!network)
                return std::unexpected(std::move(network.error()).withContext("insecure registry " + backquoted(item)));
        } else if (auto host = checkHostAndPort(entry); !host) {
            return std::unexpected(std::move(host.error()).withContext("insecure registry " + backquoted(item)));
        }
        if (std::ranges::find(registries, entry) == registries.end())
            registries.push_back(entry);
    }
    return joined(registries);
}

Result<std::string> canonicalAddressList(std::string_view value)
{
    std::vector<std::string> addresses;
    for (auto item : listItems(value)) {
        const std::string text(item);
        in_addr v4{};
        in6_addr v6{};
        char buffer[INET6_ADDRSTRLEN] = {};
        if (inet_pton(AF_INET, text.c_str(), &v4) == 1)
            inet_ntop(AF_INET, &v4, buffer, sizeof buffer);
        else if (inet_pton(AF_INET6, text.c_str(), &v6) == 1)
            inet_ntop(AF_INET6, &v6, buffer, sizeof buffer);
        else
            return fail(ErrorCode::InvalidArgument, backquoted(item) + " is not an IP address (e.g. 10.77.0.1)");
        if (std::ranges::find(addresses, buffer) == addresses.end())
            addresses.emplace_back(buffer);
    }
    return joined(addresses);
}

Result<std::string> canonicalSubnet(std::string_view value)
{
    auto network = parseIpv4Cidr(trimmed(value));
    if (!network)
        return std::unexpected(network.error());
    if (network->prefix < 8 || network->prefix > 28)
        return fail(ErrorCode::InvalidArgument,
                    "a bridge subnet needs a prefix length between 8 and 28, got /" + std::to_string(network->prefix));
    const std::uint32_t mask = ~0u << (32 - network->prefix);
    if ((network->address & ~mask) != 0)
        return fail(ErrorCode::InvalidArgument,
                    backquoted(value) + " has host bits set; the network address is " +
                        [&] {
                            in_addr base{htonl(network->address & mask)};
                            char buffer[INET_ADDRSTRLEN] = {};
                            inet_ntop(AF_INET, &base, buffer, sizeof buffer);
                            return std::string(buffer) + "/" + std::to_string(network->prefix);
                        }());
    if (!isPrivateIpv4Network(*network))
        return fail(ErrorCode::InvalidArgument,
                    backquoted(value) + " is not inside a private range (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16); "
                                    "containers would hide real hosts on the internet");
    return std::string(trimmed(value));
}

std::string sizeText(long long bytes)
{
    if (bytes % gib == 0)
        return std::to_string(bytes / gib) + "g";
    if (bytes % mib == 0)
        return std::to_string(bytes / mib) + "m";
    if (bytes % kib == 0)
        return std::to_string(bytes / kib) + "k";
    return std::to_string(bytes);
}

Result<std::string> canonicalInteger(const SettingDefinition &definition, std::string_view value)
{
    const auto text = trimmed(value);
    long long number = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size())
        return fail(ErrorCode::InvalidArgument, backquoted(value) + " is not a whole number");
    if (number < definition.minimum || number > definition.maximum)
        return fail(ErrorCode::InvalidArgument, std::to_string(number) + " is out of range; use " +
                                                    std::to_string(definition.minimum) + " to " +
                                                    std::to_string(definition.maximum));
    return std::to_string(number);
}

} // namespace

std::span<const SettingDefinition> settingDefinitions()
{
    return definitions;
}

const SettingDefinition *findSetting(std::string_view key)
{
    for (const auto &definition : definitions) {
        if (definition.key == key)
            return &definition;
    }
    return nullptr;
}

Result<long long> parseSize(std::string_view text)
{
    text = trimmed(text);
    std::string lower = lowered(text);
    long long multiplier = 1;
    if (lower.ends_with("b"))
        lower.pop_back();
    if (!lower.empty()) {
        switch (lower.back()) {
        case 'k': multiplier = kib; break;
        case 'm': multiplier = mib; break;
        case 'g': multiplier = gib; break;
        default: break;
        }
        if (multiplier != 1)
            lower.pop_back();
    }
    long long number = 0;
    auto [end, ec] = std::from_chars(lower.data(), lower.data() + lower.size(), number);
    if (lower.empty() || ec != std::errc() || end != lower.data() + lower.size() || number < 0)
        return fail(ErrorCode::InvalidArgument, backquoted(text) + " is not a size; write e.g. 512k, 10m or 1g");
    if (number > (1LL << 50) / multiplier)
        return fail(ErrorCode::InvalidArgument, backquoted(text) + " is too large");
    return number * multiplier;
}

Result<std::string> canonicalSettingValue(std::string_view key, std::string_view value)
{
    const SettingDefinition *definition = findSetting(key);
    if (!definition) {
        std::string known;
        for (const auto &each : definitions) {
            known += known.empty() ? "" : ", ";
            known += each.key;
        }
        return fail(ErrorCode::InvalidArgument, "unknown setting " + backquoted(key) + "; known settings: " + known);
    }
    if (value.size() > maximumValueLength)
        return fail(ErrorCode::InvalidArgument, "the value for " + backquoted(key) + " is longer than " +
                                                    std::to_string(maximumValueLength) + " bytes");
    if (value.find('\0') != std::string_view::npos)
        return fail(ErrorCode::InvalidArgument, "the value for " + backquoted(key) + " contains a NUL byte");

    Result<std::string> canonical = [&]() -> Result<std::string> {
        switch (definition->kind) {
        case SettingKind::UrlList: return canonicalUrlList(value);
        case SettingKind::RegistryList: return canonicalRegistryList(value);
        case SettingKind::AddressList: return canonicalAddressList(value);
        case SettingKind::Subnet: return canonicalSubnet(value);
        case SettingKind::Integer: return canonicalInteger(*definition, value);
        case SettingKind::Size: {
            auto bytes = parseSize(value);
            if (!bytes)
                return std::unexpected(bytes.error());
            if (*bytes < definition->minimum || *bytes > definition->maximum)
                return fail(ErrorCode::InvalidArgument, backquoted(value) + " is out of range; use " +
                                                            sizeText(definition->minimum) + " to " +
                                                            sizeText(definition->maximum));
            return sizeText(*bytes);
        }
        }
        return fail(ErrorCode::Internal, "setting kind not handled");
    }();
    if (!canonical)
        return std::unexpected(std::move(canonical.error()).withContext("setting " + backquoted(key)));
    return canonical;
}

} // namespace berth
