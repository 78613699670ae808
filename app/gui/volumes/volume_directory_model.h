// One folder of a volume, read-only, for the Files tab: the helper lists it with every path
// resolved inside the volume (ListVolumeDirectory), folders first, then by name.
#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QQmlEngine>

class VolumeDirectoryModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    /// The volume browsed; setting it opens its top folder.
    Q_PROPERTY(QString volume READ volume WRITE setVolume NOTIFY volumeChanged)
    /// The folder listed, as the helper resolved it ("/" is the volume's top).
    Q_PROPERTY(QString path READ path NOTIFY listed)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString error READ error NOTIFY listed)
    Q_PROPERTY(bool truncated READ truncated NOTIFY listed)
    Q_PROPERTY(int count READ count NOTIFY listed)
    /// What `ls -la` would show from a container with the volume mounted: the berth command.
    Q_PROPERTY(QString command READ command NOTIFY listed)

public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        /// file, dir, symlink, char, block, fifo, socket
        TypeRole,
        IsDirectoryRole,
        SizeRole,
        /// "4.2kB"; empty for folders
        SizeTextRole,
        ModeRole,
        /// "drwxr-xr-x", as ls -l
        ModeTextRole,
        /// "uid:gid" (numbers: the names are the container's, not this computer's)
        OwnerRole,
        ModifiedRole,
        ModifiedTextRole,
        /// a link's target as written
        TargetRole,
    };
    Q_ENUM(Role)

    explicit VolumeDirectoryModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString volume() const { return volume_; }
    void setVolume(const QString &volume);
    [[nodiscard]] QString path() const { return path_; }
    [[nodiscard]] bool loading() const { return loading_; }
    [[nodiscard]] QString error() const { return error_; }
    [[nodiscard]] bool truncated() const { return truncated_; }
    [[nodiscard]] int count() const { return int(rows_.size()); }
    [[nodiscard]] QString command() const;

    /// Lists `path` (inside the volume); puts the berth command in the strip.
    Q_INVOKABLE void open(const QString &path);
    /// Opens the entry `name` of the current folder (a folder, or a link the helper resolves).
    Q_INVOKABLE void enter(const QString &name);
    /// Opens the parent folder; nothing at the top.
    Q_INVOKABLE void up();
    Q_INVOKABLE void reload();
    /// "/", "/a", "/a/b" for "/a/b": the crumbs of the path bar.
    Q_INVOKABLE QStringList crumbs() const;
    /// "drwxr-xr-x" for an st_mode.
    Q_INVOKABLE static QString modeText(uint mode);

Q_SIGNALS:
    void volumeChanged();
    void loadingChanged();
    void listed();

private:
    struct Row {
        QString name;
        QString type;
        quint64 size = 0;
        uint mode = 0;
        uint uid = 0;
        uint gid = 0;
        QDateTime modified;
        QString target;
    };

    QString volume_;
    QString path_ = QStringLiteral("/");
    QString requested_;
    /// The link being entered (name → target), to explain a target outside the volume.
    QString enteringLink_;
    QString enteringTarget_;
    bool loading_ = false;
    QString error_;
    bool truncated_ = false;
    QList<Row> rows_;
    quint64 generation_ = 0;
};
