#!/usr/bin/env bash
# Container benchmark: `berth run --rm IMAGE true` against `podman run --rm`, `docker run
# --rm` (a private dockerd started here) and the bare runtimes (`crun run`, `runc run`,
# `berth-runtime run`) on an equivalent bundle, side by side in one run with medians and
# ratios; then berth-monitor's RSS and PSS per running container, and 100 containers
# running at once with berth-helper's RSS, and their removal. All engines use the same
# busybox image from the fixture's docker-registry on 127.0.0.1 and no network.
# A measurement, not a test: it prints figures, and removes everything it started.
#   usage: tests/bench/container-bench.sh BUILD_DIR [ROUNDS]      (as root)
#
# How the baselines are made to run on this kind of host (no CAP_SYS_RESOURCE, hybrid
# cgroups with only hugetlb on cgroup2):
# * podman asks crun for RLIMIT_NOFILE 1048576 and RLIMIT_NPROC 1048576, above the hard
#   limits, and without CAP_SYS_RESOURCE setrlimit fails; its containers.conf gives
#   default_ulimits within them (podman itself lowers its NPROC hard limit to 32768, so
#   no more than that). cgroup_manager is cgroupfs (no systemd here).
# * crun 1.8 refuses hybrid hosts ("cgroups in hybrid mode not supported"): podman and
#   crun run in a mount namespace where the cgroup2 mount is hidden, as on pure v1
#   (see runtime-bench.sh); berth-runtime is also timed in that view, for the ratio.
# * dockerd (package docker.io) gets its own data root, exec root, socket and pid file,
#   no bridge, no iptables, the cgroupfs driver and a default nofile limit within the
#   hard one; 127.0.0.1 registries are insecure to it by default.
set -euo pipefail
build=$(cd "${1:?usage: container-bench.sh BUILD_DIR [ROUNDS]}" && pwd)
rounds=${2:-20}
here=$(cd "$(dirname "$0")/../.." && pwd)
work=/tmp/berth-container-bench
fixtures="$here/tests/fixtures/test-services"
berth="$build/app/cli/berth"
berth_runtime="$build/helper/runtime/berth-runtime"
many=100
[ "$(id -u)" = 0 ] || { echo "container-bench: run it as root (containers need namespaces, mounts and cgroups)" >&2; exit 1; }
for program in "$berth" "$berth_runtime" "$build/helper/berth-helper" "$build/helper/monitor/berth-monitor"; do
  [ -x "$program" ] || { echo "container-bench: $program is missing: build berth, berth-helper, berth-runtime and berth-monitor in $build" >&2; exit 1; }
done
for tool in podman crun skopeo; do
  command -v "$tool" >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null
done

now_ns() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ms() { awk -v us="$1" 'BEGIN {printf "%.1f", us / 1000}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
kib_of() { awk -v key="$2:" '$1 == key {print $2}' "$1" 2>/dev/null || true; }
hybrid=false
grep -q ' - cgroup2 ' /proc/self/mountinfo && grep -q ' - cgroup ' /proc/self/mountinfo && hybrid=true
# in_v1_view COMMAND...: COMMAND in a mount namespace without the cgroup2 mount on a hybrid host.
in_v1_view() {
  if $hybrid; then
    unshare -m sh -c 'umount /sys/fs/cgroup/unified && exec "$@"' sh "$@"
  else
    "$@"
  fi
}

# ---- set-up and clean-up -------------------------------------------------------------
rm -rf --one-file-system "$work"
mkdir -p "$work"
dockerd_pid=
podman_args=(--root "$work/podman/root" --runroot "$work/podman/run" --storage-driver overlay)
export CONTAINERS_CONF="$work/podman/containers.conf"
docker_cli=/usr/bin/docker
[ -x "$docker_cli" ] || docker_cli=$(command -v docker || true)
# What the engines create outside the work dir (their parent cgroups, default state dirs,
# dockerd's trust key): whatever of this did not exist before the bench goes at the end.
outside=(/run/libpod /run/docker /run/containerd /run/crun /run/runc /etc/docker/key.json)
for hierarchy in $(awk '{for (i = 7; i <= NF; i++) if ($i == "-") break} $(i + 1) ~ /^cgroup2?$/ && $5 ~ "^/sys/fs/cgroup/" {print $5}' /proc/self/mountinfo); do
  outside+=("$hierarchy/docker" "$hierarchy/libpod_parent")
done
existed=()
for path in "${outside[@]}"; do [ -e "$path" ] && existed+=("$path"); done
remove_outside() {
  local path
  for path in "${outside[@]}"; do
    [[ " ${existed[*]} " == *" $path "* ]] && continue
    case $path in
      /sys/fs/cgroup/*) [ -d "$path" ] && find "$path" -depth -type d -exec rmdir {} + 2>/dev/null ;;
      *) rm -rf --one-file-system "$path" ;;
    esac
  done
}
cleanup() {
  set +e
  if [ -S "$work/env/bus/system_bus_socket" ]; then
    mapfile -t left < <("$berth" ps -a -q --no-trunc 2>/dev/null)
    [ ${#left[@]} -eq 0 ] || "$berth" rm -f "${left[@]}" >/dev/null 2>&1
  fi
  if [ -n "$dockerd_pid" ]; then
    mapfile -t left < <("$docker_cli" -H "unix://$work/docker/docker.sock" ps -a -q 2>/dev/null)
    [ ${#left[@]} -eq 0 ] || "$docker_cli" -H "unix://$work/docker/docker.sock" rm -f "${left[@]}" >/dev/null 2>&1
    kill "$dockerd_pid" 2>/dev/null
    wait "$dockerd_pid" 2>/dev/null
  fi
  [ -d "$work/podman" ] && in_v1_view podman "${podman_args[@]}" system reset -f >/dev/null 2>&1
  "$fixtures" stop "$work/env" >/dev/null 2>&1
  # Whatever an engine left mounted below the work dir (none should), deepest first.
  awk -v w="$work/" 'index($5, w) == 1 {print $5}' /proc/self/mountinfo | sort -r | while read -r point; do umount -l "$point"; done
  rm -rf --one-file-system "$work"
  remove_outside
  left=$(pgrep -f "berth-monitor .*$work/" || true)
  [ -z "$left" ] || echo "container-bench: warning: berth-monitor processes left: $left" >&2
}
trap cleanup EXIT

"$fixtures" start "$work/env" --project-dir "$here" --helper "$build/helper/berth-helper" --idle-timeout 600 >/dev/null
export DBUS_SYSTEM_BUS_ADDRESS=unix:path=$work/env/bus/system_bus_socket
registry=127.0.0.1:$(cat "$work/env/registry/port")
image=$registry/berth-test/busybox:latest
helper_pid() {
  dbus-send --system --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.GetConnectionUnixProcessID \
    string:io.berth.Helper 2>/dev/null | awk '/uint32/ {print $2}'
}
"$berth" pull -q "$image" >/dev/null
echo "image: $image (busybox-static), network none everywhere; $rounds rounds each after one warm-up run"
echo "host: $(uname -r), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), cgroups $($hybrid && echo hybrid || echo 'not hybrid')"
echo

# time_runs NAME COMMAND...: median wall time of COMMAND over the rounds, in microseconds.
declare -A medians
time_runs() {
  local name=$1; shift
  local samples=() round start
  "$@" >/dev/null
  for round in $(seq "$rounds"); do
    start=$(now_ns)
    "$@" >/dev/null
    samples+=($(( ($(now_ns) - start) / 1000 )))
  done
  medians[$name]=$(printf '%s\n' "${samples[@]}" | median)
  printf '%-44s median %8s ms  (min %s, max %s)\n' "$name" "$(ms "${medians[$name]}")" \
    "$(ms "$(printf '%s\n' "${samples[@]}" | sort -n | head -1)")" "$(ms "$(printf '%s\n' "${samples[@]}" | sort -n | tail -1)")"
}

# ---- podman: private storage and configuration, the image pulled from the registry ----
mkdir -p "$work/podman/tmp" "$work/podman/networks"
cat >"$CONTAINERS_CONF" <<EOF
[containers]
default_ulimits = ["nofile=$(ulimit -Hn):$(ulimit -Hn)", "nproc=32768:32768"]
[engine]
cgroup_manager = "cgroupfs"
tmp_dir = "$work/podman/tmp"
[network]
network_config_dir = "$work/podman/networks"
EOF
in_v1_view podman "${podman_args[@]}" pull -q --tls-verify=false "docker://$image" >/dev/null

# ---- docker: a private dockerd -------------------------------------------------------
docker_reason=
if ! command -v dockerd >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >/dev/null 2>&1 \
    || docker_reason="dockerd is not installed and apt-get could not install docker.io"
  docker_cli=/usr/bin/docker
fi
if [ -z "$docker_reason" ]; then
  mkdir -p "$work/docker"
  dockerd --data-root "$work/docker/root" --exec-root "$work/docker/run" --pidfile "$work/docker/dockerd.pid" \
    -H "unix://$work/docker/docker.sock" --bridge none --iptables=false --ip6tables=false --ip-masq=false \
    --storage-driver overlay2 --exec-opt native.cgroupdriver=cgroupfs \
    --default-ulimit "nofile=$(ulimit -Hn):$(ulimit -Hn)" >"$work/docker/dockerd.log" 2>&1 &
  dockerd_pid=$!
  for _ in $(seq 150); do
    "$docker_cli" -H "unix://$work/docker/docker.sock" version >/dev/null 2>&1 && break
    kill -0 "$dockerd_pid" 2>/dev/null || break
    sleep 0.2
  done
  if ! "$docker_cli" -H "unix://$work/docker/docker.sock" version >/dev/null 2>&1; then
    docker_reason="dockerd did not answer within 30 s: $(tail -1 "$work/docker/dockerd.log")"
  elif ! "$docker_cli" -H "unix://$work/docker/docker.sock" pull -q "$image" >/dev/null 2>"$work/docker/pull.err"; then
    docker_reason="docker pull $image failed: $(tail -1 "$work/docker/pull.err")"
  fi
fi

# ---- the bare runtimes: one bundle, busybox-static as rootfs, `crun spec`'s config -----
bundle="$work/bundle"
mkdir -p "$bundle/rootfs/bin"
cp /bin/busybox "$bundle/rootfs/bin/busybox"
ln -s busybox "$bundle/rootfs/bin/true"
(cd "$bundle" && crun spec)
python3 - "$bundle/config.json" <<'PY'
import json, sys
path = sys.argv[1]
config = json.load(open(path))
config["process"]["args"] = ["/bin/true"]
config["process"]["terminal"] = False
json.dump(config, open(path, "w"))
PY
serial=0
next_id() { serial=$((serial + 1)); echo "bench-$serial"; }
run_bare() { # run_bare RUNTIME-COMMAND...: one `run` of the bundle with a fresh id
  "$@" run --bundle "$bundle" "$(next_id)"
}

# ---- run --rm, side by side ------------------------------------------------------------
echo "== run --rm IMAGE true =="
time_runs "berth run --rm" "$berth" run --rm "$image" true
time_runs "podman run --rm (crun, cgroup2 hidden)" in_v1_view podman "${podman_args[@]}" run --rm --network none "$image" true
if command -v runc >/dev/null; then
  time_runs "podman run --rm (runc)" podman "${podman_args[@]}" --runtime "$(command -v runc)" run --rm --network none "$image" true
fi
if [ -z "$docker_reason" ]; then
  time_runs "docker run --rm" "$docker_cli" -H "unix://$work/docker/docker.sock" run --rm --network none "$image" true
else
  echo "docker: not measured ($docker_reason)"
fi
time_runs "berth-runtime run" run_bare "$berth_runtime" --root "$work/berth-runtime-state"
time_runs "berth-runtime run (cgroup2 hidden)" run_bare in_v1_view "$berth_runtime" --root "$work/berth-runtime-state"
time_runs "crun run (cgroup2 hidden)" run_bare in_v1_view crun --root "$work/crun-state"
if command -v runc >/dev/null; then
  time_runs "runc run" run_bare runc --root "$work/runc-state"
fi

b=${medians[berth run --rm]}
echo
echo "berth run --rm / podman run --rm (crun)       = $(ratio "$b" "${medians[podman run --rm (crun, cgroup2 hidden)]}")   (target <= 0.25)"
[ -n "${medians[podman run --rm (runc)]:-}" ] && echo "berth run --rm / podman run --rm (runc)       = $(ratio "$b" "${medians[podman run --rm (runc)]}")"
[ -n "${medians[docker run --rm]:-}" ] && echo "berth run --rm / docker run --rm              = $(ratio "$b" "${medians[docker run --rm]}")"
echo "berth run --rm / crun run                     = $(ratio "$b" "${medians[crun run (cgroup2 hidden)]}")   (target <= 3)"
[ -n "${medians[runc run]:-}" ] && echo "berth run --rm / runc run                     = $(ratio "$b" "${medians[runc run]}")"
echo "berth run --rm / berth-runtime run            = $(ratio "$b" "${medians[berth-runtime run]}")"
echo "berth-runtime run / crun run (same view)      = $(ratio "${medians[berth-runtime run (cgroup2 hidden)]}" "${medians[crun run (cgroup2 hidden)]}")"

# ---- memory: monitors and the helper with containers running ---------------------------
# monitor_pids: berth-monitor processes of this bench's store.
monitor_pids() { pgrep -f "berth-monitor .*--bundle $work/env/root/containers/" || true; }
# monitor_memory: "count rss_kib pss_kib" averaged over the running monitors.
monitor_memory() {
  local pid rss=0 pss=0 count=0
  for pid in $(monitor_pids); do
    [ -r "/proc/$pid/smaps_rollup" ] || continue
    rss=$((rss + $(kib_of "/proc/$pid/smaps_rollup" Rss)))
    pss=$((pss + $(kib_of "/proc/$pid/smaps_rollup" Pss)))
    count=$((count + 1))
  done
  [ "$count" -gt 0 ] || { echo "0 0 0"; return; }
  echo "$count $((rss / count)) $((pss / count))"
}
kib_mib() { awk -v k="$1" 'BEGIN {printf "%.2f MiB", k / 1024}'; }

echo
echo "== memory =="
for i in 1 2 3 4 5; do "$berth" run -d "$image" sleep 1000 >/dev/null; done
read -r count rss pss < <(monitor_memory)
echo "berth-monitor with $count containers running: RSS $(kib_mib "$rss"), PSS $(kib_mib "$pss") each (target RSS <= 2 MiB)"
"$berth" rm -f $("$berth" ps -a -q) >/dev/null

helper=$(helper_pid)
helper_before=$(kib_of "/proc/$helper/status" VmRSS)
start=$(now_ns)
for i in $(seq "$many"); do "$berth" run -d "$image" sleep 1000 >/dev/null; done
started_ms=$(( ($(now_ns) - start) / 1000000 ))
running=$("$berth" ps -q | wc -l)
[ "$running" -eq "$many" ] || { echo "container-bench: $running containers run, not $many: see berth ps -a" >&2; exit 1; }
helper_now=$(helper_pid)
[ "$helper_now" = "$helper" ] || echo "container-bench: warning: berth-helper changed from pid $helper to $helper_now"
helper_rss=$(kib_of "/proc/$helper_now/status" VmRSS)
helper_peak=$(kib_of "/proc/$helper_now/status" VmHWM)
helper_fds=$(ls "/proc/$helper_now/fd" | wc -l)
read -r count rss pss < <(monitor_memory)
echo "$many containers started one after another with berth run -d in $started_ms ms ($((started_ms / many)) ms each)"
echo "berth-helper with $running running: RSS $(kib_mib "$helper_rss") (before: $(kib_mib "$helper_before"), peak $(kib_mib "$helper_peak"); target <= 80 MiB), $helper_fds open fds"
echo "berth-monitor with $count containers running: RSS $(kib_mib "$rss"), PSS $(kib_mib "$pss") each"
start=$(now_ns)
"$berth" rm -f $("$berth" ps -a -q) >/dev/null
removed_ms=$(( ($(now_ns) - start) / 1000000 ))
left=$("$berth" ps -a -q | wc -l)
echo "berth rm -f of all $many in $removed_ms ms; left: $left records, $(monitor_pids | wc -l) monitors, $(find "$work/env/root/containers" -mindepth 1 -maxdepth 1 | wc -l) container directories"
echo "berth-helper after the removal: RSS $(kib_mib "$(kib_of "/proc/$helper_now/status" VmRSS)"), $(ls "/proc/$helper_now/fd" | wc -l) open fds"
