// berth pull: a Job on the helper, shown like `docker pull` — one line per layer, redrawn
// in place on a terminal, plain lines when the output is piped.
#include "cli.h"
#include "job_runner.h"
#include "layer_progress.h"

#include "engine/core/reference.h"

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

    LayerProgressPrinter printer(terminal, stateText);
    JobRunner runner(tr("Cancelling the pull…"));
    if (!isQuiet)
        printer.show(runner.follower());
    auto proxy = berth::client::makeHelperProxy(berth::client::changeTimeoutMs);
    QVariantMap options;
    if (parser.isSet(platform))
        options.insert(QStringLiteral("platform"), parser.value(platform));
    if (parser.isSet(allTags))
        options.insert(QStringLiteral("allTags"), true);
    const auto outcome = runner.run(proxy->Pull(name, options));
    if (!outcome)
        return Failed;
    if (!outcome->succeeded())
        return reportJobFailure(*outcome);
    const QVariantMap &result = outcome->result;
    if (!isQuiet) {
        if (const QString digest = result.value(QStringLiteral("Digest")).toString(); !digest.isEmpty())
            out() << tr("Digest: %1").arg(digest) << '\n';
        const QString image = result.value(QStringLiteral("Name")).toString();
        out() << (result.value(QStringLiteral("Changed")).toBool() ? tr("Status: Downloaded newer image for %1").arg(image)
                                                                   : tr("Status: Image is up to date for %1").arg(image))
              << '\n';
    }
    out() << (parser.isSet(allTags) ? QString::fromStdString(reference->repository()) : QString::fromStdString(reference->string()))
          << '\n';
    out().flush();
    return Success;
}

} // namespace berth::cli
