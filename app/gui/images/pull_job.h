// One pull, as the pull dialog shows it: `berth pull REF` as you type, then a row per layer
// (Waiting, Downloading, Verifying Checksum, Extracting, Pull complete, Already exists),
// the overall bytes, the helper's messages and the outcome (Helper1.Pull).
#pragma once

#include "image_job.h"

class PullJob : public ImageJob {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString reference READ reference WRITE setReference NOTIFY inputChanged)
    Q_PROPERTY(QString platform READ platform WRITE setPlatform NOTIFY inputChanged)
    Q_PROPERTY(QString referenceProblem READ inputProblem NOTIFY inputChanged)
    Q_PROPERTY(QString resultName READ resultName NOTIFY stateChanged)

public:
    explicit PullJob(QObject *parent = nullptr);

    [[nodiscard]] QString reference() const { return reference_; }
    void setReference(const QString &reference);
    [[nodiscard]] QString platform() const { return platform_; }
    void setPlatform(const QString &platform);
    [[nodiscard]] QString resultName() const { return resultName_; }

    [[nodiscard]] QString command() const override;
    [[nodiscard]] QString inputProblem() const override;

protected:
    [[nodiscard]] QDBusPendingCall call(HelperProxy &proxy) override;
    [[nodiscard]] QString conclude(bool ok, const QVariantMap &result) override;

private:
    QString reference_;
    QString platform_;
    QString resultName_;
};
