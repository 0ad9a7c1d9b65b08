#!/usr/bin/env bash
# Checks what `mvn -Ppackage verify` built on Linux (the build runs this script in its verify phase):
#   - the .deb holds both launchers, the Java runtime, the jar, the application icon (ours, not Java's),
#     the desktop entry (menu group, MIME type, the bundle path handed over to a launcher whose path has no
#     spaces, as xdg-open splits it there) and the .aombundle MIME type;
#   - postinst installs the menu entry where the system's menu folders do not exist yet (fresh Debian 12);
#   - the launchers of the app image and of the unpacked .deb run `--version` and `apps --help` with exit
#     code 0 and without a display, so the installed launcher doubles as the command line.
# Usage: packaging/check-package.sh [package dir, default target/package] [version, default: the .deb's]
# Needs dpkg-deb. Prints one line per check and "N passed, N failed" last; exits 1 if any check failed.
set -uo pipefail

project_dir=$(cd "$(dirname "$0")/.." && pwd)
package_dir=$(cd "${1:-$project_dir/target/package}" && pwd) || exit 1
version=${2:-}
app_name="ApiOmat Migration Wizard"
cli=aom-migration
package_name=apiomat-migration-wizard
install_dir="opt/$package_name"
app_image="$package_dir/app-image/$app_name"

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok     $1"; }
fail() { failed=$((failed + 1)); echo "FAILED $1"; }
check() { # check <description> <command...>
    local description=$1
    shift
    if "$@"; then pass "$description"; else fail "$description"; fi
}

debs=("$package_dir"/installer/*.deb)
if [ ! -f "${debs[0]}" ] || [ "${#debs[@]}" -ne 1 ]; then
    fail "exactly one .deb in $package_dir/installer"
    echo "$passed passed, $failed failed"
    exit 1
fi
deb=${debs[0]}
echo "checking $deb"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dpkg-deb --contents "$deb" | awk '{ $1 = $2 = $3 = $4 = $5 = ""; sub(/^ +/, ""); print }' > "$work/contents"
dpkg-deb --extract "$deb" "$work/root"
dpkg-deb --control "$deb" "$work/control"

in_deb() { grep -qxF "./$1" "$work/contents"; }
is_executable() { [ -x "$work/root/$1" ]; }
same_file() { cmp -s "$1" "$2"; }
file_has_line() { grep -qxF "$2" "$1"; }
file_has() { grep -qF -- "$2" "$1"; }

# The package's files (dpkg-deb -c)
check "launcher '$app_name' in the .deb" in_deb "$install_dir/bin/$app_name"
check "launcher '$app_name' is executable" is_executable "$install_dir/bin/$app_name"
check "command line launcher '$cli' in the .deb" in_deb "$install_dir/bin/$cli"
check "Java runtime in the .deb (lib/runtime)" in_deb "$install_dir/lib/runtime/lib/server/libjvm.so"
check "application jar in the .deb" in_deb "$install_dir/lib/app/migration.jar"
icon="$install_dir/lib/${app_name// /_}.png"
check "application icon in the .deb" in_deb "$icon"
check "application icon is ours, not Java's default" same_file "$work/root/$icon" "$project_dir/icons/png/app-256.png"
check ".aombundle MIME type in the .deb" in_deb "$install_dir/lib/mime/apiomat-aombundle.xml"
check ".aombundle MIME type glob" file_has "$work/root/$install_dir/lib/mime/apiomat-aombundle.xml" \
    '<glob pattern="*.aombundle"/>'

# The runtime: jlinked from jdeps' list, plus the providers jdeps cannot see
release="$work/root/$install_dir/lib/runtime/release"
in_runtime() { grep '^MODULES=' "$release" | tr -d '"' | cut -d= -f2 | tr ' ' '\n' | grep -qxF "$1"; }
for module in java.base java.desktop java.naming java.sql jdk.unsupported jdk.crypto.ec jdk.naming.dns; do
    check "runtime holds $module" in_runtime "$module"
done

# The desktop entry: menu group, MIME type, and the double-clicked bundle handed to the launcher
desktop="$work/root/$install_dir/lib/$package_name-${app_name// /_}.desktop"
check "desktop entry in the .deb" test -f "$desktop"
check "desktop entry Name" file_has_line "$desktop" "Name=$app_name"
check "desktop entry menu group" file_has_line "$desktop" "Categories=Development;Database;"
check "desktop entry opens .aombundle files" file_has_line "$desktop" "MimeType=application/x-aombundle;"
check "desktop entry passes the file to the launcher" file_has_line "$desktop" "Exec=/$install_dir/bin/$cli %f"
launcher_without_spaces() { # the Exec line's program: one word (no quotes, no spaces) naming a file in the .deb
    local program
    program=$(sed -n 's/^Exec=//p' "$1" | sed 's/ %[fFuU]$//')
    [[ "$program" != *" "* && "$program" != *'"'* ]] && in_deb "${program#/}" && is_executable "${program#/}"
}
check "desktop entry runs a launcher whose path has no spaces" launcher_without_spaces "$desktop"
check "desktop entry icon exists in the .deb" file_has_line "$desktop" "Icon=/$icon"
cli_desktop="$work/root/$install_dir/lib/$package_name-$cli.desktop"
check "command line launcher hidden from the menus" file_has_line "$cli_desktop" "NoDisplay=true"
if command -v desktop-file-validate > /dev/null; then
    check "desktop entries valid (desktop-file-validate)" desktop-file-validate "$desktop" "$cli_desktop"
fi

# Control data and maintainer scripts
check "package name" file_has_line "$work/control/control" "Package: $package_name"
if [ -n "$version" ]; then
    check "package version $version" file_has_line "$work/control/control" "Version: $version-1"
else
    version=$(sed -n 's/^Version: \(.*\)-[0-9]*$/\1/p' "$work/control/control")
fi
check "depends on GTK 3 for JavaFX" file_has "$work/control/control" "libgtk-3-0"
check "postinst puts $cli on the PATH" file_has "$work/control/postinst" "/usr/bin/$cli"
check "postinst registers the MIME type" file_has "$work/control/postinst" "xdg-mime install"
check "postinst makes the menu folders xdg-desktop-menu needs" \
    file_has "$work/control/postinst" "mkdir -p /etc/xdg/menus /usr/share/desktop-directories"
check "postinst copies the entries where xdg-desktop-menu still refuses" \
    file_has "$work/control/postinst" 'install -m 644 "$entry" "$applications/"'
check "prerm removes entries it copied" file_has "$work/control/prerm" 'rm -f "/usr/share/applications/'
postinst_menu_install() { # runs postinst's menu steps against an empty root: the entry lands in applications/
    local root="$work/menu-root"
    mkdir -p "$root"
    sed -n '/^install_desktop_entries()/,/^}/p;/^copy_desktop_entries()/,/^}/p' "$work/control/postinst" \
        > "$work/menu-steps.sh"
    (
        app_dir="$work/root/$install_dir"
        applications="$root/usr/share/applications"
        xdg-desktop-menu() { return 3; }  # refuses, as on a system without menu folders
        update-desktop-database() { :; }
        # shellcheck disable=SC1090
        . "$work/menu-steps.sh"
        install_desktop_entries 2> /dev/null || copy_desktop_entries
    ) && [ -f "$root/usr/share/applications/$(basename "$desktop")" ]
}
check "postinst's fallback puts the menu entry into applications/" postinst_menu_install
check "prerm removes the PATH link" file_has "$work/control/prerm" "rm -f /usr/bin/$cli"

# The launchers, headless: no DISPLAY, no Wayland; the tool's home kept inside the package folder
runs() { # runs <description> <expected text> <launcher> <args...>
    local description=$1 expected=$2 launcher=$3
    shift 3
    local output status
    output=$(env -u DISPLAY -u WAYLAND_DISPLAY JAVA_TOOL_OPTIONS="-Daom.home=$package_dir/check-home" \
        "$launcher" "$@" 2> "$work/stderr")
    status=$?
    if [ "$status" -eq 0 ] && grep -qF -- "$expected" <<< "$output"; then
        pass "$description"
    else
        fail "$description (exit code $status)"
        echo "$output" | sed 's/^/       out: /'
        grep -v '^Picked up JAVA_TOOL_OPTIONS' "$work/stderr" | sed 's/^/       err: /'
    fi
}
for where in "app image:$app_image" "installed .deb:$work/root/$install_dir"; do
    label=${where%%:*}
    dir=${where#*:}
    runs "$label: '$app_name --version'" "$app_name $version" "$dir/bin/$app_name" --version
    runs "$label: '$cli --version'" "$app_name $version" "$dir/bin/$cli" --version
    runs "$label: '$app_name apps --help'" "Usage: \"$app_name\" apps" "$dir/bin/$app_name" apps --help
    runs "$label: '$cli apps --help'" "Usage: $cli apps" "$dir/bin/$cli" apps --help
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
