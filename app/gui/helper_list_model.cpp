#include "helper_list_model.h"

#include "helper_client.h"

bool HelperListModel::beginLoad()
{
    if (const QString failure = HelperClient::instance()->busFailure(); !failure.isEmpty()) {
        setLoadError(failure);
        return false;
    }
    if (loading_) {
        // A change arrived while asking: ask once more when this answer is in.
        reloadAgain_ = true;
        return false;
    }
    loading_ = true;
    Q_EMIT loadingChanged();
    return true;
}

void HelperListModel::finishLoad(const QString &error, const std::function<void()> &reloadAgain)
{
    setLoadError(error);
    loaded_ = true;
    loading_ = false;
    Q_EMIT loadingChanged();
    if (reloadAgain_) {
        reloadAgain_ = false;
        reloadAgain();
    }
}

void HelperListModel::setLoadError(const QString &error)
{
    if (loadError_ == error)
        return;
    loadError_ = error;
    Q_EMIT loadErrorChanged();
}
