// The object behind io.berth.Helper1 on the system bus. Every method first asks polkit
// (asynchronously, through a delayed reply), then validates its arguments, then acts.
#pragma once

#include "engine/core/store.h"
#include "engine/core/system_info.h"
#include "engine/image/image_store.h"
#include "engine/image/registry_client.h"

#include <QDBusConnection>
#include <QDBusContext>
#include <QDBusObjectPath>
#include <QDBusUnixFileDescriptor>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QVariantMap>

#include <functional>
#include <optional>

class ContainerManager;
class ExecSessions;
class IdleTracker;
class Job;
class PolkitAuthority;

class HelperService : public QObject, protected QDBusContext {
    Q_OBJECT
public:
    HelperService(QDBusConnection bus, berth::Store store, PolkitAuthority *authority, IdleTracker *idleTracker,
                  QObject *parent = nullptr);
    ~HelperService() override;

    /// Where per-registry CA files live: DIR/<host[:port]>/ca.crt (--certs-dir).
    void setCertificatesDirectory(const QString &directory);
    /// Re-adopts running containers and applies restart policies (once, at start).
    void adoptContainers();

public Q_SLOTS:
    // Called by the adaptor generated from io.berth.Helper1.xml. The return values are
    // placeholders: each reply is sent later, once polkit has answered.
    QVariantMap Version();
    QVariantMap Info();
    QVariantMap GetConfig(const QString &key, QStringList &explicitKeys);
    QString SetConfig(const QString &key, const QString &value);
    void ResetConfig(const QString &key);
    void Subscribe();
    // Images (image_verbs.cpp).
    QDBusObjectPath Pull(const QString &reference, const QVariantMap &options);
    QList<QVariantMap> ListImages();
    QVariantMap InspectImage(const QString &name);
    QList<QVariantMap> RemoveImages(const QStringList &names, bool force);
    void TagImage(const QString &source, const QString &target);
    QList<QVariantMap> ImageHistory(const QString &name);
    QList<QVariantMap> ImageLayerChanges(const QString &name, uint layer, uint limit, bool &truncated);
    QList<QVariantMap> SearchImages(const QString &term, const QVariantMap &options);
    // Registries (registry_verbs.cpp).
    QDBusObjectPath Push(const QString &reference, const QVariantMap &options);
    QString Login(const QString &server, const QString &username, const QString &password);
    bool Logout(const QString &server);
    QList<QVariantMap> ListLogins();
    // Archives (archive_verbs.cpp).
    QDBusObjectPath Save(const QStringList &names, const QDBusUnixFileDescriptor &output, const QVariantMap &options);
    QDBusObjectPath Load(const QDBusUnixFileDescriptor &input, const QVariantMap &options);
    // Containers (container_verbs.cpp).
    QString CreateContainer(const QVariantMap &request);
    void StartContainer(const QString &name);
    void StopContainer(const QString &name, int timeoutSeconds);
    void RestartContainer(const QString &name, int timeoutSeconds);
    void KillContainer(const QString &name, const QString &signal);
    void PauseContainer(const QString &name);
    void UnpauseContainer(const QString &name);
    void RemoveContainer(const QString &name, bool force, bool volumes);
    void RenameContainer(const QString &name, const QString &newName);
    int WaitContainer(const QString &name);
    QList<QVariantMap> ListContainers();
    QString InspectContainer(const QString &name);
    void ContainerLogs(const QString &name, const QVariantMap &options, const QDBusUnixFileDescriptor &output,
                       const QDBusUnixFileDescriptor &errorOutput);
    int AttachContainer(const QString &name, const QVariantMap &options, const QDBusUnixFileDescriptor &stream);
    // Container tools (container_tool_verbs.cpp).
    QVariantMap StatContainerPath(const QString &name, const QString &path, const QVariantMap &options);
    QList<QVariantMap> ListContainerDirectory(const QString &name, const QString &path, bool &truncated);
    QDBusObjectPath CopyFromContainer(const QString &name, const QString &path, const QDBusUnixFileDescriptor &output,
                                      const QVariantMap &options);
    QDBusObjectPath CopyToContainer(const QString &name, const QString &directory, const QDBusUnixFileDescriptor &input,
                                    const QVariantMap &options);
    QDBusObjectPath ExportContainer(const QString &name, const QDBusUnixFileDescriptor &output);
    QStringList ContainerTop(const QString &name, const QStringList &psArguments, QList<QStringList> &processes);
    QList<QVariantMap> ContainerStats(const QStringList &names);
    // The Isolation tab (isolation_verbs.cpp).
    QString ContainerIsolation(const QString &name);
    QList<QVariantMap> ContainerChanges(const QString &name);
    QList<QVariantMap> ContainerSizes(const QStringList &names);
    QStringList PruneContainers(const QVariantMap &filters, qulonglong &reclaimedBytes);
    // Commit (commit_verbs.cpp).
    QString CommitContainer(const QString &name, const QVariantMap &options);
    // Exec (exec_verbs.cpp).
    QString ExecContainer(const QString &name, const QVariantMap &options, const QDBusUnixFileDescriptor &input,
                          const QDBusUnixFileDescriptor &output, const QDBusUnixFileDescriptor &errorOutput);
    QString ExecContainerWithTerminal(const QString &name, const QVariantMap &options,
                                      const QDBusUnixFileDescriptor &errorOutput, QDBusUnixFileDescriptor &terminal);
    int WaitExec(const QString &execId);
    // Volumes (volume_verbs.cpp).
    QString CreateVolume(const QString &name, const QVariantMap &labels);
    QString ListVolumes(const QStringList &filters);
    QString InspectVolume(const QString &name);
    void RemoveVolume(const QString &name, bool force);
    QStringList PruneVolumes(const QStringList &filters, qulonglong &reclaimedBytes);
    QList<QVariantMap> ListVolumeDirectory(const QString &name, const QString &path, uint limit, QString &resolvedPath,
                                           bool &truncated);

Q_SIGNALS:
    void ConfigChanged(const QString &key, const QString &value);
    void ImagesChanged();
    void ContainersChanged();
    void VolumesChanged();

private:
    using Work = std::function<QDBusMessage(const QDBusMessage &request)>;
    /// Defers the reply to the current call, asks polkit about actionId, then runs work
    /// and sends what it returns (a reply or an error reply).
    void authorizeThen(const char *actionId, Work work);

    /// Sends an empty reply, or the error, to a call answered later.
    void replyWhenDone(const QDBusMessage &request, berth::Status status);
    [[nodiscard]] QVariantMap versionMap() const;
    [[nodiscard]] QDBusMessage infoReply(const QDBusMessage &request);

    /// What a registry client needs from the settings (mirrors, insecure registries), the
    /// CA directory, and with callerUid that user's stored logins.
    [[nodiscard]] berth::Result<berth::image::RegistryOptions> registryOptions(std::optional<uint> callerUid = std::nullopt);
    /// The Unix user behind a call (the bus daemon's GetConnectionUnixUser).
    [[nodiscard]] berth::Result<uint> callerUid(const QDBusMessage &request);
    /// Looks up uid's stored logins when a registry asks for one.
    [[nodiscard]] std::function<std::optional<berth::image::RegistryCredentials>(const std::string &)>
    storedCredentials(uint uid) const;
    /// An image by id, id prefix, tag or digest reference, as `docker inspect` finds it.
    [[nodiscard]] berth::Result<berth::image::ImageRecord> findImage(const QString &name);

    /// Jobs that store blobs before recording them (pull, load) keep garbage collection
    /// away until they finish; call this for each such job.
    void holdGarbageCollection(Job *job);
    /// Removes unreferenced blobs and layers now, or once the last holding job finishes.
    void collectGarbageWhenIdle(bool includingBlobs = true);

    QDBusConnection bus_;
    quint64 nextJobNumber_ = 1;
    int garbageCollectionHolds_ = 0;
    bool garbageCollectionPending_ = false;
    bool garbageCollectionOfBlobsPending_ = false;
    berth::Store store_;
    PolkitAuthority *authority_;
    IdleTracker *idleTracker_;
    std::optional<berth::Support> overlaySupport_;
    std::string certificatesDirectory_ = "/etc/berth/certs.d";
    ContainerManager *containers_ = nullptr;
    ExecSessions *exec_ = nullptr;
    /// Whether the idle tracker is held because containers run.
    bool holdingForContainers_ = false;

    // Container tools (container_tool_verbs.cpp).
    struct ContainerRoot;
    /// A descriptor of the container's root file system: its overlay as it runs, or mounted
    /// now for a stopped one (counted in rootMounts_). Give it back with releaseContainerRoot.
    [[nodiscard]] berth::Result<ContainerRoot> acquireContainerRoot(const QString &name);
    /// Unmounts a root mounted by acquireContainerRoot once nothing holds it and the
    /// container does not run by then.
    void releaseContainerRoot(const ContainerRoot &root);
    /// A Job (kind: cp, export) running work on the container's root, released when it ends.
    [[nodiscard]] berth::Result<QDBusObjectPath> startRootJob(const QString &kind, const QString &name,
                                                              std::function<berth::Result<QVariantMap>(int rootFd)> work);
    /// How many holders keep each stopped container's root mounted (id → count).
    QHash<QString, int> rootMounts_;
};
