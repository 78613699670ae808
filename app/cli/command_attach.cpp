// berth attach and berth start -a: this terminal joined to a container's stdin, stdout and
// stderr (or its terminal) through its monitor, until it ends or the detach keys are typed.
#include "cli.h"

#include "container_attach.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <unistd.h>

namespace berth::cli {

namespace {

QCommandLineOption detachKeysOption()
{
    return QCommandLineOption(QStringLiteral("detach-keys"), tr("Override the key sequence for detaching a container"),
                              QStringLiteral("string"));
}

/// The container's Tty and OpenStdin, and its name, from inspect.
std::optional<AttachSettings> settingsOf(const QString &container)
{
    auto proxy = berth::client::makeHelperProxy();
    auto reply = proxy->InspectContainer(container);
    if (!waitFor(reply))
        return std::nullopt;
    const QJsonObject inspected = QJsonDocument::fromJson(reply.value().toUtf8()).object();
    const QJsonObject config = inspected.value(QStringLiteral("Config")).toObject();
    AttachSettings settings;
    settings.container = inspected.value(QStringLiteral("Name")).toString().mid(1);
    if (settings.container.isEmpty())
        settings.container = container;
    settings.tty = config.value(QStringLiteral("Tty")).toBool();
    settings.withInput = config.value(QStringLiteral("OpenStdin")).toBool();
    return settings;
}

/// Ctrl-p ctrl-q unless told otherwise; false (having said why) for keys that cannot be.
bool readDetachKeys(const QCommandLineParser &parser, const QCommandLineOption &option, AttachSettings &settings)
{
    QString error;
    auto keys = parseDetachKeys(parser.isSet(option) ? parser.value(option) : QString::fromLatin1(defaultDetachKeys), error);
    if (!keys) {
        err() << error << '\n';
        return false;
    }
    settings.detachKeys = *keys;
    return true;
}

bool terminalReady(const AttachSettings &settings)
{
    if (settings.tty && settings.withInput && !::isatty(STDIN_FILENO)) {
        err() << tr("the input device is not a TTY; the container %1 runs on a terminal (-t): attach from a terminal, "
                    "or use --no-stdin")
                     .arg(settings.container)
              << '\n';
        return false;
    }
    return true;
}

} // namespace

int runAttach(const QStringList &arguments)
{
    const QCommandLineOption noStdin(QStringLiteral("no-stdin"), tr("Do not attach STDIN"));
    const QCommandLineOption sigProxy(QStringLiteral("sig-proxy"),
                                      tr("Proxy all received signals to the process (true or false)"),
                                      QStringLiteral("bool"), QStringLiteral("true"));
    const QCommandLineOption detachKeys = detachKeysOption();
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth attach [OPTIONS] CONTAINER"),
                      tr("Attach local standard input, output, and error streams to a running container"),
                      {detachKeys, noStdin, sigProxy}, 1, 1};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    if (!busReachable())
        return Failed;
    auto settings = settingsOf(parser.positionalArguments().first());
    if (!settings || !readDetachKeys(parser, detachKeys, *settings))
        return Failed;
    if (parser.isSet(noStdin))
        settings->withInput = false;
    settings->proxySignals = parser.value(sigProxy) != QLatin1String("false");
    if (!terminalReady(*settings))
        return UsageError;
    // docker attach returns the container's exit code when it ends while attached.
    auto code = attachAndCopy(*settings, Failed);
    return code.value_or(Success);
}

int startAttached(const QString &container, bool withInput, const QString &detachKeysText)
{
    if (!busReachable())
        return Failed;
    auto settings = settingsOf(container);
    if (!settings)
        return Failed;
    QString error;
    auto keys = parseDetachKeys(detachKeysText.isEmpty() ? QString::fromLatin1(defaultDetachKeys) : detachKeysText, error);
    if (!keys) {
        err() << error << '\n';
        return UsageError;
    }
    settings->detachKeys = *keys;
    settings->withInput = settings->withInput && withInput;
    settings->closeInputAtEnd = true;
    settings->startFirst = true;
    if (!terminalReady(*settings))
        return UsageError;
    return attachAndCopy(*settings, Failed).value_or(Success);
}

} // namespace berth::cli
