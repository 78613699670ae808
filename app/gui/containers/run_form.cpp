#include "run_form.h"

#include "command_text.h"
#include "helper_client.h"
#include "helper_connection.h"

#include "engine/core/reference.h"

#include <QDBusPendingCallWatcher>
#include <QRegularExpression>
#include <QThread>

#include <cmath>

namespace {

const QStringList restartPolicies{QStringLiteral("no"), QStringLiteral("on-failure"), QStringLiteral("always"),
                                  QStringLiteral("unless-stopped")};

// Docker's rule for container and volume names.
bool isDockerName(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-zA-Z0-9][a-zA-Z0-9_.-]+$"));
    return pattern.match(text).hasMatch();
}

QStringList nonEmpty(const QStringList &rows)
{
    QStringList kept;
    for (const QString &row : rows) {
        if (!row.trimmed().isEmpty())
            kept << row.trimmed();
    }
    return kept;
}

// Docker refuses memory limits below 6 MiB: a container cannot even start in less.
constexpr qint64 minimumMemory = 6 * 1024 * 1024;

} // namespace

RunForm::RunForm(QObject *parent) : QObject(parent) {}

#define BERTH_SETTER(Type, setter, member)                                                                             \
    void RunForm::setter(Type value)                                                                                   \
    {                                                                                                                  \
        if (member == value)                                                                                           \
            return;                                                                                                    \
        member = value;                                                                                                \
        Q_EMIT inputChanged();                                                                                         \
    }

BERTH_SETTER(const QString &, setImage, image_)
BERTH_SETTER(const QString &, setName, name_)
BERTH_SETTER(const QString &, setCommand, command_)
BERTH_SETTER(const QStringList &, setEnv, env_)
BERTH_SETTER(const QStringList &, setVolumes, volumes_)
BERTH_SETTER(const QString &, setMemory, memory_)
BERTH_SETTER(const QString &, setCpus, cpus_)
BERTH_SETTER(const QString &, setPidsLimit, pidsLimit_)
BERTH_SETTER(const QString &, setRestartPolicy, restartPolicy_)
BERTH_SETTER(const QString &, setMaximumRetries, maximumRetries_)
BERTH_SETTER(bool, setAutoRemove, autoRemove_)
BERTH_SETTER(bool, setInteractive, interactive_)

#undef BERTH_SETTER

std::optional<QStringList> RunForm::splitCommand(const QString &line)
{
    QStringList words;
    QString word;
    bool inWord = false;
    enum class Quote { None, Single, Double } quote = Quote::None;
    for (qsizetype at = 0; at < line.size(); ++at) {
        const QChar c = line.at(at);
        if (quote == Quote::Single) {
            if (c == QLatin1Char('\''))
                quote = Quote::None;
            else
                word += c;
            continue;
        }
        if (quote == Quote::Double) {
            if (c == QLatin1Char('"')) {
                quote = Quote::None;
            } else if (c == QLatin1Char('\\') && at + 1 < line.size()
                       && QStringLiteral("\"\\$`").contains(line.at(at + 1))) {
                word += line.at(++at);
            } else {
                word += c;
            }
            continue;
        }
        if (c.isSpace()) {
            if (inWord)
                words << word;
            word.clear();
            inWord = false;
            continue;
        }
        inWord = true;
        if (c == QLatin1Char('\''))
            quote = Quote::Single;
        else if (c == QLatin1Char('"'))
            quote = Quote::Double;
        else if (c == QLatin1Char('\\') && at + 1 < line.size())
            word += line.at(++at);
        else
            word += c;
    }
    if (quote != Quote::None)
        return std::nullopt;
    if (inWord)
        words << word;
    return words;
}

std::optional<qint64> RunForm::parseSize(const QString &text)
{
    QString number = text.trimmed().toLower();
    if (number == QLatin1String("-1"))
        return -1;
    if (number.endsWith(QLatin1Char('b')))
        number.chop(1);
    qint64 unit = 1;
    if (number.endsWith(QLatin1Char('k')))
        unit = 1024;
    else if (number.endsWith(QLatin1Char('m')))
        unit = 1024 * 1024;
    else if (number.endsWith(QLatin1Char('g')))
        unit = 1024LL * 1024 * 1024;
    if (unit != 1)
        number.chop(1);
    static const QRegularExpression decimal(QStringLiteral("^[0-9]+(\\.[0-9]+)?$"));
    if (!decimal.match(number).hasMatch())
        return std::nullopt;
    return static_cast<qint64>(std::llround(number.toDouble() * static_cast<double>(unit)));
}

QString RunForm::imageProblem() const
{
    const QString trimmed = image_.trimmed();
    if (trimmed.isEmpty())
        return tr("Choose an image from the list or type one, for example busybox.");
    auto reference = berth::image::parseReference(trimmed.toStdString());
    if (!reference)
        return QString::fromStdString(reference.error().describe());
    return {};
}

QString RunForm::nameProblem() const
{
    const QString trimmed = name_.trimmed();
    if (trimmed.isEmpty() || isDockerName(trimmed))
        return {};
    return tr("`%1` is not a valid container name: use letters, digits and _ . - (at least two characters, "
              "starting with a letter or digit), or leave it empty for a generated name.")
        .arg(trimmed);
}

QString RunForm::commandProblem() const
{
    if (!splitCommand(command_))
        return tr("A quote in the command is not closed: close it, or put a backslash before it to keep it as text.");
    return {};
}

QStringList RunForm::envProblems() const
{
    QStringList problems;
    for (const QString &row : env_) {
        const QString line = row.trimmed();
        const auto equals = line.indexOf(QLatin1Char('='));
        if (line.isEmpty())
            problems << QString();
        else if (equals < 0)
            problems << tr("`%1` has no value: write NAME=value, for example DEBUG=1.").arg(line);
        else if (equals == 0)
            problems << tr("`%1` has no variable name before the =: write NAME=value.").arg(line);
        else if (line.left(equals).contains(QRegularExpression(QStringLiteral("\\s"))))
            problems << tr("`%1` is not a variable name: names cannot contain spaces.").arg(line.left(equals));
        else
            problems << QString();
    }
    return problems;
}

QStringList RunForm::volumeProblems() const
{
    const QString format = tr("Write SOURCE:/path/in/container, optionally followed by :ro for read-only; SOURCE is "
                              "a folder of this computer (/home/me/data) or a volume name (data).");
    QStringList problems;
    for (const QString &row : volumes_) {
        const QString line = row.trimmed();
        if (line.isEmpty()) {
            problems << QString();
            continue;
        }
        const QStringList parts = line.split(QLatin1Char(':'));
        if (parts.size() == 1) {
            // An anonymous volume: just the path inside the container.
            problems << (line.startsWith(QLatin1Char('/')) ? QString() : tr("`%1` is not a mount. %2").arg(line, format));
            continue;
        }
        if (parts.size() > 3) {
            problems << tr("`%1` has too many colons. %2").arg(line, format);
            continue;
        }
        const QString &source = parts.at(0);
        const QString &target = parts.at(1);
        if (source.isEmpty())
            problems << tr("`%1` has no source before the colon. %2").arg(line, format);
        else if (!source.startsWith(QLatin1Char('/')) && !isDockerName(source))
            problems << tr("`%1` is neither an absolute folder path nor a volume name (letters, digits, _ . -).").arg(source);
        else if (!target.startsWith(QLatin1Char('/')))
            problems << tr("The container path `%1` must be absolute, for example /data.").arg(target);
        else if (target == QLatin1String("/"))
            problems << tr("Nothing can be mounted over the container's / : choose a folder such as /data.");
        else if (parts.size() == 3 && parts.at(2) != QLatin1String("ro") && parts.at(2) != QLatin1String("rw"))
            problems << tr("`%1` is not a mount mode: write ro for read-only or rw (the default).").arg(parts.at(2));
        else
            problems << QString();
    }
    return problems;
}

QString RunForm::memoryProblem() const
{
    const QString trimmed = memory_.trimmed();
    if (trimmed.isEmpty())
        return {};
    const auto bytes = parseSize(trimmed);
    if (!bytes || *bytes < 0)
        return tr("`%1` is not a size: give a number with k, m or g, for example 512m or 1g.").arg(trimmed);
    if (*bytes < minimumMemory)
        return tr("`%1` is too little: the smallest memory limit is 6m.").arg(trimmed);
    return {};
}

QString RunForm::cpusProblem() const
{
    const QString trimmed = cpus_.trimmed();
    if (trimmed.isEmpty())
        return {};
    bool ok = false;
    const double cpus = trimmed.toDouble(&ok);
    const int available = QThread::idealThreadCount();
    if (!ok || !std::isfinite(cpus) || cpus < 0.01)
        return tr("`%1` is not a number of CPUs: give one such as 0.5 or 2.").arg(trimmed);
    if (cpus > available)
        return tr("`%1` is more than the %2 CPUs this computer has: give at most %2.").arg(trimmed).arg(available);
    return {};
}

QString RunForm::pidsProblem() const
{
    const QString trimmed = pidsLimit_.trimmed();
    if (trimmed.isEmpty())
        return {};
    bool ok = false;
    const qint64 limit = trimmed.toLongLong(&ok);
    if (!ok || limit < -1 || limit == 0)
        return tr("`%1` is not a process limit: give a whole number such as 100, or -1 for no limit.").arg(trimmed);
    return {};
}

QString RunForm::restartProblem() const
{
    if (!restartPolicies.contains(restartPolicy_))
        return tr("`%1` is not a restart policy: choose no, on-failure, always or unless-stopped.").arg(restartPolicy_);
    if (restartPolicy_ == QLatin1String("on-failure") && !maximumRetries_.trimmed().isEmpty()) {
        bool ok = false;
        const int retries = maximumRetries_.trimmed().toInt(&ok);
        if (!ok || retries < 0)
            return tr("`%1` is not a number of retries: give a whole number, or leave it empty to retry for ever.")
                .arg(maximumRetries_.trimmed());
    }
    if (autoRemove_ && restartPolicy_ != QLatin1String("no"))
        return tr("A container removed when it exits cannot also be restarted: untick \"Remove when it exits\" "
                  "or choose the restart policy no.");
    return {};
}

bool RunForm::valid() const
{
    const auto allEmpty = [](const QStringList &problems) {
        return std::all_of(problems.begin(), problems.end(), [](const QString &problem) { return problem.isEmpty(); });
    };
    return imageProblem().isEmpty() && nameProblem().isEmpty() && commandProblem().isEmpty() && allEmpty(envProblems())
           && allEmpty(volumeProblems()) && memoryProblem().isEmpty() && cpusProblem().isEmpty() && pidsProblem().isEmpty()
           && restartProblem().isEmpty();
}

QString RunForm::restartText() const
{
    if (restartPolicy_ == QLatin1String("on-failure") && !maximumRetries_.trimmed().isEmpty())
        return restartPolicy_ + QLatin1Char(':') + maximumRetries_.trimmed();
    return restartPolicy_;
}

QStringList RunForm::arguments() const
{
    QStringList words{QStringLiteral("run"), QStringLiteral("-d")};
    if (interactive_)
        words << QStringLiteral("-it");
    if (!name_.trimmed().isEmpty())
        words << QStringLiteral("--name") << name_.trimmed();
    for (const QString &line : nonEmpty(env_))
        words << QStringLiteral("-e") << line;
    for (const QString &line : nonEmpty(volumes_))
        words << QStringLiteral("-v") << line;
    if (!memory_.trimmed().isEmpty())
        words << QStringLiteral("-m") << memory_.trimmed();
    if (!cpus_.trimmed().isEmpty())
        words << QStringLiteral("--cpus") << cpus_.trimmed();
    if (!pidsLimit_.trimmed().isEmpty())
        words << QStringLiteral("--pids-limit") << pidsLimit_.trimmed();
    if (restartPolicy_ != QLatin1String("no"))
        words << QStringLiteral("--restart") << restartText();
    if (autoRemove_)
        words << QStringLiteral("--rm");
    words << (image_.trimmed().isEmpty() ? QStringLiteral("IMAGE") : image_.trimmed());
    // A command with an open quote is shown as typed, one word, until the quote is closed.
    words += splitCommand(command_).value_or(QStringList{command_});
    return words;
}

QString RunForm::commandLine() const
{
    return berth::gui::commandLine(arguments());
}

QVariantMap RunForm::request() const
{
    QVariantMap map{{QStringLiteral("Image"), image_.trimmed()}};
    if (!name_.trimmed().isEmpty())
        map.insert(QStringLiteral("Name"), name_.trimmed());
    if (const auto words = splitCommand(command_); words && !words->isEmpty())
        map.insert(QStringLiteral("Cmd"), *words);
    if (const QStringList env = nonEmpty(env_); !env.isEmpty())
        map.insert(QStringLiteral("Env"), env);
    if (const QStringList binds = nonEmpty(volumes_); !binds.isEmpty())
        map.insert(QStringLiteral("Binds"), binds);
    if (const auto bytes = parseSize(memory_); !memory_.trimmed().isEmpty() && bytes)
        map.insert(QStringLiteral("Memory"), *bytes);
    if (!cpus_.trimmed().isEmpty())
        map.insert(QStringLiteral("NanoCpus"), static_cast<qint64>(std::llround(cpus_.trimmed().toDouble() * 1e9)));
    if (!pidsLimit_.trimmed().isEmpty())
        map.insert(QStringLiteral("PidsLimit"), pidsLimit_.trimmed().toLongLong());
    if (restartPolicy_ != QLatin1String("no")) {
        QVariantMap policy{{QStringLiteral("Name"), restartPolicy_}};
        if (restartPolicy_ == QLatin1String("on-failure") && !maximumRetries_.trimmed().isEmpty())
            policy.insert(QStringLiteral("MaximumRetryCount"), maximumRetries_.trimmed().toInt());
        map.insert(QStringLiteral("RestartPolicy"), policy);
    }
    if (autoRemove_)
        map.insert(QStringLiteral("AutoRemove"), true);
    if (interactive_) {
        map.insert(QStringLiteral("Tty"), true);
        map.insert(QStringLiteral("OpenStdin"), true);
    }
    return map;
}

QString RunForm::containerName() const
{
    return ranName_.isEmpty() ? containerId_.left(12) : ranName_;
}

void RunForm::setStage(const QString &stage)
{
    stage_ = stage;
    Q_EMIT runChanged();
}

void RunForm::finishRun(const QString &error)
{
    running_ = false;
    finished_ = true;
    stage_.clear();
    errorMessage_ = error;
    Q_EMIT runChanged();
    if (error.isEmpty())
        Q_EMIT started(containerId_, containerName());
}

void RunForm::reset()
{
    if (running_)
        return;
    image_.clear();
    name_.clear();
    command_.clear();
    env_.clear();
    volumes_.clear();
    memory_.clear();
    cpus_.clear();
    pidsLimit_.clear();
    restartPolicy_ = QStringLiteral("no");
    maximumRetries_.clear();
    autoRemove_ = false;
    interactive_ = false;
    finished_ = false;
    errorMessage_.clear();
    containerId_.clear();
    ranName_.clear();
    Q_EMIT inputChanged();
    Q_EMIT runChanged();
}

void RunForm::run()
{
    if (running_ || !valid())
        return;
    auto *client = HelperClient::instance();
    client->showCommand(commandLine());
    running_ = true;
    finished_ = false;
    errorMessage_.clear();
    containerId_.clear();
    ranName_ = name_.trimmed();
    setStage(tr("Creating the container…"));
    if (const QString failure = client->busFailure(); !failure.isEmpty()) {
        finishRun(failure);
        return;
    }
    const QVariantMap asked = request();
    auto *created = new QDBusPendingCallWatcher(client->changeProxy()->CreateContainer(asked), this);
    connect(created, &QDBusPendingCallWatcher::finished, this, [this, created, asked]() {
        created->deleteLater();
        QDBusPendingReply<QString> reply = *created;
        if (reply.isError()) {
            finishRun(tr("Could not create the container: %1").arg(berth::client::describeFailure(reply.error()).message));
            return;
        }
        containerId_ = reply.value();
        setStage(tr("Starting %1…").arg(containerName()));
        auto *client = HelperClient::instance();
        auto *started = new QDBusPendingCallWatcher(client->changeProxy()->StartContainer(containerId_), this);
        connect(started, &QDBusPendingCallWatcher::finished, this, [this, started, asked]() {
            started->deleteLater();
            if (!started->isError()) {
                finishRun({});
                return;
            }
            QString error = tr("Created %1 but could not start it: %2")
                                .arg(containerName(), berth::client::describeFailure(started->error()).message);
            // As `berth run --rm`: a container that was to be removed when it ends goes now.
            if (asked.value(QStringLiteral("AutoRemove")).toBool()) {
                (void)HelperClient::instance()->changeProxy()->RemoveContainer(containerId_, true, true);
                error += QLatin1Char(' ') + tr("It was removed, as --rm asks.");
            } else {
                error += QLatin1Char(' ') + tr("It stays in the list as created: fix the cause and start it, or remove it.");
            }
            finishRun(error);
        });
    });
}
