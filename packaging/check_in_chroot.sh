#!/bin/sh
# `make dist-check`: install the .deb in a fresh Debian 12 root and run it there, as the README
# tells a user to. As root (debootstrap, chroot, mounts). Needs the package debootstrap.
#   packaging/check_in_chroot.sh [dist/qpvdesk_<version>_amd64.deb]
# A minimal Debian root (debootstrap --variant=minbase) is made once in build/debian-base and
# copied afresh for every run; then, inside the copy: apt-get install ./qpvdesk_*.deb, every
# library of /opt/qpvdesk resolved (ldd), `qpvdesk --self-test` as an unprivileged user and a
# choropleth snapshot, offscreen, with a scrubbed environment. Exit 0 only if all of it passed.
set -eu

DEB=${1:-$(ls -t dist/qpvdesk_*_*.deb 2>/dev/null | head -n 1)}
BASE=${QPVDESK_DEBIAN_BASE:-build/debian-base}
ROOT=build/debian-check
# The mirror this machine's apt uses (deb822 or one-line sources), else deb.debian.org.
MIRROR=$(sed -n 's|^URIs: *\(http[^ ]*/debian\)$|\1|p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1)
MIRROR=${MIRROR:-$(sed -n 's|^deb \(http[^ ]*/debian\) bookworm .*|\1|p' /etc/apt/sources.list 2>/dev/null | head -n 1)}
MIRROR=${MIRROR:-http://deb.debian.org/debian}

[ -n "$DEB" ] && [ -f "$DEB" ] || { echo "dist-check: no .deb: run 'make deb' first" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "dist-check: run as root (debootstrap, chroot)" >&2; exit 2; }
command -v debootstrap >/dev/null || { echo "dist-check: apt-get install debootstrap" >&2; exit 2; }

step() { printf '\n== %s (%s)\n' "$1" "$(date +%T)"; }
in_root() { chroot "$ROOT" env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }
cleanup() {
    for mount in dev/pts dev proc; do umount "$ROOT/$mount" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM

if [ ! -x "$BASE/usr/bin/apt-get" ]; then
    step "debootstrap --variant=minbase bookworm from $MIRROR (once, into $BASE)"
    rm -rf "$BASE"
    debootstrap --variant=minbase bookworm "$BASE" "$MIRROR"
fi

step "fresh copy of the Debian root in $ROOT"
cleanup
rm -rf "$ROOT"
cp -a "$BASE" "$ROOT"
mount -t proc proc "$ROOT/proc"
mount --bind /dev "$ROOT/dev"
mount --bind /dev/pts "$ROOT/dev/pts"
cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
cp "$DEB" "$ROOT/tmp/"
PACKAGE=/tmp/$(basename "$DEB")

step "apt-get install $PACKAGE"
in_root apt-get update -q
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$PACKAGE"

step "every library of /opt/qpvdesk resolved"
in_root sh -c '
    bundled=$(find /opt/qpvdesk -printf "%f\n")
    missing=0
    for file in $(find /opt/qpvdesk -type f \( -name "*.so*" -o -name qpvdesk \)); do
        for name in $(ldd "$file" 2>/dev/null | sed -n "s/^\s*\(\S*\) => not found/\1/p"); do
            echo "$bundled" | grep -qx "$name" || { echo "not found: $name ($file)"; missing=1; }
        done
    done
    exit $missing'
echo "ok"

step "qpvdesk --self-test (as nobody)"
chroot --userspec=65534:65534 "$ROOT" env -i HOME=/tmp PATH=/usr/bin:/bin LANG=C.UTF-8 \
    qpvdesk --self-test

step "qpvdesk snapshot --choropleth REVN.DISP_Q2 --choropleth-layer qpv"
chroot --userspec=65534:65534 "$ROOT" env -i HOME=/tmp PATH=/usr/bin:/bin LANG=C.UTF-8 \
    qpvdesk snapshot --choropleth REVN.DISP_Q2 --choropleth-layer qpv --out /tmp/choropleth.png
cp "$ROOT/tmp/choropleth.png" build/dist-check-choropleth.png
echo "copied to build/dist-check-choropleth.png"

step "dist-check: OK"
