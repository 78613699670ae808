#include "job_runner.h"

#include "cli.h"

#include "engine/core/unique_fd.h"

#include <QCoreApplication>

#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace berth::cli {

namespace {

// The signal handler's end of a pipe the event loop watches. A handler, not a blocked
// signal read from a signalfd: QtDBus's thread starts before any command could block the
// signals, and a thread that has not blocked them would still take one and die of it.
berth::UniqueFd interruptReadEnd;
berth::UniqueFd interruptWriteEnd;
int interruptWriteFd = -1;

void onSignal(int)
{
    const char byte = 1;
    (void)!::write(interruptWriteFd, &byte, 1);
}

} // namespace

int reportJobFailure(const JobOutcome &outcome)
{
    reportFailure(berth::client::Failure{berth::client::FailureKind::Other, outcome.errorMessage});
    return outcome.cancelled() ? 130 : Failed;
}

JobRunner::JobRunner(QString cancellingText) : cancellingText_(std::move(cancellingText))
{
    int ends[2];
    if (::pipe2(ends, O_CLOEXEC | O_NONBLOCK) != 0) {
        // Without the pipe the job still runs; Ctrl-C then ends only this command.
        err() << tr("Warning: cannot watch for Ctrl-C (%1); interrupting will not cancel the job in the helper.")
                     .arg(QString::fromLocal8Bit(std::strerror(errno)))
              << '\n';
        return;
    }
    interruptReadEnd.reset(ends[0]);
    interruptWriteEnd.reset(ends[1]);
    interruptWriteFd = ends[1];
    struct sigaction action {};
    action.sa_handler = onSignal;
    action.sa_flags = SA_RESTART;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    handlersInstalled_ = true;
    notifier_.emplace(interruptReadEnd.get(), QSocketNotifier::Read);
    QObject::connect(&*notifier_, &QSocketNotifier::activated, &follower_, [this] { onInterrupt(); });
}

JobRunner::~JobRunner()
{
    notifier_.reset();
    if (handlersInstalled_) {
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
    }
    interruptWriteFd = -1;
    interruptWriteEnd.reset();
    interruptReadEnd.reset();
}

void JobRunner::onInterrupt()
{
    char drained[16];
    while (::read(interruptReadEnd.get(), drained, sizeof drained) > 0) {
    }
    out().flush();
    err() << '\n' << cancellingText_ << '\n';
    err().flush();
    interrupted_ = true;
    // Before the job's path is known this does nothing; run() passes it on then.
    follower_.cancel();
}

std::optional<JobOutcome> JobRunner::run(QDBusPendingReply<QDBusObjectPath> started)
{
    if (!waitFor(started))
        return std::nullopt;
    JobOutcome outcome;
    QObject::connect(&follower_, &berth::client::JobFollower::finished, &follower_,
                     [&](const QString &errorName, const QString &errorMessage, const QVariantMap &result) {
                         outcome = JobOutcome{errorName, errorMessage, result};
                         QCoreApplication::quit();
                     });
    follower_.follow(started.value().path());
    if (interrupted_)
        follower_.cancel();
    if (!follower_.isFinished())
        QCoreApplication::exec();
    return outcome;
}

} // namespace berth::cli
