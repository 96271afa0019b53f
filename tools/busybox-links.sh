#!/bin/sh
# Puts Debian's busybox into the root file system being built: the binary
# as /bin/busybox, and a symbolic link /usr/bin/NAME -> /bin/busybox for
# each of its applets, so that `awk`, `vi` or `top` run busybox as that
# applet (it looks at argv[0]).  /usr/bin comes after /bin on the PATH:
# Minnow's own programs keep their names.
#
#   tools/busybox-links.sh BUSYBOX ROOTFS
# The applet list comes from `busybox --list`, run here on the build
# machine (an i386 static binary; an amd64 Linux runs it).  Where it cannot
# run, only /bin/busybox goes in, and `busybox NAME` still works.
set -e
busybox=$1 rootfs=$2
mkdir -p "$rootfs/bin" "$rootfs/usr/bin"
cp "$busybox" "$rootfs/bin/busybox"
if ! applets=$("$busybox" --list 2>/dev/null); then
    echo "busybox-links: cannot run $busybox here: no applet links in /usr/bin"
    exit 0
fi
for a in $applets; do
    [ "$a" = busybox ] || ln -sf /bin/busybox "$rootfs/usr/bin/$a"
done
