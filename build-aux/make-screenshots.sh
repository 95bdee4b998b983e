#!/usr/bin/env bash
# make-screenshots.sh: regenerate the AppStream screenshots in data/screenshots/
# with the built app (1000x700, the size Flathub asks for at most).
#
# Usage: build-aux/make-screenshots.sh [BUILD_DIR]    (default: _build)
#
# Copyright 2026 The Cosmodrome developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/_build}
app=$build/src/app/cosmodrome
out=$top/data/screenshots
mkdir -p "$out"

shoot() {
  local name=$1 at=$2
  shift 2
  # English, default settings, no session bus settings leaking in.
  env LANGUAGE=en LC_ALL=C.UTF-8 GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" \
      GSK_RENDERER=cairo NO_AT_BRIDGE=1 "$@" \
      dbus-run-session -- xvfb-run -a -s "-screen 0 1920x1080x24" \
      "$app" --screenshot "$out/$name.png" --size 1000x700 --at "$at"
}

shoot main T+120
shoot incident T+15
shoot dark T+300 ADW_DEBUG_COLOR_SCHEME=prefer-dark
ls -l "$out"
