#!/bin/sh
# Install what building, booting, testing and debugging Minnow needs, from
# Debian's package archive.  Safe to run again: it installs only what is missing.
#
#   tools/deps.sh           check, and install what is missing (needs root or sudo)
#   tools/deps.sh --check   only check; exit 1 and list what is missing
#   tools/deps.sh --bench   also what `make bench` needs to run Linux beside
#                           Minnow: glibc for i386, to build the benchmarks, and
#                           Debian's i386 Linux kernel, unpacked into build/linux/
set -e
cd "$(dirname "$0")/.."

# Root, or sudo, for apt-get; prints the commands to run otherwise.
need_root() {
    if [ "$(id -u)" = 0 ]; then
        SUDO=""
    elif command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "deps: installing needs root. Run as root: $*"
        exit 1
    fi
}

# A mirror in the middle of a sync fails one index now and then; the
# packages we need are usually still there, so go on and let apt-get
# install say whether they are.
apt_update() {
    $SUDO apt-get update -qq || echo "deps: apt-get update reported errors; trying anyway"
}

apt_install() {
    echo "deps: installing $* with apt-get..."
    export DEBIAN_FRONTEND=noninteractive
    # shellcheck disable=SC2086
    $SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# ------------------------------------------------------------ make bench
LINUX_DIR=build/linux
bench_deps() {
    if [ -f /usr/i686-linux-gnu/lib/libc.a ] && [ -f $LINUX_DIR/vmlinuz ]; then
        return 0
    fi
    need_root "dpkg --add-architecture i386; apt-get update; apt-get install libc6-dev-i386-cross"
    # Debian's i386 kernel is a package of the i386 architecture.
    dpkg --print-foreign-architectures | grep -qx i386 || $SUDO dpkg --add-architecture i386
    apt_update
    [ -f /usr/i686-linux-gnu/lib/libc.a ] || apt_install libc6-dev-i386-cross
    if [ ! -f $LINUX_DIR/vmlinuz ]; then
        # linux-image-686 only depends on the kernel of the day's version.
        pkg=$(apt-cache depends linux-image-686:i386 |
              sed -n 's/^ *Depends: \(linux-image-[^ :]*\).*/\1/p' | head -n 1)
        [ -n "$pkg" ] || { echo "deps: no linux-image-686 for i386 in the archive"; exit 1; }
        echo "deps: fetching $pkg (about 50 MB) for make bench..."
        tmp=$(mktemp -d)
        chmod 777 "$tmp"       # apt downloads as its own user, _apt
        (cd "$tmp" && apt-get download -qq "$pkg:i386")
        dpkg-deb --fsys-tarfile "$tmp"/*.deb | tar -x -C "$tmp" --wildcards './boot/vmlinuz-*'
        mkdir -p $LINUX_DIR
        mv "$tmp"/boot/vmlinuz-* $LINUX_DIR/vmlinuz
        echo "$pkg" > $LINUX_DIR/version
        rm -rf "$tmp"
    fi
    echo "deps: make bench can boot Linux ($(cat $LINUX_DIR/version))."
}

if [ "$1" = "--bench" ]; then
    bench_deps
    exit 0
fi

# ------------------------------------------------------------ the rest
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

need_root "apt-get update && apt-get install -y --no-install-recommends$missing"
apt_update
# shellcheck disable=SC2086
apt_install $missing
echo "deps: done."
