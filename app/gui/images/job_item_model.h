// The items (layers, and for load the archive itself) of one helper job — pull, push, save
// or load — as the job dialogs show them: one row each, with docker's words for its state
// and how many of its bytes are done.
#pragma once

#include <QAbstractListModel>
#include <QQmlEngine>

class JobItemModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("An image job makes its own")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    /// Which job the items belong to: each names its states differently (see io.berth.Job1).
    enum class Kind { Pull, Push, Save, Load };
    Q_ENUM(Kind)

    enum Role {
        LayerIdRole = Qt::UserRole + 1,
        /// The helper's state word (waiting, downloading, pushed, mounted:REPO, …). Not
        /// "state": Item.state would shadow it in delegates.
        StageRole,
        StageTextRole,
        CurrentRole,
        TotalRole,
        FractionRole,
        BytesTextRole,
        FinishedRole,
        FailedRole,
    };
    Q_ENUM(Role)

    explicit JobItemModel(Kind kind, QObject *parent = nullptr);
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] int count() const { return int(items_.size()); }
    [[nodiscard]] Kind kind() const { return kind_; }

    /// The words docker (or the berth CLI) prints for an item's state, translated.
    [[nodiscard]] static QString stageText(Kind kind, const QString &stage);
    /// Whether stage is one an item ends in (done, pushed, already there, failed, …).
    [[nodiscard]] static bool isFinishedStage(Kind kind, const QString &stage);

    void update(const QString &id, const QString &stage, qulonglong current, qulonglong total);
    void clear();
    /// Bytes done so far and the total known so far, for the overall bar. For a load this
    /// is how far the archive has been read; for the others the sum over the layers.
    [[nodiscard]] qulonglong doneBytes() const;
    [[nodiscard]] qulonglong totalBytes() const;

Q_SIGNALS:
    void countChanged();

private:
    struct Item {
        QString id;
        QString stage;
        qulonglong current = 0;
        qulonglong total = 0;
    };
    [[nodiscard]] qulonglong bytesDone(const Item &item) const;
    [[nodiscard]] const Item *archiveItem() const;

    Kind kind_;
    QList<Item> items_;
};
