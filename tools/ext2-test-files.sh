#!/bin/bash
# The files the ext2 tests expect to find on their disks, made on the host
# and put into the images with mke2fs -d; then DEST.cksums, `cksum` (CRC
# and size) of every regular file, which the tests compare with what
# Minnow reads (user/tests/test_ext2.c, test_ext2_images.c).
#
#   tools/ext2-test-files.sh home SRC DEST   make test's hda: a copy of SRC
#       (user/home/) and, in ext2test/, what exercises ext2: indirect
#       blocks, a hole, fast and slow symbolic links, a hard link, a fifo,
#       a directory big enough for an htree index (the Makefile runs
#       e2fsck -D to build one), a deep tree, a file with a set mode and time
#   tools/ext2-test-files.sh small DEST      the small images' contents
set -eu

pattern() {         # FILE SIZE: "1\n2\n3\n..." cut to SIZE bytes
    seq 1 100000 | head -c "$2" > "$1"
}

checksums() {
    (cd "$1" && find . -type f | LC_ALL=C sort | xargs cksum) > "$1.cksums"
}

home() {
    local src=$1 dest=$2 t=$2/ext2test
    rm -rf "$dest"
    mkdir -p "$dest"
    cp -a "$src"/. "$dest"/
    mkdir -p "$t/many" "$t/deep/a/b/c"
    pattern "$t/pattern" 300000                     # 1 KiB blocks: double indirect
    printf 'short\n' > "$t/small"
    truncate -s 5M "$t/sparse"                      # a 5 MiB hole, then 4 bytes
    printf 'tail' >> "$t/sparse"
    ln -s small "$t/fastlink"
    ln -s "$(printf 'x%.0s' $(seq 1 90))/target" "$t/slowlink"   # 97 bytes: a block
    ln "$t/pattern" "$t/hardlink"
    mkfifo "$t/fifo"
    for i in $(seq -w 0 399); do echo "file $i" > "$t/many/f$i"; done
    echo deep > "$t/deep/a/b/c/leaf"
    chmod 0640 "$t/small"
    touch -d '2001-02-03 04:05:06 UTC' "$t/small"
    checksums "$dest"
}

small() {
    local dest=$1
    rm -rf "$dest"
    mkdir -p "$dest/d"
    pattern "$dest/pattern" 200000      # no double indirect block, even with 1 KiB (rev0)
    ln -s pattern "$dest/fastlink"
    for i in $(seq 1 100); do echo "$i" > "$dest/d/n$i"; done
    checksums "$dest"
}

case ${1:-} in
home) home "$2" "$3" ;;
small) small "$2" ;;
*) echo "usage: $0 home SRC DEST | small DEST" >&2; exit 2 ;;
esac
