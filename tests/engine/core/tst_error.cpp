#include "engine/core/error.h"

#include <QTest>

#include <cerrno>

using namespace berth;

class TestError : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void describesContextOutermostFirst()
    {
        Error error = Error(ErrorCode::NotFound, "no blob " + backquoted("sha256:ab"))
                          .withContext("fetching layer 2")
                          .withContext("pulling `alpine:3`");
        QCOMPARE(error.describe(), std::string("pulling `alpine:3`: fetching layer 2: no blob `sha256:ab`"));
        QCOMPARE(error.code(), ErrorCode::NotFound);
        QCOMPARE(error.message(), std::string("no blob `sha256:ab`"));
    }

    void errnoBecomesCodeAndText()
    {
        const Error missing = Error::fromErrno("opening `/x`", ENOENT);
        QCOMPARE(missing.code(), ErrorCode::NotFound);
        QCOMPARE(missing.systemErrno(), ENOENT);
        QVERIFY(missing.describe().find("No such file or directory") != std::string::npos);
        QCOMPARE(Error::fromErrno("x", EACCES).code(), ErrorCode::NotAuthorized);
        QCOMPARE(Error::fromErrno("x", EIO).code(), ErrorCode::Io);
    }

    void codeNamesRoundTrip()
    {
        for (auto code : {ErrorCode::Internal, ErrorCode::InvalidArgument, ErrorCode::NotFound,
                          ErrorCode::AlreadyExists, ErrorCode::Conflict, ErrorCode::NotAuthorized,
                          ErrorCode::Unavailable, ErrorCode::Io, ErrorCode::Unsupported, ErrorCode::Cancelled})
            QCOMPARE(errorCodeFromName(errorCodeName(code)), code);
        QCOMPARE(errorCodeFromName("NoSuchCode"), ErrorCode::Internal);
        QCOMPARE(errorCodeName(ErrorCode::NotAuthorized), std::string_view("NotAuthorized"));
    }

    void quotingShowsControlCharacters()
    {
        QCOMPARE(backquoted("a\nb"), std::string("`a\\x0ab`"));
    }

    void expectedCarriesErrors()
    {
        auto failing = []() -> Result<int> { return fail(ErrorCode::Conflict, "busy"); };
        auto result = failing();
        QVERIFY(!result);
        QCOMPARE(result.error().code(), ErrorCode::Conflict);
    }
};

QTEST_GUILESS_MAIN(TestError)
#include "tst_error.moc"
