# Here-documents in a function body and in a loop.
report() {
    cat <<EOF
report for $1: $2 items
EOF
}
report apples 3
report pears 5
for i in 1 2 3; do
    cat <<EOF
loop $i
EOF
done
while read -r line; do
    echo "read [$line]"
done <<EOF
first line
  second line
EOF
total=0
while read -r n; do total=$((total + n)); done <<NUMS
10
20
12
NUMS
echo "total $total"
