// berth save and berth load: Jobs on the helper, fed with file descriptors this process
// opened with the user's own permissions (the helper never opens a path we name). save
// writes to -o FILE through a temporary file renamed into place only on success, or to
// standard output; load reads -i FILE, standard input, or an OCI layout directory, which is
// streamed to the helper as a tar through a pipe.
#include "cli.h"
#include "job_runner.h"

#include "formatting.h"

#include <QDBusUnixFileDescriptor>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <optional>
#include <thread>

namespace berth::cli {

namespace {

// ---- load's progress on a terminal ---------------------------------------------------------

class LoadPrinter {
public:
    void progress(const QString &id, const QString &state, qulonglong current, qulonglong total)
    {
        auto it = std::ranges::find(lines_, id, &Line::id);
        if (it == lines_.end()) {
            lines_.push_back(Line{id, state, current, total});
            it = lines_.end() - 1;
        }
        it->state = state;
        it->current = current;
        it->total = total;
        if (drawn_ > 0)
            out() << "\x1b[" << drawn_ << "A";
        for (const auto &line : lines_)
            out() << "\x1b[2K" << text(line) << '\n';
        drawn_ = int(lines_.size());
        out().flush();
    }

private:
    struct Line {
        QString id;
        QString state;
        qulonglong current = 0;
        qulonglong total = 0;
    };

    static QString bar(qulonglong current, qulonglong total)
    {
        constexpr int width = 50;
        const int filled = total == 0 ? 0 : int(double(current) / double(total) * width);
        const QString arrow = QString(qMax(0, filled - 1), QLatin1Char('=')) + (filled > 0 ? QStringLiteral(">") : QString());
        return QStringLiteral("[%1]  %2/%3")
            .arg(arrow.leftJustified(width), berth::client::formatDecimalSize(current), berth::client::formatDecimalSize(total));
    }

    static QString text(const Line &line)
    {
        if (line.id == QLatin1String("archive")) {
            if (line.state == QLatin1String("done"))
                return tr("Archive read");
            return line.total ? tr("Reading archive") + QLatin1Char(' ') + bar(line.current, line.total)
                              : tr("Reading archive") + QStringLiteral("  ") + berth::client::formatDecimalSize(line.current);
        }
        QString state;
        if (line.state == QLatin1String("loading"))
            state = tr("Loading layer") + QLatin1Char(' ') + bar(0, line.total);
        else if (line.state == QLatin1String("done"))
            state = tr("Loading layer") + QLatin1Char(' ') + bar(line.total, line.total);
        else if (line.state == QLatin1String("verifying"))
            state = tr("Verifying");
        else if (line.state == QLatin1String("already-exists"))
            state = tr("Already exists");
        else if (line.state == QLatin1String("failed"))
            state = tr("Failed");
        else
            state = line.state;
        return line.id + QStringLiteral(": ") + state;
    }

    std::vector<Line> lines_;
    int drawn_ = 0;
};

// ---- an OCI layout directory as a tar ------------------------------------------------------

constexpr std::size_t tarBlock = 512;

class DirectoryTar {
public:
    /// Starts a thread that writes a tar of directory into a pipe; readEnd() is for the helper.
    static std::optional<QString> start(const QString &directory, std::unique_ptr<DirectoryTar> &tar)
    {
        int ends[2];
        if (::pipe2(ends, O_CLOEXEC) != 0)
            return tr("cannot create a pipe: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        tar.reset(new DirectoryTar(directory, ends[0], ends[1]));
        tar->thread_ = std::thread([self = tar.get()] { self->run(); });
        return std::nullopt;
    }
    ~DirectoryTar()
    {
        closeReadEnd();
        if (thread_.joinable())
            thread_.join();
    }
    [[nodiscard]] int readEnd() const { return readEnd_; }
    /// Our copy of the reading end, once the helper has its own.
    void closeReadEnd()
    {
        if (readEnd_ >= 0)
            ::close(readEnd_);
        readEnd_ = -1;
    }
    /// Waits for the writer; its error, if it failed for a reason of its own.
    std::optional<QString> finish()
    {
        if (thread_.joinable())
            thread_.join();
        return error_;
    }

private:
    DirectoryTar(QString directory, int readEnd, int writeEnd)
        : directory_(std::move(directory)), readEnd_(readEnd), writeEnd_(writeEnd)
    {
    }

    void run()
    {
        // Two zero blocks end a tar; on failure the helper sees a cut-off archive and stops.
        if (addDirectory(QString()))
            writeAll(QByteArray(int(2 * tarBlock), '\0'));
        ::close(writeEnd_);
        writeEnd_ = -1;
    }

    bool writeAll(const QByteArray &bytes)
    {
        const char *data = bytes.constData();
        qsizetype left = bytes.size();
        while (left > 0) {
            const ssize_t written = ::write(writeEnd_, data, size_t(left));
            if (written < 0) {
                if (errno == EINTR)
                    continue;
                // EPIPE: the helper stopped reading; it reports why.
                if (errno != EPIPE)
                    error_ = tr("writing the layout to the helper: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
                return false;
            }
            data += written;
            left -= written;
        }
        return true;
    }

    static void octal(char *field, std::size_t width, quint64 value)
    {
        // width-1 digits and a NUL, as ustar wants.
        std::snprintf(field, width, "%0*llo", int(width - 1), static_cast<unsigned long long>(value));
    }

    bool header(const QString &relative, char type, quint64 size, quint32 mode, qint64 mtime)
    {
        QByteArray block(int(tarBlock), '\0');
        QByteArray name = QFile::encodeName(relative);
        QByteArray prefix;
        if (name.size() > 100) {
            // Split at a slash: prefix (≤155) / name (≤100).
            const qsizetype slash = name.lastIndexOf('/', 155);
            if (slash <= 0 || name.size() - slash - 1 > 100 || name.size() - slash - 1 == 0) {
                error_ = tr("the path %1 is too long for a tar").arg(relative);
                return false;
            }
            prefix = name.left(slash);
            name = name.mid(slash + 1);
        }
        char *raw = block.data();
        std::memcpy(raw, name.constData(), size_t(name.size()));
        octal(raw + 100, 8, mode & 07777);
        octal(raw + 108, 8, 0);
        octal(raw + 116, 8, 0);
        if (size < (1ull << 33)) {
            octal(raw + 124, 12, size);
        } else {
            // GNU base-256 for sizes of 8 GiB and more.
            raw[124] = char(0x80);
            for (int index = 11; index >= 4; --index) {
                raw[124 + index] = char(size & 0xff);
                size >>= 8;
            }
        }
        octal(raw + 136, 12, quint64(qMax<qint64>(0, mtime)));
        raw[156] = type;
        std::memcpy(raw + 257, "ustar", 6);
        std::memcpy(raw + 263, "00", 2);
        std::memcpy(raw + 345, prefix.constData(), size_t(prefix.size()));
        std::memset(raw + 148, ' ', 8);
        unsigned sum = 0;
        for (std::size_t index = 0; index < tarBlock; ++index)
            sum += static_cast<unsigned char>(raw[index]);
        std::snprintf(raw + 148, 8, "%06o", sum);
        raw[155] = ' ';
        return writeAll(block);
    }

    bool addFile(const QString &relative, const QFileInfo &info)
    {
        const int fd = ::open(QFile::encodeName(info.filePath()).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            error_ = tr("cannot read %1: %2").arg(info.filePath(), QString::fromLocal8Bit(std::strerror(errno)));
            return false;
        }
        struct stat status {};
        ::fstat(fd, &status);
        const quint64 size = quint64(status.st_size);
        bool ok = header(relative, '0', size, status.st_mode, status.st_mtime);
        quint64 sent = 0;
        QByteArray buffer(1 << 16, '\0');
        while (ok && sent < size) {
            const ssize_t got = ::read(fd, buffer.data(), size_t(qMin<quint64>(quint64(buffer.size()), size - sent)));
            if (got <= 0) {
                if (got < 0 && errno == EINTR)
                    continue;
                error_ = tr("cannot read %1: it changed while it was being sent").arg(info.filePath());
                ok = false;
                break;
            }
            ok = writeAll(buffer.left(int(got)));
            sent += quint64(got);
        }
        ::close(fd);
        if (ok && size % tarBlock)
            ok = writeAll(QByteArray(int(tarBlock - size % tarBlock), '\0'));
        return ok;
    }

    bool addDirectory(const QString &relative)
    {
        QDir directory(relative.isEmpty() ? directory_ : directory_ + QLatin1Char('/') + relative);
        const auto entries = directory.entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                                                     QDir::Name);
        for (const auto &entry : entries) {
            const QString path = relative.isEmpty() ? entry.fileName() : relative + QLatin1Char('/') + entry.fileName();
            if (entry.isSymLink()) {
                error_ = tr("%1 is a symbolic link; an OCI layout directory holds only files and directories")
                             .arg(entry.filePath());
                return false;
            }
            if (entry.isDir()) {
                if (!header(path + QLatin1Char('/'), '5', 0, 0755, entry.lastModified().toSecsSinceEpoch()) ||
                    !addDirectory(path))
                    return false;
            } else if (entry.isFile()) {
                if (!addFile(path, entry))
                    return false;
            } else {
                error_ = tr("%1 is neither a file nor a directory").arg(entry.filePath());
                return false;
            }
        }
        return true;
    }

    QString directory_;
    int readEnd_;
    int writeEnd_;
    std::thread thread_;
    std::optional<QString> error_;
};

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

} // namespace

int runSave(const QStringList &arguments)
{
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    tr("Write to a file, instead of STDOUT"), QStringLiteral("string"));
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth save [OPTIONS] IMAGE [IMAGE...]"),
                      tr("Save one or more images to a tar archive (streamed to STDOUT by default)"), {output}, 1, 1000};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    const QString path = parser.value(output);
    if (!parser.isSet(output) && isatty(STDOUT_FILENO)) {
        err() << tr("cowardly refusing to save to a terminal. Use the -o flag or redirect") << '\n';
        return Failed;
    }
    if (parser.isSet(output) && path.isEmpty()) {
        err() << tr("-o needs a file name") << '\n';
        return UsageError;
    }
    if (!busReachable())
        return Failed;

    // A temporary file beside the target, renamed over it only when the whole archive is there.
    std::optional<QSaveFile> file;
    int fd = STDOUT_FILENO;
    if (!path.isEmpty()) {
        if (QFileInfo(path).isDir()) {
            err() << tr("Error:") << ' ' << tr("%1 is a directory; give a file name to -o").arg(path) << '\n';
            return Failed;
        }
        file.emplace(path);
        if (!file->open(QIODevice::WriteOnly)) {
            err() << tr("Error:") << ' ' << tr("cannot write %1: %2").arg(path, file->errorString()) << '\n';
            return Failed;
        }
        fd = file->handle();
    }

    JobRunner runner(tr("Cancelling the save…"));
    auto proxy = berth::client::makeHelperProxy(berth::client::changeTimeoutMs);
    const auto outcome = runner.run(proxy->Save(parser.positionalArguments(), QDBusUnixFileDescriptor(fd), {}));
    if (!outcome || !outcome->succeeded()) {
        if (file)
            file->cancelWriting();
        return outcome ? reportJobFailure(*outcome) : Failed;
    }
    if (file && !file->commit()) {
        err() << tr("Error:") << ' ' << tr("cannot write %1: %2").arg(path, file->errorString()) << '\n';
        return Failed;
    }
    return Success;
}

int runLoad(const QStringList &arguments)
{
    const QCommandLineOption input({QStringLiteral("i"), QStringLiteral("input")},
                                   tr("Read from tar archive file (or an OCI layout directory), instead of STDIN"),
                                   QStringLiteral("string"));
    const QCommandLineOption quiet({QStringLiteral("q"), QStringLiteral("quiet")}, tr("Suppress the load output"));
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth load [OPTIONS]"),
                      tr("Load an image from a tar archive or STDIN (docker save, podman save, OCI archives and layouts)"),
                      {input, quiet}, 0, 0};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    const QString path = parser.value(input);
    if (parser.isSet(input) && path.isEmpty()) {
        err() << tr("-i needs a file name") << '\n';
        return UsageError;
    }
    if (!parser.isSet(input) && isatty(STDIN_FILENO)) {
        err() << tr("requested load from stdin, but stdin is empty") << '\n';
        return Failed;
    }

    int fd = STDIN_FILENO;
    int ownFd = -1;
    std::unique_ptr<DirectoryTar> directoryTar;
    if (!path.isEmpty()) {
        const QFileInfo info(path);
        if (info.isDir()) {
            if (!QFileInfo::exists(path + QStringLiteral("/index.json")) &&
                !QFileInfo::exists(path + QStringLiteral("/manifest.json"))) {
                err() << tr("Error:") << ' '
                      << tr("%1 is a directory without index.json or manifest.json: not an OCI layout or an unpacked "
                            "image archive")
                             .arg(path)
                      << '\n';
                return Failed;
            }
            // The helper reads the directory as a tar we write into a pipe.
            std::signal(SIGPIPE, SIG_IGN);
            if (auto failed = DirectoryTar::start(path, directoryTar)) {
                err() << tr("Error:") << ' ' << *failed << '\n';
                return Failed;
            }
            fd = directoryTar->readEnd();
        } else {
            ownFd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
            if (ownFd < 0) {
                err() << tr("Error:") << ' ' << tr("open %1: %2").arg(path, systemError()) << '\n';
                return Failed;
            }
            fd = ownFd;
        }
    }
    if (!busReachable())
        return Failed;

    const bool showProgress = !parser.isSet(quiet) && isatty(STDOUT_FILENO);
    LoadPrinter printer;
    JobRunner runner(tr("Cancelling the load…"));
    QObject::connect(&runner.follower(), &berth::client::JobFollower::progress, &runner.follower(),
                     [&](const QString &id, const QString &state, qulonglong current, qulonglong total) {
                         if (showProgress)
                             printer.progress(id, state, current, total);
                     });
    auto proxy = berth::client::makeHelperProxy(berth::client::changeTimeoutMs);
    auto reply = proxy->Load(QDBusUnixFileDescriptor(fd), {});
    // The helper has its own copy now; ours would keep a pipe open after the helper is done.
    if (ownFd >= 0)
        ::close(ownFd);
    if (directoryTar)
        directoryTar->closeReadEnd();
    const auto outcome = runner.run(reply);
    const std::optional<QString> tarError = directoryTar ? directoryTar->finish() : std::nullopt;
    if (!outcome)
        return Failed;
    if (!outcome->succeeded()) {
        if (tarError && !outcome->cancelled()) {
            reportFailure(berth::client::Failure{berth::client::FailureKind::Other, *tarError});
            return Failed;
        }
        return reportJobFailure(*outcome);
    }
    for (const auto &line : outcome->result.value(QStringLiteral("Lines")).toStringList())
        out() << line << '\n';
    out().flush();
    return Success;
}

} // namespace berth::cli
