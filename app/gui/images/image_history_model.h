// An image's history as `docker history` shows it, newest first: the instruction that made
// each step, its size, and whether it made a layer at all. Also the image's layers (base
// first), each with the instruction that made it, for the layer explorer.
#pragma once

#include <QAbstractListModel>
#include <QQmlEngine>

class ImageHistoryModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString name READ name WRITE setName NOTIFY nameChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString error READ error NOTIFY loadingChanged)
    Q_PROPERTY(int count READ count NOTIFY loadingChanged)
    /// [{layer, size, sizeText, instruction, createdBy, createdText}], base layer first.
    Q_PROPERTY(QVariantList layers READ layers NOTIFY loadingChanged)

public:
    enum Role {
        HistoryIdRole = Qt::UserRole + 1,
        CreatedTextRole,
        CreatedByRole,
        /// CreatedBy as the Dockerfile line: without "/bin/sh -c #(nop)" and "# buildkit".
        InstructionRole,
        SizeRole,
        SizeTextRole,
        CommentRole,
        EmptyLayerRole,
        /// Index into the image's layers (0 = base), or -1 for a step without a layer.
        LayerIndexRole,
    };
    Q_ENUM(Role)

    explicit ImageHistoryModel(QObject *parent = nullptr);
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString name() const { return name_; }
    void setName(const QString &name);
    [[nodiscard]] bool loading() const { return loading_; }
    [[nodiscard]] QString error() const { return error_; }
    [[nodiscard]] int count() const { return int(rows_.size()); }
    [[nodiscard]] QVariantList layers() const;

    /// Asks the helper; shows `berth history NAME` when showCommand.
    Q_INVOKABLE void reload(bool showCommand = true);
    /// "RUN /bin/sh -c echo hi" for "/bin/sh -c echo hi", "COPY …" for "#(nop) COPY …".
    Q_INVOKABLE static QString instructionOf(const QString &createdBy);

Q_SIGNALS:
    void nameChanged();
    void loadingChanged();

private:
    struct Row {
        QString id;
        QString created;
        QString createdBy;
        qulonglong size = 0;
        QString comment;
        bool emptyLayer = false;
        int layer = -1;
    };
    QString name_;
    bool loading_ = false;
    QString error_;
    QList<Row> rows_;
};
