// Saving images to an archive and loading one, as the save and load dialogs and a file
// dropped on the window do them (`berth save -o PATH NAME…`, `berth load -i PATH`). The
// GUI opens the file itself, with the person's own permissions, and hands the helper the
// descriptor (Helper1.Save/Load): the helper never opens a path we name. A save writes a
// temporary file beside the target and renames it into place only when the whole archive
// is there; a failed or cancelled save leaves nothing behind.
#pragma once

#include "image_job.h"

#include <QFile>
#include <QSaveFile>
#include <QUrl>

#include <optional>

/// What saving and loading share: the archive's path, also settable as a file URL (what
/// file dialogs and drops give).
class ArchiveJob : public ImageJob {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Use SaveJob or LoadJob")
    Q_PROPERTY(QString path READ path WRITE setPath NOTIFY inputChanged)
    Q_PROPERTY(QUrl fileUrl READ fileUrl WRITE setFileUrl NOTIFY inputChanged)

public:
    [[nodiscard]] QString path() const { return path_; }
    void setPath(const QString &path);
    [[nodiscard]] QUrl fileUrl() const { return QUrl::fromLocalFile(path_); }
    void setFileUrl(const QUrl &url);
    /// Where a file dialog opens first: the folder of the last archive, else Documents
    /// (or home when there is none).
    Q_INVOKABLE QUrl startFolder() const;

protected:
    using ImageJob::ImageJob;
    /// The path as the command line shows it: PATH as typed, or a placeholder.
    [[nodiscard]] QString pathWord() const;

private:
    QString path_;
};

class SaveJob : public ArchiveJob {
    Q_OBJECT
    QML_ELEMENT
    /// What to save: names, name:tag, ids; a bare repository saves all its tags.
    Q_PROPERTY(QStringList names READ names WRITE setNames NOTIFY inputChanged)

public:
    explicit SaveJob(QObject *parent = nullptr);
    ~SaveJob() override;

    [[nodiscard]] QStringList names() const { return names_; }
    void setNames(const QStringList &names);

    [[nodiscard]] QString command() const override;
    [[nodiscard]] QString inputProblem() const override;

    /// A file name for saving names: "busybox-1.0.tar" for "127.0.0.1:5000/x/busybox:1.0".
    Q_INVOKABLE static QString suggestedFileName(const QStringList &names);

protected:
    [[nodiscard]] QString prepare() override;
    [[nodiscard]] QDBusPendingCall call(HelperProxy &proxy) override;
    [[nodiscard]] QString conclude(bool ok, const QVariantMap &result) override;

private:
    QStringList names_;
    std::optional<QSaveFile> file_;
};

class LoadJob : public ArchiveJob {
    Q_OBJECT
    QML_ELEMENT
    /// What the helper reported, as docker prints it ("Loaded image: busybox:1.0").
    Q_PROPERTY(QStringList loadedLines READ loadedLines NOTIFY stateChanged)

public:
    explicit LoadJob(QObject *parent = nullptr);

    [[nodiscard]] QStringList loadedLines() const { return loadedLines_; }

    [[nodiscard]] QString command() const override;
    [[nodiscard]] QString inputProblem() const override;

    /// Whether url names a local file that looks like an image archive (.tar, .tar.gz,
    /// .tgz, .tar.zst, .tar.xz, .tar.bz2): what a drop onto the window accepts.
    Q_INVOKABLE static bool isArchiveUrl(const QUrl &url);

protected:
    [[nodiscard]] QString prepare() override;
    [[nodiscard]] QDBusPendingCall call(HelperProxy &proxy) override;
    void called() override;
    [[nodiscard]] QString conclude(bool ok, const QVariantMap &result) override;

private:
    QFile file_;
    QStringList loadedLines_;
};
