# return with and without a status, $? after a function, recursion.
ret() { return $1; }
ret 0; echo "ret 0 -> $?"
ret 3; echo "ret 3 -> $?"
last() { false; }
last; echo "last command's status -> $?"
bare() { (exit 4); return; }
bare; echo "bare return keeps -> $?"
early() {
    echo before
    return 0
    echo never
}
early
fact() {
    if [ $1 -le 1 ]; then
        echo 1
    else
        echo $(( $1 * $(fact $(( $1 - 1 ))) ))
    fi
}
echo "5! = $(fact 5)"
depth() {
    [ $1 -eq 0 ] && return 0
    depth $(( $1 - 1 ))
    echo "unwinding $1"
}
depth 3
if ret 1; then echo no; else echo "function as condition"; fi
