#!/usr/bin/env bash
# Berth from a source tree on Debian 12. The README's two commands:
#   ./dev.sh run    install what is missing, build, install the helper's bus and polkit
#                   files, make sure the system bus and polkitd run, and open berth-gui
#   ./dev.sh test   install what is missing, build with tests, and run the whole suite
# Uses sudo for the steps that need root when not run as root.
set -euo pipefail
cd "$(dirname "$0")"

build_packages=(
  build-essential cmake ninja-build ccache pkg-config
  qt6-base-dev qt6-declarative-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtqml-workerscript
  qml6-module-qtqml-models qml6-module-qttest qml6-module-qtquick-dialogs qml6-module-qt-labs-folderlistmodel
  libarchive-dev libzstd-dev nlohmann-json3-dev libcurl4-openssl-dev libssl-dev libsqlite3-dev libseccomp-dev libcap-dev libvterm-dev
  dbus-daemon dbus-bin polkitd fonts-wqy-microhei busybox-static
)
# Real peers the tests start themselves (see tests/fixtures/README.md).
test_packages=(
  docker-registry skopeo busybox-static curl util-linux passwd xvfb xauth imagemagick openssl apache2-utils
  podman zstd procps crun
)

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

install_missing() {
  local missing=() package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "dev.sh: installing ${missing[*]}" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build() {
  local dir=$1; shift
  cmake -S . -B "$dir" -G Ninja "$@" >/dev/null
  cmake --build "$dir" -- -j"$(nproc)"
}

# The system bus and polkitd are there on any desktop; containers and minimal systems
# may lack them, so start them if they are not running.
ensure_system_services() {
  if [ ! -S /run/dbus/system_bus_socket ]; then
    echo "dev.sh: starting the system bus" >&2
    as_root mkdir -p /run/dbus
    as_root dbus-daemon --system --fork
  else
    as_root dbus-send --system --type=method_call --dest=org.freedesktop.DBus / org.freedesktop.DBus.ReloadConfig || true
  fi
  if ! dbus-send --system --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.NameHasOwner \
        string:org.freedesktop.PolicyKit1 2>/dev/null | grep -q 'boolean true'; then
    echo "dev.sh: starting polkitd" >&2
    as_root sh -c '/usr/lib/polkit-1/polkitd --no-debug >/var/log/berth-polkitd.log 2>&1 &'
    for _ in $(seq 50); do
      dbus-send --system --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.NameHasOwner \
        string:org.freedesktop.PolicyKit1 2>/dev/null | grep -q 'boolean true' && break
      sleep 0.1
    done
  fi
}

case "${1:-}" in
  run)
    install_missing "${build_packages[@]}"
    build build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBERTH_BUILD_TESTS=OFF
    as_root cmake --install build >/dev/null
    # A group whose members may use Berth without a password (50-berth.rules).
    getent group berth >/dev/null || as_root groupadd --system berth
    ensure_system_services
    # Where systemd runs, the helper starts at boot to bring back containers with a restart policy.
    if [ -d /run/systemd/system ]; then
      as_root systemctl daemon-reload
      as_root systemctl enable --quiet berth-helper.service || true
    fi
    # A new helper binary replaces a running one at its next activation.
    as_root pkill -TERM -x berth-helper 2>/dev/null || true
    berth version
    # A sample image made here from busybox-static, so Berth has something to show offline.
    if [ -z "$(berth images -q 2>/dev/null)" ]; then
      sample=$(mktemp -d)
      tests/fixtures/make-test-images --oci-only "$sample" >/dev/null
      id=$(berth load -i "$sample/oci" | awk '/Loaded image ID:/ {print $4}')
      rm -rf "$sample"
      [ -n "$id" ] && berth tag "$id" berth-sample/busybox:latest && echo "dev.sh: loaded the sample image berth-sample/busybox:latest" >&2
    fi
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
      exec berth-gui
    else
      echo "dev.sh: no display; showing 'berth info' instead of the window" >&2
      berth info
    fi
    ;;
  test)
    install_missing "${build_packages[@]}" "${test_packages[@]}"
    dir=build
    [ "${CI:-}" = true ] && dir=build-ci
    build "$dir" -DCMAKE_BUILD_TYPE=Debug -DBERTH_BUILD_TESTS=ON
    cd "$dir"
    ctest --output-on-failure --timeout 600
    ;;
  *)
    echo "usage: ./dev.sh run | test" >&2
    exit 2
    ;;
esac
