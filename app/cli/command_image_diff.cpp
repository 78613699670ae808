// berth image diff: what each layer of an image adds, changes and deletes, printed as
// `docker diff` prints a container's changes (A, C, D). The command-line view of the GUI's
// layer explorer, numbered as it numbers layers: 1 is the base.
#include "cli.h"

#include "formatting.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace berth::cli {

namespace {

// The helper caps one answer at this many changes; a layer with more is said to be cut.
constexpr uint changesPerLayer = 100000;

struct LayerSummary {
    std::optional<quint64> size;
    QString createdBy;
};

QString kindLetter(const QString &change)
{
    if (change == QLatin1String("added"))
        return QStringLiteral("A");
    if (change == QLatin1String("deleted"))
        return QStringLiteral("D");
    // An opaque directory is changed: what lower layers had in it no longer shows.
    return QStringLiteral("C");
}

// The layer's size and instruction from the image's history, where the history has one.
QHash<int, LayerSummary> layerSummaries(const QList<QVariantMap> &history)
{
    QHash<int, LayerSummary> summaries;
    for (const auto &entry : history) {
        const int layer = entry.value(QStringLiteral("Layer"), -1).toInt();
        if (layer >= 0)
            summaries.insert(layer, LayerSummary{entry.value(QStringLiteral("Size")).toULongLong(),
                                                 entry.value(QStringLiteral("CreatedBy")).toString()});
    }
    return summaries;
}

void printHeader(int layer, int layerCount, const LayerSummary &summary)
{
    QString line = tr("Layer %1 of %2").arg(layer + 1).arg(layerCount);
    if (summary.size)
        line += QStringLiteral(", ") + berth::client::formatDecimalSize(*summary.size);
    if (!summary.createdBy.isEmpty())
        line += QStringLiteral(": ") + summary.createdBy;
    out() << "# " << line << '\n';
}

void printChange(int layer, const QVariantMap &change, bool json)
{
    const QString kind = change.value(QStringLiteral("Change")).toString();
    const QString path = change.value(QStringLiteral("Path")).toString();
    if (json) {
        QJsonObject object{{QStringLiteral("Layer"), layer + 1},
                           {QStringLiteral("Kind"), kindLetter(kind)},
                           {QStringLiteral("Change"), kind},
                           {QStringLiteral("Path"), path},
                           {QStringLiteral("Type"), change.value(QStringLiteral("Type")).toString()},
                           {QStringLiteral("Size"), change.value(QStringLiteral("Size")).toLongLong()},
                           {QStringLiteral("Mode"), QStringLiteral("%1").arg(change.value(QStringLiteral("Mode")).toUInt(), 4, 8,
                                                                             QLatin1Char('0'))}};
        if (change.contains(QStringLiteral("Target")))
            object.insert(QStringLiteral("Target"), change.value(QStringLiteral("Target")).toString());
        out() << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
        return;
    }
    out() << kindLetter(kind) << ' ' << path;
    if (kind == QLatin1String("opaque"))
        out() << "  " << tr("(opaque directory: hides everything lower layers had in it)");
    out() << '\n';
}

} // namespace

int runImageDiff(const QStringList &arguments)
{
    const QCommandLineOption layerOption(QStringLiteral("layer"),
                                         tr("Show only layer N, counted from 1 at the base as the layer explorer shows them"),
                                         QStringLiteral("N"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    tr("Output format: \"json\" (one object per change), or empty for docker diff's lines"),
                                    QStringLiteral("string"));
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth image diff [OPTIONS] IMAGE"),
                      tr("Show the files each layer of an image adds (A), changes (C) and deletes (D)"),
                      {format, layerOption},
                      1,
                      1};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    const QString wanted = parser.value(format);
    if (!wanted.isEmpty() && wanted != QLatin1String("json")) {
        err() << tr("unknown format \"%1\": use --format json").arg(wanted) << '\n';
        return UsageError;
    }
    std::optional<int> onlyLayer;
    if (parser.isSet(layerOption)) {
        bool numeric = false;
        const int number = parser.value(layerOption).toInt(&numeric);
        if (!numeric || number < 1) {
            err() << tr("--layer takes a layer number from 1 (the base layer) upwards, got \"%1\"").arg(parser.value(layerOption))
                  << '\n';
            return UsageError;
        }
        onlyLayer = number - 1;
    }
    if (!busReachable())
        return Failed;

    const QString name = parser.positionalArguments().at(0);
    auto proxy = berth::client::makeHelperProxy();
    auto inspected = proxy->InspectImage(name);
    if (!waitFor(inspected))
        return Failed;
    // The id from here on, so that a tag moved meanwhile cannot mix two images.
    const QString id = inspected.value().value(QStringLiteral("Id")).toString();
    const int layerCount = int(inspected.value().value(QStringLiteral("DiffIds")).toStringList().size());
    if (onlyLayer && *onlyLayer >= layerCount) {
        err() << tr("Error:") << ' '
              << tr("%1 has %2 layer(s), numbered 1 (the base) to %2; there is no layer %3. Run `berth image diff %1` to see them all.")
                     .arg(name)
                     .arg(layerCount)
                     .arg(*onlyLayer + 1)
              << '\n';
        return Failed;
    }

    QHash<int, LayerSummary> summaries;
    if (!onlyLayer) {
        auto history = proxy->ImageHistory(id);
        if (!waitFor(history))
            return Failed;
        summaries = layerSummaries(history.value());
    }

    const bool json = wanted == QLatin1String("json");
    const int first = onlyLayer.value_or(0);
    const int last = onlyLayer ? *onlyLayer : layerCount - 1;
    for (int layer = first; layer <= last; ++layer) {
        auto reply = proxy->ImageLayerChanges(id, uint(layer), changesPerLayer);
        if (!waitFor(reply))
            return Failed;
        if (!onlyLayer && !json) {
            if (layer > first)
                out() << '\n';
            printHeader(layer, layerCount, summaries.value(layer));
        }
        for (const auto &change : reply.argumentAt<0>())
            printChange(layer, change, json);
        if (reply.argumentAt<1>()) {
            out().flush();
            err() << tr("Layer %1 changes more than %2 paths; only the first %2 are listed.").arg(layer + 1).arg(changesPerLayer)
                  << '\n';
            err().flush();
        }
    }
    out().flush();
    return Success;
}

} // namespace berth::cli
