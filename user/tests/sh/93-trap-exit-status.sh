# exit and return without a number in a trap's action take $? from before
# the trap, not from the action's last command; "return 5" in a trap
# returns 5 from the function the trap came in.
sh -c 'trap "echo in the EXIT trap; false; exit" EXIT; (exit 5)'
echo "exit without a number: $?"
sh -c 'trap "false; exit 7" EXIT; (exit 5)'
echo "exit 7: $?"
sh -c 'trap "echo no exit in it; false" EXIT; (exit 5)'
echo "no exit: $?"
f() {
    trap 'echo "in the trap"; return 5' USR1
    kill -USR1 $$
    echo "not here"
}
f
echo "f returned $?"
trap - USR1
g() {
    false
    return
}
g
echo "g returned $?"
(exit 3)
echo "\$? is still $?"
