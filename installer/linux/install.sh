#!/usr/bin/env bash
# Install a DermaDesk one-folder build for the current user (no root): the program under ~/.local/opt,
# `dermadesk` on the PATH, the icon and a menu entry. The clinic's data (~/.local/share/DermaDesk) is never
# touched, not even by --uninstall.
#
#   installer/linux/install.sh [BUNDLE_DIR]       (default: dist/dermadesk)
#   installer/linux/install.sh --uninstall
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-$HOME/.local}
target="$prefix/opt/dermadesk"
apps="$prefix/share/applications"
icons="$prefix/share/icons/hicolor"

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$target" "$prefix/bin/dermadesk" "$apps/dermadesk.desktop"
  rm -f "$icons"/*/apps/dermadesk.png
  echo "DermaDesk removed; the clinic's data in ~/.local/share/DermaDesk is kept."
  exit 0
fi

bundle=${1:-$here/../../dist/dermadesk}
[ -x "$bundle/dermadesk" ] || { echo "install.sh: no DermaDesk build at $bundle" >&2; exit 1; }
"$bundle/dermadesk" --self-test >/dev/null || { echo "install.sh: the build fails its self-test on this machine; run $bundle/dermadesk --self-test" >&2; exit 1; }

rm -rf "$target.new"
mkdir -p "$prefix/opt" "$prefix/bin" "$apps"
cp -a "$bundle" "$target.new"
rm -rf "$target" && mv "$target.new" "$target"
ln -sfn "$target/dermadesk" "$prefix/bin/dermadesk"
for size in 16 24 32 48 64 128 256 512; do
  icon="$target/_internal/resources/icons/dermadesk-$size.png"
  [ -f "$icon" ] && install -Dm644 "$icon" "$icons/${size}x${size}/apps/dermadesk.png"
done
sed "s|^Exec=.*|Exec=$target/dermadesk|" "$here/dermadesk.desktop" > "$apps/dermadesk.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$apps" || true
echo "DermaDesk installed in $target (menu: DermaDesk; command: $prefix/bin/dermadesk)"
