// Loads Berth's compiled translations (embedded as :/i18n/berth_<locale>.qm).
#pragma once

#include <QCoreApplication>
#include <QString>

namespace berth {

/// Installs the translation for language (e.g. "zh_CN"), or for the system locale when it
/// is empty. Returns false if there is none (English is built in, so that is not an error).
bool installTranslations(QCoreApplication &app, const QString &language);

} // namespace berth
