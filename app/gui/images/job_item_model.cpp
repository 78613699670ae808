#include "job_item_model.h"

#include "formatting.h"

namespace {

const QString archiveId = QStringLiteral("archive");
const QString mountedPrefix = QStringLiteral("mounted:");

} // namespace

JobItemModel::JobItemModel(Kind kind, QObject *parent) : QAbstractListModel(parent), kind_(kind) {}

int JobItemModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(items_.size());
}

QString JobItemModel::stageText(Kind kind, const QString &stage)
{
    if (stage == QLatin1String("failed"))
        return tr("Failed");
    if (stage == QLatin1String("waiting"))
        return tr("Waiting");
    switch (kind) {
    case Kind::Pull:
        if (stage == QLatin1String("downloading"))
            return tr("Downloading");
        if (stage == QLatin1String("verifying"))
            return tr("Verifying Checksum");
        if (stage == QLatin1String("extracting"))
            return tr("Extracting");
        if (stage == QLatin1String("done"))
            return tr("Pull complete");
        if (stage == QLatin1String("already-exists"))
            return tr("Already exists");
        break;
    case Kind::Push:
        if (stage == QLatin1String("preparing"))
            return tr("Preparing");
        if (stage == QLatin1String("pushing"))
            return tr("Pushing");
        if (stage == QLatin1String("pushed"))
            return tr("Pushed");
        if (stage == QLatin1String("already-exists"))
            return tr("Layer already exists");
        if (stage.startsWith(mountedPrefix))
            return tr("Mounted from %1").arg(stage.mid(mountedPrefix.size()));
        break;
    case Kind::Save:
        if (stage == QLatin1String("reading"))
            return tr("Reading");
        if (stage == QLatin1String("writing"))
            return tr("Writing");
        if (stage == QLatin1String("done"))
            return tr("Written");
        break;
    case Kind::Load:
        if (stage == QLatin1String("reading"))
            return tr("Reading archive");
        if (stage == QLatin1String("verifying"))
            return tr("Verifying");
        if (stage == QLatin1String("loading"))
            return tr("Loading layer");
        if (stage == QLatin1String("done"))
            return tr("Loaded");
        if (stage == QLatin1String("already-exists"))
            return tr("Already exists");
        break;
    }
    return stage;
}

bool JobItemModel::isFinishedStage(Kind kind, const QString &stage)
{
    if (stage == QLatin1String("failed") || stage == QLatin1String("already-exists"))
        return true;
    if (kind == Kind::Push)
        return stage == QLatin1String("pushed") || stage.startsWith(mountedPrefix);
    return stage == QLatin1String("done");
}

qulonglong JobItemModel::bytesDone(const Item &item) const
{
    const QString &stage = item.stage;
    if (stage == QLatin1String("waiting") || stage == QLatin1String("preparing") || stage == QLatin1String("failed"))
        return 0;
    if (isFinishedStage(kind_, stage))
        return qMax(item.current, item.total);
    // A pulled layer is fully downloaded once it is being verified or extracted.
    if (kind_ == Kind::Pull && stage != QLatin1String("downloading"))
        return qMax(item.current, item.total);
    return qMin(item.current, item.total > 0 ? item.total : item.current);
}

const JobItemModel::Item *JobItemModel::archiveItem() const
{
    if (kind_ != Kind::Load)
        return nullptr;
    for (const Item &item : items_) {
        if (item.id == archiveId)
            return &item;
    }
    return nullptr;
}

QVariant JobItemModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Item &item = items_.at(index.row());
    const bool finished = isFinishedStage(kind_, item.stage);
    const bool failed = item.stage == QLatin1String("failed");
    switch (role) {
    case Qt::DisplayRole:
    case LayerIdRole: return item.id;
    case StageRole: return item.stage;
    case StageTextRole:
        if (kind_ == Kind::Load && item.id == archiveId && item.stage == QLatin1String("done"))
            return tr("Archive read");
        return stageText(kind_, item.stage);
    case CurrentRole: return item.current;
    case TotalRole: return item.total;
    case FractionRole:
        if (finished && !failed)
            return 1.0;
        return item.total > 0 ? double(bytesDone(item)) / double(item.total) : 0.0;
    case BytesTextRole:
        if (!finished && item.total > 0 && item.current > 0)
            return QStringLiteral("%1 / %2").arg(berth::client::formatDecimalSize(qMin(item.current, item.total)),
                                                 berth::client::formatDecimalSize(item.total));
        return item.total > 0 ? berth::client::formatDecimalSize(item.total) : QString();
    case FinishedRole: return finished;
    case FailedRole: return failed;
    default: return {};
    }
}

QHash<int, QByteArray> JobItemModel::roleNames() const
{
    return {{LayerIdRole, "layerId"},     {StageRole, "stage"},         {StageTextRole, "stageText"},
            {CurrentRole, "current"},     {TotalRole, "total"},         {FractionRole, "fraction"},
            {BytesTextRole, "bytesText"}, {FinishedRole, "layerFinished"}, {FailedRole, "layerFailed"}};
}

void JobItemModel::update(const QString &id, const QString &stage, qulonglong current, qulonglong total)
{
    for (int row = 0; row < items_.size(); ++row) {
        Item &item = items_[row];
        if (item.id != id)
            continue;
        item.stage = stage;
        item.current = current;
        if (total > 0)
            item.total = total;
        Q_EMIT dataChanged(index(row), index(row));
        return;
    }
    beginInsertRows({}, count(), count());
    items_.append(Item{id, stage, current, total});
    endInsertRows();
    Q_EMIT countChanged();
}

void JobItemModel::clear()
{
    if (items_.isEmpty())
        return;
    beginResetModel();
    items_.clear();
    endResetModel();
    Q_EMIT countChanged();
}

qulonglong JobItemModel::doneBytes() const
{
    if (const Item *archive = archiveItem())
        return bytesDone(*archive);
    qulonglong sum = 0;
    for (const Item &item : items_)
        sum += bytesDone(item);
    return sum;
}

qulonglong JobItemModel::totalBytes() const
{
    if (const Item *archive = archiveItem())
        return qMax(archive->total, archive->current);
    qulonglong sum = 0;
    for (const Item &item : items_)
        sum += qMax(item.total, item.current);
    return sum;
}
