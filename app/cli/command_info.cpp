// berth info: what the helper knows of itself and this machine, like `docker info`.
#include "cli.h"

#include "formatting.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace berth::cli {

namespace {

QString yesNo(bool value)
{
    return value ? tr("yes") : tr("no");
}

void printInfo(const QVariantMap &info)
{
    const auto text = [&](const char *key) { return info.value(QLatin1String(key)).toString(); };
    const auto list = [&](const char *key) { return info.value(QLatin1String(key)).toStringList(); };
    const auto line = [](int indent, const QString &label, const QString &value) {
        out() << QString(indent, QLatin1Char(' ')) << label << ": " << value << '\n';
    };

    out() << tr("Server:") << '\n';
    line(1, tr("Containers"), text("Containers"));
    line(1, tr("Images"), text("Images"));
    line(1, tr("Volumes"), text("Volumes"));
    line(1, tr("Server Version"), text("ServerVersion"));
    line(1, tr("Storage Driver"), text("StorageDriver"));
    line(2, tr("Supported"), yesNo(info.value(QStringLiteral("OverlaySupported")).toBool()) +
                                 QStringLiteral(" (") + text("OverlayDetail") + QLatin1Char(')'));
    line(2, tr("Backing Filesystem"), text("StorageFilesystem"));
    const QString mode = text("CgroupMode");
    line(1, tr("Cgroup Version"), text("CgroupVersion") + QStringLiteral(" (") + mode + QLatin1Char(')'));
    if (!list("CgroupV1Controllers").isEmpty())
        line(2, tr("v1 controllers"), list("CgroupV1Controllers").join(QStringLiteral(", ")));
    if (!text("CgroupUnifiedMount").isEmpty())
        line(2, tr("v2 controllers"),
             (list("CgroupV2Controllers").isEmpty() ? tr("(none)") : list("CgroupV2Controllers").join(QStringLiteral(", "))) +
                 QStringLiteral(" @ ") + text("CgroupUnifiedMount"));
    out() << ' ' << tr("Security Options:") << '\n';
    line(2, QStringLiteral("seccomp"), yesNo(info.value(QStringLiteral("Seccomp")).toBool()) + QStringLiteral(" (") +
                                           text("SeccompDetail") + QStringLiteral(", libseccomp ") +
                                           text("LibseccompVersion") + QLatin1Char(')'));
    line(2, QStringLiteral("userns"), yesNo(info.value(QStringLiteral("UserNamespaces")).toBool()) +
                                          QStringLiteral(" (") + text("UserNamespacesDetail") + QLatin1Char(')'));
    line(1, tr("Kernel Version"), text("KernelVersion"));
    line(1, tr("Operating System"), text("OperatingSystem"));
    line(1, tr("Architecture"), text("Architecture"));
    line(1, tr("CPUs"), text("NCPU"));
    line(1, tr("Total Memory"), berth::client::formatBytes(info.value(QStringLiteral("MemTotal")).toULongLong()));
    line(1, tr("Berth Root Dir"), text("StorageRoot"));
    line(2, tr("Free"), tr("%1 of %2")
                            .arg(berth::client::formatBytes(info.value(QStringLiteral("StorageFreeBytes")).toULongLong()),
                                 berth::client::formatBytes(info.value(QStringLiteral("StorageTotalBytes")).toULongLong())));
    for (const auto &[key, label] : {std::pair{"RegistryMirrors", tr("Registry Mirrors")},
                                     std::pair{"InsecureRegistries", tr("Insecure Registries")}}) {
        out() << ' ' << label << ":\n";
        const auto entries = list(key);
        if (entries.isEmpty())
            out() << "  " << tr("(none)") << '\n';
        for (const auto &entry : entries)
            out() << "  " << entry << '\n';
    }
}

} // namespace

int runInfo(const QStringList &arguments)
{
    const QCommandLineOption format({QStringLiteral("f"), QStringLiteral("format")},
                                    tr("Output format: \"json\", or empty for the text report"), QStringLiteral("string"));
    QCommandLineParser parser;
    const Usage usage{QStringLiteral("berth info [OPTIONS]"), tr("Display system-wide information"), {format}, 0, 0};
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    const QString wanted = parser.value(format);
    if (!wanted.isEmpty() && wanted != QLatin1String("json")) {
        err() << tr("unknown format \"%1\": use --format json").arg(wanted) << '\n';
        return UsageError;
    }
    if (!busReachable())
        return Failed;
    auto proxy = berth::client::makeHelperProxy();
    auto reply = proxy->Info();
    if (!waitFor(reply))
        return Failed;
    if (wanted == QLatin1String("json"))
        out() << QJsonDocument(QJsonObject::fromVariantMap(reply.value())).toJson(QJsonDocument::Compact) << '\n';
    else
        printInfo(reply.value());
    out().flush();
    return Success;
}

} // namespace berth::cli
