// berth create and berth run: docker's flags turned into a create request (the Docker
// Engine API's names), then start, and for run in the foreground, wait for the exit code.
#include "cli.h"

#include "container_attach.h"
#include "container_output.h"

#include <QDBusArgument>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>

#include <cmath>

#include <unistd.h>

namespace berth::cli {

namespace {

struct RunFlags {
    QCommandLineOption detach{{QStringLiteral("d"), QStringLiteral("detach")}, tr("Run container in background and print container ID")};
    QCommandLineOption name{QStringLiteral("name"), tr("Assign a name to the container"), QStringLiteral("string")};
    QCommandLineOption env{{QStringLiteral("e"), QStringLiteral("env")}, tr("Set environment variables (NAME=value, or NAME to pass yours)"), QStringLiteral("list")};
    QCommandLineOption volume{{QStringLiteral("v"), QStringLiteral("volume")}, tr("Bind mount a volume (/host:/ctr[:ro], name:/ctr, /ctr)"), QStringLiteral("list")};
    QCommandLineOption remove{QStringLiteral("rm"), tr("Automatically remove the container when it exits")};
    QCommandLineOption interactive{{QStringLiteral("i"), QStringLiteral("interactive")}, tr("Keep STDIN open even if not attached")};
    QCommandLineOption tty{{QStringLiteral("t"), QStringLiteral("tty")}, tr("Allocate a pseudo-TTY")};
    QCommandLineOption workdir{{QStringLiteral("w"), QStringLiteral("workdir")}, tr("Working directory inside the container"), QStringLiteral("string")};
    QCommandLineOption user{{QStringLiteral("u"), QStringLiteral("user")}, tr("Username or UID (format: <name|uid>[:<group|gid>])"), QStringLiteral("string")};
    QCommandLineOption hostname{{QStringLiteral("hostname")}, tr("Container host name"), QStringLiteral("string")};
    QCommandLineOption entrypoint{QStringLiteral("entrypoint"), tr("Overwrite the default ENTRYPOINT of the image"), QStringLiteral("command")};
    QCommandLineOption privileged{QStringLiteral("privileged"), tr("Give extended privileges to this container")};
    QCommandLineOption capAdd{QStringLiteral("cap-add"), tr("Add Linux capabilities"), QStringLiteral("list")};
    QCommandLineOption capDrop{QStringLiteral("cap-drop"), tr("Drop Linux capabilities"), QStringLiteral("list")};
    QCommandLineOption securityOpt{QStringLiteral("security-opt"), tr("Security options (seccomp=unconfined|FILE, no-new-privileges)"), QStringLiteral("list")};
    QCommandLineOption readOnly{QStringLiteral("read-only"), tr("Mount the container's root filesystem as read only")};
    QCommandLineOption memory{{QStringLiteral("m"), QStringLiteral("memory")}, tr("Memory limit (e.g. 512m, 1g)"), QStringLiteral("bytes")};
    QCommandLineOption memorySwap{QStringLiteral("memory-swap"), tr("Memory plus swap limit: '-1' for unlimited swap"), QStringLiteral("bytes")};
    QCommandLineOption cpus{QStringLiteral("cpus"), tr("Number of CPUs (e.g. 1.5)"), QStringLiteral("decimal")};
    QCommandLineOption cpuShares{{QStringLiteral("c"), QStringLiteral("cpu-shares")}, tr("CPU shares (relative weight)"), QStringLiteral("int")};
    QCommandLineOption pidsLimit{QStringLiteral("pids-limit"), tr("Tune container pids limit (-1 for unlimited)"), QStringLiteral("int")};
    QCommandLineOption ulimit{QStringLiteral("ulimit"), tr("Ulimit options (e.g. nofile=1024:2048)"), QStringLiteral("ulimit")};
    QCommandLineOption mount{QStringLiteral("mount"), tr("Attach a filesystem mount (type=bind|volume|tmpfs,source=…,target=…[,readonly])"), QStringLiteral("mount")};
    QCommandLineOption tmpfs{QStringLiteral("tmpfs"), tr("Mount a tmpfs directory (/path[:options])"), QStringLiteral("list")};
    QCommandLineOption network{QStringLiteral("network"), tr("Connect a container to a network (none or host for now)"), QStringLiteral("network")};
    QCommandLineOption restart{QStringLiteral("restart"), tr("Restart policy: no, on-failure[:N], always, unless-stopped"), QStringLiteral("string")};
    QCommandLineOption label{{QStringLiteral("l"), QStringLiteral("label")}, tr("Set meta data on a container (KEY=VALUE)"), QStringLiteral("list")};
    QCommandLineOption stopSignal{QStringLiteral("stop-signal"), tr("Signal to stop the container"), QStringLiteral("string")};
    QCommandLineOption detachKeys{QStringLiteral("detach-keys"), tr("Override the key sequence for detaching a container"), QStringLiteral("string")};
    QCommandLineOption stopTimeout{QStringLiteral("stop-timeout"), tr("Timeout (in seconds) to stop a container"), QStringLiteral("int")};
    QCommandLineOption logDriver{QStringLiteral("log-driver"), tr("Logging driver for the container (json-file only)"), QStringLiteral("string")};
    QCommandLineOption logOpt{QStringLiteral("log-opt"), tr("Log driver options (max-size=10m, max-file=3)"), QStringLiteral("list")};

    [[nodiscard]] QList<QCommandLineOption> all(bool withDetach) const
    {
        QList<QCommandLineOption> options{name, env, volume, remove, interactive, tty, workdir, user, hostname,
                                          entrypoint, privileged, capAdd, capDrop, securityOpt, readOnly, memory,
                                          memorySwap, cpus, cpuShares, pidsLimit, ulimit, mount, tmpfs, network, restart,
                                          label, stopSignal, stopTimeout, logDriver, logOpt};
        if (withDetach) {
            options.prepend(detach);
            options.append(detachKeys);
        }
        return options;
    }
};

// Docker's sizes: a number with an optional b, k, m or g (powers of 1024).
std::optional<qint64> parseSize(const QString &text)
{
    QString number = text.trimmed().toLower();
    if (number == QLatin1String("-1"))
        return -1;
    qint64 unit = 1;
    if (number.endsWith(QLatin1Char('b')))
        number.chop(1);
    const QChar last = number.isEmpty() ? QChar() : number.back();
    if (last == QLatin1Char('k'))
        unit = 1024;
    else if (last == QLatin1Char('m'))
        unit = 1024 * 1024;
    else if (last == QLatin1Char('g'))
        unit = 1024LL * 1024 * 1024;
    if (unit != 1)
        number.chop(1);
    bool ok = false;
    const double value = number.toDouble(&ok);
    if (!ok || value < 0)
        return std::nullopt;
    return static_cast<qint64>(std::llround(value * static_cast<double>(unit)));
}

struct Request {
    QVariantMap map;
    QString error;
};

// --mount in Docker's key=value form, turned into the -v and --tmpfs forms the request
// carries. Returns the problem with item, if any.
std::optional<QString> addMount(const QString &item, QVariantMap &map)
{
    QString type = QStringLiteral("volume");
    QString source;
    QString target;
    bool readOnly = false;
    QStringList tmpfsOptions;
    for (const auto &field : item.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto equals = field.indexOf(QLatin1Char('='));
        const QString key = field.left(equals).trimmed();
        const QString value = equals < 0 ? QString() : field.mid(equals + 1);
        if (key == QLatin1String("type"))
            type = value;
        else if (key == QLatin1String("source") || key == QLatin1String("src"))
            source = value;
        else if (key == QLatin1String("target") || key == QLatin1String("destination") || key == QLatin1String("dst"))
            target = value;
        else if (key == QLatin1String("readonly") || key == QLatin1String("ro"))
            readOnly = equals < 0 || value == QLatin1String("true") || value == QLatin1String("1");
        else if (key == QLatin1String("tmpfs-size"))
            tmpfsOptions << QStringLiteral("size=") + value;
        else if (key == QLatin1String("tmpfs-mode"))
            tmpfsOptions << QStringLiteral("mode=") + value;
        else
            return tr("invalid argument \"%1\" for \"--mount\": unknown key '%2'; use type, source, target, readonly, "
                      "tmpfs-size or tmpfs-mode").arg(item, key);
    }
    if (!target.startsWith(QLatin1Char('/')))
        return tr("invalid argument \"%1\" for \"--mount\": target must be an absolute path in the container").arg(item);
    const auto append = [&map](const char *key, const QString &value) {
        QStringList values = map.value(QLatin1String(key)).toStringList();
        values << value;
        map.insert(QLatin1String(key), values);
    };
    if (type == QLatin1String("bind")) {
        // Unlike -v, --mount does not make a missing host directory (as docker).
        if (source.isEmpty() || !QFileInfo::exists(source))
            return tr("invalid mount config for type \"bind\": bind source path does not exist: %1").arg(source);
        append("Binds", QFileInfo(source).absoluteFilePath() + QLatin1Char(':') + target + (readOnly ? QStringLiteral(":ro") : QString()));
    } else if (type == QLatin1String("volume")) {
        append("Binds", (source.isEmpty() ? QString() : source + QLatin1Char(':')) + target + (readOnly ? QStringLiteral(":ro") : QString()));
    } else if (type == QLatin1String("tmpfs")) {
        if (!source.isEmpty())
            return tr("invalid mount config for type \"tmpfs\": source is not allowed").arg(item);
        append("Tmpfs", target + (tmpfsOptions.isEmpty() ? QString() : QLatin1Char(':') + tmpfsOptions.join(QLatin1Char(','))));
    } else {
        return tr("invalid argument \"%1\" for \"--mount\": type must be bind, volume or tmpfs").arg(item);
    }
    return std::nullopt;
}

// --security-opt seccomp=FILE names a file on this side; the helper gets its contents, as
// docker's client sends them (the helper must not read a path the caller names).
std::optional<QString> readSeccompProfiles(QVariantMap &map)
{
    QStringList options = map.value(QStringLiteral("SecurityOpt")).toStringList();
    for (QString &option : options) {
        const qsizetype separator = option.indexOf(QLatin1Char('='));
        if (separator < 0 || option.left(separator) != QLatin1String("seccomp"))
            continue;
        const QString value = option.mid(separator + 1);
        if (value == QLatin1String("unconfined") || value.trimmed().startsWith(QLatin1Char('{')))
            continue;
        QFile file(value);
        if (!file.open(QIODevice::ReadOnly))
            return tr("opening seccomp profile (%1) failed: %2; give a readable JSON profile file, or "
                      "seccomp=unconfined").arg(value, file.errorString());
        // Docker's own profile is 20 KiB; anything far larger is not a profile.
        const QByteArray contents = file.read(16 * 1024 * 1024);
        if (!file.atEnd())
            return tr("the seccomp profile %1 is larger than 16 MiB; give a JSON profile file").arg(value);
        option = QStringLiteral("seccomp=") + QString::fromUtf8(contents);
    }
    if (!options.isEmpty())
        map.insert(QStringLiteral("SecurityOpt"), options);
    return std::nullopt;
}

Request buildRequest(const QCommandLineParser &parser, const RunFlags &flags)
{
    Request result;
    QVariantMap &map = result.map;
    const QStringList positional = parser.positionalArguments();
    map.insert(QStringLiteral("Image"), positional.first());
    if (positional.size() > 1)
        map.insert(QStringLiteral("Cmd"), positional.mid(1));
    if (parser.isSet(flags.name))
        map.insert(QStringLiteral("Name"), parser.value(flags.name));
    // -e NAME passes the caller's value, as docker does; unset there, it is left out.
    const auto environment = QProcessEnvironment::systemEnvironment();
    QStringList env;
    for (const auto &item : parser.values(flags.env)) {
        if (item.contains(QLatin1Char('=')))
            env << item;
        else if (environment.contains(item))
            env << item + QLatin1Char('=') + environment.value(item);
        else
            env << item;
    }
    if (!env.isEmpty())
        map.insert(QStringLiteral("Env"), env);
    const QList<QPair<const QCommandLineOption *, const char *>> lists{
        {&flags.volume, "Binds"}, {&flags.capAdd, "CapAdd"}, {&flags.capDrop, "CapDrop"},
        {&flags.securityOpt, "SecurityOpt"}, {&flags.ulimit, "Ulimits"}, {&flags.tmpfs, "Tmpfs"}};
    for (const auto &[option, key] : lists) {
        if (parser.isSet(*option))
            map.insert(QLatin1String(key), parser.values(*option));
    }
    if (parser.isSet(flags.logDriver) || parser.isSet(flags.logOpt)) {
        QVariantMap logConfig;
        if (parser.isSet(flags.logDriver))
            logConfig.insert(QStringLiteral("Type"), parser.value(flags.logDriver));
        QVariantMap options;
        for (const QString &item : parser.values(flags.logOpt)) {
            const qsizetype equals = item.indexOf(QLatin1Char('='));
            if (equals <= 0) {
                result.error = tr("invalid argument \"%1\" for \"--log-opt\": give KEY=VALUE, such as max-size=10m").arg(item);
                return result;
            }
            options.insert(item.left(equals), item.mid(equals + 1));
        }
        if (!options.isEmpty())
            logConfig.insert(QStringLiteral("Config"), options);
        map.insert(QStringLiteral("LogConfig"), logConfig);
    }
    if (auto problem = readSeccompProfiles(map)) {
        result.error = *problem;
        return result;
    }
    for (const auto &item : parser.values(flags.mount)) {
        if (auto problem = addMount(item, map)) {
            result.error = *problem;
            return result;
        }
    }
    const QList<QPair<const QCommandLineOption *, const char *>> texts{
        {&flags.workdir, "WorkingDir"}, {&flags.user, "User"}, {&flags.hostname, "Hostname"},
        {&flags.network, "NetworkMode"}, {&flags.stopSignal, "StopSignal"}};
    for (const auto &[option, key] : texts) {
        if (parser.isSet(*option))
            map.insert(QLatin1String(key), parser.value(*option));
    }
    if (parser.isSet(flags.entrypoint)) {
        const QString entrypoint = parser.value(flags.entrypoint);
        map.insert(QStringLiteral("Entrypoint"), entrypoint.isEmpty() ? QStringList() : QStringList{entrypoint});
    }
    const QList<QPair<const QCommandLineOption *, const char *>> switches{
        {&flags.remove, "AutoRemove"}, {&flags.interactive, "OpenStdin"}, {&flags.tty, "Tty"},
        {&flags.privileged, "Privileged"}, {&flags.readOnly, "ReadonlyRootfs"}};
    for (const auto &[option, key] : switches) {
        if (parser.isSet(*option))
            map.insert(QLatin1String(key), true);
    }
    for (const auto &[option, key] : QList<QPair<const QCommandLineOption *, const char *>>{{&flags.memory, "Memory"},
                                                                                            {&flags.memorySwap, "MemorySwap"}}) {
        if (!parser.isSet(*option))
            continue;
        auto bytes = parseSize(parser.value(*option));
        if (!bytes) {
            result.error = tr("invalid size: '%1'; give bytes or a number with k, m or g (e.g. 512m)").arg(parser.value(*option));
            return result;
        }
        map.insert(QLatin1String(key), *bytes);
    }
    if (parser.isSet(flags.cpus)) {
        bool ok = false;
        const double cpus = parser.value(flags.cpus).toDouble(&ok);
        if (!ok || cpus <= 0) {
            result.error = tr("invalid argument \"%1\" for \"--cpus\": give a number of CPUs such as 1.5").arg(parser.value(flags.cpus));
            return result;
        }
        map.insert(QStringLiteral("NanoCpus"), static_cast<qint64>(std::llround(cpus * 1e9)));
    }
    for (const auto &[option, key] : QList<QPair<const QCommandLineOption *, const char *>>{
             {&flags.cpuShares, "CpuShares"}, {&flags.pidsLimit, "PidsLimit"}, {&flags.stopTimeout, "StopTimeout"}}) {
        if (!parser.isSet(*option))
            continue;
        bool ok = false;
        const qint64 value = parser.value(*option).toLongLong(&ok);
        if (!ok) {
            result.error = tr("invalid argument \"%1\" for \"--%2\": give a whole number").arg(parser.value(*option), option->names().constLast());
            return result;
        }
        map.insert(QLatin1String(key), value);
    }
    if (parser.isSet(flags.restart)) {
        const QString policy = parser.value(flags.restart);
        const auto colon = policy.indexOf(QLatin1Char(':'));
        QVariantMap restart{{QStringLiteral("Name"), policy.left(colon)}};
        if (colon >= 0) {
            bool ok = false;
            const int count = policy.mid(colon + 1).toInt(&ok);
            if (!ok || count < 0) {
                result.error = tr("invalid restart policy '%1': the retry count must be a whole number").arg(policy);
                return result;
            }
            restart.insert(QStringLiteral("MaximumRetryCount"), count);
        }
        map.insert(QStringLiteral("RestartPolicy"), restart);
    }
    if (parser.isSet(flags.label)) {
        QVariantMap labels;
        for (const auto &item : parser.values(flags.label)) {
            const auto equals = item.indexOf(QLatin1Char('='));
            labels.insert(item.left(equals), equals < 0 ? QString() : item.mid(equals + 1));
        }
        map.insert(QStringLiteral("Labels"), labels);
    }
    return result;
}

// -it needs a terminal to join, as docker says.
bool refuseWithoutTerminal(const QCommandLineParser &parser, const RunFlags &flags, bool detached)
{
    if (!detached && parser.isSet(flags.interactive) && parser.isSet(flags.tty) && !::isatty(STDIN_FILENO)) {
        err() << tr("the input device is not a TTY; leave out -t, or run from a terminal") << '\n';
        return true;
    }
    return false;
}

std::optional<QString> createContainer(HelperProxy &proxy, const QVariantMap &request)
{
    auto reply = proxy.CreateContainer(request);
    if (!waitFor(reply))
        return std::nullopt;
    return reply.value();
}

} // namespace

int runCreate(const QStringList &arguments)
{
    const RunFlags flags;
    QCommandLineParser parser;
    Usage usage{QStringLiteral("berth create [OPTIONS] IMAGE [COMMAND] [ARG...]"), tr("Create a new container"),
                flags.all(false), 1, 100000};
    usage.optionsEndAtFirstPositional = true;
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    auto request = buildRequest(parser, flags);
    if (!request.error.isEmpty()) {
        err() << request.error << '\n';
        return UsageError;
    }
    if (!busReachable())
        return Failed;
    auto proxy = berth::client::makeHelperProxy(berth::client::changeTimeoutMs);
    auto id = createContainer(*proxy, request.map);
    if (!id)
        return Failed;
    out() << *id << '\n';
    out().flush();
    return Success;
}

int runRun(const QStringList &arguments)
{
    const RunFlags flags;
    QCommandLineParser parser;
    Usage usage{QStringLiteral("berth run [OPTIONS] IMAGE [COMMAND] [ARG...]"),
                tr("Create and run a new container from an image"), flags.all(true), 1, 100000};
    usage.optionsEndAtFirstPositional = true;
    if (auto exit = parseOrExplain(parser, arguments, usage))
        return *exit;
    const bool detached = parser.isSet(flags.detach);
    if (refuseWithoutTerminal(parser, flags, detached))
        return UsageError;
    QString detachKeysError;
    const auto detachKeys = parseDetachKeys(parser.isSet(flags.detachKeys) ? parser.value(flags.detachKeys)
                                                                           : QString::fromLatin1(defaultDetachKeys),
                                            detachKeysError);
    if (!detachKeys) {
        err() << detachKeysError << '\n';
        return UsageError;
    }
    auto request = buildRequest(parser, flags);
    if (!request.error.isEmpty()) {
        err() << request.error << '\n';
        return UsageError;
    }
    if (!busReachable())
        return Failed;
    auto proxy = berth::client::makeHelperProxy(berth::client::changeTimeoutMs);
    auto id = createContainer(*proxy, request.map);
    if (!id)
        return Failed;
    // Docker's exit codes for `run`: 125 when the engine fails, the command's own otherwise.
    constexpr int engineFailed = 125;
    const bool autoRemove = request.map.value(QStringLiteral("AutoRemove")).toBool();
    if (detached) {
        auto started = proxy->StartContainer(*id);
        started.waitForFinished();
        if (started.isError()) {
            reportFailure(berth::client::describeFailure(started.error()));
            if (autoRemove)
                proxy->RemoveContainer(*id, true, true).waitForFinished();
            return engineFailed;
        }
        out() << *id << '\n';
        out().flush();
        return Success;
    }
    // In the foreground this process joins the container's stdio through its monitor from
    // the first byte, as docker run attaches: stdout and stderr apart and complete, however
    // fast they come and however small the log's files (the log is read only by `logs`).
    // -i also sends our stdin, -t joins the terminal; ctrl-p ctrl-q leaves it running.
    // Without a terminal, signals to this process go to the container (docker's --sig-proxy).
    AttachSettings settings;
    settings.container = *id;
    settings.tty = parser.isSet(flags.tty);
    settings.withInput = parser.isSet(flags.interactive);
    settings.closeInputAtEnd = true;
    settings.detachKeys = *detachKeys;
    settings.startFirst = true;
    const auto code = attachAndCopy(settings, engineFailed);
    if (code == engineFailed && autoRemove)
        proxy->RemoveContainer(*id, true, true).waitForFinished();
    return code.value_or(Success);
}

} // namespace berth::cli
