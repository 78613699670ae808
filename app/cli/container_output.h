// A container's output on this terminal: the pipes whose writing ends go to the helper
// (ContainerLogs, StartContainerAttached) and the loop that copies what arrives to stdout
// and stderr.
#pragma once

#include "engine/core/unique_fd.h"

#include <QDBusPendingCall>
#include <QDBusUnixFileDescriptor>

#include <functional>
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

    /// Copies both pipes to stdout and stderr until the helper closes them, or, with
    /// endsWith, until that call is answered (the helper answers once it has written
    /// everything; the pending call's own copy of the writing ends would keep the pipes
    /// open). With onSignal, SIGINT, SIGTERM, SIGHUP and SIGQUIT received meanwhile go to it
    /// instead of ending this process (docker run's signal proxy).
    void copyUntilEnd(const std::function<void(int signal)> &onSignal = {}, QDBusPendingCall *endsWith = nullptr);

private:
    UniqueFd outputRead_, outputWrite_, errorRead_, errorWrite_;
};

} // namespace berth::cli
