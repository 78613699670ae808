// `docker diff` and SizeRw from an overlay upper directory over layers in overlay form:
// additions, changes, whiteouts, opaque directories hiding what lower layers had, a layer's
// own whiteout making a later file an addition, and sizes with hard links counted once.
#include "engine/container/container_changes.h"
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

using namespace berth::container;

namespace {

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

void whiteout(const QString &path)
{
    QDir().mkpath(QFileInfo(path).path());
    QVERIFY2(::mknod(QFile::encodeName(path).constData(), S_IFCHR | 0000, makedev(0, 0)) == 0, qPrintable(path));
}

void makeOpaque(const QString &directory)
{
    QDir().mkpath(directory);
    QVERIFY2(::setxattr(QFile::encodeName(directory).constData(), "trusted.overlay.opaque", "y", 1, 0) == 0, qPrintable(directory));
}

QStringList described(const std::vector<FilesystemChange> &changes)
{
    QStringList lines;
    for (const auto &change : changes)
        lines << QString::fromStdString(describeChange(change));
    return lines;
}

} // namespace

class TestContainerChanges : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (!berth::test::isRoot())
            QSKIP("needs root: whiteouts are device nodes and opaque markers trusted.* xattrs");
    }

    void changesOverLayers()
    {
        QTemporaryDir root;
        const QString lower1 = root.filePath(QStringLiteral("l1"));
        const QString lower2 = root.filePath(QStringLiteral("l2"));
        const QString upper = root.filePath(QStringLiteral("upper"));
        writeFile(lower1 + QStringLiteral("/etc/passwd"), "root\n");
        writeFile(lower1 + QStringLiteral("/etc/group"), "root\n");
        writeFile(lower1 + QStringLiteral("/etc/gone-in-l2"), "x\n");
        writeFile(lower1 + QStringLiteral("/data/dir/a"), "a\n");
        writeFile(lower1 + QStringLiteral("/data/dir/b"), "b\n");
        // Layer 2 deletes a file and replaces data/dir with its own (only c).
        whiteout(lower2 + QStringLiteral("/etc/gone-in-l2"));
        makeOpaque(lower2 + QStringLiteral("/data/dir"));
        writeFile(lower2 + QStringLiteral("/data/dir/c"), "c\n");

        writeFile(upper + QStringLiteral("/etc/passwd"), "root\nnew\n");
        whiteout(upper + QStringLiteral("/etc/group"));
        // Back after layer 2 deleted it: an addition.
        writeFile(upper + QStringLiteral("/etc/gone-in-l2"), "again\n");
        writeFile(upper + QStringLiteral("/new/file"), "n\n");
        // rm -r /data/dir; mkdir /data/dir; touch /data/dir/a: c is gone, a is an addition
        // (layer 2 hid layer 1's a).
        makeOpaque(upper + QStringLiteral("/data/dir"));
        writeFile(upper + QStringLiteral("/data/dir/a"), "a again\n");

        auto changes = overlayChanges(upper.toStdString(), {lower1.toStdString(), lower2.toStdString()});
        QVERIFY2(changes, changes ? "" : changes.error().describe().c_str());
        QCOMPARE(described(*changes), (QStringList{QStringLiteral("C /data"), QStringLiteral("C /data/dir"), QStringLiteral("A /data/dir/a"),
                                                   QStringLiteral("D /data/dir/c"), QStringLiteral("C /etc"), QStringLiteral("A /etc/gone-in-l2"),
                                                   QStringLiteral("D /etc/group"), QStringLiteral("C /etc/passwd"), QStringLiteral("A /new"),
                                                   QStringLiteral("A /new/file")}));
        // Nothing changed: nothing listed; a missing upper is an error that names it.
        QDir().mkpath(root.filePath(QStringLiteral("empty")));
        auto none = overlayChanges(root.filePath(QStringLiteral("empty")).toStdString(), {lower1.toStdString()});
        QVERIFY(none && none->empty());
        auto missing = overlayChanges(root.filePath(QStringLiteral("nope")).toStdString(), {});
        QVERIFY(!missing);
        QVERIFY(missing.error().describe().find("nope") != std::string::npos);
    }

    void sizesCountFilesOnce()
    {
        QTemporaryDir root;
        const QString upper = root.filePath(QStringLiteral("upper"));
        writeFile(upper + QStringLiteral("/a"), QByteArray(1000, 'a'));
        writeFile(upper + QStringLiteral("/d/b"), QByteArray(24, 'b'));
        QVERIFY(::link(QFile::encodeName(upper + QStringLiteral("/a")).constData(), QFile::encodeName(upper + QStringLiteral("/d/a-again")).constData()) == 0);
        QVERIFY(::symlink("a", QFile::encodeName(upper + QStringLiteral("/l")).constData()) == 0);
        whiteout(upper + QStringLiteral("/removed"));
        auto size = directoryContentSize(upper.toStdString());
        QVERIFY(size);
        QCOMPARE(*size, std::uint64_t(1000 + 24 + 1));
        auto missing = directoryContentSize(root.filePath(QStringLiteral("nope")).toStdString());
        QVERIFY(missing);
        QCOMPARE(*missing, std::uint64_t(0));
    }
};

QTEST_GUILESS_MAIN(TestContainerChanges)
#include "tst_container_changes.moc"
