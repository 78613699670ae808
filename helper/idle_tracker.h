// Decides when the helper may exit: after a quiet period with no call in flight, no job
// running and no subscribed client still on the bus. D-Bus activation starts it again.
#pragma once

#include <QDBusConnection>
#include <QDBusServiceWatcher>
#include <QObject>
#include <QSet>
#include <QTimer>

class IdleTracker : public QObject {
    Q_OBJECT
public:
    /// timeoutSeconds 0 means never exit for idleness.
    IdleTracker(QDBusConnection bus, int timeoutSeconds, QObject *parent = nullptr);

    void beginActivity();
    void endActivity();
    /// Keeps the helper alive while busName stays connected.
    void addClient(const QString &busName);
    [[nodiscard]] int clientCount() const { return static_cast<int>(clients_.size()); }

Q_SIGNALS:
    void idleTimeoutReached();

private:
    void rearm();

    QTimer timer_;
    QDBusServiceWatcher clientWatcher_;
    QSet<QString> clients_;
    int activeCount_ = 0;
    int timeoutSeconds_;
};
