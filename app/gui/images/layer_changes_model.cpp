#include "layer_changes_model.h"

#include "dbus_types.h"
#include "helper_client.h"
#include "helper_connection.h"

#include "formatting.h"

#include <QDBusPendingCallWatcher>
#include <QHash>

namespace {

// Paths compare component by component, so a directory comes right before its contents
// ("/data/dir" < "/data/dir/c" < "/data/dir-2").
bool treeLess(const QString &a, const QString &b)
{
    const QStringList left = a.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const QStringList right = b.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (int index = 0; index < qMin(left.size(), right.size()); ++index) {
        if (const int order = left.at(index).compare(right.at(index)); order != 0)
            return order < 0;
    }
    return left.size() < right.size();
}

QString parentOf(const QString &path)
{
    const auto slash = path.lastIndexOf(QLatin1Char('/'));
    return slash <= 0 ? QString() : path.left(slash);
}

} // namespace

LayerChangesModel::LayerChangesModel(QObject *parent) : QAbstractListModel(parent) 
{
    berth::gui::registerImageDBusTypes();
}

int LayerChangesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(visible_.size());
}

QString LayerChangesModel::modeText(uint mode, const QString &fileType)
{
    QString text;
    if (fileType == QLatin1String("dir"))
        text += QLatin1Char('d');
    else if (fileType == QLatin1String("symlink"))
        text += QLatin1Char('l');
    else if (fileType == QLatin1String("char"))
        text += QLatin1Char('c');
    else if (fileType == QLatin1String("block"))
        text += QLatin1Char('b');
    else if (fileType == QLatin1String("fifo"))
        text += QLatin1Char('p');
    else if (fileType == QLatin1String("socket"))
        text += QLatin1Char('s');
    else
        text += QLatin1Char('-');
    const char *letters = "rwxrwxrwx";
    for (int bit = 0; bit < 9; ++bit)
        text += (mode & (0400u >> bit)) ? QLatin1Char(letters[bit]) : QLatin1Char('-');
    if (mode & 04000)
        text[3] = text[3] == QLatin1Char('x') ? QLatin1Char('s') : QLatin1Char('S');
    if (mode & 02000)
        text[6] = text[6] == QLatin1Char('x') ? QLatin1Char('s') : QLatin1Char('S');
    if (mode & 01000)
        text[9] = text[9] == QLatin1Char('x') ? QLatin1Char('t') : QLatin1Char('T');
    return text;
}

QVariant LayerChangesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = entries_.at(visible_.at(index.row()));
    switch (role) {
    case Qt::DisplayRole:
    case PathRole: return entry.path;
    case FileNameRole: return entry.path.mid(entry.path.lastIndexOf(QLatin1Char('/')) + 1);
    case DepthRole: return entry.depth;
    case ChangeRole: return entry.change;
    case FileTypeRole: return entry.type;
    case SizeRole: return entry.size;
    case SizeTextRole:
        return entry.change.isEmpty() || entry.change == QLatin1String("deleted") || entry.type == QLatin1String("dir")
                 ? QString() : berth::client::formatDecimalSize(entry.size);
    case ModeTextRole:
        return entry.change.isEmpty() || entry.change == QLatin1String("deleted") ? QString() : modeText(entry.mode, entry.type);
    case TargetRole: return entry.target;
    case HasChildrenRole: return entry.hasChildren;
    case ExpandedRole: return entry.hasChildren && !folded_.contains(entry.path);
    default: return {};
    }
}

QHash<int, QByteArray> LayerChangesModel::roleNames() const
{
    return {{PathRole, "path"},           {FileNameRole, "fileName"},       {DepthRole, "depth"},
            {ChangeRole, "change"},       {FileTypeRole, "fileType"},       {SizeRole, "size"},
            {SizeTextRole, "sizeText"},   {ModeTextRole, "modeText"},       {TargetRole, "target"},
            {HasChildrenRole, "hasChildren"}, {ExpandedRole, "expanded"}};
}

void LayerChangesModel::setName(const QString &name)
{
    if (name_ == name)
        return;
    name_ = name;
    Q_EMIT nameChanged();
}

void LayerChangesModel::setLayer(int layer)
{
    if (layer_ == layer)
        return;
    layer_ = layer;
    Q_EMIT layerChanged();
}

void LayerChangesModel::setLimit(int limit)
{
    if (limit_ == limit || limit <= 0)
        return;
    limit_ = limit;
    Q_EMIT layerChanged();
}

void LayerChangesModel::setFilterText(const QString &text)
{
    if (filterText_ == text)
        return;
    filterText_ = text;
    Q_EMIT filterTextChanged();
    rebuildVisible();
}

int LayerChangesModel::counted(const QString &change) const
{
    return int(std::count_if(entries_.cbegin(), entries_.cend(), [&](const Entry &entry) { return entry.change == change; }));
}

int LayerChangesModel::changeCount() const
{
    return int(std::count_if(entries_.cbegin(), entries_.cend(), [](const Entry &entry) { return !entry.change.isEmpty(); }));
}

void LayerChangesModel::reload()
{
    const quint64 generation = ++generation_;
    if (name_.isEmpty() || layer_ < 0) {
        beginResetModel();
        entries_.clear();
        visible_.clear();
        endResetModel();
        Q_EMIT countChanged();
        Q_EMIT loadingChanged();
        return;
    }
    if (const QString failure = HelperClient::instance()->busFailure(); !failure.isEmpty()) {
        error_ = failure;
        Q_EMIT loadingChanged();
        return;
    }
    loading_ = true;
    Q_EMIT loadingChanged();
    auto *watcher = new QDBusPendingCallWatcher(
        HelperClient::instance()->proxy()->ImageLayerChanges(name_, uint(layer_), uint(limit_)), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, generation]() {
        watcher->deleteLater();
        if (generation != generation_)
            return;
        QDBusPendingReply<QList<QVariantMap>, bool> reply = *watcher;
        QList<Entry> fresh;
        if (reply.isError()) {
            error_ = berth::client::describeFailure(reply.error()).message;
            truncated_ = false;
        } else {
            error_.clear();
            truncated_ = reply.argumentAt<1>();
            QHash<QString, int> byPath;
            for (const QVariantMap &change : reply.argumentAt<0>()) {
                QString path = change.value(QStringLiteral("Path")).toString();
                if (!path.startsWith(QLatin1Char('/')))
                    path.prepend(QLatin1Char('/'));
                while (path.size() > 1 && path.endsWith(QLatin1Char('/')))
                    path.chop(1);
                Entry entry{path,
                            change.value(QStringLiteral("Change")).toString(),
                            change.value(QStringLiteral("Type")).toString(),
                            change.value(QStringLiteral("Size")).toULongLong(),
                            change.value(QStringLiteral("Mode")).toUInt(),
                            change.value(QStringLiteral("Target")).toString()};
                if (const auto it = byPath.constFind(path); it != byPath.cend()) {
                    fresh[*it] = entry;
                } else {
                    byPath.insert(path, int(fresh.size()));
                    fresh.append(entry);
                }
            }
            // Parents that the layer does not change still place what it does.
            for (qsizetype index = 0; index < fresh.size(); ++index) {
                for (QString parent = parentOf(fresh.at(index).path); !parent.isEmpty(); parent = parentOf(parent)) {
                    if (byPath.contains(parent))
                        break;
                    byPath.insert(parent, int(fresh.size()));
                    fresh.append(Entry{parent, QString(), QStringLiteral("dir")});
                }
            }
            std::sort(fresh.begin(), fresh.end(), [](const Entry &a, const Entry &b) { return treeLess(a.path, b.path); });
            for (qsizetype index = 0; index < fresh.size(); ++index) {
                Entry &entry = fresh[index];
                entry.depth = int(entry.path.count(QLatin1Char('/'))) - 1;
                entry.hasChildren = index + 1 < fresh.size() && fresh.at(index + 1).path.startsWith(entry.path + QLatin1Char('/'));
            }
        }
        entries_ = std::move(fresh);
        folded_.clear();
        loading_ = false;
        rebuildVisible();
        Q_EMIT loadingChanged();
    });
}

void LayerChangesModel::rebuildVisible()
{
    QList<int> fresh;
    const QString needle = filterText_.trimmed();
    QSet<QString> shown;
    if (!needle.isEmpty()) {
        // A match shows with its parents, so it stays in place in the tree.
        for (const Entry &entry : entries_) {
            if (!entry.path.contains(needle, Qt::CaseInsensitive))
                continue;
            for (QString path = entry.path; !path.isEmpty() && !shown.contains(path); path = parentOf(path))
                shown.insert(path);
        }
    }
    for (int index = 0; index < entries_.size(); ++index) {
        const Entry &entry = entries_.at(index);
        if (!needle.isEmpty() && !shown.contains(entry.path))
            continue;
        bool hidden = false;
        for (QString parent = parentOf(entry.path); !parent.isEmpty(); parent = parentOf(parent)) {
            if (folded_.contains(parent)) {
                hidden = true;
                break;
            }
        }
        if (!hidden)
            fresh.append(index);
    }
    beginResetModel();
    visible_ = std::move(fresh);
    endResetModel();
    Q_EMIT countChanged();
}

void LayerChangesModel::toggle(const QString &path)
{
    if (folded_.contains(path))
        folded_.remove(path);
    else
        folded_.insert(path);
    rebuildVisible();
}

int LayerChangesModel::rowOf(const QString &path) const
{
    for (int row = 0; row < visible_.size(); ++row) {
        if (entries_.at(visible_.at(row)).path == path)
            return row;
    }
    return -1;
}

QString LayerChangesModel::changeOf(const QString &path) const
{
    for (const Entry &entry : entries_) {
        if (entry.path == path)
            return entry.change;
    }
    return QStringLiteral("absent");
}
