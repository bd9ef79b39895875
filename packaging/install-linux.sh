#!/bin/sh
# Install the one-folder initviz build for the current user (no root needed):
#   dist/initviz/install-linux.sh [PREFIX]          PREFIX defaults to ~/.local
# copies the application to PREFIX/opt/initviz, links PREFIX/bin/initviz to it, and adds the
# menu entry (PREFIX/share/applications/initviz.desktop) and the icons (hicolor theme).
# To remove: delete those files (the script prints them).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=${1:-"$HOME/.local"}
dest="$prefix/opt/initviz"
if [ ! -x "$here/initviz" ]; then
    echo "install-linux.sh: run the copy inside the built application folder (dist/initviz/)" >&2
    exit 1
fi
if [ "$here" != "$dest" ]; then
    rm -rf "$dest"
    mkdir -p "$prefix/opt"
    cp -a "$here" "$dest"
fi
icons="$dest/_internal/resources/icons"
share="$prefix/share"
mkdir -p "$prefix/bin" "$share/applications" "$share/icons/hicolor/256x256/apps" \
         "$share/icons/hicolor/64x64/apps" "$share/icons/hicolor/scalable/apps"
ln -sf "$dest/initviz" "$prefix/bin/initviz"
cp "$icons/initviz-256.png" "$share/icons/hicolor/256x256/apps/initviz.png"
cp "$icons/initviz-64.png" "$share/icons/hicolor/64x64/apps/initviz.png"
cp "$icons/initviz.svg" "$share/icons/hicolor/scalable/apps/initviz.svg"
sed -e "s|^Exec=.*|Exec=\"$dest/initviz\" %f|" -e "s|^TryExec=.*|TryExec=$dest/initviz|" \
    "$dest/initviz.desktop" > "$share/applications/initviz.desktop"
mkdir -p "$share/mime/packages"
cp "$dest/initviz-mime.xml" "$share/mime/packages/initviz.xml"
command -v update-mime-database >/dev/null 2>&1 && \
    update-mime-database "$share/mime" >/dev/null 2>&1 || true
command -v update-desktop-database >/dev/null 2>&1 && \
    update-desktop-database "$share/applications" >/dev/null 2>&1 || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && \
    gtk-update-icon-cache -q -t "$share/icons/hicolor" >/dev/null 2>&1 || true
echo "initviz installed:"
for f in "$dest" "$prefix/bin/initviz" "$share/applications/initviz.desktop" \
         "$share/mime/packages/initviz.xml" \
         "$share/icons/hicolor/256x256/apps/initviz.png" \
         "$share/icons/hicolor/64x64/apps/initviz.png" \
         "$share/icons/hicolor/scalable/apps/initviz.svg"; do
    echo "  $f"
done
