#!/bin/bash
# A crash after sync() loses nothing that was synced, and e2fsck repairs
# the rest.  On a fresh ext2 image, helper_ext2_crash (as init) makes files
# of every shape, calls sync(), says so, and keeps changing other files;
# the host kills QEMU at once (kill -9: no flush, no unmount) a moment
# later.  Then:
#   1. a boot mounts the image read-only, as the crash left it: every
#      synced file is there, byte for byte;
#   2. e2fsck -fy repairs what the crash left half-written (its exit status
#      says "fixed", never "left uncorrected"), and e2fsck -fn then finds
#      nothing;
#   3. a boot checks the synced files again after the repair, writes and
#      removes, unmounts; e2fsck -fn finds the image clean.
# Twice: killed right after sync(), and 7 s later, when bdflush (which
# writes blocks dirty for 5 s) has written part of what came after.
cd "$(dirname "$0")/../.."
B=build
MKE2FS=$(command -v mke2fs || echo /sbin/mke2fs)
E2FSCK=$(command -v e2fsck || echo /sbin/e2fsck)
work=$(mktemp -d "$B/ext2-crash.XXXXXX")
trap 'kill -9 $qemu 2>/dev/null; rm -rf "$work"' EXIT
img=$work/disk.img

# boot MODE: starts QEMU on the image, with MODE in the disk's first
# sector, in the background; its console goes to $work/MODE.log.
boot() {
    printf '%s\n' "$1" | dd of="$img" conv=notrunc status=none
    qemu-system-i386 -kernel $B/kernel.elf -initrd "$B/initrd.cpio" \
        -m 128M -display none -serial stdio -net none -no-reboot \
        -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
        -drive file="$img",format=raw,if=ide,index=0 \
        -append "init=/usr/libexec/minnow/helper_ext2_crash" < /dev/null 2>&1 |
        tr -d '\r' > "$work/$1.log" &
    qemu=$(pgrep -n -f "file=$img,format")
}

# wait_for LINE SECONDS MODE: until MODE's console shows LINE.
wait_for() {
    for _ in $(seq $(($2 * 10))); do
        grep -q "$1" "$work/$3.log" && return 0
        sleep 0.1
    done
    return 1
}

# verify MODE TAG: a boot that checks the synced files; reports its lines.
verify() {
    boot "$1"
    wait_for "^crash: $1 done" 60 "$1"
    sleep 0.5
    kill -9 $qemu 2>/dev/null
    wait
    grep -E '^(ok|FAIL) ' "$work/$1.log" | sed "s/^\(ok\|FAIL\) ext2_crash_/\1 ext2_crash_$2_/"
    grep -q "^crash: $1 done" "$work/$1.log" ||
        echo "FAIL ext2_crash_$2_$1_boot: the boot did not finish; its last lines: $(tail -n 3 "$work/$1.log" | tr '\n' ' ')"
}

# crash_cycle TAG DELAY: the whole story, QEMU killed DELAY seconds after sync().
crash_cycle() {
    local tag=$1 delay=$2
    rm -f "$img"
    truncate -s 64M "$img"
    "$MKE2FS" -q -F -t ext2 "$img"
    boot crash
    if ! wait_for "^crash: synced" 60 crash; then
        kill -9 $qemu 2>/dev/null; wait
        echo "FAIL ext2_crash_${tag}_synced: no \"crash: synced\"; the last lines: $(tail -n 3 "$work/crash.log" | tr '\n' ' ')"
        return
    fi
    sleep "$delay"
    kill -9 $qemu; wait
    grep -E '^(ok|FAIL) ' "$work/crash.log" | sed "s/ext2_crash_/ext2_crash_${tag}_/"
    local churned
    churned=$(grep -c '^crash: churn' "$work/crash.log")
    if [ "$churned" -gt 0 ]; then
        echo "ok ext2_crash_${tag}_killed_while_writing"
    else
        echo "FAIL ext2_crash_${tag}_killed_while_writing: QEMU died before any change after sync()"
    fi

    verify verify-ro "$tag"

    "$E2FSCK" -fy "$img" > "$work/fsck-y.txt" 2>&1
    local st=$?
    if [ $st -lt 4 ]; then
        echo "ok ext2_crash_${tag}_fsck_repairs"
    else
        echo "FAIL ext2_crash_${tag}_fsck_repairs: e2fsck -fy exited $st: $(tail -n 3 "$work/fsck-y.txt" | tr '\n' ' ')"
    fi
    fsck_clean "${tag}_fsck_clean_after_repair"

    verify verify-rw "$tag"
    fsck_clean "${tag}_fsck_clean_at_end"
    echo "ext2_crash: $tag: $churned progress lines after sync; e2fsck -fy exited $st" >&2
}

fsck_clean() {
    local out
    if out=$("$E2FSCK" -fn "$img" 2>&1); then
        echo "ok ext2_crash_$1"
    else
        echo "FAIL ext2_crash_$1: e2fsck -fn: $(grep -v '^Pass\|^e2fsck\|^$' <<< "$out" | head -n 3 | tr '\n' ' ')"
    fi
}

crash_cycle at_once 0
crash_cycle later 7
