#!/bin/sh
# build-aux/fuzz.sh: build the libFuzzer harnesses with clang, ASan and
# UBSan, and run each for a bounded time (CI: 30 s each).
#
#   build-aux/fuzz.sh            # 30 s per target
#   FUZZ_SECONDS=600 build-aux/fuzz.sh mission-json oem
#
# Findings (crashes, leaks, timeouts) are written to _build-fuzz/findings/
# and make the script fail. The corpus grows in _build-fuzz/corpus/; the
# seeds are tests/fuzz/corpus/<target>/.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

src=$(cd "$(dirname "$0")/.." && pwd)
build="$src/_build-fuzz"
seconds=${FUZZ_SECONDS:-30}
jobs=${FUZZ_JOBS:-1}
targets=${*:-mission-json csv oem events}
cc=${CC:-$(command -v clang || command -v clang-14)}

if [ ! -f "$build/build.ninja" ]; then
  CC="$cc" meson setup "$build" "$src" \
    -Dfuzzers=true -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args=-fsanitize=fuzzer-no-link -Dbuildtype=debugoptimized
fi
for t in $targets; do
  ninja -C "$build" "tests/fuzz/fuzz-$t"
done

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export G_DEBUG=gc-friendly
export LC_ALL=C.UTF-8

status=0
for t in $targets; do
  corpus="$build/corpus/$t"
  findings="$build/findings/$t"
  mkdir -p "$corpus" "$findings"
  echo "== fuzz-$t for ${seconds}s"
  if ! "$build/tests/fuzz/fuzz-$t" "$corpus" "$src/tests/fuzz/corpus/$t" \
       -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=10 \
       $( [ "$jobs" -gt 1 ] && echo "-jobs=$jobs -workers=$jobs" ) -artifact_prefix="$findings/" -print_final_stats=1 \
       2>"$build/fuzz-$t.log"; then
    echo "fuzz-$t: FINDING, see $findings and $build/fuzz-$t.log"
    status=1
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$build/fuzz-$t.log" || true
  echo "corpus: $(ls "$corpus" | wc -l) inputs"
done
exit $status
