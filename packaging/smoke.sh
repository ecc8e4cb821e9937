#!/usr/bin/env bash
# Packaging smoke: build the one-folder app with PyInstaller (outside the repository),
# then run the BUILT executable: `--version`, and the demo rendering every main view to
# PNG offscreen in Vietnamese (so translations, templates, styles and the embedded hub's
# migrations must all be inside the build). Fails on any missing or empty screenshot and
# on a warning that resources were not found. Prints the build time and size.
#
#     bash packaging/smoke.sh           # build into a temporary folder, removed after
#     bash packaging/smoke.sh DIR       # build into DIR and keep it (dist/, shots/)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -ge 1 ]; then
  work="$1"
  mkdir -p "$work"
else
  work="$(mktemp -d "${TMPDIR:-/tmp}/clienteling-smoke.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
fi
work="$(cd "$work" && pwd)"
app="$work/dist/clienteling/clienteling"
shots="$work/shots"
rm -rf "$work/dist" "$shots"

fail() { echo "packaging smoke: FAILED: $*" >&2; exit 1; }

# The Linux desktop entry and AppStream metadata, when the validators are installed
# (.ci/run installs them).
if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate packaging/linux/clienteling.desktop || fail "clienteling.desktop"
fi
if command -v appstreamcli >/dev/null 2>&1; then
  appstreamcli validate --no-net packaging/linux/*.metainfo.xml || fail "AppStream metadata"
fi

echo "packaging smoke: building into $work"
started=$(date +%s)
uv run pyinstaller packaging/clienteling.spec --noconfirm --log-level WARN \
  --distpath "$work/dist" --workpath "$work/build" > "$work/build.log" 2>&1 \
  || { tail -40 "$work/build.log" >&2; fail "pyinstaller (log: $work/build.log)"; }
built=$(date +%s)
[ -x "$app" ] || fail "no executable at $app"
echo "packaging smoke: build took $((built - started)) s;" \
  "size $(du -sh "$work/dist/clienteling" | cut -f1) ($(find "$work/dist/clienteling" -type f | wc -l) files)"

expected="clienteling $(uv run python -c 'import clienteling; print(clienteling.__version__)')"
version="$(timeout 60 "$app" --version)" || fail "--version exited non-zero"
[ "$version" = "$expected" ] || fail "--version said '$version', expected '$expected'"
echo "packaging smoke: $version"

QT_QPA_PLATFORM=offscreen timeout 300 "$app" demo --screenshot "$shots" --customers 200 \
  --lang vi > "$work/demo.log" 2>&1 \
  || { tail -40 "$work/demo.log" >&2; fail "the built demo exited non-zero (log: $work/demo.log)"; }
# Warnings the app logs when a resource is missing (it would carry on in English,
# unstyled or without an icon, which a user would see but the exit code would not).
if grep -E "no translations loaded|cannot compile translations|stylesheet missing" \
    "$work/demo.log" >&2; then
  fail "the built app misses resources"
fi

count=0
for png in "$shots"/*.png; do
  [ -s "$png" ] || fail "empty or missing screenshot: $png"
  [ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] \
    || fail "not a PNG: $png"
  count=$((count + 1))
done
for view in main profile search visit_form dashboard; do
  [ -s "$shots/$view.png" ] || fail "no $view.png among the screenshots"
done
echo "packaging smoke: OK, $count screenshots in $((SECONDS)) s in all"
