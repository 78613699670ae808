// Image references against Docker's behaviour. Many rows are the cases of
// distribution/reference's own tests (reference_test.go, normalize_test.go), which define
// what Docker accepts and how it normalises; the expected strings follow from those rules.
#include "engine/core/reference.h"

#include <QTest>

using namespace berth;
using namespace berth::image;

namespace {

const QString hexF = QString(64, QLatin1Char('f'));
const QString hexRedis = QStringLiteral("dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c");
const QString hexBusybox = QStringLiteral("86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa");
const QString hexId = QStringLiteral("1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a");
const QString hub = QStringLiteral("registry-1.docker.io");

QString repeated(const QString &text, int count)
{
    return text.repeated(count);
}

std::string describe(const Result<Reference> &result)
{
    return result ? result->string() : result.error().describe();
}

} // namespace

class TestReference : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void valid_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("canonical");
        QTest::addColumn<QString>("familiar");
        QTest::addColumn<QString>("host");
        auto row = [](const QString &input, const QString &canonical, const QString &familiar, const QString &host) {
            QTest::newRow(qPrintable(input.left(80))) << input << canonical << familiar << host;
        };

        // Docker Hub names and their official-image "library/" prefix.
        row("nginx", "docker.io/library/nginx:latest", "nginx:latest", hub);
        row("nginx:1.27", "docker.io/library/nginx:1.27", "nginx:1.27", hub);
        row("user/app:1", "docker.io/user/app:1", "user/app:1", hub);
        row("ubuntu", "docker.io/library/ubuntu:latest", "ubuntu:latest", hub);
        row("library/ubuntu", "docker.io/library/ubuntu:latest", "ubuntu:latest", hub);
        row("docker.io/library/ubuntu", "docker.io/library/ubuntu:latest", "ubuntu:latest", hub);
        row("docker.io/ubuntu", "docker.io/library/ubuntu:latest", "ubuntu:latest", hub);
        row("index.docker.io/ubuntu", "docker.io/library/ubuntu:latest", "ubuntu:latest", hub);
        row("index.docker.io/library/ubuntu:22.04", "docker.io/library/ubuntu:22.04", "ubuntu:22.04", hub);
        row("fooo/bar", "docker.io/fooo/bar:latest", "fooo/bar:latest", hub);
        row("docker.io/fooo/bar", "docker.io/fooo/bar:latest", "fooo/bar:latest", hub);
        row("index.docker.io/fooo/bar", "docker.io/fooo/bar:latest", "fooo/bar:latest", hub);
        row("nonlibrary/ubuntu", "docker.io/nonlibrary/ubuntu:latest", "nonlibrary/ubuntu:latest", hub);
        row("other/library", "docker.io/other/library:latest", "other/library:latest", hub);
        row("library", "docker.io/library/library:latest", "library:latest", hub);
        row("ubuntu-12.04-base", "docker.io/library/ubuntu-12.04-base:latest", "ubuntu-12.04-base:latest", hub);
        row("index.docker.io/library/ubuntu-12.04-base", "docker.io/library/ubuntu-12.04-base:latest",
            "ubuntu-12.04-base:latest", hub);
        row("library/foo/bar", "docker.io/library/foo/bar:latest", "library/foo/bar:latest", hub);
        row("docker.io/library/foo/bar", "docker.io/library/foo/bar:latest", "library/foo/bar:latest", hub);
        row("store/foo/bar", "docker.io/store/foo/bar:latest", "store/foo/bar:latest", hub);
        row("docker/docker", "docker.io/docker/docker:latest", "docker/docker:latest", hub);
        row("docker/migrator", "docker.io/docker/migrator:latest", "docker/migrator:latest", hub);
        row("library/debian", "docker.io/library/debian:latest", "debian:latest", hub);
        row("test_com", "docker.io/library/test_com:latest", "test_com:latest", hub);
        row("test_com/foo", "docker.io/test_com/foo:latest", "test_com/foo:latest", hub);
        row("dbcc1", "docker.io/library/dbcc1:latest", "dbcc1:latest", hub);
        row("a/b/c/d/e", "docker.io/a/b/c/d/e:latest", "a/b/c/d/e:latest", hub);

        // A name without "/" is always on Docker Hub, even when it looks like a host; the
        // part after ":" is then a tag (distribution/reference keeps this on purpose).
        row("localhost", "docker.io/library/localhost:latest", "localhost:latest", hub);
        row("localhost:5000", "docker.io/library/localhost:5000", "localhost:5000", hub);
        row("test.com:tag", "docker.io/library/test.com:tag", "test.com:tag", hub);
        row("test.com:5000", "docker.io/library/test.com:5000", "test.com:5000", hub);
        row("foo_bar.com:8080", "docker.io/library/foo_bar.com:8080", "foo_bar.com:8080", hub);
        row("192.168.1.1", "docker.io/library/192.168.1.1:latest", "192.168.1.1:latest", hub);
        row("192.168.1.1:tag", "docker.io/library/192.168.1.1:tag", "192.168.1.1:tag", hub);
        row("192.168.0.1:80", "docker.io/library/192.168.0.1:80", "192.168.0.1:80", hub);
        row("sha256", "docker.io/library/sha256:latest", "sha256:latest", hub);
        row("sha256:abc", "docker.io/library/sha256:abc", "sha256:abc", hub);
        // A component after the first is never a domain.
        row("foo/foo_bar.com:8080", "docker.io/foo/foo_bar.com:8080", "foo/foo_bar.com:8080", hub);
        // Only a 64-hex string alone is an image id; 63 hex digits or a hex path on a registry is a name.
        row("dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9",
            "docker.io/library/dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9:latest",
            "dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9:latest", hub);
        row("docker.io/" + hexId, "docker.io/library/" + hexId + ":latest", hexId + ":latest", hub);
        row("thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev",
            "docker.io/library/thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev:latest",
            "thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev:latest", hub);

        // Separators in path components.
        row("docker-rules/docker", "docker.io/docker-rules/docker:latest", "docker-rules/docker:latest", hub);
        row("docker---rules/docker", "docker.io/docker---rules/docker:latest", "docker---rules/docker:latest", hub);
        row("dock__er/docker", "docker.io/dock__er/docker:latest", "dock__er/docker:latest", hub);
        row("doc/docker", "docker.io/doc/docker:latest", "doc/docker:latest", hub);
        row("d/docker", "docker.io/d/docker:latest", "d/docker:latest", hub);
        row("jess/t", "docker.io/jess/t:latest", "jess/t:latest", hub);
        row("a.b_c__d-e---f9", "docker.io/library/a.b_c__d-e---f9:latest", "a.b_c__d-e---f9:latest", hub);

        // Other registries: the first component is a domain when it is "localhost", has "." or ":",
        // or has uppercase letters; no "library/" is added there.
        row("localhost/fooo", "localhost/fooo:latest", "localhost/fooo:latest", "localhost");
        row("localhost/fooo/bar", "localhost/fooo/bar:latest", "localhost/fooo/bar:latest", "localhost");
        row("localhost/library/debian", "localhost/library/debian:latest", "localhost/library/debian:latest", "localhost");
        row("localhost:5000/app", "localhost:5000/app:latest", "localhost:5000/app:latest", "localhost:5000");
        row("LOCALDOMAIN/fooo", "LOCALDOMAIN/fooo:latest", "LOCALDOMAIN/fooo:latest", "LOCALDOMAIN");
        row("LOCALDOMAIN/fooo/bar", "LOCALDOMAIN/fooo/bar:latest", "LOCALDOMAIN/fooo/bar:latest", "LOCALDOMAIN");
        row("Foo/bar", "Foo/bar:latest", "Foo/bar:latest", "Foo");
        row("FOO/bar", "FOO/bar:latest", "FOO/bar:latest", "FOO");
        row("Docker/docker", "Docker/docker:latest", "Docker/docker:latest", "Docker");
        row("Example.COM/foo", "Example.COM/foo:latest", "Example.COM/foo:latest", "Example.COM");
        row("127.0.0.1:8000/private/moonbase", "127.0.0.1:8000/private/moonbase:latest",
            "127.0.0.1:8000/private/moonbase:latest", "127.0.0.1:8000");
        row("127.0.0.1:8000/privatebase", "127.0.0.1:8000/privatebase:latest", "127.0.0.1:8000/privatebase:latest",
            "127.0.0.1:8000");
        row("127.0.0.1:5000/library/debian", "127.0.0.1:5000/library/debian:latest",
            "127.0.0.1:5000/library/debian:latest", "127.0.0.1:5000");
        row("example.com/private/moonbase", "example.com/private/moonbase:latest", "example.com/private/moonbase:latest",
            "example.com");
        row("example.com/privatebase", "example.com/privatebase:latest", "example.com/privatebase:latest", "example.com");
        row("example.com:8000/privatebasee", "example.com:8000/privatebasee:latest",
            "example.com:8000/privatebasee:latest", "example.com:8000");
        row("test.com/foo", "test.com/foo:latest", "test.com/foo:latest", "test.com");
        row("test.com/repo:tag", "test.com/repo:tag", "test.com/repo:tag", "test.com");
        row("test.com:8080/foo", "test.com:8080/foo:latest", "test.com:8080/foo:latest", "test.com:8080");
        row("test-com:8080/foo", "test-com:8080/foo:latest", "test-com:8080/foo:latest", "test-com:8080");
        row("test:5000/repo", "test:5000/repo:latest", "test:5000/repo:latest", "test:5000");
        row("test:5000/repo:tag", "test:5000/repo:tag", "test:5000/repo:tag", "test:5000");
        row("xn--n3h.com/foo", "xn--n3h.com/foo:latest", "xn--n3h.com/foo:latest", "xn--n3h.com");
        row("xn--n3h.com:18080/foo", "xn--n3h.com:18080/foo:latest", "xn--n3h.com:18080/foo:latest", "xn--n3h.com:18080");
        row("xn--n3h.com/myimage:xn--n3h.com", "xn--n3h.com/myimage:xn--n3h.com", "xn--n3h.com/myimage:xn--n3h.com",
            "xn--n3h.com");
        row("sub-dom1.foo.com/bar/baz/quux", "sub-dom1.foo.com/bar/baz/quux:latest", "sub-dom1.foo.com/bar/baz/quux:latest",
            "sub-dom1.foo.com");
        row("sub-dom1.foo.com/bar/baz/quux:some-long-tag", "sub-dom1.foo.com/bar/baz/quux:some-long-tag",
            "sub-dom1.foo.com/bar/baz/quux:some-long-tag", "sub-dom1.foo.com");
        row("b.gcr.io/test.example.com/my-app:test.example.com", "b.gcr.io/test.example.com/my-app:test.example.com",
            "b.gcr.io/test.example.com/my-app:test.example.com", "b.gcr.io");
        row("gcr.io/library/busybox", "gcr.io/library/busybox:latest", "gcr.io/library/busybox:latest", "gcr.io");
        row("registry.example.com:5000/a/b/c:v2", "registry.example.com:5000/a/b/c:v2", "registry.example.com:5000/a/b/c:v2",
            "registry.example.com:5000");
        row("192.168.1.1/repo", "192.168.1.1/repo:latest", "192.168.1.1/repo:latest", "192.168.1.1");
        row("192.168.1.1:5000/repo", "192.168.1.1:5000/repo:latest", "192.168.1.1:5000/repo:latest", "192.168.1.1:5000");
        row("192.168.1.1:5000/repo:5050", "192.168.1.1:5000/repo:5050", "192.168.1.1:5000/repo:5050", "192.168.1.1:5000");
        row("192.168.0.1:8/debian", "192.168.0.1:8/debian:latest", "192.168.0.1:8/debian:latest", "192.168.0.1:8");
        row("192.168.0.2:25000/debian", "192.168.0.2:25000/debian:latest", "192.168.0.2:25000/debian:latest",
            "192.168.0.2:25000");

        // IPv6 in brackets, with or without a port.
        row("[2001:db8::1]/repo", "[2001:db8::1]/repo:latest", "[2001:db8::1]/repo:latest", "[2001:db8::1]");
        row("[2001:db8:1:2:3:4:5:6]/repo:tag", "[2001:db8:1:2:3:4:5:6]/repo:tag", "[2001:db8:1:2:3:4:5:6]/repo:tag",
            "[2001:db8:1:2:3:4:5:6]");
        row("[2001:db8::1]:5000/repo", "[2001:db8::1]:5000/repo:latest", "[2001:db8::1]:5000/repo:latest",
            "[2001:db8::1]:5000");
        row("[2001:db8::1]:5000/repo:tag", "[2001:db8::1]:5000/repo:tag", "[2001:db8::1]:5000/repo:tag",
            "[2001:db8::1]:5000");
        row("[2001:db8::]:5000/repo", "[2001:db8::]:5000/repo:latest", "[2001:db8::]:5000/repo:latest", "[2001:db8::]:5000");
        row("[::1]:5000/repo", "[::1]:5000/repo:latest", "[::1]:5000/repo:latest", "[::1]:5000");
        row("[fc00::1]:5000/docker", "[fc00::1]:5000/docker:latest", "[fc00::1]:5000/docker:latest", "[fc00::1]:5000");
        row("[fc00::1]:5000/docker/docker", "[fc00::1]:5000/docker/docker:latest", "[fc00::1]:5000/docker/docker:latest",
            "[fc00::1]:5000");
        row("[fc00:1:2:3:4:5:6:7]:5000/library/debian", "[fc00:1:2:3:4:5:6:7]:5000/library/debian:latest",
            "[fc00:1:2:3:4:5:6:7]:5000/library/debian:latest", "[fc00:1:2:3:4:5:6:7]:5000");
        row("[FC00::ABCD]:5000/app", "[FC00::ABCD]:5000/app:latest", "[FC00::ABCD]:5000/app:latest", "[FC00::ABCD]:5000");

        // Digests: no default tag, and "name:tag@digest" keeps both.
        row("redis@sha256:" + hexRedis, "docker.io/library/redis@sha256:" + hexRedis, "redis@sha256:" + hexRedis, hub);
        row("docker.io/library/redis@sha256:" + hexRedis, "docker.io/library/redis@sha256:" + hexRedis,
            "redis@sha256:" + hexRedis, hub);
        row("dmcgowan/myapp@sha256:" + hexRedis, "docker.io/dmcgowan/myapp@sha256:" + hexRedis,
            "dmcgowan/myapp@sha256:" + hexRedis, hub);
        row("busybox:latest@sha256:" + hexBusybox, "docker.io/library/busybox:latest@sha256:" + hexBusybox,
            "busybox:latest@sha256:" + hexBusybox, hub);
        row("test:5000/repo@sha256:" + hexF, "test:5000/repo@sha256:" + hexF, "test:5000/repo@sha256:" + hexF, "test:5000");
        row("test:5000/repo:tag@sha256:" + hexF, "test:5000/repo:tag@sha256:" + hexF, "test:5000/repo:tag@sha256:" + hexF,
            "test:5000");
        row("xn--7o8h.com/myimage:xn--7o8h.com@sha256:" + hexF, "xn--7o8h.com/myimage:xn--7o8h.com@sha256:" + hexF,
            "xn--7o8h.com/myimage:xn--7o8h.com@sha256:" + hexF, "xn--7o8h.com");
        row("[2001:db8::1]:5000/repo@sha256:" + hexF, "[2001:db8::1]:5000/repo@sha256:" + hexF,
            "[2001:db8::1]:5000/repo@sha256:" + hexF, "[2001:db8::1]:5000");
        row("[2001:db8::1]:5000/repo:tag@sha256:" + hexF, "[2001:db8::1]:5000/repo:tag@sha256:" + hexF,
            "[2001:db8::1]:5000/repo:tag@sha256:" + hexF, "[2001:db8::1]:5000");
        row("localhost:5000@sha256:" + hexF, "docker.io/library/localhost:5000@sha256:" + hexF,
            "localhost:5000@sha256:" + hexF, hub);

        // Tags: case is kept, "_" may start one, 128 characters at most.
        row("lowercase:Uppercase", "docker.io/library/lowercase:Uppercase", "lowercase:Uppercase", hub);
        row("app:_private", "docker.io/library/app:_private", "app:_private", hub);
        row("app:v1.2.3-rc_1", "docker.io/library/app:v1.2.3-rc_1", "app:v1.2.3-rc_1", hub);
        row("app:" + QString(128, QLatin1Char('t')), "docker.io/library/app:" + QString(128, QLatin1Char('t')),
            "app:" + QString(128, QLatin1Char('t')), hub);

        // Length: the path (with "library/"), not the domain, is limited to 255 characters.
        row(QString(247, QLatin1Char('a')), "docker.io/library/" + QString(247, QLatin1Char('a')) + ":latest",
            QString(247, QLatin1Char('a')) + ":latest", hub);
        row(repeated("a/", 127) + "a:tag-puts-this-over-max", "docker.io/" + repeated("a/", 127) + "a:tag-puts-this-over-max",
            repeated("a/", 127) + "a:tag-puts-this-over-max", hub);
        row("example.com/" + QString(255, QLatin1Char('a')) + ":tag", "example.com/" + QString(255, QLatin1Char('a')) + ":tag",
            "example.com/" + QString(255, QLatin1Char('a')) + ":tag", "example.com");
    }
    void valid()
    {
        QFETCH(QString, input);
        QFETCH(QString, canonical);
        QFETCH(QString, familiar);
        QFETCH(QString, host);
        const auto parsed = parseReference(input.toStdString());
        QVERIFY2(parsed.has_value(), describe(parsed).c_str());
        QCOMPARE(QString::fromStdString(parsed->string()), canonical);
        QCOMPARE(QString::fromStdString(parsed->familiarString()), familiar);
        QCOMPARE(QString::fromStdString(parsed->registryHost()), host);
        QVERIFY(parsed->string().starts_with(parsed->repository()));
        QVERIFY(QString::fromStdString(parsed->familiarString()).startsWith(QString::fromStdString(parsed->familiarRepository())));
        // Both printed forms read back as the same reference.
        const auto again = parseReference(parsed->string());
        QVERIFY2(again.has_value(), describe(again).c_str());
        QCOMPARE(again->string(), parsed->string());
        QVERIFY(*again == *parsed);
        const auto familiarAgain = parseReference(parsed->familiarString());
        QVERIFY2(familiarAgain.has_value(), describe(familiarAgain).c_str());
        QVERIFY(*familiarAgain == *parsed);
    }

    void parts_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("domain");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QString>("digest");
        QTest::addColumn<QString>("familiarRepository");
        QTest::newRow("official") << "nginx" << "docker.io" << "library/nginx" << "latest" << "" << "nginx";
        QTest::newRow("user") << "user/app:1" << "docker.io" << "user/app" << "1" << "" << "user/app";
        QTest::newRow("registry port") << "h:5000/a/b:t@sha256:" + hexF << "h:5000" << "a/b" << "t" << "sha256:" + hexF
                                       << "h:5000/a/b";
        QTest::newRow("digest only") << "nginx@sha256:" + hexF << "docker.io" << "library/nginx" << "" << "sha256:" + hexF
                                     << "nginx";
        QTest::newRow("ipv6") << "[::1]:5000/x" << "[::1]:5000" << "x" << "latest" << "" << "[::1]:5000/x";
        QTest::newRow("legacy hub nested") << "index.docker.io/library/a/b" << "docker.io" << "library/a/b" << "latest" << ""
                                           << "library/a/b";
        QTest::newRow("localhost") << "localhost/x" << "localhost" << "x" << "latest" << "" << "localhost/x";
    }
    void parts()
    {
        QFETCH(QString, input);
        QFETCH(QString, domain);
        QFETCH(QString, path);
        QFETCH(QString, tag);
        QFETCH(QString, digest);
        QFETCH(QString, familiarRepository);
        const auto parsed = parseReference(input.toStdString());
        QVERIFY2(parsed.has_value(), describe(parsed).c_str());
        QCOMPARE(QString::fromStdString(parsed->domain), domain);
        QCOMPARE(QString::fromStdString(parsed->path), path);
        QCOMPARE(QString::fromStdString(parsed->tag), tag);
        QCOMPARE(QString::fromStdString(parsed->digest), digest);
        QCOMPARE(QString::fromStdString(parsed->familiarRepository()), familiarRepository);
        QCOMPARE(QString::fromStdString(parsed->repository()), domain + "/" + path);
    }

    void noDefaultTag_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("canonical");
        QTest::addColumn<QString>("familiar");
        QTest::newRow("name only") << "nginx" << "docker.io/library/nginx" << "nginx";
        QTest::newRow("user name") << "user/app" << "docker.io/user/app" << "user/app";
        QTest::newRow("registry") << "localhost:5000/a" << "localhost:5000/a" << "localhost:5000/a";
        QTest::newRow("tag kept") << "nginx:1" << "docker.io/library/nginx:1" << "nginx:1";
        QTest::newRow("digest kept") << "nginx@sha256:" + hexF << "docker.io/library/nginx@sha256:" + hexF
                                     << "nginx@sha256:" + hexF;
    }
    void noDefaultTag()
    {
        QFETCH(QString, input);
        QFETCH(QString, canonical);
        QFETCH(QString, familiar);
        const auto parsed = parseReferenceNoDefaultTag(input.toStdString());
        QVERIFY2(parsed.has_value(), describe(parsed).c_str());
        QCOMPARE(QString::fromStdString(parsed->string()), canonical);
        QCOMPARE(QString::fromStdString(parsed->familiarString()), familiar);
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expectedText");
        auto row = [](const char *name, const QString &input, const QString &expectedText) {
            QTest::newRow(name) << input << expectedText;
        };

        row("empty", "", "the image reference is empty");
        row("image id", hexId, "cannot specify 64-byte hexadecimal strings");
        row("image id says so", hexRedis, "is an image ID, not a reference");
        row("image id with algorithm", "sha256:" + hexRedis, "is an image ID, not a reference");
        row("url", "https://github.com/docker/docker", "has no URL scheme; drop `https://` and write `github.com/docker/docker`");

        // Case: repository names are lowercase (Docker's wording).
        row("uppercase path", "docker/Docker", "repository name must be lowercase, but character `D` at position 8 is uppercase");
        row("uppercase official", "Uppercase:tag", "repository name must be lowercase");
        row("uppercase single", "Docker", "character `D` at position 1 is uppercase; write `docker`");
        row("uppercase on registry", "test:5000/Uppercase/lowercase:tag", "repository name must be lowercase, but character `U` at position 11");
        row("uppercase hub path", "docker.io/docker/Docker", "repository name must be lowercase");
        row("uppercase without suggestion", "/--A]_", "character `A` at position 4 is uppercase");
        row("uppercase with registry", "Docker/Foo:1", "character `F` at position 8 is uppercase; write `Docker/foo:1`");
        row("uppercase tag kept", "ngAinx:V1@sha256:" + hexF, "; write `ngainx:V1@sha256:" + hexF + "`");
        row("uppercase read as domain", "FOO_BAR/x", "is read as a registry because it has uppercase letters");

        // Path components and separators.
        row("leading dash", "-docker", "component `-docker` at position 1 starts with `-`");
        row("leading dash namespace", "-docker/docker", "starts with `-`");
        row("trailing dash namespace", "docker-/docker", "component `docker-` at position 1 ends with `-`");
        row("dashes both ends", "-docker-/docker", "starts with `-`");
        row("underscores only", "____/____", "starts with `_`");
        row("leading underscore", "_docker/_docker", "starts with `_`");
        row("trailing dot", "docker./x", "empty label");
        row("trailing dot in path", "x/docker.", "ends with `.`");
        row("double dot", "dock..er/docker", "has an empty label at position 6; labels are separated by single dots, with none at the start or end (`dock..er` is read as a registry because it contains `.`)");
        row("double dot in path", "x/dock..er", "invalid separator `..` at position 7");
        row("underscore dot", "dock_.er/docker", "invalid character `_` at position 5 in the registry domain");
        row("underscore dot in path", "x/dock_.er", "invalid separator `_.` at position 7");
        row("dash dot", "dock-.er/docker", "label `dock-` at position 1 starts or ends with `-`");
        row("dash dot in path", "dock-.er", "invalid separator `-.` at position 5");
        row("triple underscore", "a___b", "invalid separator `___` at position 2 in the repository name; a separator is one `.`, one or two `_`, or one or more `-`");
        row("triple slash", "docker///docker", "empty repository name component (`//`) at position 7");
        row("double slash on hub", "docker.io/docker///docker", "(`//`) at position 17");
        row("double slash after domain", "docker.io//foo", "(`//`) at position 10");
        row("trailing slash", "docker/", "must not end with `/`");
        row("leading slash", "/docker", "must not start with `/`");
        row("nothing after registry", "docker.io/", "no repository name after the registry `docker.io`");
        row("nothing after localhost", "localhost/", "no repository name after the registry `localhost`");
        row("dollar", "aa/asdf$$^/aa", "invalid character `$` at position 8 in the repository name");
        row("colon in middle component", "a/b:c/d", "invalid character `:` at position 4 in the repository name");
        row("space before", " nginx", "invalid space at position 1");
        row("space after", "nginx ", "invalid space at position 6");
        row("newline", "nginx\n", "invalid character `\\x0a` at position 6");
        row("non-ascii", QString::fromUtf8("ng\xc3\xafnx"), "invalid non-ASCII character at position 3");

        // Length of the path, "library/" included.
        row("official too long", QString(248, QLatin1Char('a')), "repository name must not be more than 255 characters");
        row("path too long", "domain/" + QString(256, QLatin1Char('a')) + ":tag", "must not be more than 255 characters");
        row("registry path too long", "example.com/" + QString(256, QLatin1Char('a')), "has 256)");
        row("namespace too long",
            "this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255/docker",
            "must not be more than 255 characters");

        // Domains.
        row("ipv6 alone", "[fc00::1]", "a registry address in brackets must be followed by `/` and a repository name");
        row("ipv6 port alone", "[2001:db8::1]:5000", "must be followed by `/`");
        row("ipv6 tag alone", "[2001:db8::1]:tag", "must be followed by `/`");
        row("ipv6 without brackets", "fc00::1:5000/debian", "an IPv6 address must be written in brackets");
        row("ipv6 zone", "[fe80::1%eth0]:5000/debian", "invalid character `%` at position 9 in the IPv6 address");
        row("ipv6 zone with at", "[fe80::1%@invalidzone]:5000/repo", "invalid image reference");
        row("ipv6 with ipv4", "[2001:db8:3:4::192.0.2.33]:5000/debian", "invalid character `.` at position 19 in the IPv6 address");
        row("ipv6 unclosed", "[::1/foo", "has no closing `]`");
        row("ipv6 empty", "[]:5000/foo", "between `[` and `]` at position 1 is empty");
        row("ipv6 junk after", "[::1]x/foo", "unexpected character `x` at position 6 after the IPv6 address");
        row("ipv6 empty port", "[::1]:/foo", "the registry port after `:` at position 6 is empty");
        row("leading dash domain", "-docker.io/docker/docker", "label `-docker` at position 1 starts or ends with `-`");
        row("trailing dash label", "exa-.com/foo", "label `exa-` at position 1 starts or ends with `-`");
        row("empty port", "example.com:/foo", "the registry port after `:` at position 12 is empty");
        row("port letters", "example.com:80a/foo", "invalid character `a` at position 15 in the registry port");
        row("scheme-like colon", "nginx:a/b", "invalid character `a` at position 7 in the registry port");
        row("underscore in domain", "exa_mple.com/foo", "invalid character `_` at position 4 in the registry domain");
        row("underscore in dotted first component", "foo_bar.com/x", "invalid character `_` at position 4 in the registry domain");
        row("double dot domain", "example..com/foo", "has an empty label at position 9");
        row("leading dot domain", ".example.com/foo", "has an empty label at position 1");
        row("trailing dot domain", "example.com./foo", "has an empty label at position 12");
        row("empty host", ":5000/foo", "the registry host before `:` at position 1 is empty");

        // Tags.
        row("just tag", ":justtag", "the repository name before `:` is empty");
        row("trailing colon", "nginx:", "the tag after `:` at position 6 is empty");
        row("trailing colon before digest", "nginx:@sha256:" + hexF, "the tag after `:` at position 6 is empty");
        row("tag leading dash", "nginx:-1", "the tag must not start with `-`");
        row("tag leading dot", "nginx:.1", "the tag must not start with `.`");
        row("tag colon", "nginx:1:2", "invalid character `:` at position 8 in the tag");
        row("tag slash after registry", "localhost:5000/a:b/c", "in the repository name");
        row("tag plus", "nginx:1+2", "invalid character `+` at position 8 in the tag");
        row("tag too long", "app:" + QString(129, QLatin1Char('t')), "the tag is 129 characters long; at most 128 are allowed");

        // Digests.
        row("just digest", "@sha256:" + hexF, "the repository name before `@` is empty");
        row("trailing at", "nginx@", "the digest after `@` is empty");
        row("short digest", "repo@sha256:" + QString(34, QLatin1Char('f')), "the sha256 digest has 34 hex digits; it needs exactly 64");
        row("long digest", "repo@sha256:" + hexF + "0", "has 65 hex digits");
        row("unknown algorithm", "validname@invaliddigest:" + hexF, "digest algorithm `invaliddigest` is not supported; only sha256");
        row("sha512", "validname@sha512:" + QString(128, QLatin1Char('f')), "digest algorithm `sha512` is not supported");
        row("uppercase digest", "nginx@sha256:" + hexF.toUpper(), "uppercase hex digit `F` at position 14");
        row("non-hex digest", "nginx@sha256:" + QString(63, QLatin1Char('f')) + "g", "invalid character `g` at position 77 in the digest");
        row("digest without algorithm", "nginx@" + hexF, "has no algorithm");
        row("digest empty algorithm", "nginx@:" + hexF, "has no algorithm");
        row("malformed digest", "nginx@md5:xyz", "is not well-formed");
        row("second at", "nginx@sha256:" + hexF + "@x", "invalid character `@` at position 78 in the digest");
    }
    void invalid()
    {
        QFETCH(QString, input);
        QFETCH(QString, expectedText);
        for (const auto &result : {parseReference(input.toStdString()), parseReferenceNoDefaultTag(input.toStdString())}) {
            QVERIFY2(!result.has_value(), describe(result).c_str());
            QCOMPARE(result.error().code(), ErrorCode::InvalidArgument);
            const QString text = QString::fromStdString(result.error().describe());
            QVERIFY2(text.contains(expectedText), qPrintable(text));
        }
    }

    void messagesQuoteTheInput()
    {
        const auto result = parseReference("docker/Docker:1");
        QVERIFY(!result);
        QCOMPARE(result.error().message(),
                 std::string("invalid image reference `docker/Docker:1`: repository name must be lowercase, but "
                             "character `D` at position 8 is uppercase; write `docker/docker:1`"));
        // No lowercase spelling is offered when it would be refused too.
        const auto hopeless = parseReference("/--A]_");
        QVERIFY(!hopeless);
        QVERIFY(hopeless.error().message().ends_with("is uppercase"));
        // Very long inputs are shortened in the message.
        const auto longResult = parseReference(std::string(1000, 'a'));
        QVERIFY(!longResult);
        QVERIFY(longResult.error().message().size() < 400);
    }

    void tags_data()
    {
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QString>("expectedText"); // empty when valid
        QTest::newRow("latest") << "latest" << "";
        QTest::newRow("version") << "v1.2.3-rc_1" << "";
        QTest::newRow("uppercase") << "A" << "";
        QTest::newRow("underscore first") << "_x" << "";
        QTest::newRow("digits") << "5000" << "";
        QTest::newRow("128") << QString(128, QLatin1Char('x')) << "";
        QTest::newRow("129") << QString(129, QLatin1Char('x')) << "at most 128";
        QTest::newRow("empty") << "" << "invalid tag ``: the tag is empty";
        QTest::newRow("dash first") << "-x" << "must not start with `-`";
        QTest::newRow("dot first") << ".x" << "must not start with `.`";
        QTest::newRow("colon") << "a:b" << "invalid character `:` at position 2 in the tag";
        QTest::newRow("slash") << "a/b" << "invalid character `/` at position 2";
        QTest::newRow("at") << "a@b" << "invalid character `@` at position 2";
    }
    void tags()
    {
        QFETCH(QString, tag);
        QFETCH(QString, expectedText);
        const auto result = validateTag(tag.toStdString());
        if (expectedText.isEmpty()) {
            QVERIFY2(result.has_value(), result ? "" : result.error().describe().c_str());
            QCOMPARE(QString::fromStdString(*result), tag);
            return;
        }
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().code(), ErrorCode::InvalidArgument);
        const QString text = QString::fromStdString(result.error().describe());
        QVERIFY2(text.contains(expectedText), qPrintable(text));
    }

    void withTagAndDigest()
    {
        const auto nginx = parseReference("nginx");
        QVERIFY(nginx);
        const auto digest = Digest::parse(("sha256:" + hexF).toStdString());
        QVERIFY(digest);

        const Reference tagged = nginx->withTag("1.27");
        QCOMPARE(tagged.string(), std::string("docker.io/library/nginx:1.27"));
        QCOMPARE(tagged.manifestReference(), std::string("1.27"));
        QCOMPARE(nginx->string(), std::string("docker.io/library/nginx:latest")); // unchanged

        const Reference pinned = tagged.withDigest(*digest);
        QCOMPARE(pinned.familiarString(), "nginx:1.27@" + digest->string());
        QCOMPARE(pinned.manifestReference(), digest->string());
        QCOMPARE(pinned.withTag("2").string(), "docker.io/library/nginx:2@" + digest->string());

        auto noTag = parseReferenceNoDefaultTag("localhost:5000/app");
        QVERIFY(noTag);
        QCOMPARE(noTag->withDigest(*digest).string(), "localhost:5000/app@" + digest->string());
        QVERIFY(!noTag->isDockerHub());
        QVERIFY(nginx->isDockerHub());

        QVERIFY(*parseReference("docker.io/library/nginx:latest") == *nginx);
        QVERIFY(!(*parseReference("nginx:1") == *nginx));
    }
};

QTEST_GUILESS_MAIN(TestReference)
#include "tst_reference.moc"
