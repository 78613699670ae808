#!/usr/bin/env bash
# Pull benchmark: Berth, `podman pull` and `skopeo copy docker://… oci:…` pulling the same
# generated image (6 layers, ~120 MB of incompressible data) from a docker-registry on
# 127.0.0.1, side by side in one run, several rounds each, with medians and ratios, and
# berth-helper's peak RSS during its pulls. A measurement, not a test: it prints figures.
#   usage: tests/bench/pull-bench.sh BUILD_DIR [ROUNDS]      (as root)
set -euo pipefail
build=$(cd "${1:?usage: pull-bench.sh BUILD_DIR [ROUNDS]}" && pwd)
rounds=${2:-5}
here=$(cd "$(dirname "$0")/../.." && pwd)
work=/tmp/berth-pull-bench
fixtures="$here/tests/fixtures/test-services"
for tool in podman skopeo; do
  command -v "$tool" >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null
done

"$fixtures" start "$work/env" --project-dir "$here" --helper "$build/helper/berth-helper" --idle-timeout 600 >/dev/null
trap '"$fixtures" stop "$work/env" >/dev/null; rm -rf "$work/podman" "$work/skopeo"' EXIT
export DBUS_SYSTEM_BUS_ADDRESS=unix:path=$work/env/bus/system_bus_socket
registry=127.0.0.1:$(cat "$work/env/registry/port")
berth="$build/app/cli/berth"

# --- the image: 6 layers of 20 MB random data each, as an OCI layout pushed with skopeo ---
image=$work/image
if [ ! -f "$image/oci/index.json" ]; then
  rm -rf "$image"; mkdir -p "$image/oci/blobs/sha256" "$image/layers"
  diff_ids=() layers=()
  for i in 1 2 3 4 5 6; do
    mkdir -p "$image/layers/$i/data"
    head -c $((20 * 1024 * 1024)) /dev/urandom >"$image/layers/$i/data/blob$i"
    tar -C "$image/layers/$i" -cf "$image/layers/$i.tar" --sort=name --owner=0 --group=0 --numeric-owner data
    diff_ids+=("\"sha256:$(sha256sum "$image/layers/$i.tar" | cut -d' ' -f1)\"")
    gzip -n -1 -c "$image/layers/$i.tar" >"$image/layers/$i.tar.gz"
    hex=$(sha256sum "$image/layers/$i.tar.gz" | cut -d' ' -f1)
    cp "$image/layers/$i.tar.gz" "$image/oci/blobs/sha256/$hex"
    layers+=("{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"sha256:$hex\",\"size\":$(stat -c %s "$image/layers/$i.tar.gz")}")
  done
  join() { local IFS=,; printf '%s' "$*"; }
  printf '{"created":"2026-01-01T00:00:00Z","architecture":"amd64","os":"linux","config":{"Cmd":["sh"]},"rootfs":{"type":"layers","diff_ids":[%s]}}' \
    "$(join "${diff_ids[@]}")" >"$image/config.json"
  config_hex=$(sha256sum "$image/config.json" | cut -d' ' -f1); cp "$image/config.json" "$image/oci/blobs/sha256/$config_hex"
  printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%s},"layers":[%s]}' \
    "$config_hex" "$(stat -c %s "$image/config.json")" "$(join "${layers[@]}")" >"$image/manifest.json"
  manifest_hex=$(sha256sum "$image/manifest.json" | cut -d' ' -f1); cp "$image/manifest.json" "$image/oci/blobs/sha256/$manifest_hex"
  printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%s,"annotations":{"org.opencontainers.image.ref.name":"latest"}}]}' \
    "$manifest_hex" "$(stat -c %s "$image/manifest.json")" >"$image/oci/index.json"
  printf '{"imageLayoutVersion":"1.0.0"}' >"$image/oci/oci-layout"
fi
skopeo --insecure-policy copy --quiet --dest-tls-verify=false "oci:$image/oci:latest" "docker://$registry/bench/big:latest"
reference=$registry/bench/big:latest
echo "image: $reference, $(du -sb "$image/oci/blobs" | cut -f1) bytes compressed in 6 layers"

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
helper_pid() {
  dbus-send --system --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.GetConnectionUnixProcessID \
    string:io.berth.Helper 2>/dev/null | awk '/uint32/ {print $2}'
}

berth_times=() podman_times=() skopeo_times=() peaks=()
podman_args=(--root "$work/podman/root" --runroot "$work/podman/run" --storage-driver overlay)
for round in $(seq "$rounds"); do
  # Berth: a fresh helper each round, so its peak RSS is this pull's.
  "$berth" rmi -f "$reference" >/dev/null 2>&1 || true
  [ -z "$("$berth" images -q "$reference")" ] || { echo "pull-bench: could not remove $reference before the round" >&2; exit 1; }
  pid=$(helper_pid || true); [ -n "$pid" ] && kill "$pid" && while kill -0 "$pid" 2>/dev/null; do sleep 0.01; done
  "$berth" version >/dev/null
  sync; start=$(now_ms)
  "$berth" pull -q "$reference" >/dev/null
  berth_times+=($(( $(now_ms) - start )))
  [ -n "$("$berth" images -q "$reference")" ] || { echo "pull-bench: berth pull did not store $reference" >&2; exit 1; }
  [ "$(du -sm "$work/env/root/layers" | cut -f1)" -ge 100 ] || { echo "pull-bench: the unpacked layers are missing" >&2; exit 1; }
  peaks+=("$(awk '/VmHWM/ {print $2}' "/proc/$(helper_pid)/status")")

  rm -rf "$work/podman"; mkdir -p "$work/podman"
  sync; start=$(now_ms)
  podman "${podman_args[@]}" pull -q --tls-verify=false "docker://$reference" >/dev/null
  podman_times+=($(( $(now_ms) - start )))

  rm -rf "$work/skopeo"
  sync; start=$(now_ms)
  skopeo --insecure-policy copy --quiet --src-tls-verify=false "docker://$reference" "oci:$work/skopeo:latest"
  skopeo_times+=($(( $(now_ms) - start )))
  echo "round $round: berth ${berth_times[-1]} ms, podman ${podman_times[-1]} ms, skopeo ${skopeo_times[-1]} ms, helper peak RSS ${peaks[-1]} KiB"
done
podman "${podman_args[@]}" system reset -f >/dev/null 2>&1 || true

b=$(printf '%s\n' "${berth_times[@]}" | median)
p=$(printf '%s\n' "${podman_times[@]}" | median)
s=$(printf '%s\n' "${skopeo_times[@]}" | median)
peak=$(printf '%s\n' "${peaks[@]}" | sort -n | tail -1)
echo
echo "medians over $rounds rounds: berth $b ms, podman pull $p ms, skopeo copy (no unpacking) $s ms"
awk -v b="$b" -v p="$p" -v s="$s" 'BEGIN {printf "berth/podman = %.2f (target <= 0.70), berth/skopeo = %.2f\n", b/p, b/s}'
echo "berth-helper peak RSS during a pull: $((peak / 1024)) MiB (target <= 60 MiB)"
