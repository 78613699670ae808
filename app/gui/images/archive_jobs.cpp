#include "archive_jobs.h"

#include "command_text.h"

#include "formatting.h"
#include "helper1_proxy.h"

#include <QDBusUnixFileDescriptor>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

// --- ArchiveJob ------------------------------------------------------------------------------

void ArchiveJob::setPath(const QString &path)
{
    if (path_ == path)
        return;
    path_ = path;
    announceInput();
}

void ArchiveJob::setFileUrl(const QUrl &url)
{
    setPath(url.isLocalFile() ? url.toLocalFile() : url.toString());
}

QUrl ArchiveJob::startFolder() const
{
    if (!path_.isEmpty() && QFileInfo(path_).absoluteDir().exists())
        return QUrl::fromLocalFile(QFileInfo(path_).absolutePath());
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QUrl::fromLocalFile(QFileInfo(documents).isDir() ? documents : QDir::homePath());
}

QString ArchiveJob::pathWord() const
{
    return path_.isEmpty() ? QStringLiteral("FILE.tar") : path_;
}

// --- SaveJob ---------------------------------------------------------------------------------

SaveJob::SaveJob(QObject *parent) : ArchiveJob(JobItemModel::Kind::Save, parent) {}

SaveJob::~SaveJob()
{
    // A save still running when the window closes: its temporary file goes with it.
    if (file_)
        file_->cancelWriting();
}

void SaveJob::setNames(const QStringList &names)
{
    if (names_ == names)
        return;
    names_ = names;
    announceInput();
}

QString SaveJob::command() const
{
    QStringList words{QStringLiteral("save"), QStringLiteral("-o"), pathWord()};
    words += names_.isEmpty() ? QStringList{QStringLiteral("IMAGE")} : names_;
    return berth::gui::commandLine(words);
}

QString SaveJob::inputProblem() const
{
    if (names_.isEmpty())
        return tr("Choose at least one image to save.");
    if (path().isEmpty())
        return tr("Choose the file to save the images to.");
    if (QFileInfo(path()).isDir())
        return tr("%1 is a folder; choose a file name inside it, e.g. %2.")
            .arg(path(), QDir(path()).filePath(suggestedFileName(names_)));
    return {};
}

QString SaveJob::suggestedFileName(const QStringList &names)
{
    if (names.isEmpty())
        return QStringLiteral("images.tar");
    // The last part of the repository and the tag; never a character a file name would trip on.
    QString name = names.first().section(QLatin1Char('/'), -1);
    name.replace(QLatin1Char(':'), QLatin1Char('-'));
    name.replace(QLatin1Char('@'), QLatin1Char('-'));
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]"));
    name.replace(unsafe, QStringLiteral("_"));
    if (name.isEmpty() || name.startsWith(QLatin1Char('.')))
        name.prepend(QStringLiteral("image"));
    if (names.size() > 1)
        name += QStringLiteral("-and-%1-more").arg(names.size() - 1);
    return name + QStringLiteral(".tar");
}

QString SaveJob::prepare()
{
    file_.emplace(path());
    if (!file_->open(QIODevice::WriteOnly)) {
        const QString reason = file_->errorString();
        file_.reset();
        return tr("Cannot write %1: %2. Choose a folder you may write to.").arg(path(), reason);
    }
    return {};
}

QDBusPendingCall SaveJob::call(HelperProxy &proxy)
{
    // The helper gets its own copy of the descriptor; ours stays open to commit the file.
    return proxy.Save(names_, QDBusUnixFileDescriptor(file_->handle()), {});
}

QString SaveJob::conclude(bool ok, const QVariantMap &result)
{
    if (!file_) {
        setStatusText(QString());
        return {};
    }
    if (!ok) {
        // The temporary file is removed; whatever was at the path before stays as it was.
        file_->cancelWriting();
        file_.reset();
        setStatusText(wasCancelled() ? tr("Save cancelled; %1 was not written").arg(path()) : QString());
        return {};
    }
    const bool committed = file_->commit();
    const QString reason = file_->errorString();
    file_.reset();
    if (!committed)
        return tr("Cannot write %1: %2. Choose a folder you may write to.").arg(path(), reason);
    const uint images = result.value(QStringLiteral("Images")).toUInt();
    const uint layers = result.value(QStringLiteral("Layers")).toUInt();
    setStatusText(tr("Saved %n image(s) to %1", nullptr, int(images)).arg(path()));
    addMessage(tr("%n layer(s), %1 written", nullptr, int(layers))
                   .arg(berth::client::formatDecimalSize(result.value(QStringLiteral("Bytes")).toULongLong())));
    return {};
}

// --- LoadJob ---------------------------------------------------------------------------------

LoadJob::LoadJob(QObject *parent) : ArchiveJob(JobItemModel::Kind::Load, parent) {}

QString LoadJob::command() const
{
    return berth::gui::commandLine({QStringLiteral("load"), QStringLiteral("-i"), pathWord()});
}

QString LoadJob::inputProblem() const
{
    if (path().isEmpty())
        return tr("Choose an image archive to load.");
    const QFileInfo info(path());
    if (!info.exists())
        return tr("%1 does not exist.").arg(path());
    if (info.isDir())
        return tr("%1 is a folder. Load an OCI layout folder from a terminal: %2")
            .arg(path(), berth::gui::commandLine({QStringLiteral("load"), QStringLiteral("-i"), path()}));
    return {};
}

bool LoadJob::isArchiveUrl(const QUrl &url)
{
    if (!url.isLocalFile())
        return false;
    const QString name = url.toLocalFile().toLower();
    static const QStringList endings{QStringLiteral(".tar"),     QStringLiteral(".tar.gz"), QStringLiteral(".tgz"),
                                     QStringLiteral(".tar.zst"), QStringLiteral(".tar.xz"), QStringLiteral(".tar.bz2")};
    if (std::none_of(endings.begin(), endings.end(), [&](const QString &ending) { return name.endsWith(ending); }))
        return false;
    return !QFileInfo(url.toLocalFile()).isDir();
}

QString LoadJob::prepare()
{
    file_.setFileName(path());
    if (!file_.open(QIODevice::ReadOnly))
        return tr("Cannot read %1: %2").arg(path(), file_.errorString());
    return {};
}

QDBusPendingCall LoadJob::call(HelperProxy &proxy)
{
    return proxy.Load(QDBusUnixFileDescriptor(file_.handle()), {});
}

void LoadJob::called()
{
    // The helper has its own descriptor now.
    file_.close();
}

QString LoadJob::conclude(bool ok, const QVariantMap &result)
{
    file_.close();
    if (!ok) {
        loadedLines_.clear();
        setStatusText(wasCancelled() ? tr("Load cancelled; no image was added") : QString());
        return {};
    }
    loadedLines_ = result.value(QStringLiteral("Lines")).toStringList();
    for (const QString &line : std::as_const(loadedLines_))
        addMessage(line);
    setStatusText(tr("Loaded %n image(s) from %1", nullptr, int(result.value(QStringLiteral("Images")).toStringList().size()))
                      .arg(QFileInfo(path()).fileName()));
    return {};
}
