#!/usr/bin/python3
# test-cli.py: the command line as people and scripts use it (TAP).
#
# Copyright 2026 The Cosmodrome developers
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

exe = sys.argv[1]
datadir = sys.argv[2]
bundled = os.path.join(datadir, 'missions', 'soyuz-ms-28')
results = []


def run(*args, timeout=120):
    return subprocess.run([exe, *args], capture_output=True, text=True, timeout=timeout)


def check(name, condition, detail=''):
    results.append((name, bool(condition), detail))


def png_info(path):
    """Width, height and the number of distinct byte values in the image data."""
    with open(path, 'rb') as f:
        data = f.read()
    if data[:8] != b'\x89PNG\r\n\x1a\n':
        return None
    pos, idat, width, height = 8, b'', 0, 0
    while pos < len(data):
        length, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b'IHDR':
            width, height = struct.unpack('>II', body[:8])
        elif kind == b'IDAT':
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    return width, height, len(set(raw))


# --version
r = run('--version')
check('version', r.returncode == 0 and r.stdout.startswith('cosmodrome '), r.stdout + r.stderr)

# --validate on the bundled mission
r = run('--validate', bundled)
check('validate-bundled exits 0', r.returncode == 0, r.stderr)
check('validate-bundled prints a summary', 'Soyuz MS-28' in r.stdout and r.stdout.rstrip().endswith('OK'), r.stdout)
check('validate-bundled reports provenance', 'Trajectory:' in r.stdout and 'Channels:' in r.stdout, r.stdout)

# --validate with no PATH validates the bundled mission
r = run('--validate')
check('validate-default exits 0', r.returncode == 0, r.stderr)

# --validate on a broken package: exit 1, each error as file:line: message
with tempfile.TemporaryDirectory() as tmp:
    pkg = os.path.join(tmp, 'broken')
    shutil.copytree(bundled, pkg)
    with open(os.path.join(pkg, 'mission.json')) as f:
        text = f.read()
    text = text.replace('"category": "pad"', '"category": "launchpad"', 1)
    text = text.replace('"time": "T+10"', '"time": "soon"', 1)
    with open(os.path.join(pkg, 'mission.json'), 'w') as f:
        f.write(text)
    r = run('--validate', pkg)
    lines = [l for l in r.stderr.splitlines() if l.strip()]
    check('validate-broken exits 1', r.returncode == 1, r.stdout + r.stderr)
    check('validate-broken prints two errors', len(lines) == 2, r.stderr)
    check('validate-broken errors are file:line: message',
          all(l.startswith('mission.json:') and l.split(':')[1].isdigit() for l in lines), r.stderr)
    check('validate-broken names what was expected', 'expected one of' in r.stderr and '"soon"' in r.stderr, r.stderr)

    # a CSV error names the CSV file, its line and column
    csvs = [n for n in os.listdir(pkg) if n.endswith('.csv')]
    if csvs:
        shutil.copytree(bundled, os.path.join(tmp, 'badcsv'))
        name = 'vehicle.csv' if 'vehicle.csv' in csvs else csvs[0]
        path = os.path.join(tmp, 'badcsv', name)
        with open(path) as f:
            rows = f.read().split('\n')
        header_index = next(i for i, row in enumerate(rows) if not row.startswith('#'))
        bad_line = header_index + 3
        cells = rows[bad_line - 1].split(',')
        cells[1] = '"1,2e"'
        rows[bad_line - 1] = ','.join(cells)
        with open(path, 'w') as f:
            f.write('\n'.join(rows))
        r = run('--validate', os.path.join(tmp, 'badcsv'))
        expected = '%s:%d:%d: expected a number, found "1,2e"' % (name, bad_line, len(cells[0]) + 2)
        check('validate-bad-csv names file, line and column', r.returncode == 1 and expected in r.stderr,
              'expected %s in %s' % (expected, r.stderr))

    r = run('--validate', os.path.join(tmp, 'does-not-exist'))
    check('validate-missing exits 1', r.returncode == 1 and 'expected a mission package folder' in r.stderr, r.stderr)

# --print-state
r = run('--validate', bundled)
has_trajectory = 'Trajectory:\n  none' not in r.stdout
r = run('--print-state', 'T+118', bundled)
if has_trajectory:
    state = json.loads(r.stdout) if r.returncode == 0 else {}
    check('print-state exits 0 with JSON', r.returncode == 0, r.stderr)
    for key in ('t', 'lat', 'lon', 'alt_m', 'speed_mps', 'inertial_speed_mps', 'downrange_km'):
        check('print-state has ' + key, key in state, r.stdout)
    check('print-state t', state.get('t') == 118, r.stdout)
else:
    check('print-state without trajectory exits 1', r.returncode == 1 and 'no trajectory' in r.stderr, r.stderr)
r = run('--print-state', 'garbage', bundled)
check('print-state rejects a bad time', r.returncode == 2 and 'expected a time' in r.stderr, r.stderr)

# --screenshot: needs a display (the test command runs under Xvfb)
if os.environ.get('DISPLAY') or os.environ.get('WAYLAND_DISPLAY'):
    with tempfile.TemporaryDirectory() as tmp:
        for size in ('1920x1080', '1024x700'):
            out = os.path.join(tmp, 'shot-%s.png' % size)
            r = run('--screenshot', out, '--size', size, '--at', 'T+10', bundled, timeout=120)
            info = png_info(out) if os.path.exists(out) else None
            w, h = (int(x) for x in size.split('x'))
            check('screenshot %s written' % size, r.returncode == 0 and info is not None, r.stderr)
            check('screenshot %s has the requested size' % size, info is not None and info[:2] == (w, h), str(info))
            check('screenshot %s is not blank' % size, info is not None and info[2] > 40, str(info))
else:
    results.append(('screenshot', None, 'no display'))

print('TAP version 13')
print('1..%d' % len(results))
failed = 0
for i, (name, ok, detail) in enumerate(results, 1):
    if ok is None:
        print('ok %d - %s # SKIP %s' % (i, name, detail))
    elif ok:
        print('ok %d - %s' % (i, name))
    else:
        failed += 1
        print('not ok %d - %s' % (i, name))
        for line in str(detail).splitlines()[:20]:
            print('# ' + line)
sys.exit(1 if failed else 0)
