#!/usr/bin/env python3
# bench-startup.py: how long until the window shows, over 10 launches under
# Xvfb with the bundled mission (a benchmark, not a test).
#
#   dbus-run-session -- xvfb-run -a -s "-screen 0 1920x1080x24" \
#       build-aux/bench-startup.py _build/src/app/cosmodrome
#
# Copyright 2026 The Cosmodrome developers
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import statistics
import subprocess
import sys
import time

exe = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 10
env = dict(os.environ, COSMODROME_STARTUP_PROBE='1', GSK_RENDERER=os.environ.get('GSK_RENDERER', 'cairo'),
           GSETTINGS_BACKEND='memory', NO_AT_BRIDGE='1')
first_frame, wall = [], []
for _ in range(runs + 1):           # the first run warms the page cache
    start = time.monotonic()
    out = subprocess.run([exe], env=env, capture_output=True, text=True, timeout=60).stdout
    wall.append((time.monotonic() - start) * 1000)
    first_frame.append(next(float(l.split()[1]) for l in out.splitlines() if l.startswith('first-frame-ms')))
first_frame, wall = first_frame[1:], wall[1:]
print('main() to first frame: median %.1f ms, min %.1f, max %.1f (n=%d)' %
      (statistics.median(first_frame), min(first_frame), max(first_frame), runs))
print('whole process (exec to exit after first frame): median %.1f ms' % statistics.median(wall))
