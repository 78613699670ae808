#include "image_list_model.h"

#include "command_text.h"
#include "dbus_types.h"
#include "helper_client.h"
#include "helper_connection.h"

#include "formatting.h"

#include "engine/core/reference.h"

#include <QDBusPendingCallWatcher>
#include <QLocale>
#include <QSet>

namespace {

// Splits "name:tag" where name may have a registry port ("host:5000/a:tag").
std::pair<QString, QString> splitTag(const QString &name)
{
    const auto colon = name.lastIndexOf(QLatin1Char(':'));
    if (colon < 0 || name.indexOf(QLatin1Char('/'), colon) >= 0)
        return {name, QStringLiteral("<none>")};
    return {name.left(colon), name.mid(colon + 1)};
}

QString shortId(const QString &id)
{
    QString hex = id;
    if (hex.startsWith(QLatin1String("sha256:")))
        hex = hex.mid(7);
    return hex.left(12);
}

} // namespace

ImageListModel::ImageListModel(QObject *parent) : HelperListModel(parent)
{
    berth::gui::registerImageDBusTypes();
    connect(HelperClient::instance(), &HelperClient::imagesChanged, this, [this]() { reload(false); });
}

int ImageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(rows_.size());
}

QVariant ImageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = rows_.at(index.row());
    const bool untagged = row.tag == QLatin1String("<none>");
    switch (role) {
    case Qt::DisplayRole:
    case ReferenceRole:
        return untagged ? shortId(row.fullId) : row.repository + QLatin1Char(':') + row.tag;
    case RepositoryRole: return row.repository;
    case TagRole: return row.tag;
    case IdRole: return shortId(row.fullId);
    case FullIdRole: return row.fullId;
    case DigestRole: return row.digest;
    case CreatedRole: return row.created;
    case CreatedTextRole:
        return row.created.isValid() ? QLocale().toString(row.created.toLocalTime(), QLocale::ShortFormat) : QString();
    case SizeRole: return row.size;
    case SizeTextRole: return berth::client::formatDecimalSize(row.size);
    case LayerCountRole: return row.layers;
    case PlatformRole: return row.platform;
    case UntaggedRole: return untagged;
    case TagsOfImageRole: return row.tagsOfImage;
    default: return {};
    }
}

QHash<int, QByteArray> ImageListModel::roleNames() const
{
    return {{RepositoryRole, "repository"},   {TagRole, "tag"},
            {ReferenceRole, "reference"},     {IdRole, "imageId"},
            {FullIdRole, "fullId"},           {DigestRole, "digest"},
            {CreatedRole, "created"},         {CreatedTextRole, "createdText"},
            {SizeRole, "size"},               {SizeTextRole, "sizeText"},
            {LayerCountRole, "layerCount"},   {PlatformRole, "platform"},
            {UntaggedRole, "untagged"},       {TagsOfImageRole, "tagsOfImage"}};
}

void ImageListModel::reload(bool showCommand)
{
    if (showCommand)
        HelperClient::instance()->showCommand(QStringLiteral("berth images"));
    if (!beginLoad())
        return;
    auto *watcher = new QDBusPendingCallWatcher(HelperClient::instance()->proxy()->ListImages(), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher]() {
        watcher->deleteLater();
        QDBusPendingReply<QList<QVariantMap>> reply = *watcher;
        QString error;
        if (reply.isError()) {
            error = berth::client::describeFailure(reply.error()).message;
        } else {
            QList<Row> fresh;
            for (const QVariantMap &image : reply.value()) {
                Row row;
                row.fullId = image.value(QStringLiteral("Id")).toString();
                row.created = QDateTime::fromString(image.value(QStringLiteral("Created")).toString(), Qt::ISODateWithMs);
                row.size = image.value(QStringLiteral("Size")).toULongLong();
                row.layers = image.value(QStringLiteral("Layers")).toUInt();
                row.platform = image.value(QStringLiteral("Os")).toString() + QLatin1Char('/')
                             + image.value(QStringLiteral("Architecture")).toString();
                const QStringList tags = image.value(QStringLiteral("RepoTags")).toStringList();
                const QStringList digests = image.value(QStringLiteral("RepoDigests")).toStringList();
                row.tagsOfImage = tags;
                const auto digestFor = [&](const QString &repository) {
                    for (const QString &digest : digests) {
                        if (digest.section(QLatin1Char('@'), 0, 0) == repository)
                            return digest.section(QLatin1Char('@'), 1);
                    }
                    return QString();
                };
                if (tags.isEmpty()) {
                    // As docker: an untagged image still shows the repository it came from.
                    row.repository = digests.isEmpty() ? QStringLiteral("<none>") : digests.first().section(QLatin1Char('@'), 0, 0);
                    row.tag = QStringLiteral("<none>");
                    row.digest = digests.isEmpty() ? QString() : digests.first().section(QLatin1Char('@'), 1);
                    fresh.append(row);
                }
                for (const QString &name : tags) {
                    auto [repository, tag] = splitTag(name);
                    row.repository = repository;
                    row.tag = tag;
                    row.digest = digestFor(repository);
                    fresh.append(row);
                }
            }
            apply(std::move(fresh));
        }
        finishLoad(error, [this]() { reload(false); });
    });
}

// Merged by key in the helper's order, so that views keep their current row.
void ImageListModel::apply(QList<Row> fresh)
{
    const int before = count();
    mergeRows(rows_, std::move(fresh), [](const Row &row) { return row.key(); });
    if (count() != before)
        Q_EMIT countChanged();
}

QString ImageListModel::referenceProblem(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return tr("Type an image name, for example busybox or registry.example.com/team/app:1.0.");
    auto reference = berth::image::parseReference(trimmed.toStdString());
    if (!reference)
        return QString::fromStdString(reference.error().describe());
    return {};
}

QString ImageListModel::removeCommand(const QStringList &names, bool force)
{
    QStringList words{QStringLiteral("rmi")};
    if (force)
        words << QStringLiteral("-f");
    words += names;
    return berth::gui::commandLine(words);
}

QString ImageListModel::tagCommand(const QString &source, const QString &target)
{
    return berth::gui::commandLine({QStringLiteral("tag"), source, target.trimmed()});
}

void ImageListModel::setBusy(bool busy)
{
    if (busy_ == busy)
        return;
    busy_ = busy;
    Q_EMIT busyChanged();
}

void ImageListModel::clearAction()
{
    if (actionError_.isEmpty() && actionMessage_.isEmpty())
        return;
    actionError_.clear();
    actionMessage_.clear();
    Q_EMIT actionChanged();
}

void ImageListModel::finishAction(bool ok, const QString &message)
{
    actionError_ = ok ? QString() : message;
    actionMessage_ = ok ? message : QString();
    setBusy(false);
    Q_EMIT actionChanged();
    Q_EMIT actionFinished(ok, message);
}

void ImageListModel::remove(const QStringList &names, bool force)
{
    HelperClient::instance()->showCommand(removeCommand(names, force));
    if (const QString failure = HelperClient::instance()->busFailure(); !failure.isEmpty()) {
        finishAction(false, failure);
        return;
    }
    setBusy(true);
    auto *watcher = new QDBusPendingCallWatcher(HelperClient::instance()->changeProxy()->RemoveImages(names, force), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher]() {
        watcher->deleteLater();
        QDBusPendingReply<QList<QVariantMap>> reply = *watcher;
        if (reply.isError()) {
            finishAction(false, berth::client::describeFailure(reply.error()).message);
            return;
        }
        QStringList lines;
        for (const QVariantMap &step : reply.value()) {
            if (step.contains(QStringLiteral("Untagged")))
                lines << tr("Untagged: %1").arg(step.value(QStringLiteral("Untagged")).toString());
            if (step.contains(QStringLiteral("Deleted")))
                lines << tr("Deleted: %1").arg(step.value(QStringLiteral("Deleted")).toString());
        }
        finishAction(true, lines.join(QLatin1Char('\n')));
        reload(false);
    });
}

void ImageListModel::tag(const QString &source, const QString &target)
{
    const QString trimmed = target.trimmed();
    HelperClient::instance()->showCommand(tagCommand(source, trimmed));
    if (const QString problem = referenceProblem(trimmed); !problem.isEmpty()) {
        finishAction(false, problem);
        return;
    }
    if (const QString failure = HelperClient::instance()->busFailure(); !failure.isEmpty()) {
        finishAction(false, failure);
        return;
    }
    setBusy(true);
    auto *watcher = new QDBusPendingCallWatcher(HelperClient::instance()->changeProxy()->TagImage(source, trimmed), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, source, trimmed]() {
        watcher->deleteLater();
        QDBusPendingReply<> reply = *watcher;
        if (reply.isError()) {
            finishAction(false, berth::client::describeFailure(reply.error()).message);
            return;
        }
        finishAction(true, tr("Tagged %1 as %2").arg(source, trimmed));
        reload(false);
    });
}
