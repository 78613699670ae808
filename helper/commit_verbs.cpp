// CommitContainer of io.berth.Helper1: `docker commit`. The container is paused while its
// changes are read (unless told not to), and the image is made on a worker thread so the
// helper keeps answering meanwhile.
#include "helper_service.h"

#include "container_manager.h"
#include "dbus_errors.h"
#include "idle_tracker.h"

#include "engine/container/container_bundle.h"
#include "engine/core/reference.h"
#include "engine/image/image_commit.h"

#include <QDBusMessage>
#include <QMetaObject>
#include <QPointer>

#include <thread>

using namespace berth;
using berth::container::ContainerPaths;
using berth::container::ContainerStatus;

namespace {

/// The container's command, as history's created_by shows it.
std::string commandOf(const nlohmann::json &config)
{
    std::string text;
    for (const char *key : {"Entrypoint", "Cmd"}) {
        auto found = config.find(key);
        if (found == config.end() || !found->is_array())
            continue;
        for (const auto &word : *found) {
            if (word.is_string())
                text += (text.empty() ? "" : " ") + word.get<std::string>();
        }
    }
    return text;
}

} // namespace

QString HelperService::CommitContainer(const QString &name, const QVariantMap &options)
{
    authorizeThen("io.berth.container-manage", [this, name, options](const QDBusMessage &message) {
        auto record = containers_->find(name.toStdString());
        if (!record)
            return errorReply(message, record.error());
        image::CommitRequest request;
        const QString reference = options.value(QStringLiteral("Reference")).toString();
        if (!reference.isEmpty()) {
            auto parsed = image::parseReference(reference.toStdString());
            if (!parsed)
                return errorReply(message, parsed.error());
            if (!parsed->digest.empty())
                return errorReply(message, ErrorCode::InvalidArgument,
                                  QStringLiteral("A commit's name cannot contain a digest; write it as NAME[:TAG]."));
            request.tag = parsed->string();
        }
        for (const auto &change : options.value(QStringLiteral("Changes")).toStringList())
            request.changes.push_back(change.toStdString());
        if (auto valid = image::validateCommitChanges(request.changes); !valid)
            return errorReply(message, valid.error());
        auto parent = Digest::parse(record->imageId);
        if (!parent)
            return errorReply(message, parent.error());
        request.parentImage = *parent;
        request.upperDirectory = ContainerPaths::of(store_.root(), record->id).upper;
        request.containerConfig = record->config;
        request.author = options.value(QStringLiteral("Author")).toString().toStdString();
        request.comment = options.value(QStringLiteral("Comment")).toString().toStdString();
        request.containerId = record->id;
        request.createdBy = commandOf(record->config);

        // As docker: a running container holds still while its files are read.
        const bool pause = options.value(QStringLiteral("Pause"), true).toBool() &&
                           record->state.status == ContainerStatus::Running;
        if (pause) {
            if (auto paused = containers_->pause(record->id); !paused)
                return errorReply(message, paused.error());
        }
        idleTracker_->beginActivity();
        const std::filesystem::path root = store_.root();
        const std::string id = record->id;
        QPointer<HelperService> self(this);
        std::thread([self, message, request = std::move(request), root, id, pause]() {
            auto committed = image::commitImage(root, request);
            QMetaObject::invokeMethod(
                self.data(),
                [self, message, committed = std::move(committed), id, pause]() {
                    if (!self)
                        return;
                    if (pause)
                        (void)self->containers_->unpause(id);
                    self->idleTracker_->endActivity();
                    if (!committed) {
                        self->bus_.send(errorReply(message, committed.error()));
                        return;
                    }
                    Q_EMIT self->ImagesChanged();
                    self->bus_.send(message.createReply(QString::fromStdString(committed->string())));
                },
                Qt::QueuedConnection);
        }).detach();
        return QDBusMessage();
    });
    return {};
}
