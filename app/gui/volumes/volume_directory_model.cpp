#include "volume_directory_model.h"

#include "command_text.h"
#include "dbus_types.h"
#include "helper_client.h"
#include "helper_connection.h"

#include "formatting.h"

#include <QDBusPendingCallWatcher>
#include <QLocale>

#include <sys/stat.h>

#include <algorithm>

namespace {

QString joinPath(const QString &directory, const QString &name)
{
    return directory.endsWith(QLatin1Char('/')) ? directory + name : directory + QLatin1Char('/') + name;
}

} // namespace

VolumeDirectoryModel::VolumeDirectoryModel(QObject *parent) : QAbstractListModel(parent)
{
    berth::gui::registerImageDBusTypes();
}

int VolumeDirectoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(rows_.size());
}

QString VolumeDirectoryModel::modeText(uint mode)
{
    QString text;
    switch (mode & S_IFMT) {
    case S_IFDIR: text = QStringLiteral("d"); break;
    case S_IFLNK: text = QStringLiteral("l"); break;
    case S_IFCHR: text = QStringLiteral("c"); break;
    case S_IFBLK: text = QStringLiteral("b"); break;
    case S_IFIFO: text = QStringLiteral("p"); break;
    case S_IFSOCK: text = QStringLiteral("s"); break;
    default: text = QStringLiteral("-"); break;
    }
    const char letters[] = "rwxrwxrwx";
    for (int bit = 0; bit < 9; ++bit)
        text += (mode & (0400u >> bit)) ? QLatin1Char(letters[bit]) : QLatin1Char('-');
    // setuid, setgid and sticky replace the x of their triple, as ls shows them.
    if (mode & S_ISUID)
        text[3] = (mode & S_IXUSR) ? QLatin1Char('s') : QLatin1Char('S');
    if (mode & S_ISGID)
        text[6] = (mode & S_IXGRP) ? QLatin1Char('s') : QLatin1Char('S');
    if (mode & S_ISVTX)
        text[9] = (mode & S_IXOTH) ? QLatin1Char('t') : QLatin1Char('T');
    return text;
}

QVariant VolumeDirectoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = rows_.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return row.name;
    case TypeRole: return row.type;
    case IsDirectoryRole: return row.type == QLatin1String("dir");
    case SizeRole: return row.size;
    case SizeTextRole:
        return row.type == QLatin1String("file") || row.type == QLatin1String("symlink")
                   ? berth::client::formatDecimalSize(row.size)
                   : QString();
    case ModeRole: return row.mode;
    case ModeTextRole: return modeText(row.mode);
    case OwnerRole: return QStringLiteral("%1:%2").arg(row.uid).arg(row.gid);
    case ModifiedRole: return row.modified;
    case ModifiedTextRole: return QLocale().toString(row.modified.toLocalTime(), QLocale::ShortFormat);
    case TargetRole: return row.target;
    default: return {};
    }
}

QHash<int, QByteArray> VolumeDirectoryModel::roleNames() const
{
    return {{NameRole, "name"},       {TypeRole, "type"},         {IsDirectoryRole, "isDirectory"},
            {SizeRole, "size"},       {SizeTextRole, "sizeText"}, {ModeRole, "mode"},
            {ModeTextRole, "modeText"}, {OwnerRole, "owner"},     {ModifiedRole, "modified"},
            {ModifiedTextRole, "modifiedText"}, {TargetRole, "target"}};
}

void VolumeDirectoryModel::setVolume(const QString &volume)
{
    if (volume_ == volume)
        return;
    volume_ = volume;
    Q_EMIT volumeChanged();
    beginResetModel();
    rows_.clear();
    endResetModel();
    path_ = QStringLiteral("/");
    error_.clear();
    truncated_ = false;
    Q_EMIT listed();
    if (!volume_.isEmpty())
        open(QStringLiteral("/"));
}

QString VolumeDirectoryModel::command() const
{
    // Docker has no verb to list a volume; the usual way is a throwaway container with the
    // volume mounted read-only.
    const QString inside = path_ == QLatin1String("/") ? QStringLiteral("/volume") : QStringLiteral("/volume") + path_;
    return berth::gui::commandLine({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("-v"),
                                    volume_ + QStringLiteral(":/volume:ro"), QStringLiteral("busybox"),
                                    QStringLiteral("ls"), QStringLiteral("-la"), inside});
}

QStringList VolumeDirectoryModel::crumbs() const
{
    QStringList list{QStringLiteral("/")};
    QString walked;
    for (const QString &part : path_.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        walked += QLatin1Char('/') + part;
        list << walked;
    }
    return list;
}

void VolumeDirectoryModel::enter(const QString &name)
{
    const auto row = std::find_if(rows_.begin(), rows_.end(), [&](const Row &each) { return each.name == name; });
    const bool link = row != rows_.end() && row->type == QLatin1String("symlink");
    const QString target = link ? row->target : QString();
    open(joinPath(path_, name));
    enteringLink_ = link ? name : QString();
    enteringTarget_ = target;
}

void VolumeDirectoryModel::up()
{
    if (path_ == QLatin1String("/"))
        return;
    const qsizetype slash = path_.lastIndexOf(QLatin1Char('/'));
    open(slash <= 0 ? QStringLiteral("/") : path_.left(slash));
}

void VolumeDirectoryModel::reload()
{
    open(path_);
}

void VolumeDirectoryModel::open(const QString &path)
{
    if (volume_.isEmpty())
        return;
    enteringLink_.clear();
    requested_ = path.isEmpty() ? QStringLiteral("/") : path;
    if (const QString failure = HelperClient::instance()->busFailure(); !failure.isEmpty()) {
        error_ = failure;
        Q_EMIT listed();
        return;
    }
    const quint64 generation = ++generation_;
    if (!loading_) {
        loading_ = true;
        Q_EMIT loadingChanged();
    }
    auto *watcher = new QDBusPendingCallWatcher(
        HelperClient::instance()->proxy()->ListVolumeDirectory(volume_, requested_, 0), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, generation]() {
        watcher->deleteLater();
        if (generation != generation_)
            return;
        loading_ = false;
        QDBusPendingReply<QList<QVariantMap>, QString, bool> reply = *watcher;
        if (reply.isError()) {
            // The folder shown stays; the error says why the other one could not be opened.
            const bool missing = reply.error().name() == QLatin1String("io.berth.Error.NotFound");
            const bool notFolder = reply.error().name() == QLatin1String("io.berth.Error.InvalidArgument");
            if (!enteringLink_.isEmpty() && missing)
                error_ = tr("%1 points to %2, which is not inside this volume. Links are followed only inside the volume: "
                            "what lies outside belongs to the containers that mount it, or to this computer, and is not shown here.")
                             .arg(enteringLink_, enteringTarget_);
            else if (!enteringLink_.isEmpty() && notFolder)
                error_ = tr("%1 points to %2, which is a file, not a folder; only folders can be opened.")
                             .arg(enteringLink_, enteringTarget_);
            else
                error_ = tr("Could not open %1: %2").arg(requested_, berth::client::describeFailure(reply.error()).message);
        } else {
            QList<Row> fresh;
            for (const QVariantMap &entry : reply.argumentAt<0>()) {
                Row row;
                row.name = entry.value(QStringLiteral("Name")).toString();
                row.type = entry.value(QStringLiteral("Type")).toString();
                row.size = entry.value(QStringLiteral("Size")).toULongLong();
                row.mode = entry.value(QStringLiteral("Mode")).toUInt();
                row.uid = entry.value(QStringLiteral("Uid")).toUInt();
                row.gid = entry.value(QStringLiteral("Gid")).toUInt();
                row.modified = QDateTime::fromSecsSinceEpoch(entry.value(QStringLiteral("Modified")).toLongLong(), Qt::UTC);
                row.target = entry.value(QStringLiteral("Target")).toString();
                fresh.append(std::move(row));
            }
            std::stable_sort(fresh.begin(), fresh.end(), [](const Row &left, const Row &right) {
                const bool leftDirectory = left.type == QLatin1String("dir");
                const bool rightDirectory = right.type == QLatin1String("dir");
                if (leftDirectory != rightDirectory)
                    return leftDirectory;
                return QString::localeAwareCompare(left.name, right.name) < 0;
            });
            beginResetModel();
            rows_ = std::move(fresh);
            endResetModel();
            path_ = reply.argumentAt<1>();
            truncated_ = reply.argumentAt<2>();
            error_.clear();
            HelperClient::instance()->showCommand(command());
        }
        Q_EMIT loadingChanged();
        Q_EMIT listed();
    });
}
