// One directory of a container's file system for the Files tab: ListContainerDirectory's
// entries (looked up inside the container's root, as cp does), directories first, with the
// path to go up or into a folder or a link to one.
#pragma once

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QString>
#include <QVariantMap>

class ContainerFilesModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    /// The container: a name, id or id prefix. Setting it clears the list; open() lists.
    Q_PROPERTY(QString name READ name WRITE setName NOTIFY nameChanged)
    /// The directory listed, absolute and clean ("/", "/etc").
    Q_PROPERTY(QString path READ path NOTIFY pathChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    /// The helper left entries out (more than it lists at once).
    Q_PROPERTY(bool truncated READ truncated NOTIFY countChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    /// `berth exec NAME ls -la PATH`: the same listing from the command line.
    Q_PROPERTY(QString commandLine READ commandLine NOTIFY commandLineChanged)

public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        PathRole,
        SizeRole,
        IsDirectoryRole,
        IsLinkRole,
        LinkTargetRole,
        /// A directory, or a link that leads (inside the container) to one: it can be opened.
        OpensRole,
        /// "drwxr-xr-x", as ls shows it.
        ModeTextRole,
        ModifiedRole,
    };
    Q_ENUM(Role)

    explicit ContainerFilesModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString name() const { return name_; }
    void setName(const QString &name);
    [[nodiscard]] QString path() const { return path_; }
    [[nodiscard]] bool loading() const { return loading_; }
    [[nodiscard]] QString error() const { return error_; }
    [[nodiscard]] bool truncated() const { return truncated_; }
    [[nodiscard]] int count() const { return int(entries_.size()); }
    [[nodiscard]] QString commandLine() const;

    /// Lists `path` (absolute; `..` and `.` are cleaned away).
    Q_INVOKABLE void open(const QString &path);
    /// The parent directory; nothing at "/".
    Q_INVOKABLE void up();
    /// Lists the current directory again.
    Q_INVOKABLE void reload();
    /// The row of the entry called `name`, or -1.
    Q_INVOKABLE int rowOf(const QString &name) const;
    /// The absolute path of `name` in the current directory.
    Q_INVOKABLE QString childPath(const QString &name) const;
    /// Clean absolute form of a path typed in the path field.
    Q_INVOKABLE static QString cleanPath(const QString &path);

Q_SIGNALS:
    void nameChanged();
    void pathChanged();
    void loadingChanged();
    void errorChanged();
    void countChanged();
    void commandLineChanged();

private:
    void setError(const QString &error);

    QString name_;
    QString path_ = QStringLiteral("/");
    QString requested_;
    bool loading_ = false;
    QString error_;
    bool truncated_ = false;
    QList<QVariantMap> entries_;
};
