#!/usr/bin/env bash
# Wrap dist/DermaDesk.app in a compressed disk image with a shortcut to /Applications (macOS only: hdiutil).
#
#   installer/macos/make_dmg.sh [path/to/DermaDesk.app]      -> dist/DermaDesk-<version>.dmg
#
# Sign the .app before this, and the .dmg after it, then notarise and staple (installer/README.md).
set -euo pipefail
cd "$(dirname "$0")/../.."

app=${1:-dist/DermaDesk.app}
[ -d "$app" ] || { echo "make_dmg: no $app; build it first: uv run pyinstaller installer/dermadesk.spec --noconfirm" >&2; exit 1; }
version=$(/usr/libexec/PlistBuddy -c "Print :CFBundleShortVersionString" "$app/Contents/Info.plist")
out="dist/DermaDesk-$version.dmg"

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -R "$app" "$stage/DermaDesk.app"
ln -s /Applications "$stage/Applications"

rm -f "$out"
hdiutil create -volname "DermaDesk $version" -srcfolder "$stage" -fs HFS+ -format UDZO -imagekey zlib-level=9 -ov "$out"
if [ -n "${DERMADESK_CODESIGN_IDENTITY:-}" ]; then
  codesign --force --timestamp --sign "$DERMADESK_CODESIGN_IDENTITY" "$out"
fi
hdiutil verify "$out"
echo "$out"
