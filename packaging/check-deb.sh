#!/usr/bin/env bash
# Builds the .deb and proves it installs and runs on a clean Debian 12 root: its declared
# dependencies must be enough for `semiprune --help` and `semiprune-studio --version` to start.
# Needs root (debootstrap, chroot) and the Debian mirror; takes a few minutes. Not part of the
# test suite; run it before a release:  sudo packaging/check-deb.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" -ne 0 ]; then
    echo "check-deb.sh needs root (debootstrap and chroot)" >&2
    exit 2
fi
command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap

packaging/build.sh >/dev/null
(cd build && cpack -G DEB >/dev/null)
deb=$(ls -t build/semiprune-studio_*.deb | head -n 1)
echo "package: $deb"
dpkg-deb --field "$deb" Depends

root=$(mktemp -d /tmp/semiprune-deb-root.XXXXXX)
cleanup() {
    umount "$root/proc" 2>/dev/null || true
    rm -rf "$root"
}
trap cleanup EXIT

mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
debootstrap --variant=minbase bookworm "$root" "$mirror" >/dev/null
mount -t proc proc "$root/proc"
cp "$deb" "$root/tmp/"
chroot "$root" /usr/bin/env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "/tmp/$(basename "$deb")" >/dev/null
chroot "$root" /usr/bin/semiprune --help | head -n 3
chroot "$root" /usr/bin/env QT_QPA_PLATFORM=offscreen /usr/bin/semiprune-studio --version
chroot "$root" /usr/bin/test -f /usr/share/man/man1/semiprune.1.gz -o -f /usr/share/man/man1/semiprune.1
echo "check-deb: the package installs on a clean root and both programs start"
