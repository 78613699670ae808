// Runs one of the helper's Jobs (pull, push, save, load) for a CLI command: follows it from
// the call that starts it to its end, and turns Ctrl-C or SIGTERM into the job's Cancel(),
// so that the helper stops and cleans up before the command reports and exits.
#pragma once

#include "job_follower.h"

#include <QDBusObjectPath>
#include <QDBusPendingReply>
#include <QSocketNotifier>
#include <QString>
#include <QVariantMap>

#include <optional>

namespace berth::cli {

/// How a job ended: errorName is empty on success.
struct JobOutcome {
    QString errorName;
    QString errorMessage;
    QVariantMap result;

    [[nodiscard]] bool succeeded() const { return errorName.isEmpty(); }
    [[nodiscard]] bool cancelled() const { return errorName.endsWith(QLatin1String(".Cancelled")); }
};

/// Prints the job's failure and returns the exit code: 130 when it was cancelled (as a
/// shell reports Ctrl-C), Failed otherwise.
int reportJobFailure(const JobOutcome &outcome);

class JobRunner {
public:
    /// Create it before the call that starts the job, so that no progress of the job is
    /// missed and an interrupt from then on cancels it. cancellingText is printed when one
    /// arrives ("Cancelling the pull…"). One runner at a time in a process.
    explicit JobRunner(QString cancellingText);
    ~JobRunner();
    JobRunner(const JobRunner &) = delete;
    JobRunner &operator=(const JobRunner &) = delete;

    /// Connect its progress and message signals before starting the job.
    [[nodiscard]] berth::client::JobFollower &follower() { return follower_; }

    /// Waits for the call that started the job, then runs the event loop until the job
    /// finishes. Nothing if the call itself failed (already reported).
    [[nodiscard]] std::optional<JobOutcome> run(QDBusPendingReply<QDBusObjectPath> started);

private:
    void onInterrupt();

    berth::client::JobFollower follower_;
    QString cancellingText_;
    bool interrupted_ = false;
    bool handlersInstalled_ = false;
    std::optional<QSocketNotifier> notifier_;
};

} // namespace berth::cli
