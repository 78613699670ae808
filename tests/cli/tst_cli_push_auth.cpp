// Logins, against the fixture's two authenticating registries: one with TLS (a CA the
// fixture made, trusted through the helper's --certs-dir) and htpasswd basic auth, one
// with token auth from berth-test-token-server. A login is checked before it is stored,
// stored per calling user in a root-only file, used for that user's pulls and pushes only,
// forgotten by logout — and the password shows up in no log, bus signal or output.
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <pwd.h>
#include <sys/stat.h>

using berth::test::RunResult;

namespace {

QString fixtureFile(const QString &relative)
{
    return berth::test::environmentDirectory() + QLatin1Char('/') + relative;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString fixtureValue(const QString &relative)
{
    return QString::fromUtf8(readAll(fixtureFile(relative))).trimmed();
}

QString anonymousRegistry()
{
    return QStringLiteral("127.0.0.1:") + fixtureValue(QStringLiteral("registry/port"));
}
QString tlsRegistry()
{
    return QStringLiteral("127.0.0.1:") + fixtureValue(QStringLiteral("tls-registry/port"));
}
QString tokenRegistry()
{
    return QStringLiteral("127.0.0.1:") + fixtureValue(QStringLiteral("token-registry/port"));
}
QString username()
{
    return fixtureValue(QStringLiteral("secrets/username"));
}
QString password()
{
    return fixtureValue(QStringLiteral("secrets/password"));
}
QString source()
{
    return anonymousRegistry() + QStringLiteral("/berth-test/busybox:latest");
}

QString manifestDigest()
{
    const auto index = QJsonDocument::fromJson(readAll(fixtureFile(QStringLiteral("images/oci/index.json")))).object();
    return index.value(QStringLiteral("manifests")).toVariant().toList().value(0).toMap().value(QStringLiteral("digest")).toString();
}

uint uidOf(const char *user)
{
    const passwd *entry = getpwnam(user);
    return entry ? entry->pw_uid : uint(-1);
}

QString credentialsFile(uint uid)
{
    return fixtureFile(QStringLiteral("root/credentials/%1.json").arg(uid));
}

int countLines(const QString &path, const QStringList &mustContain)
{
    int count = 0;
    for (const auto &line : QString::fromUtf8(readAll(path)).split(QLatin1Char('\n'))) {
        if (std::ranges::all_of(mustContain, [&](const QString &part) { return line.contains(part); }))
            ++count;
    }
    return count;
}

} // namespace

class TestCliPushAuth : public QObject {
    Q_OBJECT

    // Everything the CLI printed during the suite, searched for the password at the end.
    QString printed_;
    QProcess monitor_;
    QString monitorFile_;
    QString otherUsersCli_;

    RunResult berth(const QStringList &arguments, const QString &standardInput = {}, const QString &asUser = {})
    {
        QProcess process;
        const QString program = asUser.isEmpty() ? qEnvironmentVariable("BERTH_CLI") : QStringLiteral("setpriv");
        QStringList all = arguments;
        if (!asUser.isEmpty()) {
            all = QStringList{QStringLiteral("--reuid"), asUser, QStringLiteral("--regid"),
                              asUser == QLatin1String("nobody") ? QStringLiteral("nogroup") : asUser,
                              asUser == QLatin1String("nobody") ? QStringLiteral("--clear-groups") : QStringLiteral("--init-groups"),
                              otherUsersCli_} +
                  arguments;
        }
        process.start(program, all);
        process.write(standardInput.toUtf8());
        process.closeWriteChannel();
        RunResult result;
        if (!process.waitForFinished(120000)) {
            process.kill();
            process.waitForFinished();
            result.err = QStringLiteral("timed out");
            return result;
        }
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        printed_ += result.out + result.err;
        return result;
    }

    RunResult login(const QString &server, const QString &secret, const QString &asUser = {})
    {
        return berth({QStringLiteral("login"), QStringLiteral("-u"), username(), QStringLiteral("--password-stdin"), server},
                     secret + QLatin1Char('\n'), asUser);
    }

    RunResult skopeo(const QStringList &arguments)
    {
        return berth::test::run(QStringLiteral("skopeo"), arguments, QProcessEnvironment::systemEnvironment(), {}, 120000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!berth::test::isRoot())
            QSKIP("needs root: the fixture runs the helper and the registries, and switches users");
        QVERIFY2(QFile::exists(fixtureFile(QStringLiteral("tls-registry/port"))), "the fixture's TLS registry is not running");
        QVERIFY2(QFile::exists(fixtureFile(QStringLiteral("token-registry/port"))),
                 "the fixture's token registry is not running (test-services start ... --token-server PATH)");
        QCOMPARE(password().size(), 24);

        // Every signal on the bus from here on, to look for the password in later.
        monitorFile_ = fixtureFile(QStringLiteral("signals-push-auth.log"));
        QFile::remove(monitorFile_);
        monitor_.setStandardOutputFile(monitorFile_);
        monitor_.start(QStringLiteral("dbus-monitor"),
                       {QStringLiteral("--address"), qEnvironmentVariable("DBUS_SYSTEM_BUS_ADDRESS"), QStringLiteral("type='signal'")});
        QVERIFY2(monitor_.waitForStarted(), "dbus-monitor (package dbus-bin) did not start");

        // Other users cannot run a binary under /root; they get a copy in the fixture's dir.
        const QString directory = fixtureFile(QStringLiteral("bin"));
        otherUsersCli_ = directory + QStringLiteral("/berth-push-auth");
        QDir().mkpath(directory);
        QFile::remove(otherUsersCli_);
        QVERIFY(QFile::copy(qEnvironmentVariable("BERTH_CLI"), otherUsersCli_));
        const auto executable = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                QFileDevice::ReadOther | QFileDevice::ExeOther;
        QFile::setPermissions(otherUsersCli_, executable);
        QFile::setPermissions(directory, executable);

        const auto pulled = berth({QStringLiteral("pull"), source()});
        QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.out + pulled.err));
    }

    void cleanupTestCase()
    {
        berth({QStringLiteral("logout"), tlsRegistry()});
        berth({QStringLiteral("logout"), tokenRegistry()});
        if (monitor_.state() != QProcess::NotRunning) {
            monitor_.terminate();
            monitor_.waitForFinished(5000);
        }
    }

    void wrongPasswordIsRefusedAndNotStored()
    {
        const auto result = login(tlsRegistry(), QStringLiteral("not-the-password"));
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(QStringLiteral("logging in to ") + tlsRegistry()), qPrintable(result.err));
        QVERIFY2(result.err.contains(QStringLiteral("incorrect username or password")), qPrintable(result.err));
        QVERIFY(!result.out.contains(QStringLiteral("Login Succeeded")));
        QVERIFY(!readAll(credentialsFile(0)).contains(tlsRegistry().toUtf8()));
    }

    void loginOverTlsIsStoredForRootOnly()
    {
        const auto result = login(tlsRegistry(), password());
        QVERIFY2(result.exitCode == 0, qPrintable(result.out + result.err));
        QCOMPARE(result.out.trimmed(), QStringLiteral("Login Succeeded"));

        struct stat directory {}, file {};
        QCOMPARE(lstat(QFile::encodeName(fixtureFile(QStringLiteral("root/credentials"))).constData(), &directory), 0);
        QVERIFY(S_ISDIR(directory.st_mode));
        QCOMPARE(directory.st_mode & 07777, 0700u);
        QCOMPARE(directory.st_uid, 0u);
        QCOMPARE(lstat(QFile::encodeName(credentialsFile(0)).constData(), &file), 0);
        QVERIFY(S_ISREG(file.st_mode));
        QCOMPARE(file.st_mode & 07777, 0600u);
        QCOMPARE(file.st_uid, 0u);
        const auto stored = QJsonDocument::fromJson(readAll(credentialsFile(0))).object();
        QCOMPARE(stored.value(QStringLiteral("auths")).toObject().value(tlsRegistry()).toObject().value(QStringLiteral("username")).toString(),
                 username());
        // No temporary file left behind by the atomic replace.
        const auto leftovers = QDir(fixtureFile(QStringLiteral("root/credentials"))).entryList({QStringLiteral(".tmp-*")}, QDir::Hidden | QDir::Files);
        QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(QLatin1Char(' '))));
    }

    void pushAndPullOverTlsWithTheLogin()
    {
        const QString target = tlsRegistry() + QStringLiteral("/team/busybox:v1");
        const auto pushed = berth({QStringLiteral("push"), source(), target});
        QVERIFY2(pushed.exitCode == 0, qPrintable(pushed.out + pushed.err));
        QCOMPARE(pushed.out.count(QStringLiteral(": Pushed")), 3);
        QVERIFY(pushed.out.contains(QStringLiteral("v1: digest: ") + manifestDigest()));
        // Monolithic uploads: one PUT with the blob per layer, no PATCH.
        const QString log = fixtureFile(QStringLiteral("tls-registry/registry.log"));
        QCOMPARE(countLines(log, {QStringLiteral("http.request.method=PATCH"), QStringLiteral("/v2/team/busybox/")}), 0);
        QVERIFY(countLines(log, {QStringLiteral("http.request.method=PUT"), QStringLiteral("/v2/team/busybox/blobs/uploads/"),
                                 QStringLiteral("response completed")}) >= 4);

        // skopeo, trusting the same CA and with the same login, sees the same image.
        const auto inspected = skopeo({QStringLiteral("inspect"), QStringLiteral("--cert-dir"),
                                       fixtureFile(QStringLiteral("certs.d/")) + tlsRegistry(), QStringLiteral("--creds"),
                                       username() + QLatin1Char(':') + password(), QStringLiteral("docker://") + target});
        QVERIFY2(inspected.exitCode == 0, qPrintable(inspected.err));
        QCOMPARE(QJsonDocument::fromJson(inspected.out.toUtf8()).object().value(QStringLiteral("Digest")).toString(), manifestDigest());

        const auto pulled = berth({QStringLiteral("pull"), target});
        QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.out + pulled.err));
        QVERIFY(pulled.out.contains(QStringLiteral("Digest: ") + manifestDigest()));
    }

    void anotherUserDoesNotGetRootsLogin()
    {
        const QString target = tlsRegistry() + QStringLiteral("/team/busybox:v1");
        // berth-test may use Berth (group berth) but has no login of its own yet.
        const auto refused = berth({QStringLiteral("pull"), target}, {}, QStringLiteral("berth-test"));
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("berth login ") + tlsRegistry()), qPrintable(refused.err));

        const uint uid = uidOf("berth-test");
        const auto loggedIn = login(tlsRegistry(), password(), QStringLiteral("berth-test"));
        QVERIFY2(loggedIn.exitCode == 0, qPrintable(loggedIn.out + loggedIn.err));
        QVERIFY(QFile::exists(credentialsFile(uid)));
        QCOMPARE(QFileInfo(credentialsFile(uid)).ownerId(), 0u);
        const auto pulled = berth({QStringLiteral("pull"), target}, {}, QStringLiteral("berth-test"));
        QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.out + pulled.err));
        const auto loggedOut = berth({QStringLiteral("logout"), tlsRegistry()}, {}, QStringLiteral("berth-test"));
        QCOMPARE(loggedOut.exitCode, 0);
        QCOMPARE(loggedOut.out.trimmed(), QStringLiteral("Removing login credentials for ") + tlsRegistry());
        // Logging berth-test out left root's login alone.
        QVERIFY(readAll(credentialsFile(0)).contains(tlsRegistry().toUtf8()));
    }

    void nobodyCannotLogIn()
    {
        const auto refused = login(tlsRegistry(), password(), QStringLiteral("nobody"));
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("Not authorized")), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(QStringLiteral("io.berth.registry-login")), qPrintable(refused.err));
        QVERIFY(!QFile::exists(credentialsFile(uidOf("nobody"))));
    }

    void logoutThenPullIsRefusedWithTheLoginHint()
    {
        const auto loggedOut = berth({QStringLiteral("logout"), tlsRegistry()});
        QCOMPARE(loggedOut.exitCode, 0);
        QCOMPARE(loggedOut.out.trimmed(), QStringLiteral("Removing login credentials for ") + tlsRegistry());
        const auto pulled = berth({QStringLiteral("pull"), tlsRegistry() + QStringLiteral("/team/busybox:v1")});
        QCOMPARE(pulled.exitCode, 1);
        QVERIFY2(pulled.err.contains(QStringLiteral("berth login ") + tlsRegistry()), qPrintable(pulled.err));
        const auto again = berth({QStringLiteral("logout"), tlsRegistry()});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.out.trimmed(), QStringLiteral("Not logged in to ") + tlsRegistry());
    }

    void tokenRegistryRefusesAnonymousPush()
    {
        const auto refused = berth({QStringLiteral("push"), source(), tokenRegistry() + QStringLiteral("/team/busybox:v1")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("denied")), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(QStringLiteral("berth login ") + tokenRegistry()), qPrintable(refused.err));
    }

    void tokenLoginPushAndPull()
    {
        const auto wrong = login(tokenRegistry(), QStringLiteral("not-the-password"));
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY2(wrong.err.contains(QStringLiteral("incorrect username or password")), qPrintable(wrong.err));
        const auto right = login(tokenRegistry(), password());
        QVERIFY2(right.exitCode == 0, qPrintable(right.out + right.err));

        const QString tokenLog = fixtureFile(QStringLiteral("token-server/token-server.log"));
        const QStringList pushToken{QStringLiteral("scope=repository:team/busybox:pull,push"), QStringLiteral("-> 200 (") + username()};
        const int tokensBefore = countLines(tokenLog, pushToken);
        const QString target = tokenRegistry() + QStringLiteral("/team/busybox:v1");
        const auto pushed = berth({QStringLiteral("push"), QStringLiteral("--chunk-size"), QStringLiteral("256k"), source(), target});
        QVERIFY2(pushed.exitCode == 0, qPrintable(pushed.out + pushed.err));
        QCOMPARE(pushed.out.count(QStringLiteral(": Pushed")), 3);
        // One token for the push's scope, cached for every request of every layer.
        QCOMPARE(countLines(tokenLog, pushToken) - tokensBefore, 1);

        const auto inspected = skopeo({QStringLiteral("inspect"), QStringLiteral("--tls-verify=false"), QStringLiteral("--creds"),
                                       username() + QLatin1Char(':') + password(), QStringLiteral("docker://") + target});
        QVERIFY2(inspected.exitCode == 0, qPrintable(inspected.err));
        QCOMPARE(QJsonDocument::fromJson(inspected.out.toUtf8()).object().value(QStringLiteral("Digest")).toString(), manifestDigest());

        const auto pulled = berth({QStringLiteral("pull"), target});
        QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.out + pulled.err));
    }

    void tokenRegistryRefusesAnonymousPull()
    {
        const auto loggedOut = berth({QStringLiteral("logout"), tokenRegistry()});
        QCOMPARE(loggedOut.exitCode, 0);
        const auto pulled = berth({QStringLiteral("pull"), tokenRegistry() + QStringLiteral("/team/busybox:v1")});
        QCOMPARE(pulled.exitCode, 1);
        QVERIFY2(pulled.err.contains(QStringLiteral("pull access denied")), qPrintable(pulled.err));
        QVERIFY2(pulled.err.contains(QStringLiteral("berth login ") + tokenRegistry()), qPrintable(pulled.err));
        // The token server was asked, and gave an anonymous token without access.
        QVERIFY(countLines(fixtureFile(QStringLiteral("token-server/token-server.log")),
                           {QStringLiteral("scope=repository:team/busybox:pull"), QStringLiteral("anonymous, 0 access")}) > 0);
    }

    void passwordAppearsNowhere()
    {
        const QByteArray secret = password().toUtf8();
        // The helper's log (activated helpers write to the bus log) records the logins...
        const QByteArray helperLog = readAll(fixtureFile(QStringLiteral("bus/dbus.log")));
        QVERIFY(helperLog.contains("logs in to " + tlsRegistry().toUtf8()));
        QVERIFY(helperLog.contains("login of uid 0 failed"));
        // ...but never the password, nor does anything the CLI printed.
        QVERIFY(!helperLog.contains(secret));
        QVERIFY(!printed_.toUtf8().contains(secret));
        // Nor any signal on the bus (job progress, messages, results).
        monitor_.terminate();
        QVERIFY(monitor_.waitForFinished(5000));
        const QByteArray busSignals = readAll(monitorFile_);
        QVERIFY2(busSignals.contains("member=Finished") && busSignals.contains("\"pushed\""),
                 "dbus-monitor saw no push job's signals; the check would prove nothing");
        QVERIFY(!busSignals.contains(secret));
    }
};

QTEST_GUILESS_MAIN(TestCliPushAuth)
#include "tst_cli_push_auth.moc"
