# local (dash, bash and busybox have it; POSIX does not): a local shadows
# the global, is seen by the functions it calls, and ends with the call.
x=global
show() { echo "show sees $x"; }
f() {
    local x
    x=local
    show
    echo "f sees $x"
}
f
echo "after f: $x"
g() {
    local y=initial z
    z=zed
    echo "g: $y $z"
}
y=outer
g
echo "after g: $y [${z-unset}]"
count() {
    local n=$1
    if [ $n -gt 0 ]; then
        count $((n - 1))
    fi
    echo "n=$n"
}
count 2
