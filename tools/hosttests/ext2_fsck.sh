#!/bin/bash
# What Minnow writes on an ext2 disk, judged by Linux's own tools.
#
# Boots Minnow with a fresh copy of the test disk and runs test_ext2 (which
# creates, renames, links, truncates, removes... and leaves /minnow/ for
# us), then runs `e2fsck -fn` on the image (it must be clean) and reads
# /minnow/ back with debugfs, comparing byte for byte.  Boots it again with
# test_ext2_images, which leaves a tiny image that it filled to ENOSPC and
# emptied on hdb: e2fsck must find that clean too.  After a whole `make
# test`, the disk all the in-Minnow tests left (build/test-disk.img) is
# checked as well.
cd "$(dirname "$0")/../.."
B=build
E2FSCK=$(command -v e2fsck || echo /sbin/e2fsck)
DEBUGFS=$(command -v debugfs || echo /sbin/debugfs)
DUMPE2FS=$(command -v dumpe2fs || echo /sbin/dumpe2fs)
work=$(mktemp -d "$B/ext2-fsck.XXXXXX")
trap 'rm -rf "$work"' EXIT

# boot TEST HDA HDB: runs one in-Minnow test with these disks; its console
# goes to $work/TEST.log.  Fails unless the suite ran to its end.
boot() {
    timeout 240 qemu-system-i386 -kernel $B/kernel.elf -initrd "$B/initrd.cpio,$B/initrd-tests.cpio" \
        -m 128M -display none -serial stdio -net none -no-reboot \
        -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
        -drive file="$2",format=raw,if=ide,index=0 -drive file="$3",format=raw,if=ide,index=1 \
        -append "test=$1" < /dev/null 2>&1 | tr -d '\r' > "$work/$1.log"
    local status=${PIPESTATUS[0]}
    if [ "$status" != 33 ]; then
        echo "FAIL ext2_fsck_boot_$1: QEMU ended with $status; the last lines were:"
        tail -n 15 "$work/$1.log" | sed 's/^/    | /'
        return 1
    fi
}

# fsck NAME IMAGE: e2fsck -fn must find nothing to fix.
fsck() {
    local out
    if out=$("$E2FSCK" -fn "$2" 2>&1); then
        echo "ok $1"
    else
        echo "FAIL $1: e2fsck -fn $2 says:"
        sed 's/^/    | /' <<< "$out" | head -n 30
    fi
}

# same NAME IMAGE PATH EXPECTED-FILE: debugfs reads PATH as EXPECTED-FILE has it.
same() {
    "$DEBUGFS" -R "dump $3 $work/got" "$2" > /dev/null 2>&1
    if cmp -s "$work/got" "$4"; then
        echo "ok $1"
    else
        echo "FAIL $1: debugfs reads $3 differently from what Minnow wrote"
    fi
    rm -f "$work/got"
}

hda=$work/hda.img hdb=$work/hdb.img
cp --sparse=always $B/test-disk-template.img "$hda"
truncate -s 64M "$hdb"
if boot ext2 "$hda" "$hdb"; then
    if grep -q '^FAIL' "$work/ext2.log"; then
        echo "FAIL ext2_fsck_minnow_side: test_ext2 failed in this boot:"
        grep '^FAIL' "$work/ext2.log" | sed 's/^/    | /'
    fi
    fsck ext2_fsck_clean_after_minnow "$hda"
    printf 'written by Minnow\n' > "$work/hello"
    printf 'renamed\n' > "$work/renamed"
    same ext2_debugfs_reads_text "$hda" /minnow/hello.txt "$work/hello"
    same ext2_debugfs_reads_renamed "$hda" /minnow/sub/renamed "$work/renamed"
    same ext2_debugfs_reads_hard_link "$hda" /minnow/sub/hard "$work/hello"
    # LAB(fs) BEGIN
    seq 1 100000 | head -c 300000 > "$work/pattern"
    { head -c $((3 << 20)) /dev/zero; printf 'end\n'; } > "$work/sparse"
    same ext2_debugfs_reads_300k "$hda" /minnow/pattern "$work/pattern"
    same ext2_debugfs_reads_sparse "$hda" /minnow/sparse "$work/sparse"
    # LAB(fs) END
    link=$("$DEBUGFS" -R 'stat /minnow/sub/link' "$hda" 2>/dev/null | grep -o 'Fast link dest: "[^"]*"')
    if [ "$link" = 'Fast link dest: "../hello.txt"' ]; then
        echo "ok ext2_debugfs_fast_symlink"
    else
        echo "FAIL ext2_debugfs_fast_symlink: debugfs says '$link'"
    fi
    state=$("$DUMPE2FS" -h "$hda" 2>/dev/null | sed -n 's/^Filesystem state: *//p')
    if [ "$state" = clean ]; then
        echo "ok ext2_state_clean_after_umount"
    else
        echo "FAIL ext2_state_clean_after_umount: the superblock says '$state'"
    fi
fi

rm -f "$hdb"
truncate -s 64M "$hdb"
cp --sparse=always $B/test-disk-template.img "$hda"
if boot ext2_images "$hda" "$hdb"; then
    fsck ext2_fsck_clean_after_enospc "$hdb"
fi

# the disk the whole suite left, when the last run was the whole suite
if [ -e $B/test-disk.img ] && grep -aq 'test=all' $B/test-serial.log 2>/dev/null; then
    fsck ext2_fsck_clean_after_suite $B/test-disk.img
fi
