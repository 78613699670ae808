#!/usr/bin/env bash
# Measures berth-helper's cold start through D-Bus activation (first call after the helper
# exited), a warm call, and the helper's idle RSS, on the test fixture's private bus.
#   usage: tests/bench/helper-startup.sh BUILD_DIR [ROUNDS]
# A measurement, not a test: it prints figures and never fails on them.
set -euo pipefail
build=$(cd "${1:?usage: helper-startup.sh BUILD_DIR [ROUNDS]}" && pwd)
rounds=${2:-20}
here=$(cd "$(dirname "$0")/../.." && pwd)
env_dir=/tmp/berth-bench-startup
fixtures="$here/tests/fixtures/test-services"
"$fixtures" start "$env_dir" --project-dir "$here" --helper "$build/helper/berth-helper" --idle-timeout 600 >/dev/null
trap '"$fixtures" stop "$env_dir" >/dev/null' EXIT
export DBUS_SYSTEM_BUS_ADDRESS=unix:path=$env_dir/bus/system_bus_socket
berth="$build/app/cli/berth"

helper_pid() {
  dbus-send --system --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.GetConnectionUnixProcessID \
    string:io.berth.Helper 2>/dev/null | awk '/uint32/ {print $2}'
}
now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

cold=() warm=()
for _ in $(seq "$rounds"); do
  pid=$(helper_pid || true)
  if [ -n "$pid" ]; then kill "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.01; done; fi
  start=$(now_ms); "$berth" version >/dev/null; cold+=($(( $(now_ms) - start )))
  start=$(now_ms); "$berth" version >/dev/null; warm+=($(( $(now_ms) - start )))
done
"$berth" info >/dev/null
sleep 1
pid=$(helper_pid)
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
echo "berth version, helper not running (cold start via D-Bus activation): median $(printf '%s\n' "${cold[@]}" | median) ms over $rounds"
echo "berth version, helper running (warm):                               median $(printf '%s\n' "${warm[@]}" | median) ms over $rounds"
echo "berth-helper idle RSS after version+info: $((rss_kb / 1024)).$(( (rss_kb % 1024) * 10 / 1024 )) MiB ($rss_kb KiB)"
