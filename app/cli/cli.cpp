#include "cli.h"

#include <cstdio>

namespace berth::cli {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("berth::cli", text);
}

// "berth config set KEY VALUE" -> "berth config set": the words before the placeholders.
QString commandWords(const QString &usageLine)
{
    QStringList words;
    for (const auto &word : usageLine.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (word.startsWith(QLatin1Char('[')) || word == word.toUpper())
            break;
        words << word;
    }
    return words.join(QLatin1Char(' '));
}

void printUsage(QTextStream &stream, const Usage &usage)
{
    stream << '\n' << tr("Usage:") << "  " << usage.line << "\n\n" << usage.summary << '\n';
    stream << '\n' << tr("Options:") << '\n';
    QList<QCommandLineOption> options = usage.options;
    options.append(QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")}, tr("Print usage")));
    for (const auto &option : options) {
        QStringList names;
        for (const auto &name : option.names())
            names << (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
        QString left = names.join(QStringLiteral(", "));
        if (!option.valueName().isEmpty())
            left += QLatin1Char(' ') + option.valueName();
        stream << "  " << left.leftJustified(24) << ' ' << option.description() << '\n';
    }
    stream.flush();
}

std::optional<int> parseOrExplain(QCommandLineParser &parser, const QStringList &arguments, const Usage &usage)
{
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, tr("Print usage"));
    parser.addOptions(usage.options);
    parser.addOption(help);
    // As docker (getopt): -aq is -a -q, and -eFOO=1 is -e with the value FOO=1.
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsCompactedShortOptions);
    parser.setOptionsAfterPositionalArgumentsMode(usage.optionsEndAtFirstPositional
                                                      ? QCommandLineParser::ParseAsPositionalArguments
                                                      : QCommandLineParser::ParseAsOptions);
    if (!parser.parse(arguments)) {
        err() << parser.errorText() << '\n';
        printUsage(err(), usage);
        return UsageError;
    }
    if (parser.isSet(help)) {
        printUsage(out(), usage);
        return Success;
    }
    const auto positional = parser.positionalArguments().size();
    if (positional < usage.minimumPositional || positional > usage.maximumPositional) {
        const QString expected = usage.minimumPositional == usage.maximumPositional
                                     ? QString::number(usage.minimumPositional)
                                     : QStringLiteral("%1-%2").arg(usage.minimumPositional).arg(usage.maximumPositional);
        err() << tr("\"%1\" takes %2 argument(s), got %3.").arg(commandWords(usage.line), expected).arg(positional)
              << '\n';
        printUsage(err(), usage);
        return UsageError;
    }
    return std::nullopt;
}

void printTable(const QList<QStringList> &rows)
{
    QList<int> widths;
    for (const auto &row : rows) {
        for (int column = 0; column < row.size(); ++column) {
            if (widths.size() <= column)
                widths << 0;
            widths[column] = qMax(widths[column], int(row[column].size()));
        }
    }
    for (const auto &row : rows) {
        QString line;
        for (int column = 0; column < row.size(); ++column)
            line += column + 1 == row.size() ? row[column] : row[column].leftJustified(widths[column] + 3);
        out() << line << '\n';
    }
}

int reportFailure(const berth::client::Failure &failure)
{
    out().flush();
    err() << tr("Error:") << ' ' << failure.message << '\n';
    err().flush();
    return Failed;
}

bool busReachable()
{
    if (berth::client::systemBus().isConnected())
        return true;
    reportFailure(berth::client::busUnreachable());
    return false;
}

} // namespace berth::cli
