// Building the berth command lines the command strip shows, quoted for a POSIX shell.
#pragma once

#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace berth::gui {

/// text as one shell word: unchanged when it is plain, else in single quotes.
inline QString quoteForShell(const QString &text)
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9_./:,=@%+-]"));
    if (!text.isEmpty() && !text.contains(unsafe))
        return text;
    return QLatin1Char('\'') + QString(text).replace(QLatin1Char('\''), QStringLiteral("'\\''")) + QLatin1Char('\'');
}

/// "berth" followed by each word quoted.
inline QString commandLine(const QStringList &words)
{
    QStringList quoted{QStringLiteral("berth")};
    for (const QString &word : words)
        quoted << quoteForShell(word);
    return quoted.join(QLatin1Char(' '));
}

} // namespace berth::gui
