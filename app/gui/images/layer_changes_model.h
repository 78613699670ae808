// What one layer of an image changes, as a tree drawn as an indented list (like `dive`):
// files added, modified, deleted (whiteouts) and directories made opaque, with the
// unchanged parent directories shown only to place them. Filter as you type; directories
// fold and unfold.
#pragma once

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QSet>

class LayerChangesModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString name READ name WRITE setName NOTIFY nameChanged)
    /// 0 = the base layer; -1 = none chosen.
    Q_PROPERTY(int layer READ layer WRITE setLayer NOTIFY layerChanged)
    Q_PROPERTY(int limit READ limit WRITE setLimit NOTIFY layerChanged)
    Q_PROPERTY(QString filterText READ filterText WRITE setFilterText NOTIFY filterTextChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString error READ error NOTIFY loadingChanged)
    Q_PROPERTY(bool truncated READ truncated NOTIFY loadingChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int changeCount READ changeCount NOTIFY loadingChanged)
    Q_PROPERTY(int addedCount READ addedCount NOTIFY loadingChanged)
    Q_PROPERTY(int modifiedCount READ modifiedCount NOTIFY loadingChanged)
    Q_PROPERTY(int deletedCount READ deletedCount NOTIFY loadingChanged)
    Q_PROPERTY(int opaqueCount READ opaqueCount NOTIFY loadingChanged)

public:
    enum Role {
        PathRole = Qt::UserRole + 1,
        FileNameRole,
        DepthRole,
        /// added, modified, deleted, opaque, or empty for a parent shown only for context.
        ChangeRole,
        FileTypeRole,
        SizeRole,
        SizeTextRole,
        ModeTextRole,
        TargetRole,
        HasChildrenRole,
        ExpandedRole,
    };
    Q_ENUM(Role)

    explicit LayerChangesModel(QObject *parent = nullptr);
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString name() const { return name_; }
    void setName(const QString &name);
    [[nodiscard]] int layer() const { return layer_; }
    void setLayer(int layer);
    [[nodiscard]] int limit() const { return limit_; }
    void setLimit(int limit);
    [[nodiscard]] QString filterText() const { return filterText_; }
    void setFilterText(const QString &text);
    [[nodiscard]] bool loading() const { return loading_; }
    [[nodiscard]] QString error() const { return error_; }
    [[nodiscard]] bool truncated() const { return truncated_; }
    [[nodiscard]] int count() const { return int(visible_.size()); }
    [[nodiscard]] int changeCount() const;
    [[nodiscard]] int addedCount() const { return counted(QStringLiteral("added")); }
    [[nodiscard]] int modifiedCount() const { return counted(QStringLiteral("modified")); }
    [[nodiscard]] int deletedCount() const { return counted(QStringLiteral("deleted")); }
    [[nodiscard]] int opaqueCount() const { return counted(QStringLiteral("opaque")); }

    /// Asks the helper for the layer's changes.
    Q_INVOKABLE void reload();
    /// Folds or unfolds the directory at path.
    Q_INVOKABLE void toggle(const QString &path);
    /// The row showing path, or -1 (hidden by the filter or a folded parent).
    Q_INVOKABLE int rowOf(const QString &path) const;
    /// The change shown for path ("added", … or "" for context), or "absent".
    Q_INVOKABLE QString changeOf(const QString &path) const;
    /// "rwxr-xr-x"-style text for a mode, with the type's letter first.
    Q_INVOKABLE static QString modeText(uint mode, const QString &fileType);

Q_SIGNALS:
    void nameChanged();
    void layerChanged();
    void filterTextChanged();
    void loadingChanged();
    void countChanged();

private:
    struct Entry {
        QString path;  // "/etc/hello"
        QString change;
        QString type;
        qulonglong size = 0;
        uint mode = 0;
        QString target;
        int depth = 0;
        bool hasChildren = false;
    };
    void rebuildVisible();
    [[nodiscard]] int counted(const QString &change) const;

    QString name_;
    int layer_ = -1;
    int limit_ = 20000;
    QString filterText_;
    bool loading_ = false;
    QString error_;
    bool truncated_ = false;
    QList<Entry> entries_;   // every row of the tree, in tree order
    QList<int> visible_;     // indexes into entries_
    QSet<QString> folded_;
    quint64 generation_ = 0;
};
