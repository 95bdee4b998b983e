#!/usr/bin/env python3
# check-ascent.py: tests for the Soyuz MS-28 ascent reconstruction
#
# Copyright 2026 The Cosmodrome developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   check-ascent.py reproduce  --sim SIM --params INI --data DIR
#       runs the simulator into a temporary directory and byte-compares every
#       output with the committed file in DIR (the mission package folder).
#   check-ascent.py milestones --data DIR
#       checks the committed files against the CSV rules of the package format
#       and the published milestones of issue 3, recomputing everything from
#       the CSV text alone (including the insertion orbit, from two positions
#       one second apart during the coast before spacecraft separation).
#
# Standard library only; exit status 0 = pass, 1 = fail.

import argparse
import math
import os
import shutil
import subprocess
import sys
import tempfile

OUTPUTS = [
    'trajectory.csv', 'vehicle.csv', 'pad.csv',
    'debris-blok-b.csv', 'debris-blok-v.csv', 'debris-blok-g.csv', 'debris-blok-d.csv',
    'debris-blok-a.csv', 'fall-zone-boosters.csv', 'fall-zone-core.csv',
]

TRACK_HEADER = 't,lat,lon,alt_m,speed_mps,inertial_speed_mps,downrange_km'
HEADERS = {
    'trajectory.csv': TRACK_HEADER,
    'vehicle.csv': 't,alt_km,speed_mps,inertial_speed_mps,accel_g,q_kpa,mach,mass_t,'
                   'thrust_kn,downrange_km,fpa_deg',
    'pad.csv': 't,acoustic_db,cabin_position_m,trench_temp_c',
    'fall-zone-boosters.csv': 'lat,lon',
    'fall-zone-core.csv': 'lat,lon',
}
for b in 'bvgda':
    HEADERS['debris-blok-%s.csv' % b] = TRACK_HEADER

# WGS84 and friends, as in sim-earth.h
A = 6378137.0
F = 1.0 / 298.257223563
E2 = F * (2.0 - F)
GM = 3.986004418e14
OMEGA = 7.292115e-5
R_MEAN = 6371008.8

PAD = (45.99603, 63.56400)
ZHEZKAZGAN = (47.78, 67.77)
SEPARATION_POINT = (51.1, 84.6)

failures = []


def check(ok, what):
    print('%s %s' % ('ok  ' if ok else 'FAIL', what))
    if not ok:
        failures.append(what)


# ---- CSV ---------------------------------------------------------------------

def read_csv(path, name):
    """Parse with the package's rules; returns (header list, columns dict)."""
    raw = open(path, 'rb').read()
    try:
        text = raw.decode('utf-8')
    except UnicodeDecodeError:
        check(False, '%s: not UTF-8' % name)
        return [], {}
    check('\r' not in text, '%s: LF line ends only' % name)
    check(text.endswith('\n'), '%s: ends with a newline' % name)
    lines = text.split('\n')[:-1]
    i = 0
    while i < len(lines) and lines[i].startswith('#'):
        i += 1
    check(i > 0 and any('not telemetry' in l or 'SIMULATED' in l or 'reconstructed' in l
                        for l in lines[:i]),
          '%s: provenance stated in the leading comments' % name)
    header = lines[i].split(',')
    check(lines[i] == HEADERS[name], '%s: header is %s' % (name, HEADERS[name]))
    cols = {h: [] for h in header}
    bad = 0
    for line in lines[i + 1:]:
        cells = line.split(',')
        if len(cells) != len(header):
            bad += 1
            continue
        for h, c in zip(header, cells):
            if c == '':
                cols[h].append(None)
                continue
            try:
                v = float(c)
            except ValueError:
                bad += 1
                v = None
            if v is not None and not math.isfinite(v):
                bad += 1
                v = None
            if any(ch not in '0123456789.-' for ch in c):
                bad += 1
            cols[h].append(v)
    check(bad == 0, '%s: every cell numeric in C notation or empty (%d bad)' % (name, bad))
    if 't' in cols:
        t = cols['t']
        check(all(x is not None for x in t) and all(b > a for a, b in zip(t, t[1:])),
              '%s: t strictly increasing' % name)
    return header, cols


# ---- geometry ------------------------------------------------------------------

def haversine(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = math.sin((p2 - p1) / 2)
    dl = math.sin(math.radians(lon2 - lon1) / 2)
    h = dp * dp + math.cos(p1) * math.cos(p2) * dl * dl
    return 2 * R_MEAN * math.asin(min(1.0, math.sqrt(h)))


def destination(lat, lon, bearing, dist):
    p1, l1, b, d = math.radians(lat), math.radians(lon), math.radians(bearing), dist / R_MEAN
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1),
                         math.cos(d) - math.sin(p1) * math.sin(p2))
    return math.degrees(p2), math.degrees(l2)


def eci(lat, lon, h, t):
    p, l = math.radians(lat), math.radians(lon)
    n = A / math.sqrt(1 - E2 * math.sin(p) ** 2)
    x = (n + h) * math.cos(p) * math.cos(l)
    y = (n + h) * math.cos(p) * math.sin(l)
    z = (n * (1 - E2) + h) * math.sin(p)
    a = OMEGA * t
    return (math.cos(a) * x - math.sin(a) * y, math.sin(a) * x + math.cos(a) * y, z)


def orbit(r, v):
    rn = math.sqrt(sum(c * c for c in r))
    v2 = sum(c * c for c in v)
    rv = sum(a * b for a, b in zip(r, v))
    h = (r[1] * v[2] - r[2] * v[1], r[2] * v[0] - r[0] * v[2], r[0] * v[1] - r[1] * v[0])
    energy = v2 / 2 - GM / rn
    sma = -GM / (2 * energy)
    ev = [((v2 - GM / rn) * rc - rv * vc) / GM for rc, vc in zip(r, v)]
    e = math.sqrt(sum(c * c for c in ev))
    inc = math.degrees(math.acos(h[2] / math.sqrt(sum(c * c for c in h))))
    return (sma * (1 - e) - A) / 1000, (sma * (1 + e) - A) / 1000, inc


def point_in_polygon(lat, lon, poly):
    inside = False
    for (a_lat, a_lon), (b_lat, b_lon) in zip(poly, poly[1:]):
        if (a_lat > lat) != (b_lat > lat):
            x = a_lon + (lat - a_lat) * (b_lon - a_lon) / (b_lat - a_lat)
            if lon < x:
                inside = not inside
    return inside


def at(cols, t):
    idx = min(range(len(cols['t'])), key=lambda i: abs(cols['t'][i] - t))
    check(abs(cols['t'][idx] - t) < 1e-6, 'sample at T+%g present' % t)
    return {k: v[idx] for k, v in cols.items()}


def within(value, lo, hi, what, unit):
    check(lo <= value <= hi, '%s = %.4g %s (accepted %g to %g)' % (what, value, unit, lo, hi))


# ---- modes -----------------------------------------------------------------------

def reproduce(args):
    tmp = tempfile.mkdtemp(prefix='ascent-')
    try:
        r = subprocess.run([args.sim, '--params', args.params, '--out', tmp, '--quiet'],
                           capture_output=True, text=True)
        check(r.returncode == 0, 'simulator exits 0 (%s)' % r.stderr.strip())
        for name in OUTPUTS:
            new = os.path.join(tmp, name)
            old = os.path.join(args.data, name)
            if not os.path.exists(old):
                check(False, '%s committed in %s' % (name, args.data))
                continue
            a, b = open(old, 'rb').read(), open(new, 'rb').read()
            if a == b:
                check(True, '%s byte-identical (%d bytes)' % (name, len(a)))
                continue
            la, lb = a.split(b'\n'), b.split(b'\n')
            line = next((i for i, (x, y) in enumerate(zip(la, lb)) if x != y),
                        min(len(la), len(lb)))
            check(False, '%s differs from line %d: committed %r, regenerated %r'
                  % (name, line + 1, la[line] if line < len(la) else b'<eof>',
                     lb[line] if line < len(lb) else b'<eof>'))
        extra = sorted(set(os.listdir(tmp)) - set(OUTPUTS))
        check(not extra, 'no unexpected outputs %s' % extra)
    finally:
        shutil.rmtree(tmp)


def milestones(args):
    d = {}
    for name in OUTPUTS:
        d[name] = read_csv(os.path.join(args.data, name), name)[1]
    traj, veh, pad = d['trajectory.csv'], d['vehicle.csv'], d['pad.csv']

    # sampling
    n = len(traj['t'])
    check(n == 5291 and traj['t'][0] == 0.0 and traj['t'][-1] == 529.0
          and all(abs(t - i / 10) < 1e-9 for i, t in enumerate(traj['t'])),
          'trajectory.csv: T+0 to T+529 at 10 samples/s')
    check(veh['t'] == traj['t'], 'vehicle.csv: same times as trajectory.csv')
    check(len(pad['t']) == 3601 and pad['t'][0] == -60.0 and pad['t'][-1] == 120.0,
          'pad.csv: T-60 to T+120 at 20 samples/s')
    dr_err = max(abs(haversine(PAD[0], PAD[1], la, lo) / 1000 - dr)
                 for la, lo, dr in zip(traj['lat'], traj['lon'], traj['downrange_km']))
    check(dr_err < 0.002, 'downrange_km is the great-circle distance from the pad '
          '(max deviation %.4f km)' % dr_err)

    # milestones of issue 3
    qmax = max(q for q in veh['q_kpa'])
    t_maxq = veh['t'][veh['q_kpa'].index(qmax)]
    within(t_maxq, 62, 82, 'max-Q time', 's')
    s = at(traj, 118.0)
    within(s['alt_m'] / 1000, 43, 53, 'T+118 altitude', 'km')
    within(s['speed_mps'] / 1000, 1.6, 2.0, 'T+118 speed (ground-relative)', 'km/s')
    s = at(traj, 288.0)
    within(s['alt_m'] / 1000, 161, 191, 'T+288 altitude', 'km')
    within(s['inertial_speed_mps'] / 1000, 3.45, 4.05, 'T+288 inertial speed', 'km/s')
    within(s['downrange_km'], 440, 560, 'T+288 downrange', 'km')
    s = at(traj, 529.0)
    within(s['inertial_speed_mps'] / 1000, 7.8, 8.0, 'T+529 inertial speed', 'km/s')
    within(s['downrange_km'], 1560, 1720, 'T+529 downrange', 'km')
    within(math.degrees(haversine(SEPARATION_POINT[0], SEPARATION_POINT[1], s['lat'], s['lon'])
                        / R_MEAN), 0, 1, 'T+529 distance from 51.1 N 84.6 E', 'deg')

    # insertion orbit from the coast between cutoff (~T+527) and T+529
    s0, s1 = at(traj, 528.0), at(traj, 529.0)
    r0 = eci(s0['lat'], s0['lon'], s0['alt_m'], 528.0)
    r1 = eci(s1['lat'], s1['lon'], s1['alt_m'], 529.0)
    v = [b - a for a, b in zip(r0, r1)]
    rm = [(a + b) / 2 for a, b in zip(r0, r1)]
    rn = math.sqrt(sum(c * c for c in rm))
    rm = [c + GM * c / rn ** 3 / 8 for c in rm]   # chord midpoint -> arc midpoint
    perigee, apogee, inc = orbit(rm, v)
    within(perigee, 190, 205, 'insertion perigee (over the equatorial radius)', 'km')
    within(apogee, 225, 260, 'insertion apogee (over the equatorial radius)', 'km')
    within(inc, 51.56, 51.76, 'insertion inclination', 'deg')

    # debris and fall zones
    bzone = list(zip(d['fall-zone-boosters.csv']['lat'], d['fall-zone-boosters.csv']['lon']))
    czone = list(zip(d['fall-zone-core.csv']['lat'], d['fall-zone-core.csv']['lon']))
    check(bzone[0] == bzone[-1] and czone[0] == czone[-1] and len(bzone) >= 20,
          'fall zones are closed polygons')
    for b in 'bvgd':
        c = d['debris-blok-%s.csv' % b]
        check(abs(c['t'][0] - 118.1) < 1e-6, 'Blok %s separates at T+118.1' % b.upper())
        check(c['alt_m'][-1] == 0.0, 'Blok %s track ends at the ground' % b.upper())
        within(haversine(ZHEZKAZGAN[0], ZHEZKAZGAN[1], c['lat'][-1], c['lon'][-1]) / 1000,
               0, 120, 'Blok %s impact from Zhezkazgan' % b.upper(), 'km')
        check(point_in_polygon(c['lat'][-1], c['lon'][-1], bzone),
              'Blok %s impact inside the booster fall zone' % b.upper())
    clat = sum(p[0] for p in bzone[:-1]) / (len(bzone) - 1)
    clon = sum(p[1] for p in bzone[:-1]) / (len(bzone) - 1)
    within(haversine(ZHEZKAZGAN[0], ZHEZKAZGAN[1], clat, clon) / 1000, 0, 120,
           'booster fall zone centre from Zhezkazgan', 'km')
    c = d['debris-blok-a.csv']
    check(c['alt_m'][-1] == 0.0, 'Blok A track ends at the ground')
    check(point_in_polygon(c['lat'][-1], c['lon'][-1], czone),
          'Blok A impact inside the core fall zone')
    ust = destination(PAD[0], PAD[1], 62.9, 1650e3)
    within(haversine(ust[0], ust[1], c['lat'][-1], c['lon'][-1]) / 1000, 0, 150,
           'Blok A impact from the Ust-Kan point (1650 km at 62.9 deg; own tolerance)', 'km')

    # pad traces: the collapse shows
    cab = pad['cabin_position_m']
    before = [x for t, x in zip(pad['t'], cab) if t < 10.0]
    after = [x for t, x in zip(pad['t'], cab) if t > 15.0]
    check(max(abs(x) for x in before) < 0.1 and all(abs(x + 20) < 0.5 for x in after),
          'pad.csv: cabin stowed before T+10 s, ~20 m down after')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('mode', choices=['reproduce', 'milestones'])
    ap.add_argument('--sim')
    ap.add_argument('--params')
    ap.add_argument('--data', required=True)
    args = ap.parse_args()
    if args.mode == 'reproduce':
        if not args.sim or not args.params:
            ap.error('reproduce needs --sim and --params')
        reproduce(args)
    else:
        milestones(args)
    if failures:
        print('%d check(s) failed' % len(failures))
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
