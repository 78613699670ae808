// berth-gui: the desktop workbench. A Qt Quick window over berth-helper (see DESIGN.md).
#include "helper_client.h"
#include "page_probe.h"

#include "translations.h"

#include "engine/core/version.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QIcon>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QtQml/QQmlExtensionPlugin>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(BerthPlugin)

namespace {

// --lang is needed before the parser runs, so that --help is printed in that language.
QString languageArgument(const QStringList &arguments)
{
    for (qsizetype index = 1; index < arguments.size(); ++index) {
        const QString &argument = arguments.at(index);
        if (argument == QLatin1String("--lang") && index + 1 < arguments.size())
            return arguments.at(index + 1);
        if (argument.startsWith(QLatin1String("--lang=")))
            return argument.mid(7);
    }
    return {};
}

} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("berth-gui"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Berth"));
    QGuiApplication::setApplicationVersion(QString::fromLatin1(berth::engineVersion));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.berth.Berth"));
    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/io.berth.Berth-128.png")));

    berth::installTranslations(app, languageArgument(app.arguments()));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("BerthGui", "Berth, a container workbench"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption languageOption(QStringLiteral("lang"),
                                            QCoreApplication::translate("BerthGui", "Language of the interface, e.g. zh_CN or en (default: the system's)."),
                                            QStringLiteral("language"));
    const QCommandLineOption pageOption(QStringLiteral("page"),
                                        QCoreApplication::translate("BerthGui", "Panel to open first: images, containers, volumes, networks, "
                                                                                "dockerfile, learn, system or settings."),
                                        QStringLiteral("name"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                              QCoreApplication::translate("BerthGui", "Once the first panel has loaded its data, save the window "
                                                                                      "as a PNG and quit (for docs and tests)."),
                                              QStringLiteral("file"));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
                                        QCoreApplication::translate("BerthGui", "Size of the window in pixels, e.g. 1280x800."),
                                        QStringLiteral("WIDTHxHEIGHT"));
    const QCommandLineOption printTextOption(QStringLiteral("print-page-text"),
                                             QCoreApplication::translate("BerthGui", "With --screenshot: also print the text shown on the panel."));
    parser.addOptions({languageOption, pageOption, sizeOption, screenshotOption, printTextOption});
    parser.process(app);

    // Fusion draws every control from the palette Main.qml sets, so the window looks the
    // same on every desktop; QT_QUICK_CONTROLS_STYLE still overrides it.
    if (qEnvironmentVariableIsEmpty("QT_QUICK_CONTROLS_STYLE"))
        QQuickStyle::setStyle(QStringLiteral("Fusion"));

    QVariantMap initialProperties{{QStringLiteral("initialPage"), parser.value(pageOption)}};
    if (parser.isSet(sizeOption)) {
        const auto match = QRegularExpression(QStringLiteral("^(\\d+)x(\\d+)$")).match(parser.value(sizeOption));
        if (!match.hasMatch()) {
            std::fprintf(stderr, "berth-gui: %s\n",
                         qPrintable(QCoreApplication::translate("BerthGui", "--size wants WIDTHxHEIGHT, e.g. 1280x800, not \"%1\"").arg(parser.value(sizeOption))));
            return 2;
        }
        initialProperties.insert(QStringLiteral("width"), match.captured(1).toInt());
        initialProperties.insert(QStringLiteral("height"), match.captured(2).toInt());
    }

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreationFailed, &app,
                     []() { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    engine.setInitialProperties(initialProperties);
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
