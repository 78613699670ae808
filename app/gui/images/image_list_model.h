// The local images as `docker images` lists them: one row per tag, untagged images as
// <none>, kept up to date by the helper's ImagesChanged signal; plus the list's actions
// (remove, tag), each shown as its berth command.
#pragma once

#include "helper_list_model.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QQmlEngine>

class ImageListModel : public HelperListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString actionError READ actionError NOTIFY actionChanged)
    Q_PROPERTY(QString actionMessage READ actionMessage NOTIFY actionChanged)

public:
    enum Role {
        RepositoryRole = Qt::UserRole + 1,
        TagRole,
        /// What `berth rmi` and `berth tag` take for this row: repository:tag, or the
        /// short id of an untagged image.
        ReferenceRole,
        IdRole,
        FullIdRole,
        DigestRole,
        CreatedRole,
        CreatedTextRole,
        SizeRole,
        SizeTextRole,
        LayerCountRole,
        PlatformRole,
        UntaggedRole,
        /// Every name of the image this row belongs to (its other tags too).
        TagsOfImageRole,
    };
    Q_ENUM(Role)

    explicit ImageListModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] int count() const { return int(rows_.size()); }
    [[nodiscard]] bool busy() const { return busy_; }
    [[nodiscard]] QString actionError() const { return actionError_; }
    [[nodiscard]] QString actionMessage() const { return actionMessage_; }

    /// Asks the helper for the list again (it also follows ImagesChanged by itself).
    /// showCommand puts `berth images` in the command strip.
    Q_INVOKABLE void reload(bool showCommand = true);
    /// Removes images as `berth rmi [-f] NAME...` does; the outcome arrives in
    /// actionMessage or actionError.
    Q_INVOKABLE void remove(const QStringList &names, bool force = false);
    /// Gives the image source another name, as `berth tag SOURCE TARGET`.
    Q_INVOKABLE void tag(const QString &source, const QString &target);
    /// Why text is not a valid image reference, or empty when it is (checked as you type).
    Q_INVOKABLE static QString referenceProblem(const QString &text);
    Q_INVOKABLE static QString removeCommand(const QStringList &names, bool force);
    Q_INVOKABLE static QString tagCommand(const QString &source, const QString &target);
    Q_INVOKABLE void clearAction();

Q_SIGNALS:
    void countChanged();
    void busyChanged();
    void actionChanged();
    /// A remove or tag finished; ok is false when the helper refused it.
    void actionFinished(bool ok, const QString &message);

private:
    struct Row {
        QString repository;
        QString tag;
        QString fullId;
        QString digest;
        QDateTime created;
        qulonglong size = 0;
        uint layers = 0;
        QString platform;
        QStringList tagsOfImage;
        [[nodiscard]] QString key() const { return repository + QLatin1Char(':') + tag + QLatin1Char('@') + fullId; }
    };
    void apply(QList<Row> fresh);
    void finishAction(bool ok, const QString &message);
    void setBusy(bool busy);

    QList<Row> rows_;
    bool busy_ = false;
    QString actionError_;
    QString actionMessage_;
};
