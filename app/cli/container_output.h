// A container's output on this terminal: the pipes whose writing ends go to the helper
// (ContainerLogs) and the loop that copies what arrives to stdout and stderr.
#pragma once

#include "engine/core/unique_fd.h"

#include <QDBusUnixFileDescriptor>

#include <optional>

namespace berth::cli {

class ContainerOutput {
public:
    /// Makes the two pipes; reports and returns nothing when it cannot.
    [[nodiscard]] static std::optional<ContainerOutput> open();

    /// The writing ends, for the call that hands them to the helper.
    [[nodiscard]] QDBusUnixFileDescriptor outputForHelper() const;
    [[nodiscard]] QDBusUnixFileDescriptor errorOutputForHelper() const;
    /// Closes this process's copies of the writing ends once the helper has its own;
    /// until then the reading ends never see their end.
    void closeHelperEnds();

    /// Copies both pipes to stdout and stderr until the helper closes them.
    void copyUntilEnd();

private:
    UniqueFd outputRead_, outputWrite_, errorRead_, errorWrite_;
};

} // namespace berth::cli
