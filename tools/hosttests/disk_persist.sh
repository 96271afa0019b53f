#!/bin/bash
# What Minnow writes to its disk is in the image file after it stops:
# boots with helper_disk_persist as the first process on a scratch image,
# which writes one pattern and syncs, writes a second without syncing,
# then runs poweroff (or reboot, or calls reboot(2) itself, without the
# programs' sync); the host reads both patterns back from
# the image file.  Also: poweroff ends QEMU through the test device (exit
# status 33) and, without it, through ACPI (status 0); reboot under
# -no-reboot ends QEMU too; and the buffer cache is flushed on the way.
cd "$(dirname "$0")/../.."
B=build
img=$(mktemp $B/disk-persist.XXXXXX)
trap 'rm -f "$img" "$img.log"' EXIT

# run HOW WITH_TEST_DEVICE: one boot; sets status and log
run() {
    truncate -s 0 "$img"
    truncate -s 64M "$img"
    printf '%s\n' "$1" | dd of="$img" conv=notrunc status=none
    local dev=()
    [ "$2" = yes ] && dev=(-device isa-debug-exit,iobase=0xf4,iosize=0x04)
    timeout 60 qemu-system-i386 -kernel $B/kernel.elf -initrd $B/initrd.cpio \
        -m 128M -display none -serial stdio -net none -no-reboot "${dev[@]}" \
        -drive file="$img",format=raw,if=ide,index=0 \
        -append "init=/usr/libexec/minnow/helper_disk_persist" < /dev/null > "$img.log" 2>&1
    status=$?
    log=$(tr -d '\r' < "$img.log")
}

# found OFFSET TEXT: is TEXT at OFFSET in the image?
found() {
    [ "$(dd if="$img" bs=1 skip="$1" count=${#2} status=none)" = "$2" ]
}

check() {   # NAME WANT-STATUS WANT-MESSAGE
    local why=""
    [ "$status" = "$2" ] || why+=" QEMU exited $status, not $2;"
    grep -q "$3" <<< "$log" || why+=" no \"$3\" on the console;"
    found $((40 * 1024 * 1024 + 123)) minnow-synced-pattern || why+=" the synced pattern is missing;"
    found $((48 * 1024 * 1024 + 4000)) minnow-unsynced-pattern ||
        why+=" the pattern left in the cache is missing (not flushed at $1);"
    if [ -z "$why" ]; then
        echo "ok disk_persist_$1"
    else
        echo "FAIL disk_persist_$1:$why the console's last line: $(tail -n 1 <<< "$log")"
    fi
}

run poweroff yes
check poweroff 33 "reboot: Power down"
run "reboot(2)" yes
check syscall_flushes 33 "reboot: Power down"
run poweroff no
check poweroff_acpi 0 "reboot: Power down"
run reboot no
check reboot 0 "reboot: Restarting system"
