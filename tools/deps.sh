#!/bin/sh
# Install what building, booting, testing and debugging Minnow needs, from
# Debian's package archive.  Safe to run again: it installs only what is missing.
#
#   tools/deps.sh           check, and install what is missing (needs root or sudo)
#   tools/deps.sh --check   only check; exit 1 and list what is missing
set -e

# command-we-need:debian-package
NEED="qemu-system-i386:qemu-system-x86 nasm:nasm gdb:gdb cpio:cpio
grub-mkrescue:grub-common xorriso:xorriso mformat:mtools expect:expect"

missing=""
for pair in $NEED; do
    cmd=${pair%%:*} pkg=${pair#*:}
    command -v "$cmd" >/dev/null 2>&1 || missing="$missing $pkg"
done
# GRUB's BIOS modules come in their own package; grub-mkrescue needs them.
[ -d /usr/lib/grub/i386-pc ] || missing="$missing grub-pc-bin"
# A compiler for 32-bit x86: a cross gcc, or else the host gcc with -m32 support.
if ! command -v i686-elf-gcc >/dev/null 2>&1 &&
   ! command -v i686-linux-gnu-gcc >/dev/null 2>&1; then
    missing="$missing gcc-i686-linux-gnu binutils-i686-linux-gnu"
fi

if [ -z "$missing" ]; then
    [ "$1" = "--check" ] || echo "deps: everything Minnow needs is installed."
    exit 0
fi
echo "deps: missing Debian packages:$missing"
[ "$1" = "--check" ] && exit 1

if [ "$(id -u)" = 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "deps: installing needs root. Run as root:"
    echo "  apt-get update && apt-get install -y --no-install-recommends$missing"
    exit 1
fi
echo "deps: installing them with apt-get (about 25 s on a fast mirror)..."
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
echo "deps: done."
