// `berth image diff` against the fixture's test image: its three layers are known (layer 1
// the busybox tree, layer 2 new and changed files with a hard link, layer 3 a whiteout and
// an opaque directory), so each listing is checked line by line; layer 1 against GNU tar's
// own listing of the layer.
#include "test_support.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using berth::test::runCli;

namespace {

QString fixtureFile(const QString &relative)
{
    return berth::test::environmentDirectory() + QLatin1Char('/') + relative;
}

QString image()
{
    QFile port(fixtureFile(QStringLiteral("registry/port")));
    if (!port.open(QIODevice::ReadOnly))
        return {};
    return QStringLiteral("127.0.0.1:") + QString::fromUtf8(port.readAll()).trimmed() + QStringLiteral("/berth-test/busybox:latest");
}

QStringList lines(const QString &text)
{
    return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

// What a section of the full listing holds: from its header to the next one.
QStringList section(const QStringList &all, const QString &header)
{
    QStringList found;
    bool inside = false;
    for (const auto &line : all) {
        if (line.startsWith(QLatin1String("# ")))
            inside = line.startsWith(header);
        else if (inside)
            found << line;
    }
    return found;
}

} // namespace

class TestCliImageDiff : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (!berth::test::isRoot())
            QSKIP("needs root: the fixture runs the helper, which unpacks layers with their owners and devices");
        QVERIFY2(QFile::exists(fixtureFile(QStringLiteral("registry/port"))), "the fixture's registry is not running");
        const auto pulled = runCli({QStringLiteral("pull"), QStringLiteral("-q"), image()});
        QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.out + pulled.err));
    }

    void topLayerShowsWhiteoutAndOpaqueDirectory()
    {
        const auto result = runCli({QStringLiteral("image"), QStringLiteral("diff"), QStringLiteral("--layer"), QStringLiteral("3"), image()});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QStringList expected{
            QStringLiteral("C /data"),
            QStringLiteral("C /data/dir  (opaque directory: hides everything lower layers had in it)"),
            QStringLiteral("A /data/dir/c"),
            QStringLiteral("C /etc"),
            QStringLiteral("D /etc/hello"),
        };
        QCOMPARE(lines(result.out), expected);
    }

    void middleLayerAddsAndChanges()
    {
        const auto result = runCli({QStringLiteral("image"), QStringLiteral("diff"), image(), QStringLiteral("--layer=2")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QStringList expected{
            QStringLiteral("C /data"),         QStringLiteral("C /data/keep"), QStringLiteral("A /data/keep-link"),
            QStringLiteral("A /data/private"), QStringLiteral("C /etc"),       QStringLiteral("A /etc/motd"),
        };
        QCOMPARE(lines(result.out), expected);
    }

    void baseLayerAddsWhatItsTarHolds()
    {
        const auto listed = berth::test::run(QStringLiteral("tar"), {QStringLiteral("-tf"), fixtureFile(QStringLiteral("images/layers/1.tar"))});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
        QSet<QString> expected;
        for (QString path : lines(listed.out)) {
            while (path.endsWith(QLatin1Char('/')))
                path.chop(1);
            expected.insert(QStringLiteral("A /") + path);
        }
        QVERIFY(expected.contains(QStringLiteral("A /bin/busybox")));
        const auto result = runCli({QStringLiteral("image"), QStringLiteral("diff"), QStringLiteral("--layer"), QStringLiteral("1"), image()});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QStringList got = lines(result.out);
        QCOMPARE(QSet<QString>(got.cbegin(), got.cend()), expected);
        QCOMPARE(got.size(), expected.size());
    }

    void everyLayerHasItsSection()
    {
        const auto result = runCli({QStringLiteral("image"), QStringLiteral("diff"), image()});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QStringList all = lines(result.out);
        const QStringList headers = all.filter(QRegularExpression(QStringLiteral("^# ")));
        QCOMPARE(headers.size(), 3);
        // Number, size and the instruction that made the layer, as the image's history says.
        QVERIFY2(headers[0].startsWith(QStringLiteral("# Layer 1 of 3, ")), qPrintable(headers[0]));
        QVERIFY2(headers[0].endsWith(QStringLiteral(": COPY busybox-rootfs/ / # buildkit")), qPrintable(headers[0]));
        QVERIFY2(headers[1].startsWith(QStringLiteral("# Layer 2 of 3, ")), qPrintable(headers[1]));
        QVERIFY2(headers[1].contains(QStringLiteral("ln /data/keep /data/keep-link")), qPrintable(headers[1]));
        QVERIFY2(headers[2].startsWith(QStringLiteral("# Layer 3 of 3, ")), qPrintable(headers[2]));
        QVERIFY2(headers[2].contains(QStringLiteral("rm /etc/hello")), qPrintable(headers[2]));
        // The sections are the single-layer listings.
        for (int layer = 1; layer <= 3; ++layer) {
            const auto one = runCli({QStringLiteral("image"), QStringLiteral("diff"), QStringLiteral("--layer"), QString::number(layer), image()});
            QCOMPARE(section(all, QStringLiteral("# Layer %1 ").arg(layer)), lines(one.out));
        }
        // The history's sizes: the size in a header is the one `history` prints for that layer.
        const auto history = runCli({QStringLiteral("history"), QStringLiteral("--format"), QStringLiteral("json"), image()});
        QCOMPARE(history.exitCode, 0);
        const QStringList entries = lines(history.out);
        QCOMPARE(entries.size(), 3);
        const auto base = QJsonDocument::fromJson(entries.last().toUtf8()).object();
        QVERIFY2(headers[0].contains(QStringLiteral(", ") + base.value(QStringLiteral("Size")).toString() + QStringLiteral(": ")),
                 qPrintable(headers[0] + QStringLiteral(" vs ") + entries.last()));
    }

    void jsonCarriesTheKindOfEachChange()
    {
        const auto result = runCli({QStringLiteral("image"), QStringLiteral("diff"), QStringLiteral("--format"), QStringLiteral("json"), image()});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QHash<QString, QJsonObject> topLayer;
        int count = 0;
        for (const auto &line : lines(result.out)) {
            QJsonParseError error{};
            const auto object = QJsonDocument::fromJson(line.toUtf8(), &error).object();
            QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(line));
            if (object.value(QStringLiteral("Layer")).toInt() == 3)
                topLayer.insert(object.value(QStringLiteral("Path")).toString(), object);
            ++count;
        }
        QVERIFY(count > 10);
        QCOMPARE(topLayer.size(), 5);
        QCOMPARE(topLayer.value(QStringLiteral("/data/dir")).value(QStringLiteral("Change")).toString(), QStringLiteral("opaque"));
        QCOMPARE(topLayer.value(QStringLiteral("/data/dir")).value(QStringLiteral("Kind")).toString(), QStringLiteral("C"));
        QCOMPARE(topLayer.value(QStringLiteral("/etc/hello")).value(QStringLiteral("Kind")).toString(), QStringLiteral("D"));
        const auto added = topLayer.value(QStringLiteral("/data/dir/c"));
        QCOMPARE(added.value(QStringLiteral("Kind")).toString(), QStringLiteral("A"));
        QCOMPARE(added.value(QStringLiteral("Type")).toString(), QStringLiteral("file"));
        QCOMPARE(added.value(QStringLiteral("Size")).toInt(), int(sizeof "c from layer 3\n" - 1));
        QCOMPARE(added.value(QStringLiteral("Mode")).toString(), QStringLiteral("0644"));
        const auto link = runCli({QStringLiteral("image"), QStringLiteral("diff"), QStringLiteral("--format=json"), QStringLiteral("--layer=1"), image()});
        bool sawLink = false;
        for (const auto &line : lines(link.out)) {
            const auto object = QJsonDocument::fromJson(line.toUtf8()).object();
            if (object.value(QStringLiteral("Path")).toString() == QLatin1String("/bin/sh")) {
                QCOMPARE(object.value(QStringLiteral("Type")).toString(), QStringLiteral("symlink"));
                QCOMPARE(object.value(QStringLiteral("Target")).toString(), QStringLiteral("busybox"));
                sawLink = true;
            }
        }
        QVERIFY(sawLink);
    }

    void refusals_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("expected");
        QTest::newRow("layer beyond the top") << QStringList{QStringLiteral("--layer"), QStringLiteral("4"), image()} << 1
                                              << "has 3 layer(s), numbered 1 (the base) to 3; there is no layer 4";
        QTest::newRow("no such image") << QStringList{QStringLiteral("no-such-image")} << 1 << "no such image";
        QTest::newRow("layer zero") << QStringList{QStringLiteral("--layer"), QStringLiteral("0"), image()} << 2
                                    << "--layer takes a layer number from 1";
        QTest::newRow("two images") << QStringList{image(), image()} << 2 << "takes 1 argument(s), got 2";
    }
    void refusals()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, expected);
        const auto result = runCli(QStringList{QStringLiteral("image"), QStringLiteral("diff")} + arguments);
        QCOMPARE(result.exitCode, exitCode);
        QVERIFY2(result.err.contains(expected), qPrintable(result.err));
        QVERIFY(result.out.isEmpty());
    }

    void imageGroupAliases()
    {
        const auto listed = runCli({QStringLiteral("image"), QStringLiteral("ls"), QStringLiteral("-q")});
        QCOMPARE(listed.exitCode, 0);
        QCOMPARE(listed.out, runCli({QStringLiteral("images"), QStringLiteral("-q")}).out);
        const auto history = runCli({QStringLiteral("image"), QStringLiteral("history"), QStringLiteral("-q"), image()});
        QCOMPARE(history.exitCode, 0);
        QCOMPARE(lines(history.out).size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestCliImageDiff)
#include "tst_cli_image_diff.moc"
