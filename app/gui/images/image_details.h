// One image as its page lays it out: InspectImage's answer with the image config
// (ConfigJson) parsed into fields a person can read, plus the whole answer as JSON.
#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QVariantMap>

class ImageDetails : public QObject {
    Q_OBJECT
    QML_ELEMENT
    /// The image: a name, name:tag or id, as `berth image inspect` takes.
    Q_PROPERTY(QString name READ name WRITE setName NOTIFY nameChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)
    Q_PROPERTY(QString id READ id NOTIFY changed)
    Q_PROPERTY(QString shortId READ shortId NOTIFY changed)
    Q_PROPERTY(QStringList repoTags READ repoTags NOTIFY changed)
    Q_PROPERTY(QStringList repoDigests READ repoDigests NOTIFY changed)
    Q_PROPERTY(QString createdText READ createdText NOTIFY changed)
    Q_PROPERTY(QString sizeText READ sizeText NOTIFY changed)
    Q_PROPERTY(QString platform READ platform NOTIFY changed)
    Q_PROPERTY(QString author READ author NOTIFY changed)
    Q_PROPERTY(QStringList env READ env NOTIFY changed)
    Q_PROPERTY(QString cmd READ cmd NOTIFY changed)
    Q_PROPERTY(QString entrypoint READ entrypoint NOTIFY changed)
    Q_PROPERTY(QString workingDir READ workingDir NOTIFY changed)
    Q_PROPERTY(QString user READ user NOTIFY changed)
    Q_PROPERTY(QStringList exposedPorts READ exposedPorts NOTIFY changed)
    Q_PROPERTY(QStringList volumes READ volumes NOTIFY changed)
    Q_PROPERTY(QString stopSignal READ stopSignal NOTIFY changed)
    /// [{key, value}] sorted by key.
    Q_PROPERTY(QVariantList labels READ labels NOTIFY changed)
    /// The layers' uncompressed content digests (rootfs.diff_ids), base first.
    Q_PROPERTY(QStringList diffIds READ diffIds NOTIFY changed)
    Q_PROPERTY(QString rawJson READ rawJson NOTIFY changed)

public:
    explicit ImageDetails(QObject *parent = nullptr);

    [[nodiscard]] QString name() const { return name_; }
    void setName(const QString &name);
    [[nodiscard]] bool loading() const { return loading_; }
    [[nodiscard]] bool loaded() const { return !inspect_.isEmpty(); }
    [[nodiscard]] QString error() const { return error_; }
    [[nodiscard]] QString id() const;
    [[nodiscard]] QString shortId() const;
    [[nodiscard]] QStringList repoTags() const;
    [[nodiscard]] QStringList repoDigests() const;
    [[nodiscard]] QString createdText() const;
    [[nodiscard]] QString sizeText() const;
    [[nodiscard]] QString platform() const;
    [[nodiscard]] QString author() const;
    [[nodiscard]] QStringList env() const;
    [[nodiscard]] QString cmd() const;
    [[nodiscard]] QString entrypoint() const;
    [[nodiscard]] QString workingDir() const;
    [[nodiscard]] QString user() const;
    [[nodiscard]] QStringList exposedPorts() const;
    [[nodiscard]] QStringList volumes() const;
    [[nodiscard]] QString stopSignal() const;
    [[nodiscard]] QVariantList labels() const;
    [[nodiscard]] QStringList diffIds() const;
    [[nodiscard]] QString rawJson() const { return rawJson_; }

    /// Asks the helper again; shows `berth image inspect NAME` when showCommand.
    Q_INVOKABLE void reload(bool showCommand = true);

Q_SIGNALS:
    void nameChanged();
    void loadingChanged();
    void changed();

private:
    [[nodiscard]] QVariantMap containerConfig() const;

    QString name_;
    bool loading_ = false;
    QString error_;
    QVariantMap inspect_;
    QVariantMap config_;
    QString rawJson_;
};
