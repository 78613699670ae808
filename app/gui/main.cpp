// berth-gui: the desktop workbench. A Qt Quick window over berth-helper (see DESIGN.md).
#include "helper_client.h"
#include "page_probe.h"

#include "translations.h"

#include "engine/core/version.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQuickWindow>
#include <QtQml/QQmlExtensionPlugin>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(BerthPlugin)

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("berth-gui"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Berth"));
    QGuiApplication::setApplicationVersion(QString::fromLatin1(berth::engineVersion));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.berth.Berth"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Berth, a container workbench"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption languageOption(QStringLiteral("lang"),
                                            QStringLiteral("Language of the interface, e.g. zh_CN or en (default: the system's)."),
                                            QStringLiteral("language"));
    const QCommandLineOption pageOption(QStringLiteral("page"),
                                        QStringLiteral("Panel to open first: images, containers, volumes, networks, "
                                                       "dockerfile, learn, system or settings."),
                                        QStringLiteral("name"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                              QStringLiteral("Once the first panel has loaded its data, save the window "
                                                             "as a PNG and quit (for docs and tests)."),
                                              QStringLiteral("file"));
    const QCommandLineOption printTextOption(QStringLiteral("print-page-text"),
                                             QStringLiteral("With --screenshot: also print the text shown on the panel."));
    parser.addOptions({languageOption, pageOption, screenshotOption, printTextOption});
    parser.process(app);

    berth::installTranslations(app, parser.value(languageOption));

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreationFailed, &app,
                     []() { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    engine.setInitialProperties({{QStringLiteral("initialPage"), parser.value(pageOption)}});
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Berth/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;

    if (parser.isSet(screenshotOption)) {
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
        auto *probe = new PageProbe(window, parser.value(screenshotOption), parser.isSet(printTextOption), &app);
        probe->start();
    }
    return app.exec();
}
