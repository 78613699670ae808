// berth commit: a new image from a container's changes (docker commit).
#include "cli.h"

namespace berth::cli {

int runCommit(const QStringList &arguments)
{
    const QCommandLineOption author({QStringLiteral("a"), QStringLiteral("author")},
                                    tr("Author (e.g., \"John Hannibal Smith <hannibal@a-team.com>\")"), QStringLiteral("string"));
    const QCommandLineOption change({QStringLiteral("c"), QStringLiteral("change")},
                                    tr("Apply Dockerfile instruction to the created image"), QStringLiteral("list"));
    const QCommandLineOption message({QStringLiteral("m"), QStringLiteral("message")}, tr("Commit message"),
                                     QStringLiteral("string"));
    const QCommandLineOption pause({QStringLiteral("p"), QStringLiteral("pause")},
                                   tr("Pause container during commit (true or false)"), QStringLiteral("bool"),
                                   QStringLiteral("true"));
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]"),
                      tr("Create a new image from a container's changes"), {author, change, message, pause}, 1, 2};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    const QString pauseText = parser.value(pause);
    if (pauseText != QLatin1String("true") && pauseText != QLatin1String("false")) {
        err() << tr("invalid value \"%1\" for --pause: give true or false").arg(pauseText) << '\n';
        return UsageError;
    }
    if (!busReachable())
        return Failed;
    const QStringList positional = parser.positionalArguments();
    QVariantMap options{{QStringLiteral("Pause"), pauseText == QLatin1String("true")},
                        {QStringLiteral("Changes"), parser.values(change)}};
    if (positional.size() > 1)
        options.insert(QStringLiteral("Reference"), positional.at(1));
    if (parser.isSet(author))
        options.insert(QStringLiteral("Author"), parser.value(author));
    if (parser.isSet(message))
        options.insert(QStringLiteral("Comment"), parser.value(message));
    auto proxy = berth::client::makeHelperProxy(berth::client::changeTimeoutMs);
    auto reply = proxy->CommitContainer(positional.first(), options);
    if (!waitFor(reply))
        return Failed;
    out() << reply.value() << '\n';
    out().flush();
    return Success;
}

} // namespace berth::cli
