#include "container_files_model.h"

#include "command_text.h"
#include "dbus_types.h"
#include "helper_client.h"
#include "helper_connection.h"

#include <QDBusPendingCallWatcher>
#include <QDateTime>

#include <sys/stat.h>

#include <algorithm>

namespace {

QString modeText(uint mode)
{
    QString text;
    text += S_ISDIR(mode) ? QLatin1Char('d') : S_ISLNK(mode) ? QLatin1Char('l') : S_ISCHR(mode) ? QLatin1Char('c')
          : S_ISBLK(mode) ? QLatin1Char('b') : S_ISFIFO(mode) ? QLatin1Char('p') : S_ISSOCK(mode) ? QLatin1Char('s')
                                                                                                  : QLatin1Char('-');
    const char letters[] = "rwxrwxrwx";
    for (int bit = 0; bit < 9; ++bit)
        text += (mode & (0400u >> bit)) ? QLatin1Char(letters[bit]) : QLatin1Char('-');
    return text;
}

} // namespace

ContainerFilesModel::ContainerFilesModel(QObject *parent) : QAbstractListModel(parent)
{
    berth::gui::registerImageDBusTypes();
}

int ContainerFilesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(entries_.size());
}

QVariant ContainerFilesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QVariantMap &entry = entries_.at(index.row());
    const uint mode = entry.value(QStringLiteral("Mode")).toUInt();
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return entry.value(QStringLiteral("Name"));
    case PathRole:
        return childPath(entry.value(QStringLiteral("Name")).toString());
    case SizeRole:
        return entry.value(QStringLiteral("Size"));
    case IsDirectoryRole:
        return S_ISDIR(mode);
    case IsLinkRole:
        return S_ISLNK(mode);
    case LinkTargetRole:
        return entry.value(QStringLiteral("LinkTarget"));
    case OpensRole:
        return S_ISDIR(mode) || entry.value(QStringLiteral("LinkToDirectory")).toBool();
    case ModeTextRole:
        return modeText(mode);
    case ModifiedRole: {
        const qint64 nanoseconds = entry.value(QStringLiteral("ModifiedNanoseconds")).toLongLong();
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(nanoseconds / 1'000'000), QLocale::ShortFormat);
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> ContainerFilesModel::roleNames() const
{
    return {{NameRole, "name"},           {PathRole, "path"},         {SizeRole, "size"},
            {IsDirectoryRole, "isDirectory"}, {IsLinkRole, "isLink"}, {LinkTargetRole, "linkTarget"},
            {OpensRole, "opens"},         {ModeTextRole, "modeText"}, {ModifiedRole, "modified"}};
}

void ContainerFilesModel::setName(const QString &name)
{
    if (name_ == name)
        return;
    name_ = name;
    Q_EMIT nameChanged();
    Q_EMIT commandLineChanged();
    beginResetModel();
    entries_.clear();
    truncated_ = false;
    endResetModel();
    Q_EMIT countChanged();
    if (path_ != QLatin1String("/")) {
        path_ = QStringLiteral("/");
        Q_EMIT pathChanged();
        Q_EMIT commandLineChanged();
    }
}

QString ContainerFilesModel::commandLine() const
{
    return berth::gui::commandLine({QStringLiteral("exec"), name_, QStringLiteral("ls"), QStringLiteral("-la"), path_});
}

QString ContainerFilesModel::cleanPath(const QString &path)
{
    QStringList parts;
    for (const QString &part : path.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (part == QLatin1String("."))
            continue;
        if (part == QLatin1String("..")) {
            if (!parts.isEmpty())
                parts.removeLast();
            continue;
        }
        parts << part;
    }
    return QLatin1Char('/') + parts.join(QLatin1Char('/'));
}

QString ContainerFilesModel::childPath(const QString &name) const
{
    return path_ == QLatin1String("/") ? path_ + name : path_ + QLatin1Char('/') + name;
}

int ContainerFilesModel::rowOf(const QString &name) const
{
    for (qsizetype row = 0; row < entries_.size(); ++row)
        if (entries_.at(row).value(QStringLiteral("Name")).toString() == name)
            return int(row);
    return -1;
}

void ContainerFilesModel::up()
{
    if (path_ != QLatin1String("/"))
        open(path_ + QStringLiteral("/.."));
}

void ContainerFilesModel::reload()
{
    open(path_);
}

void ContainerFilesModel::setError(const QString &error)
{
    if (error_ == error)
        return;
    error_ = error;
    Q_EMIT errorChanged();
}

void ContainerFilesModel::open(const QString &path)
{
    if (name_.isEmpty())
        return;
    const QString clean = cleanPath(path);
    if (const QString failure = HelperClient::instance()->busFailure(); !failure.isEmpty()) {
        setError(failure);
        return;
    }
    requested_ = clean;
    if (!loading_) {
        loading_ = true;
        Q_EMIT loadingChanged();
    }
    const QString container = name_;
    auto *watcher = new QDBusPendingCallWatcher(HelperClient::instance()->proxy()->ListContainerDirectory(container, clean), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, container, clean]() {
        watcher->deleteLater();
        // A later request (another folder, another container) wins.
        if (container != name_ || clean != requested_)
            return;
        loading_ = false;
        Q_EMIT loadingChanged();
        QDBusPendingReply<QList<QVariantMap>, bool> reply = *watcher;
        if (reply.isError()) {
            // The folder stays as it was; the message says why the new one did not open.
            setError(berth::client::describeFailure(reply.error()).message);
            return;
        }
        setError({});
        QList<QVariantMap> entries = reply.argumentAt<0>();
        // Folders first (and links to folders), then by name as the helper sorted them.
        std::stable_sort(entries.begin(), entries.end(), [](const QVariantMap &left, const QVariantMap &right) {
            const auto opens = [](const QVariantMap &entry) {
                return S_ISDIR(entry.value(QStringLiteral("Mode")).toUInt()) || entry.value(QStringLiteral("LinkToDirectory")).toBool();
            };
            return opens(left) && !opens(right);
        });
        beginResetModel();
        entries_ = std::move(entries);
        truncated_ = reply.argumentAt<1>();
        const bool moved = path_ != clean;
        path_ = clean;
        endResetModel();
        Q_EMIT countChanged();
        if (moved) {
            Q_EMIT pathChanged();
            Q_EMIT commandLineChanged();
        }
    });
}
