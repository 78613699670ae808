// The D-Bus types the image calls return (aa{sv}) must be known to QtDBus before the first
// call; each image model calls this in its constructor.
#pragma once

#include <QDBusMetaType>
#include <QList>
#include <QVariantMap>

namespace berth::gui {

inline void registerImageDBusTypes()
{
    static const bool registered = [] {
        qDBusRegisterMetaType<QList<QVariantMap>>();
        return true;
    }();
    (void)registered;
}

} // namespace berth::gui
