// The Run dialog's form: what the person typed (image, name, command, env and volume rows,
// limits, restart policy, --rm), checked field by field as they type, turned into the
// equivalent `berth run -d …` line (each word quoted for a POSIX shell) and into the
// CreateContainer request; run() creates the container and starts it.
#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QStringList>
#include <QVariantMap>

#include <optional>

class RunForm : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString image READ image WRITE setImage NOTIFY inputChanged)
    Q_PROPERTY(QString name READ name WRITE setName NOTIFY inputChanged)
    /// The command and its arguments as a shell line ("sh -c 'echo hi'"); empty runs the
    /// image's own command.
    Q_PROPERTY(QString command READ command WRITE setCommand NOTIFY inputChanged)
    /// One NAME=value per entry; empty entries are ignored.
    Q_PROPERTY(QStringList env READ env WRITE setEnv NOTIFY inputChanged)
    /// One -v value per entry: /host/path:/container/path[:ro], volume-name:/path[:ro], or
    /// /path for an anonymous volume; empty entries are ignored.
    Q_PROPERTY(QStringList volumes READ volumes WRITE setVolumes NOTIFY inputChanged)
    /// Docker's size text: 512m, 1g, 1048576 (empty: no limit).
    Q_PROPERTY(QString memory READ memory WRITE setMemory NOTIFY inputChanged)
    Q_PROPERTY(QString cpus READ cpus WRITE setCpus NOTIFY inputChanged)
    Q_PROPERTY(QString pidsLimit READ pidsLimit WRITE setPidsLimit NOTIFY inputChanged)
    /// no, on-failure, always or unless-stopped.
    Q_PROPERTY(QString restartPolicy READ restartPolicy WRITE setRestartPolicy NOTIFY inputChanged)
    /// on-failure's retry count (empty: retry for ever).
    Q_PROPERTY(QString maximumRetries READ maximumRetries WRITE setMaximumRetries NOTIFY inputChanged)
    Q_PROPERTY(bool autoRemove READ autoRemove WRITE setAutoRemove NOTIFY inputChanged)
    /// -it: the command runs on a terminal with its input kept open, to attach to later.
    Q_PROPERTY(bool interactive READ interactive WRITE setInteractive NOTIFY inputChanged)

    /// `berth run -d …` for what is typed now.
    Q_PROPERTY(QString commandLine READ commandLine NOTIFY inputChanged)
    /// Why each field is wrong, or empty.
    Q_PROPERTY(QString imageProblem READ imageProblem NOTIFY inputChanged)
    Q_PROPERTY(QString nameProblem READ nameProblem NOTIFY inputChanged)
    Q_PROPERTY(QString commandProblem READ commandProblem NOTIFY inputChanged)
    /// One entry per env row, empty where the row is fine.
    Q_PROPERTY(QStringList envProblems READ envProblems NOTIFY inputChanged)
    Q_PROPERTY(QStringList volumeProblems READ volumeProblems NOTIFY inputChanged)
    Q_PROPERTY(QString memoryProblem READ memoryProblem NOTIFY inputChanged)
    Q_PROPERTY(QString cpusProblem READ cpusProblem NOTIFY inputChanged)
    Q_PROPERTY(QString pidsProblem READ pidsProblem NOTIFY inputChanged)
    Q_PROPERTY(QString restartProblem READ restartProblem NOTIFY inputChanged)
    /// Nothing is wrong: run() may be called.
    Q_PROPERTY(bool valid READ valid NOTIFY inputChanged)

    Q_PROPERTY(bool running READ running NOTIFY runChanged)
    /// "Creating the container…", "Starting …" while running.
    Q_PROPERTY(QString stage READ stage NOTIFY runChanged)
    Q_PROPERTY(bool finished READ finished NOTIFY runChanged)
    Q_PROPERTY(bool succeeded READ succeeded NOTIFY runChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY runChanged)
    /// The new container's id, once created.
    Q_PROPERTY(QString containerId READ containerId NOTIFY runChanged)
    /// Its name as typed, or its short id when none was given.
    Q_PROPERTY(QString containerName READ containerName NOTIFY runChanged)

public:
    explicit RunForm(QObject *parent = nullptr);

    [[nodiscard]] QString image() const { return image_; }
    void setImage(const QString &image);
    [[nodiscard]] QString name() const { return name_; }
    void setName(const QString &name);
    [[nodiscard]] QString command() const { return command_; }
    void setCommand(const QString &command);
    [[nodiscard]] QStringList env() const { return env_; }
    void setEnv(const QStringList &env);
    [[nodiscard]] QStringList volumes() const { return volumes_; }
    void setVolumes(const QStringList &volumes);
    [[nodiscard]] QString memory() const { return memory_; }
    void setMemory(const QString &memory);
    [[nodiscard]] QString cpus() const { return cpus_; }
    void setCpus(const QString &cpus);
    [[nodiscard]] QString pidsLimit() const { return pidsLimit_; }
    void setPidsLimit(const QString &pidsLimit);
    [[nodiscard]] QString restartPolicy() const { return restartPolicy_; }
    void setRestartPolicy(const QString &policy);
    [[nodiscard]] QString maximumRetries() const { return maximumRetries_; }
    void setMaximumRetries(const QString &retries);
    [[nodiscard]] bool autoRemove() const { return autoRemove_; }
    void setAutoRemove(bool autoRemove);
    [[nodiscard]] bool interactive() const { return interactive_; }
    void setInteractive(bool interactive);

    [[nodiscard]] QString commandLine() const;
    /// The words after `berth` of commandLine, unquoted.
    [[nodiscard]] Q_INVOKABLE QStringList arguments() const;
    [[nodiscard]] QString imageProblem() const;
    [[nodiscard]] QString nameProblem() const;
    [[nodiscard]] QString commandProblem() const;
    [[nodiscard]] QStringList envProblems() const;
    [[nodiscard]] QStringList volumeProblems() const;
    [[nodiscard]] QString memoryProblem() const;
    [[nodiscard]] QString cpusProblem() const;
    [[nodiscard]] QString pidsProblem() const;
    [[nodiscard]] QString restartProblem() const;
    [[nodiscard]] bool valid() const;

    [[nodiscard]] bool running() const { return running_; }
    [[nodiscard]] QString stage() const { return stage_; }
    [[nodiscard]] bool finished() const { return finished_; }
    [[nodiscard]] bool succeeded() const { return finished_ && errorMessage_.isEmpty(); }
    [[nodiscard]] QString errorMessage() const { return errorMessage_; }
    [[nodiscard]] QString containerId() const { return containerId_; }
    [[nodiscard]] QString containerName() const;

    /// The CreateContainer request (the Docker Engine API's names) for what is typed.
    [[nodiscard]] Q_INVOKABLE QVariantMap request() const;
    /// Creates the container and starts it, as `berth run -d`; the outcome arrives in
    /// finished/errorMessage. Does nothing while a run is under way or the form is invalid.
    Q_INVOKABLE void run();
    /// Empties the form and forgets the last run.
    Q_INVOKABLE void reset();

    /// A shell line split into words as a POSIX shell would (single quotes, double quotes
    /// with \" \\ \$ \`, backslash outside quotes), or nothing when a quote is not closed.
    [[nodiscard]] static std::optional<QStringList> splitCommand(const QString &line);
    /// Docker's size text (512m, 1.5g, 100k, 1024b, 1024) in bytes; -1 stays -1.
    [[nodiscard]] static std::optional<qint64> parseSize(const QString &text);

Q_SIGNALS:
    void inputChanged();
    void runChanged();
    /// The container was created and started.
    void started(const QString &id, const QString &name);

private:
    void setStage(const QString &stage);
    void finishRun(const QString &error);
    [[nodiscard]] QString restartText() const;

    QString image_;
    QString name_;
    QString command_;
    QStringList env_;
    QStringList volumes_;
    QString memory_;
    QString cpus_;
    QString pidsLimit_;
    QString restartPolicy_ = QStringLiteral("no");
    QString maximumRetries_;
    bool autoRemove_ = false;
    bool interactive_ = false;

    bool running_ = false;
    QString stage_;
    bool finished_ = false;
    QString errorMessage_;
    QString containerId_;
    QString ranName_;
};
