// One container as its page lays it out: InspectContainer's JSON read into fields a person
// can scan (status, command, times, exit code, restart policy, limits, mounts), plus the
// JSON itself. Follows ContainersChanged so the page's status stays current.
#pragma once

#include <QMetaObject>
#include <QObject>
#include <QQmlEngine>
#include <QVariantMap>

class HelperProxy;

class ContainerDetails : public QObject {
    Q_OBJECT
    QML_ELEMENT
    /// The container: a name, id or id prefix, as `berth inspect` takes.
    Q_PROPERTY(QString name READ name WRITE setName NOTIFY nameChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)
    Q_PROPERTY(QString id READ id NOTIFY changed)
    Q_PROPERTY(QString shortId READ shortId NOTIFY changed)
    /// Its name without Docker's leading slash.
    Q_PROPERTY(QString containerName READ containerName NOTIFY changed)
    Q_PROPERTY(QString image READ image NOTIFY changed)
    Q_PROPERTY(QString imageId READ imageId NOTIFY changed)
    /// The process it runs (Path and Args), as a shell line.
    Q_PROPERTY(QString command READ command NOTIFY changed)
    Q_PROPERTY(QString entrypoint READ entrypoint NOTIFY changed)
    /// State.Status: created, running, paused, restarting, exited or dead.
    Q_PROPERTY(QString containerState READ containerState NOTIFY changed)
    Q_PROPERTY(QString statusText READ statusText NOTIFY changed)
    Q_PROPERTY(QString tone READ tone NOTIFY changed)
    Q_PROPERTY(bool alive READ alive NOTIFY changed)
    Q_PROPERTY(int exitCode READ exitCode NOTIFY changed)
    Q_PROPERTY(bool oomKilled READ oomKilled NOTIFY changed)
    Q_PROPERTY(int pid READ pid NOTIFY changed)
    /// State.Error: why it could not start, or empty.
    Q_PROPERTY(QString stateError READ stateError NOTIFY changed)
    Q_PROPERTY(QString createdText READ createdText NOTIFY changed)
    Q_PROPERTY(QString startedText READ startedText NOTIFY changed)
    Q_PROPERTY(QString finishedText READ finishedText NOTIFY changed)
    /// "no", "on-failure (at most 3 retries)", "always"…
    Q_PROPERTY(QString restartPolicy READ restartPolicy NOTIFY changed)
    Q_PROPERTY(int restartCount READ restartCount NOTIFY changed)
    Q_PROPERTY(bool autoRemove READ autoRemove NOTIFY changed)
    /// The limits in the CLI's words ("512 MiB", "1.5", "100"), empty when none is set.
    Q_PROPERTY(QString memoryLimit READ memoryLimit NOTIFY changed)
    Q_PROPERTY(QString cpuLimit READ cpuLimit NOTIFY changed)
    Q_PROPERTY(QString pidsLimit READ pidsLimit NOTIFY changed)
    Q_PROPERTY(QString networkMode READ networkMode NOTIFY changed)
    Q_PROPERTY(QString hostname READ hostname NOTIFY changed)
    Q_PROPERTY(QString user READ user NOTIFY changed)
    Q_PROPERTY(QString workingDir READ workingDir NOTIFY changed)
    Q_PROPERTY(QStringList env READ env NOTIFY changed)
    /// Config.Tty and Config.OpenStdin: run with -t and -i.
    Q_PROPERTY(bool tty READ tty NOTIFY changed)
    Q_PROPERTY(bool openStdin READ openStdin NOTIFY changed)
    /// [{source, destination, readOnly, type}] from Mounts.
    Q_PROPERTY(QVariantList mounts READ mounts NOTIFY changed)
    Q_PROPERTY(QString rawJson READ rawJson NOTIFY changed)
    /// What it wrote to its own layer, and that plus its image (`berth ps -s`): "12.3kB
    /// (virtual 4.86MB)"; empty until measureSize() has an answer.
    Q_PROPERTY(QString sizeText READ sizeText NOTIFY sizeChanged)
    Q_PROPERTY(bool measuringSize READ measuringSize NOTIFY sizeChanged)

public:
    explicit ContainerDetails(QObject *parent = nullptr);

    [[nodiscard]] QString name() const { return name_; }
    void setName(const QString &name);
    [[nodiscard]] bool loading() const { return loading_; }
    [[nodiscard]] bool loaded() const { return !inspect_.isEmpty(); }
    [[nodiscard]] QString error() const { return error_; }
    [[nodiscard]] QString id() const;
    [[nodiscard]] QString shortId() const { return id().left(12); }
    [[nodiscard]] QString containerName() const;
    [[nodiscard]] QString image() const;
    [[nodiscard]] QString imageId() const;
    [[nodiscard]] QString command() const;
    [[nodiscard]] QString entrypoint() const;
    [[nodiscard]] QString containerState() const;
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] QString tone() const;
    [[nodiscard]] bool alive() const;
    [[nodiscard]] int exitCode() const;
    [[nodiscard]] bool oomKilled() const;
    [[nodiscard]] int pid() const;
    [[nodiscard]] QString stateError() const;
    [[nodiscard]] QString createdText() const;
    [[nodiscard]] QString startedText() const;
    [[nodiscard]] QString finishedText() const;
    [[nodiscard]] QString restartPolicy() const;
    [[nodiscard]] int restartCount() const;
    [[nodiscard]] bool autoRemove() const;
    [[nodiscard]] QString memoryLimit() const;
    [[nodiscard]] QString cpuLimit() const;
    [[nodiscard]] QString pidsLimit() const;
    [[nodiscard]] QString networkMode() const;
    [[nodiscard]] QString hostname() const;
    [[nodiscard]] QString user() const;
    [[nodiscard]] QString workingDir() const;
    [[nodiscard]] QStringList env() const;
    [[nodiscard]] bool tty() const;
    [[nodiscard]] bool openStdin() const;
    [[nodiscard]] QVariantList mounts() const;
    [[nodiscard]] QString rawJson() const { return rawJson_; }
    [[nodiscard]] QString sizeText() const { return sizeText_; }
    [[nodiscard]] bool measuringSize() const { return measuringSize_; }

    /// Asks the helper again; shows `berth inspect NAME` when showCommand.
    Q_INVOKABLE void reload(bool showCommand = true);
    /// Asks the helper for the sizes (it walks the container's layer, so only on request).
    Q_INVOKABLE void measureSize();

Q_SIGNALS:
    void nameChanged();
    void loadingChanged();
    void changed();
    /// The container is gone (removed here or elsewhere) while its page was open.
    void vanished();
    void sizeChanged();

private:
    [[nodiscard]] QVariantMap state() const;
    [[nodiscard]] QVariantMap hostConfig() const;
    [[nodiscard]] QVariantMap config() const;
    void followChanges();

    QString name_;
    bool loading_ = false;
    bool reloadAgain_ = false;
    QString error_;
    QVariantMap inspect_;
    QString rawJson_;
    QString sizeText_;
    bool measuringSize_ = false;
    HelperProxy *followed_ = nullptr;
    QMetaObject::Connection changesConnection_;
};
