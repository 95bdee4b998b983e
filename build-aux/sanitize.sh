#!/bin/sh
# build-aux/sanitize.sh: build everything with AddressSanitizer and
# UndefinedBehaviorSanitizer in _build-asan and run the whole test suite
# under Xvfb. Any ASan/UBSan report fails the run; leaks inside system
# libraries are suppressed by build-aux/lsan.supp.
#
#   build-aux/sanitize.sh [meson test arguments, e.g. --suite core]
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

src=$(cd "$(dirname "$0")/.." && pwd)
build="$src/_build-asan"

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$src" -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug
fi
ninja -C "$build"

# abort_on_error makes a report fail the test; GLib's slice allocator is
# already gone (2.76+) or bypassed with G_SLICE=always-malloc.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:fast_unwind_on_malloc=0:strict_string_checks=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$src/build-aux/lsan.supp:print_suppressions=0"
export G_SLICE=always-malloc

exec dbus-run-session -- xvfb-run -a -s "-screen 0 1920x1080x24" \
  meson test -C "$build" --print-errorlogs --timeout-multiplier 4 "$@"
