#include "clipboard.h"

#include <QClipboard>
#include <QGuiApplication>

Clipboard::Clipboard(QObject *parent) : QObject(parent) {}

void Clipboard::setText(const QString &text)
{
    QClipboard *clipboard = QGuiApplication::clipboard();
    clipboard->setText(text, QClipboard::Clipboard);
    // People pasting into a terminal often middle-click.
    if (clipboard->supportsSelection())
        clipboard->setText(text, QClipboard::Selection);
}

QString Clipboard::text() const
{
    return QGuiApplication::clipboard()->text(QClipboard::Clipboard);
}
