#!/usr/bin/env python3
# test-flatpak.py: static checks of the Flatpak manifests (they cannot be
# built here: no runtime download). TAP output.
#
# Usage: test-flatpak.py SOURCE_ROOT
#
# Copyright 2026 The Cosmodrome developers
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import re
import shlex
import sys

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..'))
FLATPAK_DIR = os.path.join(ROOT, 'flatpak')

# The finish-args the release manifest must have, no more and no fewer:
# network only for the opt-in online tiles.
EXPECTED_FINISH_ARGS = {
    '--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri', '--share=network',
}

results = []


def check(name, func, *args):
    try:
        problems = func(*args)
    except Exception as e:  # a crash in a check is a failure, not a pass
        problems = ['%s: %s' % (type(e).__name__, e)]
    results.append((name, problems))


def meson_app_id():
    with open(os.path.join(ROOT, 'meson.build')) as f:
        m = re.search(r"^app_id\s*=\s*'([^']+)'", f.read(), re.M)
    return m.group(1) if m else None


def meson_option_names():
    with open(os.path.join(ROOT, 'meson_options.txt')) as f:
        return set(re.findall(r"option\(\s*'([^']+)'", f.read()))


def debian_meson_options():
    """The -D options build-aux/setup.sh passes to `meson setup`."""
    path = os.path.join(ROOT, 'build-aux', 'setup.sh')
    options = set()
    with open(path) as f:
        for line in f:
            if re.search(r'\bmeson setup\b', line) and '--reconfigure' not in line:
                try:
                    words = shlex.split(line.split('#', 1)[0])
                except ValueError:
                    words = line.split()
                options |= {w for w in words if w.startswith('-D')}
    return options


def source_problems(module, source, allow_dir):
    kind = source.get('type')
    where = '%s: %s source' % (module, kind)
    if kind == 'git':
        problems = []
        if 'branch' in source:
            problems.append(where + ' uses a branch')
        if not source.get('tag'):
            problems.append(where + ' has no tag')
        if not re.fullmatch(r'[0-9a-f]{40}', source.get('commit', '')):
            problems.append(where + ' has no full commit hash')
        elif set(source['commit']) == {'0'}:
            problems.append(where + ' has a placeholder commit')
        return problems
    if kind in ('archive', 'file'):
        if 'path' in source and 'url' not in source:
            return []  # a file in this repository is pinned by the commit itself
        if not re.fullmatch(r'[0-9a-f]{64}', source.get('sha256', '')):
            return [where + ' has no sha256']
        return []
    if kind == 'dir':
        if not allow_dir:
            return [where + ' is not allowed in the release manifest']
        path = os.path.normpath(os.path.join(FLATPAK_DIR, source.get('path', '')))
        if not os.path.exists(os.path.join(path, 'meson.build')):
            return [where + ' does not point at the source tree']
        return []
    if kind == 'patch':
        return [] if 'path' in source else [where + ' is not a local patch']
    return [where + ' is not a known, pinnable source type']


def all_modules(modules):
    for module in modules:
        if isinstance(module, str):
            continue  # a path to a module file; none used here
        yield module
        yield from all_modules(module.get('modules', []))


def pinning_problems(manifest, allow_dir):
    problems = []
    for module in all_modules(manifest.get('modules', [])):
        sources = module.get('sources', [])
        if not sources:
            problems.append('%s has no sources' % module.get('name'))
        for source in sources:
            problems += source_problems(module.get('name'), source, allow_dir)
    return problems


def permission_problems(args):
    problems = []
    sockets = {a.split('=', 1)[1] for a in args if a.startswith('--socket=')}
    if 'x11' in sockets and 'fallback-x11' in sockets:
        problems.append('both x11 and fallback-x11')
    if 'fallback-x11' in sockets and 'wayland' not in sockets:
        problems.append('fallback-x11 without wayland')
    if 'x11' in sockets and '--share=ipc' not in args:
        problems.append('x11 without ipc')
    if 'wayland' in sockets and not sockets & {'x11', 'fallback-x11'}:
        problems.append('wayland only, no X11 fallback')
    for a in args:
        if a.startswith('--filesystem'):
            problems.append('filesystem access: ' + a)
    return problems


def app_module(manifest):
    modules = [m for m in manifest.get('modules', []) if isinstance(m, dict)]
    return modules[-1] if modules else {}


def check_manifest(filename, devel):
    path = os.path.join(FLATPAK_DIR, filename)
    try:
        with open(path) as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        check('%s is valid JSON' % filename, lambda: ['%s' % e])
        return
    check('%s is valid JSON' % filename, lambda: [])

    base = meson_app_id()
    expected = base + '.Devel' if devel else base

    def ids():
        problems = []
        app_id = manifest.get('app-id') or manifest.get('id')
        if filename != '%s.json' % app_id:
            problems.append('app-id %s does not match the file name' % app_id)
        if app_id != expected:
            problems.append('app-id %s is not the application ID %s from meson.build' % (app_id, expected))
        return problems
    check('%s: app-id matches file name and meson.build' % filename, ids)

    def runtime():
        problems = []
        if manifest.get('runtime') != 'org.gnome.Platform' or manifest.get('sdk') != 'org.gnome.Sdk':
            problems.append('not the GNOME runtime and SDK')
        if str(manifest.get('runtime-version')) != '49':
            problems.append('runtime-version is not 49')
        if manifest.get('command') != 'cosmodrome':
            problems.append('command is not cosmodrome')
        if 'branch' in manifest:
            problems.append('top-level branch')
        names = [m.get('name') for m in all_modules(manifest.get('modules', []))]
        if 'libshumate' not in names:
            problems.append('libshumate is not bundled (it is in no GNOME runtime)')
        return problems
    check('%s: GNOME 49 runtime, libshumate bundled' % filename, runtime)

    check('%s: every module source is pinned' % filename, pinning_problems, manifest, devel)

    args = manifest.get('finish-args', [])
    check('%s: no forbidden permission combination' % filename, permission_problems, args)

    def exact_args():
        permissions = {a for a in args if not a.startswith('--env=')}
        if devel:
            extra = {a for a in args if a.startswith('--env=')} - {'--env=G_ENABLE_DIAGNOSTIC=1'}
            if extra:
                return ['unexpected environment: %s' % sorted(extra)]
        elif permissions != set(args):
            return ['the release manifest sets environment variables']
        if permissions != EXPECTED_FINISH_ARGS:
            return ['finish-args %s, expected %s' % (sorted(permissions), sorted(EXPECTED_FINISH_ARGS))]
        if '--share=network' in args and not any('network' in str(v) for k, v in manifest.items()
                                                 if k.startswith('//')):
            return ['--share=network without a comment saying why']
        return []
    check('%s: finish-args are exactly the expected ones' % filename, exact_args)

    def options():
        module = app_module(manifest)
        if module.get('name') != 'cosmodrome' or module.get('buildsystem') != 'meson':
            return ['the last module is not the cosmodrome meson build']
        opts = set(module.get('config-opts', []))
        problems = []
        known = meson_option_names()
        for o in opts:
            m = re.fullmatch(r'-D([A-Za-z0-9_-]+)=.*', o)
            if m and m.group(1) not in known and m.group(1) != 'buildtype':
                problems.append('%s is not an option in meson_options.txt' % o)
        if devel:
            if '-Ddevelopment=true' not in opts:
                problems.append('the development manifest does not pass -Ddevelopment=true')
            opts.discard('-Ddevelopment=true')
        debian = debian_meson_options()
        if opts != debian:
            problems.append('config-opts %s differ from the Debian build %s' % (sorted(opts), sorted(debian)))
        return problems
    check('%s: same meson options as the Debian build' % filename, options)


def self_test():
    """The checks must catch what they are for."""
    problems = []
    bad = {
        'x11 and fallback': ['--share=ipc', '--socket=x11', '--socket=fallback-x11', '--socket=wayland'],
        'fallback alone': ['--share=ipc', '--socket=fallback-x11'],
        'x11 without ipc': ['--socket=x11'],
        'filesystem': ['--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--filesystem=home'],
    }
    for name, args in bad.items():
        if not permission_problems(args):
            problems.append('permission check missed: ' + name)
    if permission_problems(sorted(EXPECTED_FINISH_ARGS)):
        problems.append('permission check rejects the expected finish-args')
    unpinned = [
        {'type': 'git', 'url': 'u', 'branch': 'main'},
        {'type': 'git', 'url': 'u', 'tag': '1.0'},
        {'type': 'git', 'url': 'u', 'tag': '1.0', 'commit': '0' * 40},
        {'type': 'archive', 'url': 'u'},
        {'type': 'dir', 'path': '..'},
    ]
    for source in unpinned:
        if not source_problems('m', source, False):
            problems.append('pinning check missed: %s' % source)
    if source_problems('m', {'type': 'git', 'url': 'u', 'tag': '1', 'commit': 'a' * 40}, False):
        problems.append('pinning check rejects tag+commit')
    return problems


check('the checks catch bad manifests', self_test)
check_manifest('io.github.cosmodrome.Cosmodrome.json', devel=False)
check_manifest('io.github.cosmodrome.Cosmodrome.Devel.json', devel=True)

print('1..%d' % len(results))
failed = 0
for i, (name, problems) in enumerate(results, 1):
    if problems:
        failed += 1
        print('not ok %d - %s' % (i, name))
        for p in problems:
            print('# %s' % p)
    else:
        print('ok %d - %s' % (i, name))
sys.exit(1 if failed else 0)
