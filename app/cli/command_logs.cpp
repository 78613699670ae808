// berth logs: a container's output as docker logs prints it, streamed by the helper into
// pipes this process copies to stdout and stderr.
#include "cli.h"

#include "container_output.h"

#include <QDateTime>

namespace berth::cli {

int runLogs(const QStringList &arguments)
{
    const QCommandLineOption follow({QStringLiteral("f"), QStringLiteral("follow")}, tr("Follow log output"));
    const QCommandLineOption timestamps({QStringLiteral("t"), QStringLiteral("timestamps")}, tr("Show timestamps"));
    const QCommandLineOption tail({QStringLiteral("n"), QStringLiteral("tail")},
                                  tr("Number of lines to show from the end of the logs"), QStringLiteral("string"),
                                  QStringLiteral("all"));
    const QCommandLineOption since(QStringLiteral("since"),
                                   tr("Show logs since timestamp (e.g. \"2013-01-02T13:23:37Z\") or relative (e.g. "
                                      "\"42m\" for 42 minutes)"),
                                   QStringLiteral("string"));
    const QCommandLineOption until(QStringLiteral("until"),
                                   tr("Show logs before a timestamp (e.g. \"2013-01-02T13:23:37Z\") or relative (e.g. "
                                      "\"42m\" for 42 minutes)"),
                                   QStringLiteral("string"));
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth logs [OPTIONS] CONTAINER"), tr("Fetch the logs of a container"),
                      {follow, timestamps, tail, since, until}, 1, 1};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    if (!busReachable())
        return Failed;
    auto output = ContainerOutput::open();
    if (!output)
        return Failed;
    const QVariantMap options{
        {QStringLiteral("follow"), parser.isSet(follow)},
        {QStringLiteral("timestamps"), parser.isSet(timestamps)},
        {QStringLiteral("tail"), parser.value(tail)},
        {QStringLiteral("since"), parser.value(since)},
        {QStringLiteral("until"), parser.value(until)},
        // --since 2024-05-01T10:00 means this machine's local time, as with docker.
        {QStringLiteral("utcOffset"), QDateTime::currentDateTime().offsetFromUtc()},
    };
    {
        auto proxy = berth::client::makeHelperProxy();
        // The reply and its message go out of scope before copying: they hold copies of
        // the writing ends, which would keep the pipes from ever ending.
        auto reply = proxy->ContainerLogs(parser.positionalArguments().constFirst(), options,
                                          output->outputForHelper(), output->errorOutputForHelper());
        output->closeHelperEnds();
        if (!waitFor(reply))
            return Failed;
    }
    output->copyUntilEnd();
    return Success;
}

} // namespace berth::cli
