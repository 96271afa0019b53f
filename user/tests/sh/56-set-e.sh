# set -e: a failing command ends the shell, except in conditions, in
# && || lists but the last, and under !.
set -e
if false; then echo no; fi
echo "false as an if condition is fine"
while false; do :; done
echo "and as a while condition"
false && echo no
echo "failing left of && is fine"
false || echo "failing left of || is fine"
! true
echo "! true does not exit"
f() { false; echo "f goes on: -e is off left of ||"; }
f || echo never
(false; echo "so is it in a subshell left of ||") || echo never
sh -c 'set -e; echo one; false; echo never' || echo "child with set -e: $?"
set +e
false
echo "set +e: carries on"
(set -e; false; echo never)
echo "a subshell with set -e stopped: $?"
set -e
echo "last line before the failure"
false
echo never
