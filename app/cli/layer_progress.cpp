#include "layer_progress.h"

#include "cli.h"
#include "formatting.h"

#include <algorithm>

namespace berth::cli {

QString progressBar(const QString &label, qulonglong current, qulonglong total)
{
    constexpr int width = 50;
    const int filled = total == 0 ? 0 : int(double(current) / double(total) * width);
    const QString bar = QString(qMax(0, filled - 1), QLatin1Char('=')) + (filled > 0 ? QStringLiteral(">") : QString());
    return QStringLiteral("%1 [%2]  %3/%4")
        .arg(label, bar.leftJustified(width), berth::client::formatDecimalSize(current), berth::client::formatDecimalSize(total));
}

LayerProgressPrinter::LayerProgressPrinter(bool terminal, StateText stateText)
    : terminal_(terminal), stateText_(std::move(stateText))
{
}

void LayerProgressPrinter::progress(const QString &id, const QString &state, qulonglong current, qulonglong total)
{
    auto it = std::ranges::find(lines_, id, &LayerLine::id);
    const bool isNew = it == lines_.end();
    if (isNew) {
        lines_.push_back(LayerLine{id, state, current, total});
        it = lines_.end() - 1;
    }
    const bool stateChanged = isNew || it->state != state;
    it->state = state;
    it->current = current;
    it->total = total;
    if (terminal_) {
        redraw();
    } else if (stateChanged && state != QLatin1String("waiting")) {
        out() << id << ": " << stateText_(*it, false) << '\n';
        out().flush();
    }
}

void LayerProgressPrinter::message(const QString &text)
{
    if (terminal_ && drawn_ > 0) {
        out() << "\x1b[" << drawn_ << "A\x1b[J";
        drawn_ = 0;
        out() << text << '\n';
        redraw();
        return;
    }
    out() << text << '\n';
    out().flush();
}

void LayerProgressPrinter::show(berth::client::JobFollower &follower)
{
    QObject::connect(&follower, &berth::client::JobFollower::progress, &follower,
                     [this](const QString &id, const QString &state, qulonglong current, qulonglong total) {
                         progress(id, state, current, total);
                     });
    QObject::connect(&follower, &berth::client::JobFollower::message, &follower, [this](const QString &text) { message(text); });
}

void LayerProgressPrinter::redraw()
{
    if (drawn_ > 0)
        out() << "\x1b[" << drawn_ << "A";
    for (const auto &line : lines_)
        out() << "\x1b[2K" << line.id << ": " << stateText_(line, true) << '\n';
    drawn_ = int(lines_.size());
    out().flush();
}

} // namespace berth::cli
