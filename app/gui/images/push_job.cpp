#include "push_job.h"

#include "command_text.h"
#include "image_list_model.h"

#include "helper1_proxy.h"

PushJob::PushJob(QObject *parent) : ImageJob(JobItemModel::Kind::Push, parent) {}

void PushJob::setTarget(const QString &target)
{
    if (target_ == target)
        return;
    target_ = target;
    announceInput();
}

void PushJob::setSource(const QString &source)
{
    if (source_ == source)
        return;
    source_ = source;
    announceInput();
}

QString PushJob::distinctSource() const
{
    const QString source = source_.trimmed();
    return source == target_.trimmed() ? QString() : source;
}

QString PushJob::command() const
{
    QStringList words{QStringLiteral("push")};
    if (const QString source = distinctSource(); !source.isEmpty())
        words << source;
    words << (target_.trimmed().isEmpty() ? QStringLiteral("NAME[:TAG]") : target_.trimmed());
    return berth::gui::commandLine(words);
}

QString PushJob::inputProblem() const
{
    if (const QString problem = ImageListModel::referenceProblem(target_); !problem.isEmpty())
        return problem;
    if (target_.contains(QLatin1Char('@')))
        return tr("A push needs a name and tag, not a digest: write the target as NAME[:TAG].");
    return {};
}

QDBusPendingCall PushJob::call(HelperProxy &proxy)
{
    QVariantMap options;
    if (const QString source = distinctSource(); !source.isEmpty())
        options.insert(QStringLiteral("source"), source);
    return proxy.Push(target_.trimmed(), options);
}

QString PushJob::conclude(bool ok, const QVariantMap &result)
{
    if (!ok) {
        resultDigest_.clear();
        setStatusText(wasCancelled() ? tr("Push cancelled") : QString());
        return {};
    }
    resultDigest_ = result.value(QStringLiteral("Digest")).toString();
    // As docker prints it: "TAG: digest: sha256:… size: N".
    addMessage(tr("%1: digest: %2 size: %3")
                   .arg(result.value(QStringLiteral("Tag")).toString(), resultDigest_)
                   .arg(result.value(QStringLiteral("Size")).toULongLong()));
    setStatusText(tr("Pushed %1").arg(result.value(QStringLiteral("Name")).toString()));
    return {};
}
