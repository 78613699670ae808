// A running container as ContainerManager watches it: its monitor's pidfd, the stop
// timer and who waits for the stop. Shared by the manager's source files only.
#pragma once

#include "container_manager.h"

#include "engine/core/unique_fd.h"

#include <QSocketNotifier>
#include <QTimer>

#include <chrono>
#include <vector>

struct ContainerManager::Watched {
    berth::UniqueFd pidFd;
    pid_t monitorPid = 0;
    QSocketNotifier *notifier = nullptr;
    QTimer *killTimer = nullptr;
    std::vector<Done> onStopped;
    std::chrono::steady_clock::time_point since = std::chrono::steady_clock::now();

    ~Watched()
    {
        // Possibly inside the notifier's own signal: let the event loop delete them.
        if (notifier)
            notifier->deleteLater();
        if (killTimer)
            killTimer->deleteLater();
    }
};
