#!/bin/bash
# Damaged ext2 images must never panic Minnow.  Makes a small image with
# mke2fs -d (the test files of tools/ext2-test-files.sh, an htree
# directory among them), then, for each seed, a copy with a few bytes
# changed where they hurt most -- the superblock, the group descriptors,
# the bitmaps and inode table of group 0, the blocks of directories and
# indirect blocks -- and boots Minnow on it with helper_ext2_walk as init
# (mount, read everything, change a few things, umount, power off).  Each
# boot must end with "walk: done" and a clean power-off.
#
#   tools/ext2-fuzz.sh [FIRST_SEED [COUNT]]      (after `make`; KEEP=1 keeps every log)
# A failing seed's image is kept as build/ext2-fuzz/fail-SEED.img, with
# the console's output beside it; rerun one with: tools/ext2-fuzz.sh SEED 1
set -u
cd "$(dirname "$0")/.."
B=build
first=${1:-1} count=${2:-50}
dir=$B/ext2-fuzz
mkdir -p "$dir"
MKE2FS=$(command -v mke2fs || echo /sbin/mke2fs)
E2FSCK=$(command -v e2fsck || echo /sbin/e2fsck)
DEBUGFS=$(command -v debugfs || echo /sbin/debugfs)
DUMPE2FS=$(command -v dumpe2fs || echo /sbin/dumpe2fs)

base=$dir/base.img
if [ ! -e "$base" ]; then
    tools/ext2-test-files.sh home user/home "$dir/home" || exit 1
    "$MKE2FS" -q -F -t ext2 -d "$dir/home" "$base" 16M || exit 1
    "$E2FSCK" -fyD "$base" > /dev/null 2>&1
fi

# Byte ranges worth damaging, "start length" a line (1 KiB blocks).
ranges() {
    echo "1024 200"                                         # the superblock
    echo "2048 64"                                          # the group descriptors
    "$DUMPE2FS" "$base" 2>/dev/null | sed -n 's/.*Block bitmap at \([0-9]*\).*Inode bitmap at \([0-9]*\).*/\1 \2/p' |
        head -n 1 | while read -r bb ib; do echo "$((bb * 1024)) 1024"; echo "$((ib * 1024)) 1024"; done
    local table
    table=$("$DUMPE2FS" "$base" 2>/dev/null | sed -n 's/^ *Inode table at \([0-9]*\)-.*/\1/p' | head -n 1)
    echo "$((table * 1024)) $((64 * 256))"                  # the first 64 inodes
    for path in / /ext2test /ext2test/many /ext2test/pattern /ext2test/sparse /ext2test/deep/a; do
        "$DEBUGFS" -R "blocks $path" "$base" 2>/dev/null | tr ' ' '\n' | grep -E '^[0-9]+$' | head -n 4 |
            while read -r b; do echo "$((b * 1024)) 1024"; done
    done
}
mapfile -t RANGES < <(ranges)

# poke IMG OFFSET VALUE: one byte
poke() {
    printf "\\x$(printf %02x "$3")" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}

passed=0 failed=0
for ((seed = first; seed < first + count; seed++)); do
    RANDOM=$seed
    img=$dir/img-$seed.img
    cp --sparse=always "$base" "$img"
    for ((i = 0; i < 1 + RANDOM % 8; i++)); do
        read -r start len <<< "${RANGES[RANDOM % ${#RANGES[@]}]}"
        off=$((start + (RANDOM * 32768 + RANDOM) % len))
        case $((RANDOM % 4)) in
        0) v=0 ;;
        1) v=255 ;;
        *) v=$((RANDOM % 256)) ;;
        esac
        poke "$img" "$off" "$v"
    done
    log=$dir/img-$seed.log
    timeout 120 qemu-system-i386 -kernel $B/kernel.elf -initrd $B/initrd.cpio \
        -m 128M -display none -serial stdio -net none -no-reboot \
        -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
        -drive file="$img",format=raw,if=ide,index=0 \
        -append "init=/usr/libexec/minnow/helper_ext2_walk" < /dev/null 2>&1 | tr -d '\r' > "$log"
    status=${PIPESTATUS[0]}
    if [ "$status" = 33 ] && grep -q '^walk: done' "$log" && ! grep -qi 'panic' "$log"; then
        passed=$((passed + 1))
        rm -f "$img"
        [ -n "${KEEP:-}" ] || rm -f "$log"
    else
        failed=$((failed + 1))
        mv "$img" "$dir/fail-$seed.img"
        mv "$log" "$dir/fail-$seed.log"
        echo "FAIL ext2_fuzz_seed_$seed: QEMU status $status; see $dir/fail-$seed.log"
        grep -a -E 'panic|walk:|ext2:' "$dir/fail-$seed.log" | tail -n 5 | sed 's/^/    | /'
    fi
done
echo "ext2 fuzz: $passed images survived, $failed did not (seeds $first..$((first + count - 1)))"
[ $failed -eq 0 ]
