// berth pull: a Job on the helper, shown like `docker pull` — one line per layer, redrawn
// in place on a terminal, plain lines when the output is piped.
#include "cli.h"
#include "layer_progress.h"

#include "formatting.h"
#include "job_follower.h"

#include "engine/core/reference.h"

#include <QCoreApplication>
#include <QDBusObjectPath>
#include <QSocketNotifier>

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace berth::cli {

namespace {

QString stateText(const LayerLine &line, bool terminal)
{
    if (line.state == QLatin1String("waiting"))
        return tr("Waiting");
    if (line.state == QLatin1String("downloading")) {
        if (!terminal || line.total == 0)
            return tr("Downloading");
        return progressBar(tr("Downloading"), line.current, line.total);
    }
    if (line.state == QLatin1String("verifying"))
        return tr("Verifying Checksum");
    if (line.state == QLatin1String("extracting"))
        return tr("Extracting");
    if (line.state == QLatin1String("done"))
        return tr("Pull complete");
    if (line.state == QLatin1String("already-exists"))
        return tr("Already exists");
    if (line.state == QLatin1String("failed"))
        return tr("Failed");
    return line.state;
}


} // namespace

int runPull(const QStringList &arguments)
{
    const QCommandLineOption platform(QStringLiteral("platform"), tr("Pull for this platform, e.g. linux/arm64"),
                                      QStringLiteral("string"));
    const QCommandLineOption quiet({QStringLiteral("q"), QStringLiteral("quiet")}, tr("Suppress verbose output"));
    const QCommandLineOption allTags({QStringLiteral("a"), QStringLiteral("all-tags")},
                                     tr("Download all tagged images in the repository"));
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth pull [OPTIONS] NAME[:TAG|@DIGEST]"),
                      tr("Download an image from a registry"), {allTags, platform, quiet}, 1, 1};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    const QString name = parser.positionalArguments().at(0);
    // Checked here too so a typo is explained without a round trip.
    auto reference = parser.isSet(allTags) ? berth::image::parseReferenceNoDefaultTag(name.toStdString())
                                           : berth::image::parseReference(name.toStdString());
    if (!reference) {
        err() << tr("Error:") << ' ' << QString::fromStdString(reference.error().describe()) << '\n';
        return UsageError;
    }
    if (!busReachable())
        return Failed;

    const bool terminal = isatty(STDOUT_FILENO) && !parser.isSet(quiet);
    const bool isQuiet = parser.isSet(quiet);
    if (!isQuiet && !parser.isSet(allTags) && !name.contains(QLatin1Char(':')) && !name.contains(QLatin1Char('@')))
        out() << tr("Using default tag: latest") << '\n';

    berth::client::JobFollower follower;
    LayerProgressPrinter printer(terminal, stateText);
    int status = Failed;
    QObject::connect(&follower, &berth::client::JobFollower::progress, &follower,
                     [&](const QString &id, const QString &state, qulonglong current, qulonglong total) {
                         if (!isQuiet)
                             printer.progress(id, state, current, total);
                     });
    QObject::connect(&follower, &berth::client::JobFollower::message, &follower, [&](const QString &text) {
        if (!isQuiet)
            printer.message(text);
    });
    QObject::connect(&follower, &berth::client::JobFollower::finished, &follower,
                     [&](const QString &errorName, const QString &errorMessage, const QVariantMap &result) {
                         if (!errorName.isEmpty()) {
                             reportFailure(berth::client::Failure{berth::client::FailureKind::Other, errorMessage});
                             status = errorName.endsWith(QLatin1String(".Cancelled")) ? 130 : Failed;
                         } else {
                             const QString image = result.value(QStringLiteral("Name")).toString();
                             if (!isQuiet) {
                                 if (const QString digest = result.value(QStringLiteral("Digest")).toString(); !digest.isEmpty())
                                     out() << tr("Digest: %1").arg(digest) << '\n';
                                 out() << (result.value(QStringLiteral("Changed")).toBool()
                                               ? tr("Status: Downloaded newer image for %1").arg(image)
                                               : tr("Status: Image is up to date for %1").arg(image))
                                       << '\n';
                             }
                             out() << (parser.isSet(allTags) ? QString::fromStdString(reference->repository())
                                                             : QString::fromStdString(reference->string()))
                                   << '\n';
                             status = Success;
                         }
                         out().flush();
                         QCoreApplication::quit();
                     });

    // Ctrl-C cancels the job in the helper, which cleans up, then we report. A handler that
    // writes to a pipe, not a blocked signal: QtDBus's threads would still take the signal.
    static int interruptPipe[2] = {-1, -1};
    if (pipe2(interruptPipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return reportFailure(berth::client::Failure{berth::client::FailureKind::Other, tr("cannot create a pipe")});
    struct sigaction action {};
    action.sa_handler = [](int) {
        const char byte = 1;
        (void)!::write(interruptPipe[1], &byte, 1);
    };
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    QSocketNotifier notifier(interruptPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &follower, [&] {
        char drained[16];
        while (::read(interruptPipe[0], drained, sizeof drained) > 0) {
        }
        err() << '\n' << tr("Cancelling the pull…") << '\n';
        err().flush();
        follower.cancel();
    });

    auto proxy = berth::client::makeHelperProxy(berth::client::changeTimeoutMs);
    QVariantMap options;
    if (parser.isSet(platform))
        options.insert(QStringLiteral("platform"), parser.value(platform));
    if (parser.isSet(allTags))
        options.insert(QStringLiteral("allTags"), true);
    auto reply = proxy->Pull(name, options);
    if (!waitFor(reply))
        return Failed;
    follower.follow(reply.value().path());
    if (!follower.isFinished())
        QCoreApplication::exec();
    return status;
}

} // namespace berth::cli
