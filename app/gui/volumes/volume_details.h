// One volume as `berth volume inspect NAME` shows it: the JSON text for the Inspect tab and
// the size the helper measured (UsageData), read again when the volume changes.
#pragma once

#include <QObject>
#include <QQmlEngine>

class VolumeDetails : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString name READ name NOTIFY loaded)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString error READ error NOTIFY loaded)
    /// As `berth volume inspect NAME` prints it: an indented JSON array of one object.
    Q_PROPERTY(QString inspectText READ inspectText NOTIFY loaded)
    /// -1 until measured.
    Q_PROPERTY(qlonglong sizeBytes READ sizeBytes NOTIFY loaded)
    Q_PROPERTY(QString sizeText READ sizeText NOTIFY loaded)

public:
    explicit VolumeDetails(QObject *parent = nullptr);

    [[nodiscard]] QString name() const { return name_; }
    [[nodiscard]] bool loading() const { return loading_; }
    [[nodiscard]] QString error() const { return error_; }
    [[nodiscard]] QString inspectText() const { return inspectText_; }
    [[nodiscard]] qlonglong sizeBytes() const { return sizeBytes_; }
    [[nodiscard]] QString sizeText() const;

    /// Asks the helper for the volume; showCommand puts `berth volume inspect NAME` in the strip.
    Q_INVOKABLE void load(const QString &name, bool showCommand = true);

Q_SIGNALS:
    void loadingChanged();
    void loaded();

private:
    QString name_;
    bool loading_ = false;
    QString error_;
    QString inspectText_;
    qlonglong sizeBytes_ = -1;
    quint64 generation_ = 0;
};
