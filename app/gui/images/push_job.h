// One push, as the push dialog shows it: `berth push [SOURCE] TARGET` as you type, then a
// row per layer (Preparing, Waiting, Pushing, Pushed, Layer already exists, Mounted from …),
// the overall bytes, the helper's messages and the manifest digest (Helper1.Push).
#pragma once

#include "image_job.h"

class PushJob : public ImageJob {
    Q_OBJECT
    QML_ELEMENT
    /// The name to push as, NAME[:TAG]; its registry is where the image goes.
    Q_PROPERTY(QString target READ target WRITE setTarget NOTIFY inputChanged)
    /// The local image to send (a name or id); empty or equal to target pushes target itself.
    Q_PROPERTY(QString source READ source WRITE setSource NOTIFY inputChanged)
    Q_PROPERTY(QString resultDigest READ resultDigest NOTIFY stateChanged)

public:
    explicit PushJob(QObject *parent = nullptr);

    [[nodiscard]] QString target() const { return target_; }
    void setTarget(const QString &target);
    [[nodiscard]] QString source() const { return source_; }
    void setSource(const QString &source);
    [[nodiscard]] QString resultDigest() const { return resultDigest_; }

    [[nodiscard]] QString command() const override;
    [[nodiscard]] QString inputProblem() const override;

protected:
    [[nodiscard]] QDBusPendingCall call(HelperProxy &proxy) override;
    [[nodiscard]] QString conclude(bool ok, const QVariantMap &result) override;

private:
    /// The source to name separately, or empty when the target is the image itself.
    [[nodiscard]] QString distinctSource() const;

    QString target_;
    QString source_;
    QString resultDigest_;
};
