# Globs in for lists, sorted, and files with spaces stay whole.
mkdir b a
touch b/2 b/1 a/3
: > "with space.txt"
: > plain.txt
for f in *.txt; do echo "file [$f]"; done
for d in */; do echo "dir $d"; done
for f in */*; do echo "path $f"; done
count=0
for f in *; do count=$((count + 1)); done
echo "count $count"
for f in z* a*; do echo "[$f]"; done
set -- *.txt
echo "set from glob: $#"
rm "with space.txt"
set -- *.txt
echo "after rm: $# $1"
