#include "engine/core/digest.h"

#include <QTest>

using namespace berth;

class TestDigest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void knownValues()
    {
        QCOMPARE(Sha256::of("").string(), std::string("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        QCOMPARE(Sha256::of("abc").string(), std::string("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    void incrementalEqualsWhole()
    {
        Sha256 hash;
        hash.update("a");
        hash.update("bc");
        const Digest digest = hash.finish();
        QCOMPARE(digest, Sha256::of("abc"));
        QCOMPARE(digest.shortHex(), std::string_view("ba7816bf8f01"));
        // finish() starts over.
        QCOMPARE(hash.finish(), Sha256::of(""));
    }

    void parsing()
    {
        const std::string valid = Sha256::of("x").string();
        auto parsed = Digest::parse(valid);
        QVERIFY(parsed);
        QCOMPARE(parsed->string(), valid);
        QCOMPARE(parsed->algorithm(), std::string_view("sha256"));
        QCOMPARE(Digest::parse("sha512:abcd").error().code(), ErrorCode::Unsupported);
        QCOMPARE(Digest::parse("sha256:ABCDEF").error().code(), ErrorCode::InvalidArgument);
        std::string upper = valid;
        upper[10] = 'A';
        QVERIFY(!Digest::parse(upper));
        QVERIFY(!Digest::parse(valid + "0"));
        QVERIFY(!Digest::parse("latest"));
    }
};

QTEST_GUILESS_MAIN(TestDigest)
#include "tst_digest.moc"
