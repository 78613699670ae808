// Moving images in and out from the GUI's C++ side, against the real helper on the fixture's
// bus: a save → load round trip through SaveJob and LoadJob (the GUI opens the files, the
// helper gets descriptors), a failed or cancelled save that leaves no file behind, an
// archive dropped on berth-gui's real window (Main.qml) that gets loaded, and the logins
// model from empty to one login and back, watched by QAbstractItemModelTester.
#include "test_support.h"

#include "archive_jobs.h"
#include "login_model.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QMimeData>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(BerthPlugin)

namespace {

QString fixtureValue(const QString &relative)
{
    QFile file(berth::test::environmentDirectory() + QLatin1Char('/') + relative);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).trimmed() : QString();
}

QString reference()
{
    return QStringLiteral("127.0.0.1:") + fixtureValue(QStringLiteral("registry/port")) + QStringLiteral("/berth-test/busybox:1.0");
}

QStringList filesIn(const QString &directory)
{
    return QDir(directory).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

bool imageExists(const QString &name)
{
    return berth::test::runCli({QStringLiteral("image"), QStringLiteral("inspect"), name}).exitCode == 0;
}

} // namespace

class TestGuiTransfer : public QObject {
    Q_OBJECT
    QTemporaryDir scratch;

    // Saves names to path through a SaveJob, cancelling right away if asked.
    static void save(SaveJob &job, const QStringList &names, const QString &path, bool cancel = false)
    {
        job.setNames(names);
        job.setPath(path);
        job.start();
        if (cancel)
            job.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(job.finished(), 60000);
        QVERIFY(!job.running());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(scratch.isValid());
        QVERIFY2(!fixtureValue(QStringLiteral("registry/port")).isEmpty(), "the fixture's registry is not running");
        const auto pulled = berth::test::runCli({QStringLiteral("pull"), reference()});
        QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.err));
    }

    void saveThenLoadRoundTrip()
    {
        const QString directory = scratch.filePath(QStringLiteral("round"));
        QVERIFY(QDir().mkpath(directory));
        const QString archive = directory + QStringLiteral("/busybox.tar");
        SaveJob saveJob;
        QCOMPARE(saveJob.command(), QStringLiteral("berth save -o FILE.tar IMAGE"));
        save(saveJob, {reference()}, archive);
        QVERIFY2(saveJob.succeeded(), qPrintable(saveJob.errorMessage()));
        QCOMPARE(saveJob.command(), QStringLiteral("berth save -o %1 %2").arg(archive, reference()));
        QCOMPARE(saveJob.fraction(), 1.0);
        QVERIFY(saveJob.layers()->count() >= 3);
        // Only the archive: the temporary file it was written to was renamed into place.
        QCOMPARE(filesIn(directory), QStringList{QStringLiteral("busybox.tar")});
        const auto listing = berth::test::run(QStringLiteral("tar"), {QStringLiteral("-tf"), archive});
        QVERIFY2(listing.exitCode == 0, qPrintable(listing.err));
        for (const char *member : {"manifest.json", "index.json", "oci-layout"})
            QVERIFY2(listing.out.split(QLatin1Char('\n')).contains(QLatin1String(member)), member);

        const auto removed = berth::test::runCli({QStringLiteral("rmi"), QStringLiteral("-f"), reference()});
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.err));
        QVERIFY(!imageExists(reference()));

        LoadJob loadJob;
        loadJob.setFileUrl(QUrl::fromLocalFile(archive));
        QCOMPARE(loadJob.path(), archive);
        QCOMPARE(loadJob.command(), QStringLiteral("berth load -i ") + archive);
        loadJob.start();
        QTRY_VERIFY_WITH_TIMEOUT(loadJob.finished(), 60000);
        QVERIFY2(loadJob.succeeded(), qPrintable(loadJob.errorMessage()));
        QVERIFY2(loadJob.loadedLines().contains(QStringLiteral("Loaded image: ") + reference()),
                 qPrintable(loadJob.loadedLines().join(QLatin1Char('\n'))));
        QCOMPARE(loadJob.fraction(), 1.0);
        QVERIFY(imageExists(reference()));
    }

    void failedSaveLeavesNothingAndKeepsWhatWasThere()
    {
        const QString directory = scratch.filePath(QStringLiteral("failed"));
        QVERIFY(QDir().mkpath(directory));
        const QString existing = directory + QStringLiteral("/existing.tar");
        {
            QFile file(existing);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("keep me");
        }
        SaveJob job;
        save(job, {QStringLiteral("berth-test/not-here:1")}, directory + QStringLiteral("/new.tar"));
        QVERIFY(!job.succeeded());
        QVERIFY2(job.errorMessage().contains(QStringLiteral("not-here")), qPrintable(job.errorMessage()));
        save(job, {QStringLiteral("berth-test/not-here:1")}, existing);
        QVERIFY(!job.succeeded());
        QCOMPARE(filesIn(directory), QStringList{QStringLiteral("existing.tar")});
        QFile file(existing);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("keep me"));

        // A file this user may not create: the reason names the path, nothing reaches the helper.
        save(job, {reference()}, QStringLiteral("/proc/berth-save.tar"));
        QVERIFY(!job.succeeded());
        QVERIFY2(job.errorMessage().startsWith(QStringLiteral("Cannot write /proc/berth-save.tar")), qPrintable(job.errorMessage()));
    }

    void cancelledSaveLeavesNoFile()
    {
        const QString directory = scratch.filePath(QStringLiteral("cancelled"));
        QVERIFY(QDir().mkpath(directory));
        const QString archive = directory + QStringLiteral("/busybox.tar");
        SaveJob job;
        save(job, {reference()}, archive, true);
        // The image is small: the save may have ended before the cancel reached it.
        if (job.succeeded()) {
            QCOMPARE(filesIn(directory), QStringList{QStringLiteral("busybox.tar")});
        } else {
            QVERIFY2(job.cancelled(), qPrintable(job.errorMessage()));
            QVERIFY2(filesIn(directory).isEmpty(), qPrintable(filesIn(directory).join(QLatin1Char(' '))));
            QVERIFY(job.statusText().startsWith(QStringLiteral("Save cancelled")));
        }
    }

    void archiveDroppedOnTheWindowIsLoaded()
    {
        const QString archive = scratch.filePath(QStringLiteral("drop.tar"));
        SaveJob saveJob;
        save(saveJob, {reference()}, archive);
        QVERIFY2(saveJob.succeeded(), qPrintable(saveJob.errorMessage()));
        QVERIFY(berth::test::runCli({QStringLiteral("rmi"), QStringLiteral("-f"), reference()}).exitCode == 0);

        QQmlApplicationEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
        engine.setInitialProperties({{QStringLiteral("initialPage"), QStringLiteral("system")}});
        engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Berth/Main.qml")));
        QCOMPARE(engine.rootObjects().size(), 1);
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        auto *pages = window->findChild<QObject *>(QStringLiteral("pages"));
        QVERIFY(pages);
        QVERIFY(pages->property("currentIndex").toInt() != 0);
        const QPoint middle(window->width() / 2, window->height() / 2);

        // Something that is not an image archive is refused as soon as it enters.
        {
            QMimeData text;
            text.setUrls({QUrl::fromLocalFile(scratch.filePath(QStringLiteral("notes.txt")))});
            QDragEnterEvent enter(middle, Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
            QCoreApplication::sendEvent(window, &enter);
            QVERIFY(!enter.isAccepted());
            QDragLeaveEvent leave;
            QCoreApplication::sendEvent(window, &leave);
        }

        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(archive)});
        QDragEnterEvent enter(middle, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(window, &enter);
        QVERIFY(enter.isAccepted());
        QDragMoveEvent move(middle, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(window, &move);
        auto *hint = window->findChild<QObject *>(QStringLiteral("dropHint"));
        QVERIFY(hint);
        QVERIFY(hint->property("visible").toBool());
        QDropEvent drop(QPointF(middle), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(window, &drop);
        QVERIFY(drop.isAccepted());

        // The Images panel shows the load, which brings the image back.
        QTRY_COMPARE(pages->property("currentIndex").toInt(), 0);
        auto *dialog = window->findChild<QObject *>(QStringLiteral("loadDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->property("opened").toBool());
        auto *job = qvariant_cast<LoadJob *>(dialog->property("job"));
        QVERIFY(job);
        QCOMPARE(job->path(), archive);
        QTRY_VERIFY_WITH_TIMEOUT(job->finished(), 60000);
        QVERIFY2(job->succeeded(), qPrintable(job->errorMessage()));
        QVERIFY(job->loadedLines().contains(QStringLiteral("Loaded image: ") + reference()));
        QVERIFY(imageExists(reference()));
        QVERIFY(!hint->property("visible").toBool());
    }

    void loginModelFromEmptyToOneAndBack()
    {
        const QString registry = QStringLiteral("127.0.0.1:") + fixtureValue(QStringLiteral("tls-registry/port"));
        const QString username = fixtureValue(QStringLiteral("secrets/username"));
        const QString password = fixtureValue(QStringLiteral("secrets/password"));
        LoginModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload();
        QTRY_VERIFY_WITH_TIMEOUT(model.loaded(), 30000);
        QCOMPARE(model.loadError(), QString());
        QCOMPARE(model.rowCount(), 0);

        QSignalSpy loggedIn(&model, &LoginModel::loginFinished);
        model.login(registry, username, password);
        QVERIFY(model.busy());
        QTRY_COMPARE_WITH_TIMEOUT(loggedIn.size(), 1, 60000);
        QVERIFY2(loggedIn.first().at(0).toBool(), qPrintable(loggedIn.first().at(1).toString()));
        QTRY_COMPARE(model.rowCount(), 1);
        const QModelIndex row = model.index(0, 0);
        QCOMPARE(row.data(LoginModel::ServerRole).toString(), registry);
        QCOMPARE(row.data(LoginModel::UsernameRole).toString(), username);
        QCOMPARE(LoginModel::loginCommand(registry, username), QStringLiteral("berth login %1 -u %2").arg(registry, username));

        QSignalSpy loggedOut(&model, &LoginModel::logoutFinished);
        model.logout(registry);
        QTRY_COMPARE_WITH_TIMEOUT(loggedOut.size(), 1, 30000);
        QVERIFY(loggedOut.first().at(0).toBool());
        QTRY_COMPARE(model.rowCount(), 0);
        QCOMPARE(LoginModel::logoutCommand(registry), QStringLiteral("berth logout ") + registry);
    }
};

QTEST_MAIN(TestGuiTransfer)
#include "tst_gui_transfer.moc"
