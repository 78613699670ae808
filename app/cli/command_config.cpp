// berth config get|set|unset: the engine's settings, Berth's daemon.json.
#include "cli.h"

#include "engine/core/settings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace berth::cli {

namespace {

// The daemon.json shape of a value: lists as arrays, counts as numbers.
QJsonValue jsonValue(const QString &key, const QString &value)
{
    const auto *definition = berth::findSetting(key.toStdString());
    if (!definition)
        return value;
    switch (definition->kind) {
    case berth::SettingKind::UrlList:
    case berth::SettingKind::RegistryList:
    case berth::SettingKind::AddressList:
        return QJsonArray::fromStringList(value.split(QLatin1Char(','), Qt::SkipEmptyParts));
    case berth::SettingKind::Integer:
        return value.toLongLong();
    default:
        return value;
    }
}

const QCommandLineOption &formatOption()
{
    static const QCommandLineOption option({QStringLiteral("f"), QStringLiteral("format")},
                                           tr("Output format: \"json\" (like daemon.json), or empty for the table"),
                                           QStringLiteral("string"));
    return option;
}

int runGet(const QStringList &arguments)
{
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth config get [OPTIONS] [KEY]"),
                      tr("Show engine settings: all of them, or the value of one"), {formatOption()}, 0, 1};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    const QString wanted = parser.value(formatOption());
    if (!wanted.isEmpty() && wanted != QLatin1String("json")) {
        err() << tr("unknown format \"%1\": use --format json").arg(wanted) << '\n';
        return UsageError;
    }
    const QString key = parser.positionalArguments().value(0);
    if (!busReachable())
        return Failed;
    auto proxy = berth::client::makeHelperProxy();
    QDBusPendingReply<QVariantMap, QStringList> reply = proxy->GetConfig(key);
    if (!waitFor(reply))
        return Failed;
    const QVariantMap values = reply.argumentAt<0>();
    const QStringList explicitKeys = reply.argumentAt<1>();

    if (wanted == QLatin1String("json")) {
        QJsonObject document;
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            document.insert(it.key(), jsonValue(it.key(), it.value().toString()));
        out() << QJsonDocument(document).toJson(QJsonDocument::Indented);
    } else if (!key.isEmpty()) {
        out() << values.value(key).toString() << '\n';
    } else {
        out() << tr("KEY").leftJustified(28) << tr("VALUE") << '\n';
        // In the engine's order, which groups related keys.
        for (const auto &definition : berth::settingDefinitions()) {
            const QString name = QString::fromLatin1(definition.key.data(), qsizetype(definition.key.size()));
            QString value = values.value(name).toString();
            if (!explicitKeys.contains(name))
                value += (value.isEmpty() ? QString() : QStringLiteral(" ")) + tr("(default)");
            out() << name.leftJustified(28) << value << '\n';
        }
    }
    out().flush();
    return Success;
}

int runSet(const QStringList &arguments)
{
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth config set KEY VALUE"),
                      tr("Change an engine setting (lists are comma-separated; an empty VALUE empties a list)"),
                      {}, 2, 2};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    const QString key = parser.positionalArguments().at(0);
    const QString value = parser.positionalArguments().at(1);
    if (!busReachable())
        return Failed;
    auto proxy = berth::client::makeHelperProxy(berth::client::changeTimeoutMs);
    auto reply = proxy->SetConfig(key, value);
    if (!waitFor(reply))
        return Failed;
    out() << key << " = " << reply.value() << '\n';
    out().flush();
    return Success;
}

int runUnset(const QStringList &arguments)
{
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth config unset KEY"), tr("Return an engine setting to its default"), {}, 1, 1};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    if (!busReachable())
        return Failed;
    auto proxy = berth::client::makeHelperProxy(berth::client::changeTimeoutMs);
    auto reply = proxy->ResetConfig(parser.positionalArguments().at(0));
    return waitFor(reply) ? Success : Failed;
}

void printConfigUsage(QTextStream &stream)
{
    stream << '\n' << tr("Usage:") << "  berth config COMMAND\n\n" << tr("Manage the engine's settings (like Docker's daemon.json)") << "\n\n"
           << tr("Commands:") << '\n'
           << "  get       " << tr("Show all settings, or one") << '\n'
           << "  set       " << tr("Change a setting") << '\n'
           << "  unset     " << tr("Return a setting to its default") << "\n\n"
           << tr("Settings:") << '\n';
    for (const auto &definition : berth::settingDefinitions())
        stream << "  " << QString::fromLatin1(definition.key.data(), qsizetype(definition.key.size())).leftJustified(28)
               << tr("daemon.json: %1").arg(QLatin1String(definition.dockerEquivalent.data(),
                                                          qsizetype(definition.dockerEquivalent.size())))
               << '\n';
    stream << '\n' << tr("Run 'berth config COMMAND --help' for more information on a command.") << '\n';
    stream.flush();
}

} // namespace

int runConfig(const QStringList &arguments)
{
    const QString sub = arguments.value(1);
    const QStringList rest = arguments.mid(1);
    if (sub == QLatin1String("get"))
        return runGet(rest);
    if (sub == QLatin1String("set"))
        return runSet(rest);
    if (sub == QLatin1String("unset"))
        return runUnset(rest);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        printConfigUsage(out());
        return Success;
    }
    if (sub.isEmpty())
        err() << tr("berth config needs a command.") << '\n';
    else
        err() << tr("berth config: unknown command \"%1\".").arg(sub) << '\n';
    printConfigUsage(err());
    return UsageError;
}

} // namespace berth::cli
