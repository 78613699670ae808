// berth push: a Job on the helper, shown like `docker push` — one line per layer (Preparing,
// Waiting, Pushing with a bar, Pushed, Layer already exists, Mounted from ...), redrawn in
// place on a terminal, plain lines when the output is piped; then "TAG: digest: ... size: N".
#include "cli.h"
#include "job_runner.h"
#include "layer_progress.h"

#include "engine/core/reference.h"
#include "engine/core/settings.h"

#include <unistd.h>

namespace berth::cli {

namespace {

QString stateText(const LayerLine &line, bool terminal)
{
    if (line.state == QLatin1String("preparing"))
        return tr("Preparing");
    if (line.state == QLatin1String("waiting"))
        return tr("Waiting");
    if (line.state == QLatin1String("pushing")) {
        if (!terminal || line.total == 0)
            return tr("Pushing");
        return progressBar(tr("Pushing"), line.current, line.total);
    }
    if (line.state == QLatin1String("pushed"))
        return tr("Pushed");
    if (line.state == QLatin1String("already-exists"))
        return tr("Layer already exists");
    if (line.state.startsWith(QLatin1String("mounted:")))
        return tr("Mounted from %1").arg(line.state.mid(8));
    if (line.state == QLatin1String("failed"))
        return tr("Failed");
    return line.state;
}


} // namespace

int runPush(const QStringList &arguments)
{
    const QCommandLineOption quiet({QStringLiteral("q"), QStringLiteral("quiet")}, tr("Suppress verbose output"));
    const QCommandLineOption chunkSize(QStringLiteral("chunk-size"),
                                       tr("Upload each blob in chunks of this size, e.g. 5m (default: one request per "
                                          "blob, chunks of 32m above 128m)"),
                                       QStringLiteral("size"));
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth push [OPTIONS] [IMAGE] NAME[:TAG]"),
                      tr("Upload an image to a registry. With IMAGE, that local image is pushed as NAME[:TAG] "
                         "without tagging it first (as podman push SOURCE DESTINATION)."),
                      {chunkSize, quiet},
                      1,
                      2};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    const QStringList positional = parser.positionalArguments();
    const QString name = positional.last();
    const QString source = positional.size() == 2 ? positional.first() : QString();
    auto reference = berth::image::parseReference(name.toStdString());
    if (!reference) {
        err() << tr("Error:") << ' ' << QString::fromStdString(reference.error().describe()) << '\n';
        return UsageError;
    }
    if (!reference->digest.empty()) {
        err() << tr("Error:") << ' ' << tr("cannot push to a digest; write the target as NAME[:TAG]") << '\n';
        return UsageError;
    }
    QVariantMap options;
    if (!source.isEmpty())
        options.insert(QStringLiteral("source"), source);
    if (parser.isSet(chunkSize)) {
        auto bytes = berth::parseSize(parser.value(chunkSize).toStdString());
        if (!bytes || *bytes < 4096) {
            err() << tr("Error:") << ' '
                  << tr("--chunk-size takes a size of at least 4k, such as 64k, 5m or 1g; got \"%1\"").arg(parser.value(chunkSize))
                  << '\n';
            return UsageError;
        }
        options.insert(QStringLiteral("chunkSize"), qulonglong(*bytes));
    }
    if (!busReachable())
        return Failed;

    const bool isQuiet = parser.isSet(quiet);
    const bool terminal = isatty(STDOUT_FILENO) && !isQuiet;
    if (!isQuiet && !name.contains(QLatin1Char(':')) && !name.contains(QLatin1Char('@')))
        out() << tr("Using default tag: latest") << '\n';

    LayerProgressPrinter printer(terminal, stateText);
    JobRunner runner(tr("Cancelling the push…"));
    if (!isQuiet)
        printer.show(runner.follower());
    auto proxy = berth::client::makeHelperProxy(berth::client::changeTimeoutMs);
    const auto outcome = runner.run(proxy->Push(name, options));
    if (!outcome)
        return Failed;
    if (!outcome->succeeded())
        return reportJobFailure(*outcome);
    const QVariantMap &result = outcome->result;
    if (isQuiet)
        out() << QString::fromStdString(reference->familiarString()) << '\n';
    else
        out() << tr("%1: digest: %2 size: %3")
                     .arg(result.value(QStringLiteral("Tag")).toString(), result.value(QStringLiteral("Digest")).toString())
                     .arg(result.value(QStringLiteral("Size")).toULongLong())
              << '\n';
    out().flush();
    return Success;
}

} // namespace berth::cli
