# && and || chains: equal precedence, left to right; with groups.
true && echo 1 || echo never
false && echo never || echo 2
false || false || echo 3
true && false && echo never
echo "status after failed chain: $?"
false || true && echo 4
true || false && echo 5
false && { echo never; } || { echo 6; }
{ false || echo 7; } && echo 8
x=0
[ $x -eq 0 ] && x=1 && echo "x=$x"
false ||
    echo "continued after ||"
true &&
    echo "continued after &&"
f() { return 1; }
f && echo never || echo "function in a chain"
! false && echo "negation first"
