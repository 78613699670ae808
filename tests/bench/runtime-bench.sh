#!/usr/bin/env bash
# berth-runtime against the bare OCI runtimes on one bundle: `run` of /bin/true (create,
# start, wait, delete) with the bundle `crun spec` writes, busybox-static as the rootfs.
#   usage: tests/bench/runtime-bench.sh BUILD_DIR [ROUNDS]
# crun 1.8 refuses hybrid cgroup hosts ("cgroups in hybrid mode not supported"): on such a
# host it runs in a mount namespace where the cgroup2 mount is hidden, i.e. as on pure v1.
# runc is measured when installed. A measurement, not a test: it prints medians and ratios.
set -euo pipefail
build=$(cd "${1:?usage: runtime-bench.sh BUILD_DIR [ROUNDS]}" && pwd)
rounds=${2:-30}
berth_runtime="$build/helper/runtime/berth-runtime"
work=$(mktemp -d /tmp/berth-runtime-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

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

hybrid=false
grep -q '^cgroup2 /sys/fs/cgroup/unified ' /proc/mounts && hybrid=true
now_ns() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# time_runs NAME COMMAND...: COMMAND gets the container id appended.
declare -A medians
time_runs() {
  local name=$1; shift
  local samples=() round start
  "$@" "warmup-$name" >/dev/null
  for round in $(seq "$rounds"); do
    start=$(now_ns)
    "$@" "$name-$round" >/dev/null
    samples+=($(( ($(now_ns) - start) / 1000 )))
  done
  medians[$name]=$(printf '%s\n' "${samples[@]}" | median)
  printf '%-34s median %7.1f ms over %d runs\n' "$name" "$(echo "${medians[$name]} / 1000" | bc -l)" "$rounds"
}

# On a hybrid host crun needs the cgroup2 mount hidden (see above); berth-runtime is then
# timed in the same wrapper too, so that both pay for it and the ratio compares runtimes.
in_v1_view() {
  if $hybrid; then
    unshare -m sh -c 'umount /sys/fs/cgroup/unified && exec "$@"' sh "$@"
  else
    "$@"
  fi
}
time_runs berth-runtime "$berth_runtime" --root "$work/berth-state" run --bundle "$bundle"
time_runs berth-runtime-same-view-as-crun in_v1_view "$berth_runtime" --root "$work/berth-state" run --bundle "$bundle"
time_runs crun in_v1_view crun --root "$work/crun-state" run --bundle "$bundle"
if command -v runc >/dev/null; then
  time_runs runc in_v1_view runc --root "$work/runc-state" run --bundle "$bundle"
fi

echo
printf 'berth-runtime / crun: %.2f\n' "$(echo "${medians[berth-runtime-same-view-as-crun]} / ${medians[crun]}" | bc -l)"
if [ -n "${medians[runc]:-}" ]; then
  printf 'berth-runtime / runc: %.2f\n' "$(echo "${medians[berth-runtime-same-view-as-crun]} / ${medians[runc]}" | bc -l)"
fi
