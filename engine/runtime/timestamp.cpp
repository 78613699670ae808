// timestampNow (declared in runtime_state.h) in a file of its own: berth-monitor links it
// from the static library without the state file code and its JSON and stream machinery.
#include "engine/runtime/runtime_state.h"

#include <cstdio>
#include <ctime>

namespace berth::runtime {

std::string timestampNow()
{
    timespec now{};
    ::clock_gettime(CLOCK_REALTIME, &now);
    tm utc{};
    ::gmtime_r(&now.tv_sec, &utc);
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%09ldZ", utc.tm_year + 1900, utc.tm_mon + 1,
                  utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, now.tv_nsec);
    return text;
}

} // namespace berth::runtime
