#include "image_history_model.h"

#include "command_text.h"
#include "dbus_types.h"
#include "helper_client.h"
#include "helper_connection.h"

#include "formatting.h"

#include <QDBusPendingCallWatcher>
#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>

namespace {

QString createdText(const QString &rfc3339)
{
    const QDateTime created = QDateTime::fromString(rfc3339, Qt::ISODateWithMs);
    return created.isValid() ? QLocale().toString(created.toLocalTime(), QLocale::ShortFormat) : rfc3339;
}

} // namespace

ImageHistoryModel::ImageHistoryModel(QObject *parent) : QAbstractListModel(parent) 
{
    berth::gui::registerImageDBusTypes();
}

int ImageHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(rows_.size());
}

QString ImageHistoryModel::instructionOf(const QString &createdBy)
{
    QString text = createdBy.trimmed();
    static const QRegularExpression buildkit(QStringLiteral("\\s*# buildkit$"));
    text.remove(buildkit);
    static const QRegularExpression nop(QStringLiteral("^(/bin/sh|/bin/bash|sh) -c #\\(nop\\)\\s*"));
    if (text.contains(nop))
        return text.remove(nop).trimmed();
    static const QRegularExpression keyword(QStringLiteral("^[A-Z]+ "));
    if (text.contains(keyword))
        return text;
    if (text.isEmpty())
        return {};
    // A shell command with no keyword is what RUN recorded.
    return QStringLiteral("RUN ") + text;
}

QVariant ImageHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = rows_.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case CreatedByRole: return row.createdBy;
    case HistoryIdRole: return row.id;
    case CreatedTextRole: return createdText(row.created);
    case InstructionRole: return instructionOf(row.createdBy);
    case SizeRole: return row.size;
    case SizeTextRole: return berth::client::formatDecimalSize(row.size);
    case CommentRole: return row.comment;
    case EmptyLayerRole: return row.emptyLayer;
    case LayerIndexRole: return row.layer;
    default: return {};
    }
}

QHash<int, QByteArray> ImageHistoryModel::roleNames() const
{
    return {{HistoryIdRole, "historyId"}, {CreatedTextRole, "createdText"}, {CreatedByRole, "createdBy"},
            {InstructionRole, "instruction"}, {SizeRole, "size"},     {SizeTextRole, "sizeText"},
            {CommentRole, "comment"},         {EmptyLayerRole, "emptyLayer"}, {LayerIndexRole, "layerIndex"}};
}

void ImageHistoryModel::setName(const QString &name)
{
    if (name_ == name)
        return;
    name_ = name;
    Q_EMIT nameChanged();
}

QVariantList ImageHistoryModel::layers() const
{
    QList<const Row *> withLayer;
    for (const Row &row : rows_) {
        if (row.layer >= 0)
            withLayer.append(&row);
    }
    std::sort(withLayer.begin(), withLayer.end(), [](const Row *a, const Row *b) { return a->layer < b->layer; });
    QVariantList layers;
    for (const Row *row : withLayer) {
        layers.append(QVariantMap{{QStringLiteral("layer"), row->layer},
                                  {QStringLiteral("size"), row->size},
                                  {QStringLiteral("sizeText"), berth::client::formatDecimalSize(row->size)},
                                  {QStringLiteral("instruction"), instructionOf(row->createdBy)},
                                  {QStringLiteral("createdBy"), row->createdBy},
                                  {QStringLiteral("createdText"), createdText(row->created)}});
    }
    return layers;
}

void ImageHistoryModel::reload(bool showCommand)
{
    if (name_.isEmpty())
        return;
    if (showCommand)
        HelperClient::instance()->showCommand(berth::gui::commandLine({QStringLiteral("history"), name_}));
    if (const QString failure = HelperClient::instance()->busFailure(); !failure.isEmpty()) {
        error_ = failure;
        Q_EMIT loadingChanged();
        return;
    }
    loading_ = true;
    Q_EMIT loadingChanged();
    const QString asked = name_;
    auto *watcher = new QDBusPendingCallWatcher(HelperClient::instance()->proxy()->ImageHistory(asked), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, asked]() {
        watcher->deleteLater();
        if (asked != name_)
            return;
        QDBusPendingReply<QList<QVariantMap>> reply = *watcher;
        beginResetModel();
        rows_.clear();
        if (reply.isError()) {
            error_ = berth::client::describeFailure(reply.error()).message;
        } else {
            error_.clear();
            for (const QVariantMap &entry : reply.value()) {
                rows_.append(Row{entry.value(QStringLiteral("Id")).toString(), entry.value(QStringLiteral("Created")).toString(),
                                 entry.value(QStringLiteral("CreatedBy")).toString(), entry.value(QStringLiteral("Size")).toULongLong(),
                                 entry.value(QStringLiteral("Comment")).toString(), entry.value(QStringLiteral("EmptyLayer")).toBool(),
                                 entry.value(QStringLiteral("Layer"), -1).toInt()});
            }
        }
        endResetModel();
        loading_ = false;
        Q_EMIT loadingChanged();
    });
}
