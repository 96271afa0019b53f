# shift, shift N, and a shift past the end (its status only).
set -- 1 2 3 4 5 6
shift
echo "$# left, first $1"
shift 2
echo "$# left, first $1"
shift 0
echo "shift 0: $# left"
shift 3
echo "$# left"
f() {
    shift
    echo "in f after shift: $*"
}
set -- a b c
f x y z
echo "caller keeps: $*"
while [ $# -gt 0 ]; do echo "arg $1"; shift; done
(set -- 1 2; shift 2; echo "exactly all: $#")
(set -- 1; shift 3 2>/dev/null ) && echo "too far succeeded" || echo "too far failed"
