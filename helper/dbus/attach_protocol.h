// How a client (berth attach, run -it, start -a, the GUI) talks to a container's berth-monitor.
//
// The client makes a SOCK_SEQPACKET socket pair and hands one end to berth-helper with the
// AttachContainer call; the helper gives it to the monitor (inherited at start, or sent
// over the monitor's attach socket with SCM_RIGHTS), and from then on the client and the
// monitor talk directly, so a container's terminal never crosses the bus byte by byte.
// Each packet is one message: a kind byte, then its payload. The monitor closes its end
// once the container has ended and its output has been sent; the exit code comes from the
// helper's answer to AttachContainer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace berth::attach {

// Client to monitor.
inline constexpr char input = 'i';      ///< bytes for the container's stdin (or its terminal)
inline constexpr char closeInput = 'c'; ///< end of input: stdin closes (a terminal gets ^D)
inline constexpr char resize = 'w';     ///< the terminal's size: rows, columns (uint16, little-endian)

// Monitor to client.
inline constexpr char output = 'o';      ///< what the container wrote to stdout (or its terminal)
inline constexpr char errorOutput = 'e'; ///< what it wrote to stderr

/// The largest payload in one packet; longer data goes in several.
inline constexpr std::size_t maxPayload = 32 * 1024;

/// The name of the listening socket in the container's directory through which the helper
/// hands the monitor a client's end of the pair.
inline constexpr std::string_view socketName = "attach.sock";

inline std::string packet(char kind, std::string_view payload = {})
{
    std::string message(1, kind);
    message.append(payload);
    return message;
}

inline std::string resizePacket(std::uint16_t rows, std::uint16_t columns)
{
    const char bytes[] = {resize,
                          static_cast<char>(rows & 0xff),
                          static_cast<char>(rows >> 8),
                          static_cast<char>(columns & 0xff),
                          static_cast<char>(columns >> 8)};
    return std::string(bytes, sizeof bytes);
}

/// Reads a resize packet's payload; false when it is not one.
inline bool readResize(std::string_view message, std::uint16_t &rows, std::uint16_t &columns)
{
    if (message.size() != 5 || message[0] != resize)
        return false;
    const auto byte = [&message](std::size_t index) { return static_cast<std::uint16_t>(static_cast<unsigned char>(message[index])); };
    rows = static_cast<std::uint16_t>(byte(1) | (byte(2) << 8));
    columns = static_cast<std::uint16_t>(byte(3) | (byte(4) << 8));
    return true;
}

} // namespace berth::attach
