#!/usr/bin/python3
# test-format-doc.py: the worked example in data/missions/FORMAT.md loads, its
# documented error is the one printed, and the bundled mission and the
# example both follow the JSON Schema (TAP).
#
# Copyright 2026 The Cosmodrome developers
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import re
import subprocess
import sys
import tempfile

exe, datadir = sys.argv[1], sys.argv[2]
doc = open(os.path.join(datadir, 'missions', 'FORMAT.md')).read()
example = doc[doc.index('## A worked example'):]
blocks = re.findall(r'```(\w*)\n(.*?)```', example, re.S)
mission_json = next(body for lang, body in blocks if lang == 'json')
plain = [body for lang, body in blocks if lang == '']
trajectory_csv = next(b for b in plain if b.startswith('t,lat,lon'))
vehicle_csv = next(b for b in plain if b.startswith('t,alt_km'))
documented_error = re.search(r'prints\n`(mission\.json:[^`]*)`', example).group(1)

results = []
with tempfile.TemporaryDirectory() as tmp:
    pkg = os.path.join(tmp, 'demo')
    os.mkdir(pkg)
    for name, body in (('mission.json', mission_json), ('trajectory.csv', trajectory_csv),
                       ('vehicle.csv', vehicle_csv)):
        with open(os.path.join(pkg, name), 'w') as f:
            f.write(body)
    r = subprocess.run([exe, '--validate', pkg], capture_output=True, text=True)
    results.append(('worked example validates', r.returncode == 0, r.stdout + r.stderr))

    with open(os.path.join(pkg, 'mission.json'), 'w') as f:
        f.write(mission_json.replace('"T+10"', '"soon"'))
    r = subprocess.run([exe, '--validate', pkg], capture_output=True, text=True)
    results.append(('documented error is the real one', r.returncode == 1 and r.stderr.strip() == documented_error,
                    'documented: %s\nprinted:    %s' % (documented_error, r.stderr.strip())))

try:
    import jsonschema
except ImportError:
    jsonschema = None

schema = json.load(open(os.path.join(datadir, 'missions', 'mission-package-1.schema.json')))
for name, text in (('example', mission_json),
                   ('bundled', open(os.path.join(datadir, 'missions', 'soyuz-ms-28', 'mission.json')).read())):
    if jsonschema is None:
        results.append(('%s follows the schema' % name, None, 'python3-jsonschema is not installed'))
        continue
    try:
        jsonschema.validate(json.loads(text), schema)
        results.append(('%s follows the schema' % name, True, ''))
    except jsonschema.ValidationError as e:
        results.append(('%s follows the schema' % name, False, str(e)[:500]))

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
        for line in detail.splitlines():
            print('# ' + line)
sys.exit(1 if failed else 0)
