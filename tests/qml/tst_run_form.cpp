// The Run dialog's form without a helper: shell words split and quoted so that the command
// line shown is the one that runs, each field's problems, and the create request built
// from the form.
#include "command_text.h"
#include "run_form.h"

#include <QSignalSpy>
#include <QTest>

class TestRunForm : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void splitsAsAShellDoes_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QStringList>("words");
        QTest::newRow("plain") << "sleep 600" << QStringList{"sleep", "600"};
        QTest::newRow("spaces around") << "  ls   -l  " << QStringList{"ls", "-l"};
        QTest::newRow("single quotes") << "sh -c 'echo $HOME; exit 3'" << QStringList{"sh", "-c", "echo $HOME; exit 3"};
        QTest::newRow("double quotes") << "echo \"a \\\"b\\\" \\\\ \\$x \\`\" 'c'" << QStringList{"echo", "a \"b\" \\ $x `", "c"};
        QTest::newRow("backslash in double quotes kept") << "echo \"a\\nb\"" << QStringList{"echo", "a\\nb"};
        QTest::newRow("backslash outside quotes") << "touch a\\ b \\'x" << QStringList{"touch", "a b", "'x"};
        QTest::newRow("empty word") << "printf '' x" << QStringList{"printf", "", "x"};
        QTest::newRow("joined quotes") << "a'b'\"c\"d" << QStringList{"abcd"};
        QTest::newRow("nothing") << "" << QStringList{};
        QTest::newRow("unicode") << "echo 'héllo 世界'" << QStringList{"echo", "héllo 世界"};
    }
    void splitsAsAShellDoes()
    {
        QFETCH(QString, line);
        QFETCH(QStringList, words);
        const auto split = RunForm::splitCommand(line);
        QVERIFY(split.has_value());
        QCOMPARE(*split, words);
    }

    void openQuotesAreProblems()
    {
        QVERIFY(!RunForm::splitCommand(QStringLiteral("echo 'open")));
        QVERIFY(!RunForm::splitCommand(QStringLiteral("echo \"open")));
        RunForm form;
        form.setImage(QStringLiteral("busybox"));
        form.setCommand(QStringLiteral("sh -c 'echo"));
        QVERIFY(form.commandProblem().contains(QStringLiteral("quote")));
        QVERIFY(!form.valid());
        // Shown as typed, as one word, until the quote is closed.
        QCOMPARE(form.commandLine(), QStringLiteral("berth run -d busybox 'sh -c '\\''echo'"));
    }

    // Whatever the words, the line shown splits back into exactly the words that are run.
    void quotedLineSplitsBackIntoTheSameWords_data()
    {
        QTest::addColumn<QStringList>("words");
        QTest::newRow("plain") << QStringList{"sleep", "600"};
        QTest::newRow("single quote") << QStringList{"sh", "-c", "echo 'it''s'; exit 1"};
        QTest::newRow("specials") << QStringList{"echo", "$HOME", "`id`", "a\"b", "\\", "*", "~", "#x", "a;b", "a|b", "&"};
        QTest::newRow("empty") << QStringList{"printf", ""};
        QTest::newRow("newline and tab") << QStringList{"printf", "a\nb\tc"};
        QTest::newRow("unicode") << QStringList{"echo", "héllo 世界"};
        QTest::newRow("looks like an option") << QStringList{"--rm", "-d"};
    }
    void quotedLineSplitsBackIntoTheSameWords()
    {
        QFETCH(QStringList, words);
        RunForm form;
        form.setImage(QStringLiteral("busybox:1.0"));
        QStringList quoted;
        for (const QString &word : words)
            quoted << berth::gui::quoteForShell(word);
        form.setCommand(quoted.join(QLatin1Char(' ')));
        QVERIFY2(form.valid(), qPrintable(form.commandProblem()));
        QCOMPARE(form.request().value(QStringLiteral("Cmd")).toStringList(), words);
        const auto line = RunForm::splitCommand(form.commandLine());
        QVERIFY(line.has_value());
        QCOMPARE(*line, QStringList{QStringLiteral("berth")} + form.arguments());
        QCOMPARE(form.arguments().mid(3), words);
    }

    void commandLineOfAFilledForm()
    {
        RunForm form;
        QSignalSpy changed(&form, &RunForm::inputChanged);
        QCOMPARE(form.commandLine(), QStringLiteral("berth run -d IMAGE"));
        form.setImage(QStringLiteral(" 127.0.0.1:5000/team/app:1.0 "));
        form.setName(QStringLiteral("web"));
        form.setCommand(QStringLiteral("sh -c 'echo \"hi there\"'"));
        form.setEnv({QStringLiteral("GREETING=hello world"), QStringLiteral(""), QStringLiteral("DEBUG=1")});
        form.setVolumes({QStringLiteral("/srv/my data:/data:ro"), QStringLiteral("cache:/cache")});
        form.setMemory(QStringLiteral("256m"));
        form.setCpus(QStringLiteral("1.5"));
        form.setPidsLimit(QStringLiteral("100"));
        form.setRestartPolicy(QStringLiteral("on-failure"));
        form.setMaximumRetries(QStringLiteral("5"));
        QVERIFY(changed.count() >= 10);
        QVERIFY2(form.valid(), qPrintable(form.volumeProblems().join(QLatin1Char('|'))));
        QCOMPARE(form.commandLine(),
                 QStringLiteral("berth run -d --name web -e 'GREETING=hello world' -e DEBUG=1 -v '/srv/my data:/data:ro' "
                                "-v cache:/cache -m 256m --cpus 1.5 --pids-limit 100 --restart on-failure:5 "
                                "127.0.0.1:5000/team/app:1.0 sh -c 'echo \"hi there\"'"));

        const QVariantMap request = form.request();
        QCOMPARE(request.value(QStringLiteral("Image")).toString(), QStringLiteral("127.0.0.1:5000/team/app:1.0"));
        QCOMPARE(request.value(QStringLiteral("Name")).toString(), QStringLiteral("web"));
        QCOMPARE(request.value(QStringLiteral("Cmd")).toStringList(), (QStringList{"sh", "-c", "echo \"hi there\""}));
        QCOMPARE(request.value(QStringLiteral("Env")).toStringList(), (QStringList{"GREETING=hello world", "DEBUG=1"}));
        QCOMPARE(request.value(QStringLiteral("Binds")).toStringList(), (QStringList{"/srv/my data:/data:ro", "cache:/cache"}));
        QCOMPARE(request.value(QStringLiteral("Memory")).toLongLong(), 256LL * 1024 * 1024);
        QCOMPARE(request.value(QStringLiteral("NanoCpus")).toLongLong(), 1500000000LL);
        QCOMPARE(request.value(QStringLiteral("PidsLimit")).toLongLong(), 100LL);
        const QVariantMap restart = request.value(QStringLiteral("RestartPolicy")).toMap();
        QCOMPARE(restart.value(QStringLiteral("Name")).toString(), QStringLiteral("on-failure"));
        QCOMPARE(restart.value(QStringLiteral("MaximumRetryCount")).toInt(), 5);
        QVERIFY(!request.contains(QStringLiteral("AutoRemove")));

        // The defaults leave everything out, as `berth run -d IMAGE` does.
        form.reset();
        form.setImage(QStringLiteral("busybox"));
        form.setAutoRemove(true);
        QCOMPARE(form.commandLine(), QStringLiteral("berth run -d --rm busybox"));
        QCOMPARE(form.request(), (QVariantMap{{QStringLiteral("Image"), QStringLiteral("busybox")},
                                              {QStringLiteral("AutoRemove"), true}}));
    }

    void sizesAsDockerReadsThem_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("bytes");
        QTest::newRow("bytes") << "1048576" << qint64(1048576);
        QTest::newRow("b") << "2048b" << qint64(2048);
        QTest::newRow("k") << "100k" << qint64(102400);
        QTest::newRow("m") << "512m" << qint64(512LL * 1024 * 1024);
        QTest::newRow("upper") << "1G" << qint64(1024LL * 1024 * 1024);
        QTest::newRow("mb") << "64mb" << qint64(64LL * 1024 * 1024);
        QTest::newRow("fraction") << "1.5g" << qint64(1536LL * 1024 * 1024);
        QTest::newRow("unlimited") << "-1" << qint64(-1);
    }
    void sizesAsDockerReadsThem()
    {
        QFETCH(QString, text);
        QFETCH(qint64, bytes);
        QCOMPARE(RunForm::parseSize(text), std::optional<qint64>(bytes));
    }

    void badSizesAreRefused()
    {
        for (const char *text : {"12x", "m", "", "1.2.3", "-5m", "1e3", "0x10", "ten"})
            QVERIFY2(!RunForm::parseSize(QString::fromLatin1(text)), text);
    }

    void eachFieldSaysWhatIsWrong()
    {
        RunForm form;
        QVERIFY(!form.imageProblem().isEmpty());
        form.setImage(QStringLiteral("Not A Name"));
        QVERIFY(!form.imageProblem().isEmpty());
        form.setImage(QStringLiteral("busybox"));
        QVERIFY(form.imageProblem().isEmpty());
        QVERIFY(form.valid());

        form.setName(QStringLiteral("x"));
        QVERIFY(form.nameProblem().contains(QStringLiteral("`x`")));
        form.setName(QStringLiteral("my web"));
        QVERIFY(!form.nameProblem().isEmpty());
        form.setName(QStringLiteral("web_1.test-a"));
        QVERIFY(form.nameProblem().isEmpty());

        form.setMemory(QStringLiteral("12x"));
        QVERIFY(form.memoryProblem().contains(QStringLiteral("`12x`")));
        QVERIFY(!form.valid());
        form.setMemory(QStringLiteral("5m"));
        QVERIFY(form.memoryProblem().contains(QStringLiteral("6m")));
        form.setMemory(QStringLiteral("6m"));
        QVERIFY(form.memoryProblem().isEmpty());

        form.setCpus(QStringLiteral("abc"));
        QVERIFY(form.cpusProblem().contains(QStringLiteral("`abc`")));
        form.setCpus(QStringLiteral("0"));
        QVERIFY(!form.cpusProblem().isEmpty());
        form.setCpus(QStringLiteral("100000"));
        QVERIFY(form.cpusProblem().contains(QStringLiteral("CPUs this computer has")));
        form.setCpus(QStringLiteral("0.5"));
        QVERIFY(form.cpusProblem().isEmpty());

        for (const char *bad : {"0", "-2", "1.5", "many"}) {
            form.setPidsLimit(QString::fromLatin1(bad));
            QVERIFY2(!form.pidsProblem().isEmpty(), bad);
        }
        form.setPidsLimit(QStringLiteral("-1"));
        QVERIFY(form.pidsProblem().isEmpty());

        form.setEnv({QStringLiteral("NOVALUE"), QStringLiteral("=x"), QStringLiteral("A B=c"), QStringLiteral("A=b=c"),
                     QStringLiteral("  "), QStringLiteral("EMPTY=")});
        const QStringList env = form.envProblems();
        QCOMPARE(env.size(), 6);
        QVERIFY(env.at(0).contains(QStringLiteral("`NOVALUE`")));
        QVERIFY(env.at(1).contains(QStringLiteral("no variable name")));
        QVERIFY(env.at(2).contains(QStringLiteral("spaces")));
        QVERIFY(env.at(3).isEmpty());
        QVERIFY(env.at(4).isEmpty());
        QVERIFY(env.at(5).isEmpty());
        QVERIFY(!form.valid());
        form.setEnv({});

        form.setVolumes({QStringLiteral("data"), QStringLiteral("/h:relative"), QStringLiteral("bad name!:/x"),
                         QStringLiteral("/h:/c:rx"), QStringLiteral("a:b:c:d"), QStringLiteral("/h:/"), QStringLiteral(":/c"),
                         QStringLiteral("/h:/c:ro"), QStringLiteral("vol_1:/c"), QStringLiteral("/anonymous")});
        const QStringList volumes = form.volumeProblems();
        QCOMPARE(volumes.size(), 10);
        QVERIFY(volumes.at(0).contains(QStringLiteral("`data`")));
        QVERIFY(volumes.at(1).contains(QStringLiteral("`relative`")));
        QVERIFY(volumes.at(2).contains(QStringLiteral("`bad name!`")));
        QVERIFY(volumes.at(3).contains(QStringLiteral("`rx`")));
        QVERIFY(volumes.at(4).contains(QStringLiteral("too many colons")));
        QVERIFY(!volumes.at(5).isEmpty());
        QVERIFY(volumes.at(6).contains(QStringLiteral("no source")));
        QVERIFY(volumes.at(7).isEmpty());
        QVERIFY(volumes.at(8).isEmpty());
        QVERIFY(volumes.at(9).isEmpty());
        form.setVolumes({});
        QVERIFY(form.valid());

        form.setRestartPolicy(QStringLiteral("sometimes"));
        QVERIFY(form.restartProblem().contains(QStringLiteral("`sometimes`")));
        form.setRestartPolicy(QStringLiteral("on-failure"));
        form.setMaximumRetries(QStringLiteral("-1"));
        QVERIFY(!form.restartProblem().isEmpty());
        form.setMaximumRetries(QStringLiteral(""));
        QVERIFY(form.restartProblem().isEmpty());
        QCOMPARE(form.arguments().mid(form.arguments().indexOf(QStringLiteral("--restart")), 2),
                 (QStringList{"--restart", "on-failure"}));
        form.setAutoRemove(true);
        QVERIFY(form.restartProblem().contains(QStringLiteral("restart policy no")));
        form.setRestartPolicy(QStringLiteral("no"));
        QVERIFY(form.restartProblem().isEmpty());
        QVERIFY(form.valid());
    }

    void runDoesNothingWhenInvalid()
    {
        RunForm form;
        QSignalSpy changed(&form, &RunForm::runChanged);
        form.run();
        QVERIFY(!form.running());
        QVERIFY(!form.finished());
        QCOMPARE(changed.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRunForm)

#include "tst_run_form.moc"
