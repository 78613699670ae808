#include "pull_job.h"

#include "command_text.h"
#include "image_list_model.h"

#include "helper1_proxy.h"

PullJob::PullJob(QObject *parent) : ImageJob(JobItemModel::Kind::Pull, parent) {}

void PullJob::setReference(const QString &reference)
{
    if (reference_ == reference)
        return;
    reference_ = reference;
    announceInput();
}

void PullJob::setPlatform(const QString &platform)
{
    if (platform_ == platform)
        return;
    platform_ = platform;
    announceInput();
}

QString PullJob::command() const
{
    QStringList words{QStringLiteral("pull")};
    if (!platform_.trimmed().isEmpty())
        words << QStringLiteral("--platform") << platform_.trimmed();
    words << (reference_.trimmed().isEmpty() ? QStringLiteral("IMAGE") : reference_.trimmed());
    return berth::gui::commandLine(words);
}

QString PullJob::inputProblem() const
{
    return ImageListModel::referenceProblem(reference_);
}

QDBusPendingCall PullJob::call(HelperProxy &proxy)
{
    const QString reference = reference_.trimmed();
    if (!reference.contains(QLatin1Char(':')) && !reference.contains(QLatin1Char('@')))
        addMessage(tr("Using default tag: latest"));
    QVariantMap options;
    if (!platform_.trimmed().isEmpty())
        options.insert(QStringLiteral("platform"), platform_.trimmed());
    return proxy.Pull(reference, options);
}

QString PullJob::conclude(bool ok, const QVariantMap &result)
{
    if (!ok) {
        resultName_.clear();
        setStatusText(wasCancelled() ? tr("Pull cancelled") : QString());
        return {};
    }
    resultName_ = result.value(QStringLiteral("Name")).toString();
    const QString digest = result.value(QStringLiteral("Digest")).toString();
    if (!digest.isEmpty())
        addMessage(tr("Digest: %1").arg(digest));
    setStatusText(result.value(QStringLiteral("Changed")).toBool()
                      ? tr("Status: Downloaded newer image for %1").arg(resultName_)
                      : tr("Status: Image is up to date for %1").arg(resultName_));
    addMessage(statusText());
    return {};
}
