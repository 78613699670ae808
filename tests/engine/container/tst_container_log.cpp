// Reading container logs as `docker logs` does: --since/--until values, json-file lines,
// tail across rotated files (read backwards), the follow reader through rotations, partial
// and bad lines, and a log written by the real berth-monitor read while it rotates.
#include "engine/container/container_log.h"
#include "test_support.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

using berth::container::ContainerLogReader;
using berth::container::LogEntry;
using berth::container::LogReadOptions;
using berth::container::LogStream;
using berth::container::TimeReference;

namespace {

constexpr std::int64_t second = 1000000000;
// 2024-05-01T10:00:00Z
constexpr std::int64_t base = 1714557600 * second;

std::string escape(std::string_view text)
{
    std::string out;
    for (const char character : text) {
        switch (character) {
        case '\n': out += "\\n"; break;
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        default: out += character;
        }
    }
    return out;
}

// One line as berth-monitor writes it; `at` is seconds after `base`.
std::string line(std::string_view text, int at, std::string_view stream = "stdout")
{
    char time[64];
    std::snprintf(time, sizeof time, "2024-05-01T10:%02d:%02d.%09dZ", at / 60, at % 60, 123456789);
    return "{\"log\":\"" + escape(text) + "\",\"stream\":\"" + std::string(stream) + "\",\"time\":\"" + time + "\"}\n";
}

void append(const QString &path, const std::string &content)
{
    std::ofstream file(path.toStdString(), std::ios::app | std::ios::binary);
    file << content;
}

QStringList texts(const std::vector<LogEntry> &entries)
{
    QStringList result;
    for (const auto &entry : entries)
        result << QString::fromStdString(entry.text);
    return result;
}

std::vector<LogEntry> readAll(const QString &directory, LogReadOptions options, std::uint64_t *bad = nullptr)
{
    std::vector<LogEntry> entries;
    auto reader = ContainerLogReader::open(directory.toStdString(), options, false);
    if (!reader) {
        qWarning("%s", reader.error().describe().c_str());
        return entries;
    }
    auto read = (*reader)->readExisting([&](const LogEntry &entry) -> berth::Status {
        entries.push_back(entry);
        return {};
    });
    if (!read)
        qWarning("%s", read.error().describe().c_str());
    if (bad)
        *bad = (*reader)->badLines();
    return entries;
}

berth::container::LogSink collectInto(std::vector<LogEntry> &entries)
{
    return [&entries](const LogEntry &entry) -> berth::Status {
        entries.push_back(entry);
        return {};
    };
}

// rename(2), which replaces the target as the monitor's rotation does (QFile::rename does not).
bool renameOver(const QString &from, const QString &to)
{
    return ::rename(from.toLocal8Bit().constData(), to.toLocal8Bit().constData()) == 0;
}

bool pollable(int fd, int timeoutMs)
{
    pollfd entry{fd, POLLIN, 0};
    return ::poll(&entry, 1, timeoutMs) == 1;
}

} // namespace

class ContainerLogTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir workspace_;
    int counter_ = 0;

    QString freshDirectory()
    {
        const QString directory = workspace_.filePath(QString::number(++counter_));
        QDir().mkpath(directory);
        return directory;
    }

private slots:
    void parseLogTimeAcceptsWhatDockerAccepts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("expected");
        const qint64 now = base + 3600 * second;
        QTest::newRow("minutes") << "10m" << qint64(now - 600 * second);
        QTest::newRow("hours and minutes") << "1h30m" << qint64(now - 5400 * second);
        QTest::newRow("seconds") << "45s" << qint64(now - 45 * second);
        QTest::newRow("fractional hours") << "1.5h" << qint64(now - 5400 * second);
        QTest::newRow("milliseconds") << "300ms" << qint64(now - 300000000);
        QTest::newRow("negative duration is in the future") << "-10m" << qint64(now + 600 * second);
        QTest::newRow("rfc3339 utc") << "2024-05-01T10:00:00Z" << qint64(base);
        QTest::newRow("rfc3339 nano") << "2024-05-01T10:00:00.123456789Z" << qint64(base + 123456789);
        QTest::newRow("rfc3339 short fraction") << "2024-05-01T10:00:00.5Z" << qint64(base + 500000000);
        QTest::newRow("rfc3339 offset") << "2024-05-01T12:00:00+02:00" << qint64(base);
        QTest::newRow("rfc3339 negative offset") << "2024-05-01T08:30:00-01:30" << qint64(base);
        // No zone: the reference's zone (+02:00 below), as Docker reads the client's local time.
        QTest::newRow("local seconds") << "2024-05-01T12:00:00" << qint64(base);
        QTest::newRow("local minutes") << "2024-05-01T12:00" << qint64(base);
        QTest::newRow("local hour") << "2024-05-01T12" << qint64(base);
        QTest::newRow("local fraction") << "2024-05-01T12:00:00.25" << qint64(base + 250000000);
        QTest::newRow("zoned minutes") << "2024-05-01T10:00Z" << qint64(base);
        QTest::newRow("local date") << "2024-05-01" << qint64(base - 10 * 3600 * second - 2 * 3600 * second);
        QTest::newRow("zoned date") << "2024-05-01Z" << qint64(base - 10 * 3600 * second);
        QTest::newRow("unix seconds") << "1714557600" << qint64(base);
        QTest::newRow("unix fraction") << "1714557600.25" << qint64(base + 250000000);
        QTest::newRow("unix nanoseconds") << "1714557600.000000001" << qint64(base + 1);
        QTest::newRow("zero") << "0" << qint64(0);
    }

    void parseLogTimeAcceptsWhatDockerAccepts()
    {
        QFETCH(QString, text);
        QFETCH(qint64, expected);
        const TimeReference reference{base + 3600 * second, 2 * 3600};
        auto parsed = berth::container::parseLogTime(text.toStdString(), reference);
        QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().describe().c_str());
        QCOMPARE(qint64(*parsed), expected);
    }

    void parseLogTimeRefusesOthers_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *bad : {"yesterday", "10x", "2024-13-01", "2024-02-30", "2024-05-01T25:00", "2024-05-01T10:00:00+0200",
                                "1h-5m", "", "12.", "-5", "2024-05-01T10:00:00.Z", "1714557600.x"})
            QTest::newRow(bad) << QString::fromUtf8(bad);
    }

    void parseLogTimeRefusesOthers()
    {
        QFETCH(QString, text);
        auto parsed = berth::container::parseLogTime(text.toStdString(), TimeReference{base, 0});
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code(), berth::ErrorCode::InvalidArgument);
        QVERIFY(parsed.error().message().find("`" + text.toStdString() + "`") != std::string::npos);
        QVERIFY(parsed.error().message().find("duration") != std::string::npos);
    }

    void parseLogLineReadsJsonFileLines()
    {
        auto entry = berth::container::parseLogLine(
            "{\"log\":\"caf\\u00e9 \\ud83d\\ude00 tab\\t\\\"q\\\"\\n\",\"stream\":\"stderr\",\"time\":\"2024-05-01T10:00:00.000000001Z\"}");
        QVERIFY(entry);
        QCOMPARE(entry->stream, LogStream::Stderr);
        QCOMPARE(QString::fromStdString(entry->text), QStringLiteral("café 😀 tab\t\"q\"\n"));
        QCOMPARE(entry->timeNanoseconds, base + 1);
        QCOMPARE(entry->time, std::string("2024-05-01T10:00:00.000000001Z"));

        // Output that is not UTF-8 is kept byte for byte, as the monitor writes it.
        const std::string binary = std::string("{\"log\":\"\xff\xfe raw\",\"stream\":\"stdout\",\"time\":\"2024-05-01T10:00:00Z\"}");
        entry = berth::container::parseLogLine(binary);
        QVERIFY(entry);
        QCOMPARE(entry->text, std::string("\xff\xfe raw"));

        // Docker's attrs and other fields are skipped.
        entry = berth::container::parseLogLine(
            "{\"log\":\"x\",\"attrs\":{\"tag\":\"a\",\"n\":[1,2.5e3,true,null]},\"stream\":\"stdout\",\"time\":\"2024-05-01T10:00:00Z\"}");
        QVERIFY(entry);
        QCOMPARE(entry->text, std::string("x"));

        for (const char *bad : {"", "not json", "{}", "{\"log\":\"x\",\"stream\":\"stdout\"}", "{\"log\":\"x\",\"stream\":\"other\",\"time\":\"2024-05-01T10:00:00Z\"}",
                                "{\"log\":\"x\",\"stream\":\"stdout\",\"time\":\"yesterday\"}", "{\"log\":5,\"stream\":\"stdout\",\"time\":\"2024-05-01T10:00:00Z\"}",
                                "{\"log\":\"x\",\"stream\":\"stdout\",\"time\":\"2024-05-01T10:00:00Z\"} trailing", "{\"log\":\"x\",\"stream\":\"stdout\",\"time\":\"2024-05-01T10:0",
                                "{\"log\":\"a\nb\",\"stream\":\"stdout\",\"time\":\"2024-05-01T10:00:00Z\"}", "{\"log\":\"\\q\",\"stream\":\"stdout\",\"time\":\"2024-05-01T10:00:00Z\"}"})
            QVERIFY2(!berth::container::parseLogLine(bad), bad);
    }

    void formatterPrefixesFixedNanoTimestamps()
    {
        auto entry = berth::container::parseLogLine("{\"log\":\"hello\\n\",\"stream\":\"stdout\",\"time\":\"2024-05-01T12:00:00.5+02:00\"}");
        QVERIFY(entry);
        QCOMPARE(berth::container::formatLogEntry(*entry, false), std::string("hello\n"));
        QCOMPARE(berth::container::formatLogEntry(*entry, true), std::string("2024-05-01T10:00:00.500000000Z hello\n"));
    }

    void readsRotatedFilesOldestFirstAndSkipsBadLines()
    {
        const QString directory = freshDirectory();
        append(directory + "/container.log.2", line("one\n", 1) + line("two\n", 2));
        append(directory + "/container.log.1", line("three\n", 3) + "garbage\n" + line("four ", 4) + line("cont\n", 4));
        append(directory + "/container.log", line("five\n", 5, "stderr") + "{\"log\":\n" + line("six", 6));
        // A gap in the numbering ends the list: .4 is not read without .3.
        append(directory + "/container.log.4", line("stale\n", 0));
        std::uint64_t bad = 0;
        auto entries = readAll(directory, {}, &bad);
        QCOMPARE(texts(entries), (QStringList{"one\n", "two\n", "three\n", "four ", "cont\n", "five\n", "six"}));
        QCOMPARE(bad, std::uint64_t(2));
        QCOMPARE(entries[4].stream, LogStream::Stdout);
        QCOMPARE(entries[5].stream, LogStream::Stderr);

        LogReadOptions onlyStderr;
        onlyStderr.stdoutWanted = false;
        QCOMPARE(texts(readAll(directory, onlyStderr)), QStringList{"five\n"});
        LogReadOptions onlyStdout;
        onlyStdout.stderrWanted = false;
        QCOMPARE(readAll(directory, onlyStdout).size(), std::size_t(6));
    }

    void lineStillBeingWrittenIsLeftOut()
    {
        const QString directory = freshDirectory();
        const std::string last = line("later\n", 2);
        append(directory + "/container.log", line("done\n", 1) + last.substr(0, last.size() / 2));
        std::uint64_t bad = 0;
        QCOMPARE(texts(readAll(directory, {}, &bad)), QStringList{"done\n"});
        QCOMPARE(bad, std::uint64_t(0));
        LogReadOptions tail;
        tail.tail = 1;
        QCOMPARE(texts(readAll(directory, tail)), QStringList{"done\n"});
    }

    void tailCountsFromTheEndAcrossFiles_data()
    {
        QTest::addColumn<int>("tail");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("0") << 0 << QStringList{};
        QTest::newRow("1") << 1 << QStringList{"l9\n"};
        QTest::newRow("newest file exactly") << 3 << QStringList{"l7\n", "l8\n", "l9\n"};
        QTest::newRow("into .1") << 5 << QStringList{"l5\n", "l6\n", "l7\n", "l8\n", "l9\n"};
        QTest::newRow("into .2") << 8 << QStringList{"l2\n", "l3\n", "l4\n", "l5\n", "l6\n", "l7\n", "l8\n", "l9\n"};
        QTest::newRow("everything") << 9 << QStringList{"l1\n", "l2\n", "l3\n", "l4\n", "l5\n", "l6\n", "l7\n", "l8\n", "l9\n"};
        QTest::newRow("more than there is") << 100 << QStringList{"l1\n", "l2\n", "l3\n", "l4\n", "l5\n", "l6\n", "l7\n", "l8\n", "l9\n"};
    }

    void tailCountsFromTheEndAcrossFiles()
    {
        QFETCH(int, tail);
        QFETCH(QStringList, expected);
        const QString directory = freshDirectory();
        append(directory + "/container.log.2", line("l1\n", 1) + line("l2\n", 2) + line("l3\n", 3));
        append(directory + "/container.log.1", line("l4\n", 4) + line("l5\n", 5) + line("l6\n", 6));
        append(directory + "/container.log", line("l7\n", 7) + line("l8\n", 8) + line("l9\n", 9));
        LogReadOptions options;
        options.tail = static_cast<std::size_t>(tail);
        QCOMPARE(texts(readAll(directory, options)), expected);
    }

    void tailCountsBothStreamsBeforeFilteringAsDocker()
    {
        const QString directory = freshDirectory();
        append(directory + "/container.log", line("a\n", 1) + line("b\n", 2, "stderr") + line("c\n", 3) + line("d\n", 4, "stderr"));
        LogReadOptions options;
        options.tail = 2;
        options.stderrWanted = false;
        QCOMPARE(texts(readAll(directory, options)), QStringList{"c\n"});
        options.since = base + 4 * second;
        options.stderrWanted = true;
        QCOMPARE(texts(readAll(directory, options)), QStringList{"d\n"});
    }

    void tailReadsBackwardsNotTheWholeFile()
    {
        // 64 GiB of hole before the last lines: reading it forward would take many seconds.
        const QString directory = freshDirectory();
        const QString path = directory + "/container.log";
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QVERIFY(file.resize(qint64(64) << 30));
        }
        append(path, "\n" + line("x\n", 1) + line("y\n", 2) + line("z\n", 3));
        LogReadOptions options;
        options.tail = 2;
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(texts(readAll(directory, options)), (QStringList{"y\n", "z\n"}));
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        QFile::remove(path);
    }

    void sinceAndUntilAreInclusive()
    {
        const QString directory = freshDirectory();
        append(directory + "/container.log.1", line("t1\n", 1) + line("t2\n", 2));
        append(directory + "/container.log", line("t3\n", 3) + line("t4\n", 4) + line("t5\n", 5));
        const std::int64_t fraction = 123456789;
        LogReadOptions options;
        options.since = base + 2 * second + fraction;
        QCOMPARE(texts(readAll(directory, options)), (QStringList{"t2\n", "t3\n", "t4\n", "t5\n"}));
        options.since = base + 2 * second + fraction + 1;
        QCOMPARE(texts(readAll(directory, options)), (QStringList{"t3\n", "t4\n", "t5\n"}));
        options.until = base + 4 * second + fraction;
        QCOMPARE(texts(readAll(directory, options)), (QStringList{"t3\n", "t4\n"}));
        options.until = base + 4 * second + fraction - 1;
        QCOMPARE(texts(readAll(directory, options)), (QStringList{"t3\n"}));
        options.since = base + 10 * second;
        options.until.reset();
        QCOMPARE(texts(readAll(directory, options)), QStringList{});
    }

    void missingDirectoryIsAnError()
    {
        auto reader = ContainerLogReader::open(workspace_.filePath("no-such-container").toStdString(), {}, false);
        QVERIFY(!reader);
        QVERIFY(reader.error().describe().find("no-such-container") != std::string::npos);
    }

    void followGivesNewEntriesThroughRotations()
    {
        const QString directory = freshDirectory();
        const QString log = directory + "/container.log";
        append(log, line("old1\n", 1) + line("old2\n", 2));
        LogReadOptions options;
        options.tail = 1;
        auto opened = ContainerLogReader::open(directory.toStdString(), options, true);
        QVERIFY(opened);
        ContainerLogReader &reader = **opened;
        std::vector<LogEntry> entries;
        QVERIFY(reader.readExisting(collectInto(entries)));
        QCOMPARE(texts(entries), QStringList{"old2\n"});
        QVERIFY(reader.pollFd() >= 0);
        QVERIFY(reader.readNew(collectInto(entries)));
        QVERIFY(!pollable(reader.pollFd(), 0));

        // A plain append wakes the poller.
        entries.clear();
        append(log, line("n1\n", 3));
        QVERIFY(pollable(reader.pollFd(), 2000));
        QVERIFY(reader.readNew(collectInto(entries)));
        QCOMPARE(texts(entries), QStringList{"n1\n"});
        QVERIFY(!pollable(reader.pollFd(), 0));

        // A line written in two pieces comes once, whole.
        entries.clear();
        const std::string piece = line("split\n", 4);
        append(log, piece.substr(0, 20));
        QVERIFY(pollable(reader.pollFd(), 2000));
        QVERIFY(reader.readNew(collectInto(entries)));
        QVERIFY(entries.empty());
        append(log, piece.substr(20));
        QVERIFY(reader.readNew(collectInto(entries)));
        QCOMPARE(texts(entries), QStringList{"split\n"});

        // Rotation as the monitor does it: an entry not yet read in the old file, then the
        // rename, then a new file. Nothing lost, nothing twice.
        entries.clear();
        append(log, line("before rotation\n", 5));
        QVERIFY(renameOver(log + ".1", log + ".2") || !QFile::exists(log + ".1"));
        QVERIFY(renameOver(log, log + ".1"));
        QVERIFY(reader.readNew(collectInto(entries))); // no new file yet
        append(log, line("after rotation\n", 6));
        QVERIFY(pollable(reader.pollFd(), 2000));
        QVERIFY(reader.readNew(collectInto(entries)));
        QCOMPARE(texts(entries), (QStringList{"before rotation\n", "after rotation\n"}));

        // Two rotations between reads (max-file 3): .1 → .2, log → .1 each time.
        auto rotate = [&] {
            if (QFile::exists(log + ".1")) {
                QFile::remove(log + ".2");
                QVERIFY(renameOver(log + ".1", log + ".2"));
            }
            QVERIFY(renameOver(log, log + ".1"));
        };
        entries.clear();
        append(log, line("r1\n", 7));
        rotate();
        append(log, line("r2\n", 8));
        rotate();
        append(log, line("r3\n", 8));
        QVERIFY(reader.readNew(collectInto(entries)));
        QCOMPARE(texts(entries), (QStringList{"r1\n", "r2\n", "r3\n"}));

        // The file being read falls off the end (max-file 2) before the reader looks again:
        // its rest is read through the open descriptor, then every file there is.
        entries.clear();
        QVERIFY(QFile::remove(log + ".2"));
        QVERIFY(QFile::remove(log + ".1"));
        append(log, line("d1\n", 9));
        QVERIFY(renameOver(log, log + ".1"));
        append(log, line("d2\n", 9));
        QVERIFY(renameOver(log, log + ".1"));
        append(log, line("d3\n", 9));
        QVERIFY(reader.readNew(collectInto(entries)));
        QCOMPARE(texts(entries), (QStringList{"d1\n", "d2\n", "d3\n"}));

        // Truncated in place (max-file 1).
        entries.clear();
        QVERIFY(QFile::resize(log, 0));
        append(log, line("after truncation\n", 10));
        QVERIFY(reader.readNew(collectInto(entries)));
        QCOMPARE(texts(entries), QStringList{"after truncation\n"});

        // Stopped: the last bytes, then finished; a cut-off line counts as bad.
        entries.clear();
        append(log, line("last\n", 11) + "{\"log\":\"cut");
        QVERIFY(!reader.finished());
        reader.markContainerStopped();
        QVERIFY(reader.readNew(collectInto(entries)));
        QCOMPARE(texts(entries), QStringList{"last\n"});
        QVERIFY(reader.finished());
        QCOMPARE(reader.badLines(), std::uint64_t(1));
    }

    void followStartsBeforeTheLogExistsAndStopsAtUntil()
    {
        const QString directory = freshDirectory();
        const QString log = directory + "/container.log";
        LogReadOptions options;
        options.until = base + 3 * second;
        options.stdoutWanted = false;
        auto opened = ContainerLogReader::open(directory.toStdString(), options, true);
        QVERIFY(opened);
        ContainerLogReader &reader = **opened;
        std::vector<LogEntry> entries;
        QVERIFY(reader.readExisting(collectInto(entries)));
        QVERIFY(entries.empty());
        // Created and already rotated once before the reader looks again.
        append(log, line("e1\n", 1, "stderr") + line("o1\n", 1));
        QVERIFY(renameOver(log, log + ".1"));
        append(log, line("e2\n", 2, "stderr"));
        QVERIFY(pollable(reader.pollFd(), 2000));
        QVERIFY(reader.readNew(collectInto(entries)));
        QCOMPARE(texts(entries), (QStringList{"e1\n", "e2\n"}));
        QVERIFY(!reader.finished());
        append(log, line("e5\n", 5, "stderr"));
        QVERIFY(reader.readNew(collectInto(entries)));
        QVERIFY(reader.finished());
        QCOMPARE(entries.size(), std::size_t(2));
    }

    void sinkErrorStopsReading()
    {
        const QString directory = freshDirectory();
        append(directory + "/container.log", line("a\n", 1) + line("b\n", 2));
        auto reader = ContainerLogReader::open(directory.toStdString(), {}, false);
        QVERIFY(reader);
        int seen = 0;
        auto read = (*reader)->readExisting([&](const LogEntry &) -> berth::Status {
            ++seen;
            return berth::fail(berth::ErrorCode::Cancelled, "enough");
        });
        QVERIFY(!read);
        QCOMPARE(read.error().code(), berth::ErrorCode::Cancelled);
        QCOMPARE(seen, 1);
    }

    void followsTheRealMonitorWhileItRotates()
    {
        if (!berth::test::isRoot())
            QSKIP("berth-monitor runs a container, which needs root");
        const QString monitorPath = qEnvironmentVariable("BERTH_MONITOR");
        const QString runtimePath = qEnvironmentVariable("BERTH_RUNTIME");
        QVERIFY(!monitorPath.isEmpty() && !runtimePath.isEmpty());
        const QString rootfs = workspace_.filePath("rootfs");
        QVERIFY(QDir().mkpath(rootfs + "/bin"));
        QVERIFY(QFile::copy("/bin/busybox", rootfs + "/bin/busybox"));
        for (const char *applet : {"sh", "echo", "printf", "seq", "sleep"})
            QVERIFY(QFile::link("busybox", rootfs + "/bin/" + applet));

        const QString directory = freshDirectory();
        QVERIFY(QDir().mkpath(directory + "/bundle"));
        const nlohmann::json spec{
            {"ociVersion", "1.0.2"},
            {"root", {{"path", rootfs.toStdString()}}},
            {"process", {{"args", {"sh", "-c", "for i in $(seq 300); do echo line-$i-xxxxxxxxxxxxxxxxxxxx; "
                                               "if [ $((i % 50)) = 0 ]; then echo err-$i >&2; sleep 0.05; fi; done; printf tail"}},
                         {"env", {"PATH=/bin"}}, {"cwd", "/"}}},
            {"mounts", {{{"destination", "/proc"}, {"type", "proc"}, {"source", "proc"}}}},
            {"linux", {{"namespaces", {{{"type", "pid"}}, {{"type", "mount"}}, {{"type", "ipc"}}, {{"type", "uts"}}, {{"type", "network"}}}},
                       {"resources", nlohmann::json::object()}}},
        };
        std::ofstream((directory + "/bundle/config.json").toStdString()) << spec.dump();

        // Follow from before the monitor starts, while it writes and rotates.
        auto opened = ContainerLogReader::open(directory.toStdString(), {}, true);
        QVERIFY(opened);
        ContainerLogReader &reader = **opened;
        std::vector<LogEntry> entries;
        QVERIFY(reader.readExisting(collectInto(entries)));

        QProcess monitor;
        monitor.start(monitorPath, {"--runtime", runtimePath, "--runtime-root", workspace_.filePath("state"),
                                    "--id", QStringLiteral("log-reader-%1").arg(getpid()), "--bundle", directory + "/bundle",
                                    "--log", directory + "/container.log", "--exit-file", directory + "/exit.json",
                                    "--log-max-size", "2048", "--log-max-files", "50"});
        QVERIFY(monitor.waitForStarted());
        QElapsedTimer timer;
        timer.start();
        while (!reader.finished() && timer.elapsed() < 60000) {
            pollable(reader.pollFd(), 100);
            if (QFile::exists(directory + "/exit.json"))
                reader.markContainerStopped();
            QVERIFY(reader.readNew(collectInto(entries)));
        }
        QVERIFY(monitor.waitForFinished(30000));
        QCOMPARE(monitor.exitCode(), 0);
        QVERIFY(reader.finished());
        QVERIFY(QFile::exists(directory + "/container.log.3"));

        QStringList expected;
        for (int index = 1; index <= 300; ++index) {
            expected << QStringLiteral("line-%1-xxxxxxxxxxxxxxxxxxxx\n").arg(index);
            if (index % 50 == 0)
                expected << QStringLiteral("err-%1\n").arg(index);
        }
        expected << QStringLiteral("tail");
        QCOMPARE(texts(entries), expected);
        QCOMPARE(reader.badLines(), std::uint64_t(0));
        for (std::size_t index = 1; index < entries.size(); ++index)
            QVERIFY(entries[index - 1].timeNanoseconds <= entries[index].timeNanoseconds);
        QCOMPARE(entries[50].stream, LogStream::Stderr);

        // The same log read afterwards, with --tail across the rotated files.
        LogReadOptions options;
        options.tail = 4;
        QCOMPARE(texts(readAll(directory, options)), expected.mid(expected.size() - 4));
        std::uint64_t bad = 0;
        QCOMPARE(texts(readAll(directory, {}, &bad)), expected);
        QCOMPARE(bad, std::uint64_t(0));
    }
};

QTEST_GUILESS_MAIN(ContainerLogTest)
#include "tst_container_log.moc"
