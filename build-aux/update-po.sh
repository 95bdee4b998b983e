#!/usr/bin/env bash
# update-po.sh: regenerate po/cosmodrome.pot from the sources, merge it into
# every language in po/LINGUAS, and list what is still untranslated or fuzzy.
# Also names source files with translatable strings that po/POTFILES.in
# does not list yet.
#
# Usage: build-aux/update-po.sh [BUILD_DIR]    (default: _build-po)
# Exit status: 0 when every language is complete, 1 otherwise.
#
# Copyright 2026 The Cosmodrome developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/_build-po}
cd "$top"

# 1. Files with marked strings that POTFILES.in misses.
missing=$( { grep -rlE '(^|[^A-Za-z0-9_])(N?_|C_|NC_|g_dngettext|ngettext)\(' src --include='*.c' || true
             grep -rl 'translatable="yes"' ui --include='*.ui' || true
             ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml 2>/dev/null || true; } |
           sort -u | while read -r f; do grep -qxF "$f" po/POTFILES.in || echo "$f"; done)
if [ -n "$missing" ]; then
  echo "update-po: not in po/POTFILES.in (add them):"
  echo "$missing" | sed 's/^/  /'
fi

# 2. Regenerate the template and merge (meson's i18n targets).
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" -Dtests=false >/dev/null
fi
meson compile -C "$build" cosmodrome-pot >/dev/null
meson compile -C "$build" cosmodrome-update-po >/dev/null
# merge_file outputs do not depend on the .po files: drop them so the next
# build merges the new translations into the desktop file and metainfo.
rm -f "$build"/data/*.desktop "$build"/data/*.metainfo.xml

# 3. Report.
status=0
total=$(msgattrib --no-obsolete po/cosmodrome.pot 2>/dev/null | grep -c '^msgid ' || true)
echo "update-po: $((total - 1)) strings in po/cosmodrome.pot"
for lang in $(grep -v '^#' po/LINGUAS); do
  po=po/$lang.po
  untranslated=$(msgattrib --untranslated --no-obsolete "$po" | grep -c '^msgid ' || true)
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$po" | grep -c '^msgid ' || true)
  # msgattrib prints the header entry too when there is anything to print.
  [ "$untranslated" -gt 0 ] && untranslated=$((untranslated - 1))
  [ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
  msgfmt --check -o /dev/null "$po"
  echo "  $lang: $untranslated untranslated, $fuzzy fuzzy"
  if [ "$untranslated" -gt 0 ] || [ "$fuzzy" -gt 0 ]; then
    status=1
    msgattrib --untranslated --no-obsolete --no-wrap "$po" | sed -n 's/^msgid "\(.\+\)"$/    untranslated: \1/p'
    msgattrib --only-fuzzy --no-obsolete --no-wrap "$po" | sed -n 's/^msgid "\(.\+\)"$/    fuzzy: \1/p'
  fi
done
exit $status
