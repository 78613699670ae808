// Per-layer progress as docker prints it for pull and push: one line per layer, redrawn
// in place on a terminal, one plain line per state change when the output is piped.
#pragma once

#include "job_follower.h"

#include <QString>

#include <functional>
#include <vector>

namespace berth::cli {

struct LayerLine {
    QString id;
    QString state;
    qulonglong current = 0;
    qulonglong total = 0;
};

/// "Downloading [=====>     ]  1.2MB/3.4MB".
[[nodiscard]] QString progressBar(const QString &label, qulonglong current, qulonglong total);

class LayerProgressPrinter {
public:
    /// stateText turns a line into what follows "id: "; terminal says whether it may draw a bar.
    using StateText = std::function<QString(const LayerLine &line, bool terminal)>;
    LayerProgressPrinter(bool terminal, StateText stateText);

    void progress(const QString &id, const QString &state, qulonglong current, qulonglong total);
    /// A line above the layers ("Pulling from …"), kept there when the layers are redrawn.
    void message(const QString &text);
    /// Prints the progress and messages of the job follower follows, for as long as both live.
    void show(berth::client::JobFollower &follower);

private:
    void redraw();

    bool terminal_;
    StateText stateText_;
    std::vector<LayerLine> lines_;
    int drawn_ = 0;
};

} // namespace berth::cli
