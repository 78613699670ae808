// berth-helper: Berth's privileged engine, a D-Bus system service (see DESIGN.md).
#include "helper1_adaptor.h"
#include "helper_service.h"
#include "idle_tracker.h"
#include "polkit_authority.h"

#include "engine/core/store.h"
#include "engine/core/version.h"
#include "engine/image/archive_load.h"
#include "engine/image/puller.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMetaType>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/signalfd.h>
#include <unistd.h>

namespace {

constexpr const char *defaultStorageRoot = "/var/lib/berth";
constexpr int defaultIdleTimeoutSeconds = 120;
constexpr const char *defaultCertificatesDirectory = "/etc/berth/certs.d";

// When D-Bus activation starts us it says which bus asked; otherwise use the system bus
// that DBUS_SYSTEM_BUS_ADDRESS names (tests point it at a private one).
QDBusConnection connectToSystemBus()
{
    const QByteArray starterType = qgetenv("DBUS_STARTER_BUS_TYPE");
    const QByteArray starterAddress = qgetenv("DBUS_STARTER_ADDRESS");
    if (starterType == "system" && !starterAddress.isEmpty())
        return QDBusConnection::connectToBus(QString::fromLocal8Bit(starterAddress), QStringLiteral("berth-system"));
    return QDBusConnection::systemBus();
}

// SIGTERM and SIGINT end the event loop so the store closes cleanly.
void quitOnTerminationSignals(QCoreApplication &app)
{
    sigset_t terminationSignals;
    sigemptyset(&terminationSignals);
    sigaddset(&terminationSignals, SIGTERM);
    sigaddset(&terminationSignals, SIGINT);
    sigprocmask(SIG_BLOCK, &terminationSignals, nullptr);
    const int fd = signalfd(-1, &terminationSignals, SFD_CLOEXEC | SFD_NONBLOCK);
    if (fd < 0)
        return;
    auto *notifier = new QSocketNotifier(fd, QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [fd, &app]() {
        signalfd_siginfo info{};
        while (read(fd, &info, sizeof info) == sizeof info) {
        }
        qInfo("berth-helper: terminating on signal");
        app.quit();
    });
}

} // namespace

int main(int argc, char **argv)
{
    // A peer that hangs up (a client's pipe, a failed unpacker) is an error to handle, not
    // a reason to die.
    std::signal(SIGPIPE, SIG_IGN);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("berth-helper"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(berth::engineVersion));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Berth's privileged engine, reached over the system D-Bus as %1.")
                                         .arg(QLatin1String(berth::dbusServiceName)));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption rootOption(QStringLiteral("root"),
                                        QStringLiteral("Storage root (default %1).").arg(QLatin1String(defaultStorageRoot)),
                                        QStringLiteral("dir"), QLatin1String(defaultStorageRoot));
    const QCommandLineOption idleOption(QStringLiteral("idle-timeout"),
                                        QStringLiteral("Exit after this many idle seconds; 0 never exits (default %1).")
                                            .arg(defaultIdleTimeoutSeconds),
                                        QStringLiteral("seconds"), QString::number(defaultIdleTimeoutSeconds));
    const QCommandLineOption certsOption(QStringLiteral("certs-dir"),
                                         QStringLiteral("Per-registry CA files, as DIR/HOST[:PORT]/ca.crt (default %1).")
                                             .arg(QLatin1String(defaultCertificatesDirectory)),
                                         QStringLiteral("dir"), QLatin1String(defaultCertificatesDirectory));
    parser.addOption(rootOption);
    parser.addOption(idleOption);
    parser.addOption(certsOption);
    parser.process(app);

    bool numeric = false;
    const int idleTimeout = parser.value(idleOption).toInt(&numeric);
    if (!numeric || idleTimeout < 0) {
        std::fprintf(stderr, "berth-helper: --idle-timeout takes a whole number of seconds, got `%s`\n",
                     qPrintable(parser.value(idleOption)));
        return 2;
    }
    if (geteuid() != 0)
        std::fprintf(stderr, "berth-helper: warning: not running as root; containers and overlay mounts will fail\n");

    auto store = berth::Store::open(parser.value(rootOption).toStdString());
    if (!store) {
        std::fprintf(stderr, "berth-helper: %s\n", store.error().describe().c_str());
        return 1;
    }

    // Half-unpacked layers of a pull that was killed are worthless: nothing refers to them.
    berth::image::Puller::removeLeftovers(store->root());
    berth::image::ArchiveLoader::removeLeftovers(store->root());
    qDBusRegisterMetaType<QList<QVariantMap>>();

    QDBusConnection bus = connectToSystemBus();
    if (!bus.isConnected()) {
        std::fprintf(stderr, "berth-helper: cannot connect to the system bus: %s\n", qPrintable(bus.lastError().message()));
        return 1;
    }

    quitOnTerminationSignals(app);
    auto *authority = new PolkitAuthority(bus, &app);
    auto *idleTracker = new IdleTracker(bus, idleTimeout, &app);
    auto *service = new HelperService(bus, std::move(*store), authority, idleTracker, &app);
    service->setCertificatesDirectory(parser.value(certsOption));
    service->adoptContainers();
    new Helper1Adaptor(service);
    if (!bus.registerObject(QLatin1String(berth::dbusObjectPath), service)) {
        std::fprintf(stderr, "berth-helper: cannot register %s: %s\n", berth::dbusObjectPath,
                     qPrintable(bus.lastError().message()));
        return 1;
    }
    if (!bus.registerService(QLatin1String(berth::dbusServiceName))) {
        std::fprintf(stderr,
                     "berth-helper: cannot own %s on the system bus: %s\n"
                     "Another berth-helper may be running, or the bus policy (io.berth.Helper.conf) is not "
                     "installed or does not let this user own the name.\n",
                     berth::dbusServiceName, qPrintable(bus.lastError().message()));
        return 1;
    }
    QObject::connect(idleTracker, &IdleTracker::idleTimeoutReached, &app, [&app]() {
        qInfo("berth-helper: idle, exiting (D-Bus activation starts it again when needed)");
        app.quit();
    });
    qInfo("berth-helper %s serving %s, storage root %s", berth::engineVersion, berth::dbusServiceName,
          qPrintable(parser.value(rootOption)));
    const int status = app.exec();
    bus.unregisterService(QLatin1String(berth::dbusServiceName));
    return status;
}
