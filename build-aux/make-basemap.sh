#!/usr/bin/env bash
# make-basemap.sh: build the offline basemap data in data/basemap/
#
# Copyright 2026 The Cosmodrome developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/make-basemap.sh [OUTPUT_DIR]
#
# Extracts coastlines and lake shores, rivers and national borders from the
# GSHHG data that Debian ships for GMT, and writes them, with the places in
# data/basemap/places.tsv, into data/basemap/basemap.cbm (the format is
# described in data/basemap/README.md). The output is deterministic: running
# the script twice with the same Debian packages gives identical bytes.
#
# Needs: apt-get install gmt gmt-gshhg gmt-gshhg-full gmt-gshhg-low python3
#
# Two layers go into the file:
#   detail   GSHHG full resolution inside lon 45..95 E, lat 35..58 N (the
#            ascent corridor from the Caspian and the Aral Sea to the Altai)
#   context  GSHHG low resolution for the rest of the world, so that the
#            map is not blank around the corridor at low zoom levels
set -euo pipefail

srcdir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
outdir=${1:-"$srcdir/data/basemap"}
places="$srcdir/data/basemap/places.tsv"

# The detailed area, as GMT -R west/east/south/north. The box the lake
# polygons are assembled in is wider, so that no lake that touches the
# detailed area is cut open at the edge of the extraction.
detail_r=45/95/35/58
extract_r=40/100/30/75

gshhg_dir=/usr/share/gmt-gshhg
for f in binned_GSHHS_f.nc binned_river_f.nc binned_border_f.nc \
         binned_GSHHS_l.nc binned_river_l.nc binned_border_l.nc; do
  if [ ! -r "$gshhg_dir/$f" ]; then
    echo "make-basemap: $gshhg_dir/$f is missing;" \
         "install gmt-gshhg-full and gmt-gshhg-low" >&2
    exit 1
  fi
done
for tool in gmt python3; do
  if ! command -v "$tool" > /dev/null; then
    echo "make-basemap: '$tool' not found; apt-get install gmt python3" >&2
    exit 1
  fi
done
if [ ! -r "$places" ]; then
  echo "make-basemap: $places is missing" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# GMT writes gmt.history and session files into the current directory and
# the user directory; keep both inside the scratch directory.
export GMT_USERDIR="$work/gmt-user"
export GMT_TMPDIR="$work"
mkdir -p "$GMT_USERDIR"
cd "$work"

coast () {
  gmt coast --GMT_HISTORY=false --FORMAT_FLOAT_OUT=%.10f "$@"
}

# Detail layer, full resolution. Shores come out as bin-sized pieces and are
# stitched into closed rings by the Python step below.
coast -R$extract_r -Df -W -M > detail-shore.txt
coast -R$detail_r -Df -Ia -M > detail-river.txt
coast -R$detail_r -Df -N1 -M > detail-border.txt

# Context layer, low resolution: all shores of the world (the detail area's
# lakes are dropped later), major rivers and borders outside the detail box.
coast -Rd -Dl -W -M > context-shore.txt
: > context-river.txt
: > context-border.txt
for r in -180/45/-90/90 95/180/-90/90 45/95/-90/35 45/95/58/90; do
  coast -R$r -Dl -I1 -M >> context-river.txt
  coast -R$r -Dl -N1 -M >> context-border.txt
done

# Provenance, so that the file says which data it was built from.
pkgver () {
  dpkg-query -W -f='${Version}' "$1" 2> /dev/null || echo unknown
}
{
  echo "generator=build-aux/make-basemap.sh"
  echo "gmt=$(pkgver gmt)"
  echo "gmt-gshhg-full=$(pkgver gmt-gshhg-full)"
  echo "gmt-gshhg-low=$(pkgver gmt-gshhg-low)"
  echo "gshhg=GSHHG $(zcat /usr/share/doc/gmt-gshhg-full/README.TXT.gz 2> /dev/null \
                      | sed -n 's/^ *Version \([0-9.]*\).*/\1/p' | head -n 1)"
  echo "detail-region=$detail_r"
  echo "detail-resolution=GSHHG full"
  echo "context-resolution=GSHHG low"
} > meta.txt

mkdir -p "$outdir"

python3 - "$work" "$outdir/basemap.cbm" "$places" <<'PYTHON'
# The Python half: stitch, simplify, quantize and encode.
import collections
import math
import struct
import sys

work, output, places_path = sys.argv[1:4]

Q = 100000                    # coordinates are stored in 1e-5 degree units
DETAIL = (45.0, 35.0, 95.0, 58.0)        # west, south, east, north
DETAIL_PAD = (44.0, 34.0, 96.0, 59.0)
MAX_LAT = 85.0511287798066
LOD_TOLERANCE_PX = 0.5        # simplification error allowed at each zoom
LOD_MAX = 20                  # "only needed beyond any zoom we draw"

# Feature-level first zoom for river classes (GSHHG river levels).
# Level 0 = double-lined rivers, 1..4 permanent rivers by importance,
# 5..7 intermittent, 8..10 canals.
RIVER_MIN_ZOOM = {0: 4, 1: 3, 2: 4, 3: 7, 4: 9, 5: 6, 6: 8, 7: 10,
                  8: 7, 9: 9, 10: 10}

KIND_RIVER = 1
KIND_BORDER = 2
FLAG_CONTEXT = 1

PLACE_KINDS = {'capital': 1, 'city': 2, 'town': 3, 'village': 4,
               'country': 5, 'sea': 6, 'lake': 7, 'river': 8}
ANCHORS = {'C': 0, 'E': 1, 'W': 2, 'N': 3, 'S': 4}


def fail(msg):
    sys.exit('make-basemap: ' + msg)


def parse_gmt(path):
    """Multisegment GMT text -> [(level, [(lon, lat), ...])]."""
    segs = []
    cur = None
    with open(path) as f:
        for line in f:
            if line.startswith('>'):
                level = 0
                if 'Level' in line:
                    level = int(line.split('Level')[1].split()[0])
                cur = []
                segs.append((level, cur))
                continue
            if not line.strip() or line.startswith('#'):
                continue
            lon, lat = line.split()[:2]
            cur.append((float(lon), float(lat)))
    return [(lev, s) for lev, s in segs if len(s) >= 2]


def quantize(pts):
    out = []
    for lon, lat in pts:
        p = (int(round(lon * Q)), int(round(lat * Q)))
        if not out or out[-1] != p:
            out.append(p)
    return out


def stitch(segs, wrap):
    """Join pieces whose end is another's start, then quantize. With wrap,
    longitudes that differ by 360 degrees match (pieces cut at the
    antimeridian)."""
    def key(p):
        lon = p[0] % 360.0 if wrap else p[0]
        return (round(lon, 6) % 360.0 if wrap else round(lon, 6),
                round(p[1], 6))

    pieces = segs
    by_start = collections.defaultdict(list)
    for i, (lev, s) in enumerate(pieces):
        by_start[key(s[0])].append(i)
    used = [False] * len(pieces)
    rings, lines = [], []
    for i, (lev, s) in enumerate(pieces):
        if used[i]:
            continue
        used[i] = True
        s = list(s)
        while not (len(s) > 2 and key(s[-1]) == key(s[0])):
            nxt = [j for j in by_start[key(s[-1])]
                   if not used[j] and pieces[j][0] == lev]
            if not nxt:
                break
            j = nxt[0]
            used[j] = True
            # Pieces cut at the antimeridian continue 360 degrees away;
            # shift them so that the ring stays continuous.
            dx = round((s[-1][0] - pieces[j][1][0][0]) / 360.0) * 360.0
            s.extend((x + dx, y) for x, y in pieces[j][1][1:])
        closed = len(s) > 2 and key(s[-1]) == key(s[0])
        q = quantize(s)
        if closed:
            if len(q) > 3:        # else a sliver smaller than 1e-5 degree
                rings.append((lev, q))
        elif len(q) >= 2:
            lines.append((lev, q))
    return rings, lines


def close_ring(lev, s):
    """Drop the repeated closing vertex; close rings that go round a pole
    (Antarctica) along the Mercator edge."""
    if s[-1] != s[0]:
        # Went once round the globe: close through the pole on its side.
        pole = int((-MAX_LAT if s[0][1] < 0 else MAX_LAT) * Q)
        s = s + [(s[-1][0], pole), (s[0][0], pole)]
    else:
        s = s[:-1]
    return s


def bbox(s):
    xs = [p[0] for p in s]
    ys = [p[1] for p in s]
    return min(xs), min(ys), max(xs), max(ys)


def intersects(b, box):
    return not (b[2] < box[0] * Q or b[0] > box[2] * Q or
                b[3] < box[1] * Q or b[1] > box[3] * Q)


def merc(p):
    lon = p[0] / Q
    lat = max(-MAX_LAT, min(MAX_LAT, p[1] / Q))
    x = (lon + 180.0) / 360.0
    s = math.sin(math.radians(lat))
    y = 0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)
    return x, y


def seg_dist(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    l2 = dx * dx + dy * dy
    if l2 == 0.0:
        return math.hypot(px - ax, py - ay)
    t = ((px - ax) * dx + (py - ay) * dy) / l2
    t = max(0.0, min(1.0, t))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def lod_of(imp):
    if imp == math.inf:
        return 0
    if imp <= 0.0:
        return LOD_MAX
    z = math.floor(math.log2(LOD_TOLERANCE_PX / (256.0 * imp))) + 1
    return max(0, min(LOD_MAX, z))


def douglas_peucker(xy, anchors):
    """Per-vertex importance (Web-Mercator world units) by Douglas-Peucker.
    A vertex's importance never exceeds that of the split that created its
    span, so the vertices kept for any tolerance form a proper DP result."""
    n = len(xy)
    imp = [0.0] * (max(anchors) + 1)
    for a in anchors:
        imp[a] = math.inf
    stack = [(anchors[i], anchors[i + 1], math.inf)
             for i in range(len(anchors) - 1)]
    while stack:
        a, b, cap = stack.pop()
        if b - a < 2:
            continue
        ax, ay = xy[a]
        bx, by = xy[b % n]
        best, bi = -1.0, -1
        for i in range(a + 1, b):
            d = seg_dist(xy[i][0], xy[i][1], ax, ay, bx, by)
            if d > best:
                best, bi = d, i
        d = min(best, cap)
        imp[bi] = d
        stack.append((a, bi, d))
        stack.append((bi, b, d))
    return [lod_of(v) for v in imp]


def ring_lods(s):
    xy = [merc(p) for p in s]
    x0, y0 = xy[0]
    far = max(range(len(xy)),
              key=lambda i: (xy[i][0] - x0) ** 2 + (xy[i][1] - y0) ** 2)
    if far == 0:
        far = len(xy) // 2
    # Index len(xy) stands for vertex 0 again, closing the ring.
    return douglas_peucker(xy, [0, far, len(xy)])[:len(xy)]


def line_lods(s):
    xy = [merc(p) for p in s]
    return douglas_peucker(xy, [0, len(xy) - 1])


# --- encoding -------------------------------------------------------------

def uvarint(v):
    assert v >= 0
    out = bytearray()
    while True:
        b = v & 0x7f
        v >>= 7
        if v:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def svarint(v):
    return uvarint(v * 2 if v >= 0 else -v * 2 - 1)


def encode_feature(kind, klass, flags, min_zoom, pts, lods):
    b = bbox(pts)
    out = bytearray((kind, klass, flags, min_zoom))
    out += svarint(b[0]) + svarint(b[1])
    out += uvarint(b[2] - b[0]) + uvarint(b[3] - b[1])
    out += uvarint(len(pts))
    px, py = b[0], b[1]
    for x, y in pts:
        out += svarint(x - px) + svarint(y - py)
        px, py = x, y
    out += bytes(lods)
    return bytes(out)


def section(tag, payload):
    assert len(tag) == 4
    return tag + struct.pack('<I', len(payload)) + payload


# --- shores ---------------------------------------------------------------

rings = []       # (level, flags, pts)

detail_rings, detail_open = stitch(
    parse_gmt(work + '/detail-shore.txt'), wrap=False)
for lev, s in detail_open:
    if intersects(bbox(s), DETAIL_PAD):
        fail('a level-%d shore near the detail area did not close; widen '
             'extract_r' % lev)
for lev, s in detail_rings:
    s = close_ring(lev, s)
    if intersects(bbox(s), DETAIL_PAD):
        rings.append((lev, 0, s))

context_rings, context_open = stitch(
    parse_gmt(work + '/context-shore.txt'), wrap=True)
if context_open:
    fail('%d context shore pieces did not close' % len(context_open))
for lev, s in context_rings:
    s = close_ring(lev, s)
    # The detail layer has this area's lakes at full resolution; a lake
    # drawn from both would show the coarse outline around the fine one.
    if lev >= 2 and intersects(bbox(s), DETAIL):
        continue
    rings.append((lev, FLAG_CONTEXT, s))

rings.sort(key=lambda r: (r[0], r[1], bbox(r[2]), len(r[2])))

# --- rivers and borders ---------------------------------------------------

lines = []       # (kind, class, flags, min_zoom, pts)


def add_lines(path, kind, flags, wrap=False):
    segs = parse_gmt(path)
    r, o = stitch(segs, wrap)
    for lev, s in r + o:
        if kind == KIND_RIVER:
            min_zoom = RIVER_MIN_ZOOM.get(lev, 10)
        else:
            min_zoom = 0
        lines.append((kind, lev, flags, min_zoom, s))


add_lines(work + '/detail-river.txt', KIND_RIVER, 0)
add_lines(work + '/detail-border.txt', KIND_BORDER, 0)
add_lines(work + '/context-river.txt', KIND_RIVER, FLAG_CONTEXT)
add_lines(work + '/context-border.txt', KIND_BORDER, FLAG_CONTEXT)
lines.sort(key=lambda l: (l[0], l[2], l[1], bbox(l[4]), len(l[4])))

# --- places ---------------------------------------------------------------


def nearest_river_point(lat, lon):
    """Nearest point on a river line of the detail layer (classes 0..6)."""
    k = math.cos(math.radians(lat))
    best = None
    for kind, klass, flags, mz, s in lines:
        if kind != KIND_RIVER or klass > 6 or flags:
            continue
        b = bbox(s)
        if (b[0] > (lon + 1) * Q or b[2] < (lon - 1) * Q or
                b[1] > (lat + 1) * Q or b[3] < (lat - 1) * Q):
            continue
        for (x1, y1), (x2, y2) in zip(s, s[1:]):
            ax, ay = x1 / Q * k, y1 / Q
            dx, dy = (x2 - x1) / Q * k, (y2 - y1) / Q
            l2 = dx * dx + dy * dy
            t = 0.0
            if l2 > 0:
                t = ((lon * k - ax) * dx + (lat - ay) * dy) / l2
                t = max(0.0, min(1.0, t))
            px, py = ax + t * dx, ay + t * dy
            d = math.hypot(px - lon * k, py - lat)
            if best is None or d < best[0]:
                best = (d, py, px / k)
    return best


places = []
with open(places_path, encoding='utf-8') as f:
    for lineno, line in enumerate(f, 1):
        line = line.rstrip('\n')
        if not line or line.startswith('#'):
            continue
        cols = line.split('\t')
        if len(cols) < 7:
            fail('%s:%d: expected 7 to 9 tab-separated columns, got %d'
                 % (places_path, lineno, len(cols)))
        cols += [''] * (9 - len(cols))
        name, lat, lon, kind, zmin, zmax, anchor, country = cols[:8]
        try:
            lat, lon = float(lat), float(lon)
            zmin, zmax = int(zmin), int(zmax)
        except ValueError as e:
            fail('%s:%d: %s' % (places_path, lineno, e))
        if kind not in PLACE_KINDS or anchor not in ANCHORS:
            fail('%s:%d: unknown kind %r or anchor %r'
                 % (places_path, lineno, kind, anchor))
        if not (-MAX_LAT <= lat <= MAX_LAT and -180 <= lon <= 180):
            fail('%s:%d: coordinates out of range' % (places_path, lineno))
        if kind == 'river':
            near = nearest_river_point(lat, lon)
            if near is None or near[0] > 0.75:
                fail('%s:%d: no river within 0.75 degree of %s'
                     % (places_path, lineno, name))
            lat, lon = near[1], near[2]
        places.append((name, lat, lon, PLACE_KINDS[kind], zmin,
                       min(zmax, 255), ANCHORS[anchor], country))

# --- write ----------------------------------------------------------------

ring_payload = bytearray(uvarint(len(rings)))
n_ring_pts = 0
for lev, flags, s in rings:
    ring_payload += encode_feature(lev, 0, flags, 0, s, ring_lods(s))
    n_ring_pts += len(s)

line_payload = bytearray(uvarint(len(lines)))
n_line_pts = 0
for kind, klass, flags, mz, s in lines:
    line_payload += encode_feature(kind, klass, flags, mz, s, line_lods(s))
    n_line_pts += len(s)

place_payload = bytearray(uvarint(len(places)))
for name, lat, lon, kind, zmin, zmax, anchor, country in places:
    nb = name.encode('utf-8')
    cb = country.encode('ascii')
    place_payload += bytes((kind, zmin, zmax, anchor))
    place_payload += svarint(int(round(lon * Q))) + svarint(int(round(lat * Q)))
    place_payload += uvarint(len(nb)) + nb + uvarint(len(cb)) + cb

with open(work + '/meta.txt', encoding='utf-8') as f:
    meta = f.read()
meta += 'lod-tolerance-px=%g\n' % LOD_TOLERANCE_PX
meta += 'rings=%d vertices=%d\n' % (len(rings), n_ring_pts)
meta += 'lines=%d vertices=%d\n' % (len(lines), n_line_pts)
meta += 'places=%d\n' % len(places)

sections = [
    section(b'META', meta.encode('utf-8')),
    section(b'RING', bytes(ring_payload)),
    section(b'LINE', bytes(line_payload)),
    section(b'PLAC', bytes(place_payload)),
]
header = b'CSMOBMAP' + struct.pack('<HHI', 1, 0, len(sections))
header += struct.pack('<iiii', *(int(v * Q) for v in DETAIL))

with open(output + '.tmp', 'wb') as f:
    f.write(header)
    for s in sections:
        f.write(s)

import os
os.replace(output + '.tmp', output)

sys.stderr.write(meta)


# --- sanity checks that the tests rely on -----------------------------------

def point_in_ring(lon, lat, s):
    x, y = lon * Q, lat * Q
    inside = False
    n = len(s)
    for i in range(n):
        (x1, y1), (x2, y2) = s[i], s[(i + 1) % n]
        if (y1 > y) != (y2 > y):
            if x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
    return inside


def depth(lon, lat):
    return max([lev for lev, fl, s in rings
                if fl == 0 and point_in_ring(lon, lat, s)] or [1])


# tests/test-basemap.c samples these points.
aral = depth(59.7, 44.6)
if aral != 2:
    fail('44.6N 59.7E is not in a lake in this GSHHG data (level %d)' % aral)
if depth(63.3167, 45.6167) != 1:
    fail('Baikonur town is not on land in this GSHHG data')
sys.stderr.write('check: 44.6N 59.7E is water (Aral Sea), Baikonur is land\n')
PYTHON

ls -l "$outdir/basemap.cbm"
