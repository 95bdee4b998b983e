#!/usr/bin/env bash
# setup.sh: install what Cosmodrome needs on Debian 12, build it, then
#   run   start the app with the bundled mission, or
#   test  run the whole test suite headless (Xvfb, D-Bus session).
#
# Usage (as root or with sudo):  build-aux/setup.sh run|test
#
# Copyright 2026 The Cosmodrome developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

mode=${1:-}
case "$mode" in
  run|test|build) ;;
  *) echo "usage: $0 run|test|build" >&2; exit 2 ;;
esac

top=$(cd "$(dirname "$0")/.." && pwd)
build=${COSMODROME_BUILD_DIR:-$top/_build}

packages=(
  # build
  build-essential pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libshumate-dev
  libjson-glib-dev libcairo2-dev libpango1.0-dev
  # video export
  libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good
  gstreamer1.0-plugins-ugly gstreamer1.0-tools gstreamer1.0-plugins-base-apps
  # run
  fonts-cantarell fonts-dejavu-core librsvg2-common adwaita-icon-theme
  # tests: headless display, session bus, validators, locales, PDF text
  xvfb xauth dbus dbus-x11 at-spi2-core desktop-file-utils appstream
  locales-all poppler-utils python3 python3-jsonschema
  # fuzzing and sanitizer runs (build-aux/fuzz.sh, build-aux/sanitize.sh)
  clang-14 libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup.sh: these Debian packages are missing: ${missing[*]}" >&2
    echo "setup.sh: run me as root (sudo $0 $mode) to install them" >&2
    exit 1
  fi
  echo "setup.sh: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ -f "$build/build.ninja" ]; then
  meson setup --reconfigure "$build" "$top" >/dev/null
else
  meson setup "$build" "$top"
fi
ninja -C "$build"

case "$mode" in
  build)
    ;;
  run)
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      echo "setup.sh: no display to show the window on; starting it on a virtual one (Xvfb)." >&2
      echo "setup.sh: for a visible window, run this from a desktop session." >&2
      exec dbus-run-session -- xvfb-run -a -s "-screen 0 1920x1080x24" \
        env GSETTINGS_SCHEMA_DIR="$build/data" "$build/src/app/cosmodrome" "${@:2}"
    fi
    exec env GSETTINGS_SCHEMA_DIR="$build/data" "$build/src/app/cosmodrome" "${@:2}"
    ;;
  test)
    status=0
    dbus-run-session -- xvfb-run -a -s "-screen 0 1920x1080x24 -noreset" \
      meson test -C "$build" --print-errorlogs --num-processes 2 || status=$?
    # One summary line from meson's own results, for CI.
    python3 - "$build/meson-logs/testlog.json" <<'PY'
import json, sys
passed = failed = skipped = 0
with open(sys.argv[1]) as f:
    for line in f:
        if not line.strip():
            continue
        result = json.loads(line).get('result')
        if result in ('OK', 'EXPECTEDFAIL'):
            passed += 1
        elif result == 'SKIP':
            skipped += 1
        else:
            failed += 1
print('%d passed, %d failed, %d skipped' % (passed, failed, skipped))
PY
    exit $status
    ;;
esac
