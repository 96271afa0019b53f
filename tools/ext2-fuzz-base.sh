#!/bin/bash
# The ext2 image that test_ext2_fuzz damages in hundreds of ways: small (1
# MiB, 1 KiB blocks, 64 inodes) so that metadata is most of it, and with a
# bit of everything in it -- files in direct, single- and double-indirect
# blocks, a sparse file, directories two deep, a directory of many
# entries, fast and slow symbolic links, a hard link.
#   tools/ext2-fuzz-base.sh OUT.img
set -e
out=$1
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
mkdir -p "$tree/dir/sub" "$tree/many"
echo "a small file" > "$tree/small"
head -c 40000 /dev/zero | tr '\0' 'i' > "$tree/indirect"          # single indirect
head -c 300000 /dev/zero | tr '\0' 'd' > "$tree/double"            # double indirect
truncate -s 200000 "$tree/sparse"
echo "deep" > "$tree/dir/sub/deep"
for i in $(seq 1 40); do echo "$i" > "$tree/many/entry-$i"; done
ln -s small "$tree/fastlink"
ln -s "dir/sub/$(printf 'x%.0s' $(seq 1 80))" "$tree/slowlink"
ln "$tree/small" "$tree/hardlink"
MKE2FS=$(command -v mke2fs || echo /sbin/mke2fs)
"$MKE2FS" -q -F -t ext2 -b 1024 -N 64 -d "$tree" "$out" 1M
