// How a container's state reads in the GUI: docker ps's STATUS words ("Up 3 minutes",
// "Exited (1) 2 hours ago") and a tone for its colour, shared by the list and the page.
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

class ContainerStatus {
    Q_DECLARE_TR_FUNCTIONS(ContainerStatus)

public:
    /// The colour family of a state: running is positive (green), paused and restarting
    /// are neutral (amber), created and cleanly exited are plain (grey), a non-zero exit or
    /// a dead container is negative (red).
    [[nodiscard]] static QString tone(const QString &state, int exitCode);

    /// docker ps's STATUS column for state, with startedAt/finishedAt as RFC 3339 text,
    /// measured against now.
    [[nodiscard]] static QString text(const QString &state, int exitCode, const QString &startedAt,
                                      const QString &finishedAt, const QDateTime &now);

    /// An RFC 3339 time in the local short format, or empty for Docker's zero time
    /// ("0001-01-01T00:00:00Z") and for text that does not parse.
    [[nodiscard]] static QString localTime(const QString &rfc3339);
};
