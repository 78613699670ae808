// ContainerIsolation of io.berth.Helper1: what keeps a running container apart from the
// host, read live from the kernel for the GUI's Isolation tab (helper/container_isolation.h).
#include "helper_service.h"

#include "container_isolation.h"
#include "container_manager.h"
#include "dbus_errors.h"

#include <QDBusMessage>
#include <QJsonDocument>

using namespace berth;
using berth::container::ContainerStatus;

namespace {

constexpr const char *listAction = "io.berth.container-list";

const CgroupLayout &isolationCgroupLayout()
{
    static const CgroupLayout layout = detectCgroupLayout();
    return layout;
}

} // namespace

QString HelperService::ContainerIsolation(const QString &name)
{
    authorizeThen(listAction, [this, name](const QDBusMessage &request) {
        auto record = containers_->find(name.toStdString());
        if (!record)
            return errorReply(request, record.error());
        const QString shown = QString::fromStdString(record->name);
        const auto status = record->state.status;
        if ((status != ContainerStatus::Running && status != ContainerStatus::Paused) || record->state.pid <= 0)
            return errorReply(request, ErrorCode::Conflict,
                              tr("Container %1 is not running, so no process of it has namespaces, a cgroup or "
                                 "capabilities to show; start it with: berth start %1")
                                  .arg(shown));
        auto isolation = helper::readIsolation(record->state.pid, "/berth/" + record->id, isolationCgroupLayout());
        if (!isolation)
            return errorReply(request, std::move(isolation.error()).withContext("reading the isolation of " + record->name));
        QJsonObject document = *isolation;
        document[QStringLiteral("Id")] = QString::fromStdString(record->id);
        document[QStringLiteral("Name")] = shown;
        document[QStringLiteral("Paused")] = status == ContainerStatus::Paused;
        return request.createReply(QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Compact)));
    });
    return {};
}
