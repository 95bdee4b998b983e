#!/bin/sh
# benchmark-replay.sh: replay frame times of the whole window (map, charts,
# timeline, event log) at 10x, from the GdkFrameClock, under Xvfb with the
# cairo renderer. Not a test: prints numbers to compare between changes.
#
#   build-aux/benchmark-replay.sh [BUILDDIR] [SECONDS] [WIDTHxHEIGHT]
#
# The app does the measuring when COSMODROME_BENCHMARK_REPLAY=SECONDS is set
# (src/timeline/cosmo-replay-actions.c): it waits for the mission, replays
# from T-10 s at 10x, prints the median and 95th percentile of the frame
# interval and of the frame cost (frame clock "update" to end of paint),
# and quits.
#
# Copyright 2026 The Cosmodrome developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

builddir=${1:-_build}
seconds=${2:-20}
size=${3:-1920x1080}
bin="$builddir/src/app/cosmodrome"

if [ ! -x "$bin" ]; then
  echo "benchmark-replay.sh: no $bin; build first (meson setup $builddir && ninja -C $builddir)" >&2
  exit 1
fi

export GSK_RENDERER=${GSK_RENDERER:-cairo}
export GSETTINGS_BACKEND=memory
export NO_AT_BRIDGE=1
export GDK_BACKEND=x11
export COSMODROME_BENCHMARK_REPLAY="$seconds"

exec dbus-run-session -- xvfb-run -a -s "-screen 0 ${size}x24" \
  "$bin" --size "$size"
