// The system clipboard for QML, which has no clipboard type of its own: the command strip
// copies the CLI command with it.
#pragma once

#include <QObject>
#include <QQmlEngine>

class Clipboard : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    explicit Clipboard(QObject *parent = nullptr);

    /// Puts text on the clipboard (and, on X11, in the selection used by middle-click).
    Q_INVOKABLE void setText(const QString &text);
    /// What the clipboard holds now, for tests.
    Q_INVOKABLE QString text() const;
};
