#include "page_probe.h"

#include <QCoreApplication>
#include <QImage>
#include <QQuickItem>
#include <QQuickWindow>

#include <cstdio>

namespace {
constexpr int pollIntervalMs = 100;
constexpr int giveUpAfterMs = 20000;
// Let the last frame with the data reach the screen.
constexpr int settleMs = 400;
} // namespace

PageProbe::PageProbe(QQuickWindow *window, QString screenshotPath, bool printText, QObject *parent)
    : QObject(parent), window_(window), screenshotPath_(std::move(screenshotPath)), printText_(printText)
{
    poll_.setInterval(pollIntervalMs);
    connect(&poll_, &QTimer::timeout, this, &PageProbe::check);
}

void PageProbe::start()
{
    poll_.start();
}

void PageProbe::check()
{
    waitedMs_ += pollIntervalMs;
    // Main.qml sets currentPageReady once the panel shows data or an error.
    const bool ready = window_->property("currentPageReady").toBool();
    if (!ready && waitedMs_ < giveUpAfterMs)
        return;
    if (!ready)
        std::fprintf(stderr, "berth-gui: the panel did not finish loading in %d s; saving it as it is\n",
                     giveUpAfterMs / 1000);
    poll_.stop();
    QTimer::singleShot(settleMs, this, &PageProbe::finish);
}

void PageProbe::collectText(QQuickItem *item, QStringList &lines)
{
    if (!item->isVisible() || item->opacity() <= 0.0)
        return;
    const QVariant text = item->property("text");
    if (text.isValid() && text.canConvert<QString>() && item->inherits("QQuickText")) {
        const QString value = text.toString().trimmed();
        if (!value.isEmpty())
            lines << value;
    }
    for (QQuickItem *child : item->childItems())
        collectText(child, lines);
}

void PageProbe::finish()
{
    const QImage image = window_->grabWindow();
    int status = 0;
    if (image.isNull() || !image.save(screenshotPath_)) {
        std::fprintf(stderr, "berth-gui: could not save the screenshot to %s\n", qPrintable(screenshotPath_));
        status = 1;
    }
    if (printText_) {
        QStringList lines;
        collectText(window_->contentItem(), lines);
        for (const auto &line : lines)
            std::printf("%s\n", line.toUtf8().constData());
        std::fflush(stdout);
    }
    QCoreApplication::exit(status);
}
