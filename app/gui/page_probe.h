// For --screenshot: waits until the window's current panel says it has loaded its data,
// then saves the window as a PNG (and prints its visible text) and quits. Used by the GUI
// test and to make the README's screenshot.
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

class QQuickItem;
class QQuickWindow;

class PageProbe : public QObject {
    Q_OBJECT
public:
    PageProbe(QQuickWindow *window, QString screenshotPath, bool printText, QObject *parent = nullptr);
    void start();

private:
    void check();
    void finish();
    static void collectText(QQuickItem *item, QStringList &lines);

    QQuickWindow *window_;
    QString screenshotPath_;
    bool printText_;
    QTimer poll_;
    int waitedMs_ = 0;
};
