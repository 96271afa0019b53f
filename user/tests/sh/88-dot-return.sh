# return in a file read by "." ends that file, also when "." runs in a
# function: the function goes on after the ".".
cat > lib.sh <<'EOF'
echo "lib: start"
if [ "$mode" = early ]; then
    return 3
fi
echo "lib: end"
EOF
f() {
    . ./lib.sh
    echo "f: after the dot, status $?"
    mode=early
    . ./lib.sh
    echo "f: after the second dot, status $?"
    return 5
}
f
echo "f returned $?"
g() {
    for i in 1 2; do
        . ./lib.sh
        echo "g: round $i"
    done
}
g
. ./lib.sh
echo "top: status $?"
