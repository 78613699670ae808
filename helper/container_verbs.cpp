// The container verbs of io.berth.Helper1: create, start, stop, kill, pause, remove, list,
// inspect, wait, rename. The work is ContainerManager's; this file checks polkit, turns bus
// arguments into the manager's terms and its results into replies.
#include "helper_service.h"

#include "container_manager.h"
#include "dbus_errors.h"

#include <QDBusArgument>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QJsonDocument>
#include <QJsonObject>

using namespace berth;

namespace {

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

// Maps nested in a{sv} arrive as QDBusArgument; JSON needs them as plain maps.
QVariant plainVariant(const QVariant &value)
{
    if (value.canConvert<QDBusArgument>() && value.userType() == qMetaTypeId<QDBusArgument>()) {
        const auto argument = value.value<QDBusArgument>();
        if (argument.currentType() == QDBusArgument::MapType) {
            QVariantMap map;
            argument >> map;
            for (auto it = map.begin(); it != map.end(); ++it)
                it.value() = plainVariant(it.value());
            return map;
        }
        if (argument.currentType() == QDBusArgument::ArrayType) {
            QStringList list;
            argument >> list;
            return list;
        }
    }
    return value;
}

constexpr const char *listAction = "io.berth.container-list";
constexpr const char *manageAction = "io.berth.container-manage";

} // namespace

void HelperService::replyWhenDone(const QDBusMessage &request, Status status)
{
    bus_.send(status ? request.createReply() : errorReply(request, status.error()));
}

QString HelperService::CreateContainer(const QVariantMap &request)
{
    authorizeThen(manageAction, [this, request](const QDBusMessage &message) {
        // The bus gives variants; the manager takes Docker's JSON.
        QVariantMap plain;
        for (auto it = request.begin(); it != request.end(); ++it)
            plain.insert(it.key(), plainVariant(it.value()));
        const QByteArray text = QJsonDocument(QJsonObject::fromVariantMap(plain)).toJson(QJsonDocument::Compact);
        nlohmann::json json = nlohmann::json::parse(text.toStdString(), nullptr, false);
        if (json.is_discarded())
            return errorReply(message, ErrorCode::InvalidArgument, tr("The create request could not be read."));
        auto image = findImage(QString::fromStdString(json.value("Image", std::string())));
        if (!image)
            return errorReply(message, image.error());
        auto id = containers_->create(json, image->id.string());
        if (!id)
            return errorReply(message, id.error());
        return message.createReply(fromStd(*id));
    });
    return {};
}

void HelperService::StartContainer(const QString &name)
{
    authorizeThen(manageAction, [this, name](const QDBusMessage &message) {
        containers_->start(name.toStdString(), [this, message](Status started) { replyWhenDone(message, started); });
        return QDBusMessage();
    });
}

void HelperService::StopContainer(const QString &name, int timeoutSeconds)
{
    authorizeThen(manageAction, [this, name, timeoutSeconds](const QDBusMessage &message) {
        containers_->stop(name.toStdString(), timeoutSeconds,
                          [this, message](Status stopped) { replyWhenDone(message, stopped); });
        return QDBusMessage();
    });
}

void HelperService::RestartContainer(const QString &name, int timeoutSeconds)
{
    authorizeThen(manageAction, [this, name, timeoutSeconds](const QDBusMessage &message) {
        containers_->restart(name.toStdString(), timeoutSeconds,
                             [this, message](Status restarted) { replyWhenDone(message, restarted); });
        return QDBusMessage();
    });
}

void HelperService::KillContainer(const QString &name, const QString &signal)
{
    authorizeThen(manageAction, [this, name, signal](const QDBusMessage &message) {
        auto killed = containers_->kill(name.toStdString(), signal.toStdString());
        return killed ? message.createReply() : errorReply(message, killed.error());
    });
}

void HelperService::PauseContainer(const QString &name)
{
    authorizeThen(manageAction, [this, name](const QDBusMessage &message) {
        auto paused = containers_->pause(name.toStdString());
        return paused ? message.createReply() : errorReply(message, paused.error());
    });
}

void HelperService::UnpauseContainer(const QString &name)
{
    authorizeThen(manageAction, [this, name](const QDBusMessage &message) {
        auto resumed = containers_->unpause(name.toStdString());
        return resumed ? message.createReply() : errorReply(message, resumed.error());
    });
}

void HelperService::RemoveContainer(const QString &name, bool force, bool volumes)
{
    authorizeThen(manageAction, [this, name, force, volumes](const QDBusMessage &message) {
        containers_->remove(name.toStdString(), force, volumes,
                            [this, message](Status removed) { replyWhenDone(message, removed); });
        return QDBusMessage();
    });
}

void HelperService::RenameContainer(const QString &name, const QString &newName)
{
    authorizeThen(manageAction, [this, name, newName](const QDBusMessage &message) {
        auto renamed = containers_->rename(name.toStdString(), newName.toStdString());
        return renamed ? message.createReply() : errorReply(message, renamed.error());
    });
}

int HelperService::WaitContainer(const QString &name)
{
    authorizeThen(listAction, [this, name](const QDBusMessage &message) {
        containers_->wait(name.toStdString(), [this, message](Result<int> exitCode) {
            bus_.send(exitCode ? message.createReply(*exitCode) : errorReply(message, exitCode.error()));
        });
        return QDBusMessage();
    });
    return 0;
}

QList<QVariantMap> HelperService::ListContainers()
{
    authorizeThen(listAction, [this](const QDBusMessage &message) {
        auto records = containers_->list();
        if (!records)
            return errorReply(message, records.error());
        QList<QVariantMap> list;
        for (const auto &record : *records) {
            const auto &state = record.state;
            QStringList command;
            for (const auto &argument : record.config.value("Cmd", nlohmann::json::array()))
                if (argument.is_string())
                    command << fromStd(argument.get<std::string>());
            list << QVariantMap{
                {QStringLiteral("Id"), fromStd(record.id)},
                {QStringLiteral("Name"), fromStd(record.name)},
                {QStringLiteral("Image"), fromStd(record.imageName)},
                {QStringLiteral("ImageId"), fromStd(record.imageId)},
                {QStringLiteral("Command"), command},
                {QStringLiteral("Created"), qlonglong(record.createdAt)},
                {QStringLiteral("State"), fromStd(std::string(container::statusName(state.status)))},
                {QStringLiteral("ExitCode"), state.exitCode},
                {QStringLiteral("StartedAt"), fromStd(state.startedAt)},
                {QStringLiteral("FinishedAt"), fromStd(state.finishedAt)},
                {QStringLiteral("Pid"), int(state.pid)},
                {QStringLiteral("RestartCount"), state.restartCount},
                {QStringLiteral("OOMKilled"), state.oomKilled},
                {QStringLiteral("Error"), fromStd(state.error)},
            };
        }
        return message.createReply(QVariant::fromValue(list));
    });
    return {};
}

QString HelperService::InspectContainer(const QString &name)
{
    authorizeThen(listAction, [this, name](const QDBusMessage &message) {
        auto inspected = containers_->inspect(name.toStdString());
        if (!inspected)
            return errorReply(message, inspected.error());
        return message.createReply(fromStd(inspected->dump()));
    });
    return {};
}
