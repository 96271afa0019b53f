#!/bin/sh
# Install what building, booting, testing and debugging Minnow needs, from
# Debian's package archive.  Safe to run again: it installs only what is missing.
#
#   tools/deps.sh           check, and install what is missing (needs root or sudo)
#   tools/deps.sh --check   only check; exit 1 and list what is missing
#   tools/deps.sh --bench   also what `make bench` needs to run Linux beside
#                           Minnow: Debian's i386 Linux kernel, unpacked into
#                           build/linux/ (glibc for i386, which builds the
#                           benchmarks, is a dependency of every build)
#
# Debian's busybox-static for i386 goes into build/busybox/ (the build puts
# it in the image as /bin/busybox).  It is the one i386 package Minnow needs,
# so this adds Debian's i386 architecture to apt (dpkg --add-architecture),
# and says so.  Where it cannot be had, Minnow is built without it:
# build/busybox/unavailable says why, and no build asks again until
# `make clean`.
set -e
cd "$(dirname "$0")/.."
BUSYBOX_DIR=build/busybox

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

# Adds Debian's i386 architecture to apt, once, for the i386 packages.
i386_archive() {
    if ! dpkg --print-foreign-architectures | grep -qx i386; then
        echo "deps: adding Debian's i386 architecture to apt (dpkg --add-architecture i386)"
        $SUDO dpkg --add-architecture i386
        apt_update
    fi
}

# apt-get download PACKAGE:i386 into a new folder; prints the folder.  Old
# package lists may not have it yet: then update them and try once more.
download_i386() {
    tmp=$(mktemp -d)
    chmod 777 "$tmp"              # apt downloads as its own user, _apt
    if ! (cd "$tmp" && apt-get download -qq "$1:i386" >&2 2>/dev/null); then
        apt_update >&2
        (cd "$tmp" && apt-get download -qq "$1:i386" >&2) || { rm -rf "$tmp"; return 1; }
    fi
    echo "$tmp"
}

# ------------------------------------------------------------ busybox
have_busybox() {
    [ -f $BUSYBOX_DIR/busybox ] || [ -f $BUSYBOX_DIR/unavailable ]
}

busybox_unavailable() {
    mkdir -p $BUSYBOX_DIR
    echo "$1" > $BUSYBOX_DIR/unavailable
    echo "deps: busybox is not available ($1); Minnow is built without /bin/busybox."
    echo "      (make clean, then make, tries again)"
}

fetch_busybox() {
    have_busybox && return 0
    if [ "$(id -u)" != 0 ] && ! command -v sudo >/dev/null 2>&1; then
        busybox_unavailable "fetching it needs root, for dpkg --add-architecture i386"
        return 0
    fi
    need_root
    echo "deps: fetching Debian's busybox-static for i386..."
    i386_archive || { busybox_unavailable "dpkg --add-architecture i386 failed"; return 0; }
    tmp=$(download_i386 busybox-static) || {
        busybox_unavailable "apt-get download busybox-static:i386 failed"
        return 0
    }
    mkdir -p $BUSYBOX_DIR
    dpkg-deb --fsys-tarfile "$tmp"/*.deb | tar -x -C "$tmp" ./bin/busybox
    mv "$tmp/bin/busybox" $BUSYBOX_DIR/busybox
    touch $BUSYBOX_DIR/busybox       # new to make, whatever the package says
    basename "$tmp"/*.deb .deb > $BUSYBOX_DIR/version
    rm -rf "$tmp"
    echo "deps: busybox: $(cat $BUSYBOX_DIR/version)"
}

# ------------------------------------------------------------ make bench
LINUX_DIR=build/linux
# Debian's kernel has its disk drivers as modules; these are what the
# bench's disk needs (QEMU's PIIX IDE through libata: /dev/sda, /dev/sdb),
# in the order they must load (each after those it uses).  The Linux
# side's /init loads them (tools/bench-linux-init.c).  The last five are
# the ext2 rows' file system: Debian builds no ext2 module
# (CONFIG_EXT2_FS is not set) but CONFIG_EXT4_USE_FOR_EXT2=y, so ext4.ko
# registers "ext2" too.  ext4.ko's .modinfo says depends=jbd2,mbcache,crc16
# and softdep=pre: crypto-crc32c (modprobe would load crc32c_generic first).
# The last is the network card of the TCP rows (QEMU's e1000; its .modinfo
# says depends= nothing; IPv4 and TCP are built into the kernel).
LINUX_MODULES="drivers/scsi/scsi_common drivers/scsi/scsi_mod drivers/ata/libata
drivers/ata/ata_piix crypto/crct10dif_common crypto/crct10dif_generic lib/crc-t10dif
lib/crc64 crypto/crc64_rocksoft_generic lib/crc64-rocksoft block/t10-pi drivers/scsi/sd_mod
crypto/crc32c_generic lib/crc16 fs/mbcache fs/jbd2/jbd2 fs/ext4/ext4
drivers/net/ethernet/intel/e1000/e1000"
# The order file /init reads: the modules' names, one a line.
module_order() {
    for m in $LINUX_MODULES; do basename $m; done
}
bench_deps() {
    # Fetched before, and for the same list of modules: nothing to do.  A
    # list that changed (a module added here) fetches the package again.
    [ -f $LINUX_DIR/vmlinuz ] && [ -f $LINUX_DIR/modules/order ] &&
        [ "$(module_order)" = "$(cat $LINUX_DIR/modules/order)" ] && return 0
    need_root "dpkg --add-architecture i386; apt-get update"
    i386_archive                  # Debian's i386 kernel is an i386 package
    # linux-image-686 only depends on the kernel of the day's version.
    pkg=$(apt-cache depends linux-image-686:i386 |
          sed -n 's/^ *Depends: \(linux-image-[^ :]*\).*/\1/p' | head -n 1)
    [ -n "$pkg" ] || { echo "deps: no linux-image-686 for i386 in the archive"; exit 1; }
    echo "deps: fetching $pkg (about 50 MB) for make bench..."
    tmp=$(download_i386 "$pkg")
    patterns=""
    for m in $LINUX_MODULES; do patterns="$patterns ./lib/modules/*/kernel/$m.ko"; done
    # shellcheck disable=SC2086
    dpkg-deb --fsys-tarfile "$tmp"/*.deb | tar -x -C "$tmp" --wildcards './boot/vmlinuz-*' $patterns
    rm -rf $LINUX_DIR/modules           # no module of an older list stays behind
    mkdir -p $LINUX_DIR/modules
    mv "$tmp"/boot/vmlinuz-* $LINUX_DIR/vmlinuz
    for m in $LINUX_MODULES; do
        mv "$tmp"/lib/modules/*/kernel/$m.ko $LINUX_DIR/modules/
    done
    module_order > $LINUX_DIR/modules/order  # last: it says the fetch is complete
    echo "$pkg" > $LINUX_DIR/version
    rm -rf "$tmp"
    echo "deps: make bench can boot Linux ($(cat $LINUX_DIR/version))."
}

if [ "$1" = "--bench" ]; then
    bench_deps
    exit 0
fi

# ------------------------------------------------------------ the rest
# command-we-need:debian-package.  curl, tcpdump and nc are the host's
# side of Minnow's network (docs/net.md): the tests fetch from httpd with
# curl and read a capture with tcpdump.
NEED="qemu-system-i386:qemu-system-x86 nasm:nasm gdb:gdb cpio:cpio
grub-mkrescue:grub-common xorriso:xorriso mformat:mtools expect:expect
curl:curl tcpdump:tcpdump nc:netcat-openbsd"

missing=""
for pair in $NEED; do
    cmd=${pair%%:*} pkg=${pair#*:}
    command -v "$cmd" >/dev/null 2>&1 || missing="$missing $pkg"
done
# e2fsprogs make and check the disk image (mke2fs -d, e2fsck, debugfs);
# they live in /sbin, which a user's PATH may lack.
[ -x /sbin/mke2fs ] || [ -x /usr/sbin/mke2fs ] || command -v mke2fs >/dev/null 2>&1 ||
    missing="$missing e2fsprogs"
# GRUB's BIOS modules come in their own package; grub-mkrescue needs them.
[ -d /usr/lib/grub/i386-pc ] || missing="$missing grub-pc-bin"
# A compiler for 32-bit x86, Debian's cross gcc for i386 (Minnow's own
# programs may be built with i686-elf-gcc instead); and glibc for it,
# which builds the programs of the differential test (the Makefile's
# "glibc builds") and the Linux side of `make bench`.  Both are amd64
# packages: no i386 architecture needed.
command -v i686-linux-gnu-gcc >/dev/null 2>&1 ||
    missing="$missing gcc-i686-linux-gnu binutils-i686-linux-gnu"
[ -f /usr/i686-linux-gnu/lib/libc.a ] || missing="$missing libc6-dev-i386-cross"

if [ "$1" = "--check" ]; then
    [ -z "$missing" ] && have_busybox && exit 0
    [ -n "$missing" ] && echo "deps: missing Debian packages:$missing"
    have_busybox || echo "deps: busybox is not fetched yet"
    exit 1
fi
if [ -n "$missing" ]; then
    echo "deps: missing Debian packages:$missing"
    need_root "apt-get update && apt-get install -y --no-install-recommends$missing"
    apt_update
    # shellcheck disable=SC2086
    apt_install $missing
fi
fetch_busybox
echo "deps: everything Minnow needs is here."
