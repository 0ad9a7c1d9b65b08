#!/usr/bin/env bash
# Regenerates every icon file from the SVG sources. Run it after editing app.svg or app-16.svg and commit the
# results: the normal build and the packaging build only use the committed files, never these tools.
#
# Needs (Debian/Ubuntu):  apt-get install librsvg2-bin icoutils icnsutils
#   rsvg-convert (librsvg2-bin)  SVG -> PNG
#   icotool      (icoutils)      PNGs -> Windows .ico
#   png2icns     (icnsutils)     PNGs -> macOS .icns
#
# Writes:
#   icons/png/app-<size>.png   16 24 32 48 64 128 256 512 (16 from app-16.svg, the rest from app.svg)
#   icons/app.ico              16 24 32 48 64 128 256 (256 stored as PNG, as Windows Vista and later expect)
#   icons/app.icns             16 32 48 128 256 512
#   src/main/resources/aom/migration/ui/icons/app-64.png   the wizard's window icon
#   packaging/linux/app-image/lib/mime/application-x-aombundle.png   the .aombundle file icon on Linux
set -euo pipefail
cd "$(dirname "$0")"

for tool in rsvg-convert icotool png2icns; do
    if ! command -v "$tool" > /dev/null; then
        echo "missing $tool: apt-get install librsvg2-bin icoutils icnsutils" >&2
        exit 1
    fi
done

mkdir -p png
rsvg-convert --width 16 --height 16 app-16.svg --output png/app-16.png
for size in 24 32 48 64 128 256 512; do
    rsvg-convert --width "$size" --height "$size" app.svg --output "png/app-$size.png"
done

icotool --create --output app.ico \
    png/app-16.png png/app-24.png png/app-32.png png/app-48.png png/app-64.png png/app-128.png \
    --raw=png/app-256.png

# png2icns picks the icon type from each PNG's size; 24 and 64 have no ICNS slot.
png2icns app.icns png/app-16.png png/app-32.png png/app-48.png png/app-128.png png/app-256.png png/app-512.png

window_icons=../src/main/resources/aom/migration/ui/icons
mkdir -p "$window_icons"
cp png/app-64.png "$window_icons/app-64.png"
bundle_icon=../packaging/linux/app-image/lib/mime/application-x-aombundle.png
cp png/app-256.png "$bundle_icon"

ls -l png app.ico app.icns "$window_icons/app-64.png" "$bundle_icon"
