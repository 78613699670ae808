#include "pull_job.h"

#include "command_text.h"
#include "helper_client.h"
#include "helper_connection.h"
#include "image_list_model.h"

#include "formatting.h"
#include "job_follower.h"

#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>

// --- PullLayerModel ----------------------------------------------------------------------

PullLayerModel::PullLayerModel(QObject *parent) : QAbstractListModel(parent) {}

int PullLayerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(layers_.size());
}

QString PullLayerModel::stageText(const QString &stage)
{
    if (stage == QLatin1String("waiting"))
        return tr("Waiting");
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
    if (stage == QLatin1String("failed"))
        return tr("Failed");
    return stage;
}

namespace {

bool isFinishedStage(const QString &stage)
{
    return stage == QLatin1String("done") || stage == QLatin1String("already-exists") || stage == QLatin1String("failed");
}

// How far a layer is, by bytes: what was downloaded, or all of it once past downloading.
qulonglong bytesDone(const QString &stage, qulonglong current, qulonglong total)
{
    if (stage == QLatin1String("waiting") || stage == QLatin1String("failed"))
        return 0;
    if (stage == QLatin1String("downloading"))
        return qMin(current, total > 0 ? total : current);
    return qMax(current, total);
}

} // namespace

QVariant PullLayerModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Layer &layer = layers_.at(index.row());
    const qulonglong done = bytesDone(layer.stage, layer.current, layer.total);
    switch (role) {
    case Qt::DisplayRole:
    case LayerIdRole: return layer.id;
    case StageRole: return layer.stage;
    case StageTextRole: return stageText(layer.stage);
    case CurrentRole: return layer.current;
    case TotalRole: return layer.total;
    case FractionRole:
        if (isFinishedStage(layer.stage) && layer.stage != QLatin1String("failed"))
            return 1.0;
        return layer.total > 0 ? double(done) / double(layer.total) : 0.0;
    case BytesTextRole:
        if (layer.stage == QLatin1String("downloading") && layer.total > 0)
            return QStringLiteral("%1 / %2").arg(berth::client::formatDecimalSize(layer.current),
                                                 berth::client::formatDecimalSize(layer.total));
        return layer.total > 0 ? berth::client::formatDecimalSize(layer.total) : QString();
    case FinishedRole: return isFinishedStage(layer.stage);
    default: return {};
    }
}

QHash<int, QByteArray> PullLayerModel::roleNames() const
{
    return {{LayerIdRole, "layerId"},     {StageRole, "stage"},         {StageTextRole, "stageText"},
            {CurrentRole, "current"},     {TotalRole, "total"},         {FractionRole, "fraction"},
            {BytesTextRole, "bytesText"}, {FinishedRole, "layerFinished"}};
}

void PullLayerModel::update(const QString &id, const QString &stage, qulonglong current, qulonglong total)
{
    for (int row = 0; row < layers_.size(); ++row) {
        Layer &layer = layers_[row];
        if (layer.id != id)
            continue;
        layer.stage = stage;
        layer.current = current;
        if (total > 0)
            layer.total = total;
        Q_EMIT dataChanged(index(row), index(row));
        return;
    }
    beginInsertRows({}, count(), count());
    layers_.append(Layer{id, stage, current, total});
    endInsertRows();
    Q_EMIT countChanged();
}

void PullLayerModel::clear()
{
    if (layers_.isEmpty())
        return;
    beginResetModel();
    layers_.clear();
    endResetModel();
    Q_EMIT countChanged();
}

qulonglong PullLayerModel::doneBytes() const
{
    qulonglong sum = 0;
    for (const Layer &layer : layers_)
        sum += bytesDone(layer.stage, layer.current, layer.total);
    return sum;
}

qulonglong PullLayerModel::totalBytes() const
{
    qulonglong sum = 0;
    for (const Layer &layer : layers_)
        sum += qMax(layer.total, layer.current);
    return sum;
}

// --- PullJob -----------------------------------------------------------------------------

PullJob::PullJob(QObject *parent) : QObject(parent), layers_(new PullLayerModel(this)) {}

PullJob::~PullJob() = default;

void PullJob::setReference(const QString &reference)
{
    if (reference_ == reference)
        return;
    reference_ = reference;
    Q_EMIT referenceChanged();
}

void PullJob::setPlatform(const QString &platform)
{
    if (platform_ == platform)
        return;
    platform_ = platform;
    Q_EMIT referenceChanged();
}

QString PullJob::command() const
{
    QStringList words{QStringLiteral("pull")};
    if (!platform_.trimmed().isEmpty())
        words << QStringLiteral("--platform") << platform_.trimmed();
    words << (reference_.trimmed().isEmpty() ? QStringLiteral("IMAGE") : reference_.trimmed());
    return berth::gui::commandLine(words);
}

QString PullJob::referenceProblem() const
{
    return ImageListModel::referenceProblem(reference_);
}

qulonglong PullJob::currentBytes() const
{
    return layers_->doneBytes();
}

qulonglong PullJob::totalBytes() const
{
    return layers_->totalBytes();
}

double PullJob::fraction() const
{
    if (succeeded())
        return 1.0;
    const qulonglong total = totalBytes();
    return total > 0 ? double(currentBytes()) / double(total) : 0.0;
}

QString PullJob::bytesText() const
{
    if (layers_->count() == 0)
        return {};
    return tr("%1 of %2").arg(berth::client::formatDecimalSize(currentBytes()), berth::client::formatDecimalSize(totalBytes()));
}

void PullJob::reset()
{
    if (running_)
        return;
    follower_.reset();
    layers_->clear();
    messages_.clear();
    finished_ = cancelled_ = cancelling_ = false;
    errorMessage_.clear();
    statusText_.clear();
    resultName_.clear();
    Q_EMIT messagesChanged();
    Q_EMIT bytesChanged();
    Q_EMIT stateChanged();
}

void PullJob::start()
{
    if (running_)
        return;
    reset();
    const QString reference = reference_.trimmed();
    HelperClient::instance()->showCommand(command());
    if (const QString problem = referenceProblem(); !problem.isEmpty()) {
        finish(QStringLiteral("io.berth.Error.InvalidArgument"), problem, {});
        return;
    }
    if (const QString failure = HelperClient::instance()->busFailure(); !failure.isEmpty()) {
        finish(QStringLiteral("io.berth.Error.Unavailable"), failure, {});
        return;
    }
    running_ = true;
    Q_EMIT stateChanged();
    if (!reference.contains(QLatin1Char(':')) && !reference.contains(QLatin1Char('@'))) {
        messages_ << tr("Using default tag: latest");
        Q_EMIT messagesChanged();
    }

    // The follower listens before the call: the job starts as soon as the reply is sent.
    follower_ = std::make_unique<berth::client::JobFollower>();
    connect(follower_.get(), &berth::client::JobFollower::progress, this,
            [this](const QString &id, const QString &stage, qulonglong current, qulonglong total) {
                layers_->update(id, stage, current, total);
                Q_EMIT bytesChanged();
            });
    connect(follower_.get(), &berth::client::JobFollower::message, this, [this](const QString &text) {
        messages_ << text;
        Q_EMIT messagesChanged();
    });
    connect(follower_.get(), &berth::client::JobFollower::finished, this, &PullJob::finish);

    QVariantMap options;
    if (!platform_.trimmed().isEmpty())
        options.insert(QStringLiteral("platform"), platform_.trimmed());
    auto *watcher = new QDBusPendingCallWatcher(HelperClient::instance()->changeProxy()->Pull(reference, options), this);
    auto *follower = follower_.get();
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, follower]() {
        watcher->deleteLater();
        if (follower != follower_.get())
            return;
        QDBusPendingReply<QDBusObjectPath> reply = *watcher;
        if (reply.isError()) {
            finish(reply.error().name(), berth::client::describeFailure(reply.error()).message, {});
            return;
        }
        follower_->follow(reply.value().path());
        // A cancel asked for before the job had a path.
        if (cancelling_)
            follower_->cancel();
    });
}

void PullJob::cancel()
{
    if (!running_ || cancelling_)
        return;
    cancelling_ = true;
    Q_EMIT stateChanged();
    if (follower_ && !follower_->path().isEmpty())
        follower_->cancel();
}

void PullJob::finish(const QString &errorName, const QString &errorMessage, const QVariantMap &result)
{
    running_ = false;
    finished_ = true;
    cancelling_ = false;
    cancelled_ = errorName.endsWith(QLatin1String(".Cancelled"));
    if (errorName.isEmpty()) {
        errorMessage_.clear();
        resultName_ = result.value(QStringLiteral("Name")).toString();
        const QString digest = result.value(QStringLiteral("Digest")).toString();
        if (!digest.isEmpty())
            messages_ << tr("Digest: %1").arg(digest);
        statusText_ = result.value(QStringLiteral("Changed")).toBool()
                        ? tr("Status: Downloaded newer image for %1").arg(resultName_)
                        : tr("Status: Image is up to date for %1").arg(resultName_);
        messages_ << statusText_;
        Q_EMIT messagesChanged();
    } else {
        errorMessage_ = errorMessage.isEmpty() ? errorName : errorMessage;
        statusText_ = cancelled_ ? tr("Pull cancelled") : QString();
    }
    Q_EMIT bytesChanged();
    Q_EMIT stateChanged();
    Q_EMIT done(errorName.isEmpty());
}
