// Runs the tst_*.qml suites against the Berth QML module linked into this executable, with
// the real helper on the fixture's bus.
#include <QFile>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(BerthPlugin)

namespace {

QString fixtureValue(const QString &relative)
{
    QFile file(qEnvironmentVariable("BERTH_TEST_ENV_DIR") + QLatin1Char('/') + relative);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).trimmed() : QString();
}

} // namespace

class Setup : public QObject {
    Q_OBJECT
public Q_SLOTS:
    void applicationAvailable()
    {
        // The style berth-gui uses, so the tests click the same controls people see.
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        // Facts the tests compare the panels with, known to the test harness but not to QML.
        engine->rootContext()->setContextProperty(QStringLiteral("testEnvDir"),
                                                  qEnvironmentVariable("BERTH_TEST_ENV_DIR"));
        // The fixture's registry ("127.0.0.1:PORT"), which holds berth-test/busybox.
        QFile port(qEnvironmentVariable("BERTH_TEST_ENV_DIR") + QStringLiteral("/registry/port"));
        const QString registry = port.open(QIODevice::ReadOnly)
                                     ? QStringLiteral("127.0.0.1:") + QString::fromLatin1(port.readAll()).trimmed()
                                     : QString();
        engine->rootContext()->setContextProperty(QStringLiteral("testRegistry"), registry);
        // The fixture's TLS registry with htpasswd, and the one login it accepts.
        const QString tlsPort = fixtureValue(QStringLiteral("tls-registry/port"));
        engine->rootContext()->setContextProperty(QStringLiteral("testLoginRegistry"),
                                                  tlsPort.isEmpty() ? QString() : QStringLiteral("127.0.0.1:") + tlsPort);
        engine->rootContext()->setContextProperty(QStringLiteral("testLoginUser"), fixtureValue(QStringLiteral("secrets/username")));
        engine->rootContext()->setContextProperty(QStringLiteral("testLoginPassword"), fixtureValue(QStringLiteral("secrets/password")));
    }
};

QUICK_TEST_MAIN_WITH_SETUP(berth_qml, Setup)

#include "tst_qml.moc"
