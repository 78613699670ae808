// One pull, as the pull dialog shows it: `berth pull REF` as you type, then a row per layer
// (Waiting, Downloading, Verifying, Extracting, Pull complete, Already exists), an overall
// byte count, the helper's messages, and the outcome. Wraps the helper's Job1 through
// JobFollower; cancel() really stops the helper's work (Job1.Cancel).
#pragma once

#include <QAbstractListModel>
#include <QQmlEngine>

#include <memory>

namespace berth::client {
class JobFollower;
}

/// The layers of one pull, in the order the helper first reported them.
class PullLayerModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A PullJob makes its own")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        LayerIdRole = Qt::UserRole + 1,
        /// waiting, downloading, verifying, extracting, done, already-exists, failed.
        /// Not "state": Item.state would shadow it in delegates.
        StageRole,
        StageTextRole,
        CurrentRole,
        TotalRole,
        FractionRole,
        BytesTextRole,
        FinishedRole,
    };
    Q_ENUM(Role)

    explicit PullLayerModel(QObject *parent = nullptr);
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] int count() const { return int(layers_.size()); }

    /// The words docker prints for a layer's state, translated.
    [[nodiscard]] static QString stageText(const QString &stage);

    void update(const QString &id, const QString &stage, qulonglong current, qulonglong total);
    void clear();
    /// Bytes fetched (or found present) so far, and the total known so far.
    [[nodiscard]] qulonglong doneBytes() const;
    [[nodiscard]] qulonglong totalBytes() const;

Q_SIGNALS:
    void countChanged();

private:
    struct Layer {
        QString id;
        QString stage;
        qulonglong current = 0;
        qulonglong total = 0;
    };
    QList<Layer> layers_;
};

class PullJob : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString reference READ reference WRITE setReference NOTIFY referenceChanged)
    Q_PROPERTY(QString platform READ platform WRITE setPlatform NOTIFY referenceChanged)
    Q_PROPERTY(QString command READ command NOTIFY referenceChanged)
    Q_PROPERTY(QString referenceProblem READ referenceProblem NOTIFY referenceChanged)
    Q_PROPERTY(bool running READ running NOTIFY stateChanged)
    Q_PROPERTY(bool finished READ finished NOTIFY stateChanged)
    Q_PROPERTY(bool succeeded READ succeeded NOTIFY stateChanged)
    Q_PROPERTY(bool cancelled READ cancelled NOTIFY stateChanged)
    Q_PROPERTY(bool cancelling READ cancelling NOTIFY stateChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY stateChanged)
    Q_PROPERTY(QString statusText READ statusText NOTIFY stateChanged)
    Q_PROPERTY(QString resultName READ resultName NOTIFY stateChanged)
    Q_PROPERTY(QStringList messages READ messages NOTIFY messagesChanged)
    Q_PROPERTY(qulonglong currentBytes READ currentBytes NOTIFY bytesChanged)
    Q_PROPERTY(qulonglong totalBytes READ totalBytes NOTIFY bytesChanged)
    Q_PROPERTY(double fraction READ fraction NOTIFY bytesChanged)
    Q_PROPERTY(QString bytesText READ bytesText NOTIFY bytesChanged)
    Q_PROPERTY(PullLayerModel *layers READ layers CONSTANT)

public:
    explicit PullJob(QObject *parent = nullptr);
    ~PullJob() override;

    [[nodiscard]] QString reference() const { return reference_; }
    void setReference(const QString &reference);
    [[nodiscard]] QString platform() const { return platform_; }
    void setPlatform(const QString &platform);
    [[nodiscard]] QString command() const;
    [[nodiscard]] QString referenceProblem() const;
    [[nodiscard]] bool running() const { return running_; }
    [[nodiscard]] bool finished() const { return finished_; }
    [[nodiscard]] bool succeeded() const { return finished_ && errorMessage_.isEmpty(); }
    [[nodiscard]] bool cancelled() const { return cancelled_; }
    [[nodiscard]] bool cancelling() const { return cancelling_; }
    [[nodiscard]] QString errorMessage() const { return errorMessage_; }
    [[nodiscard]] QString statusText() const { return statusText_; }
    [[nodiscard]] QString resultName() const { return resultName_; }
    [[nodiscard]] QStringList messages() const { return messages_; }
    [[nodiscard]] qulonglong currentBytes() const;
    [[nodiscard]] qulonglong totalBytes() const;
    [[nodiscard]] double fraction() const;
    [[nodiscard]] QString bytesText() const;
    [[nodiscard]] PullLayerModel *layers() const { return layers_; }

    /// Asks the helper to pull reference (for platform, if set); shows the command.
    Q_INVOKABLE void start();
    /// Stops the pull in the helper (Job1.Cancel); the helper cleans up, then finishes.
    Q_INVOKABLE void cancel();
    /// Forgets the last pull's rows and outcome, keeping the reference.
    Q_INVOKABLE void reset();

Q_SIGNALS:
    void referenceChanged();
    void stateChanged();
    void messagesChanged();
    void bytesChanged();
    /// The pull ended; errorMessage is empty on success.
    void done(bool ok);

private:
    void finish(const QString &errorName, const QString &errorMessage, const QVariantMap &result);

    QString reference_;
    QString platform_;
    bool running_ = false;
    bool finished_ = false;
    bool cancelled_ = false;
    bool cancelling_ = false;
    QString errorMessage_;
    QString statusText_;
    QString resultName_;
    QStringList messages_;
    PullLayerModel *layers_;
    std::unique_ptr<berth::client::JobFollower> follower_;
};
