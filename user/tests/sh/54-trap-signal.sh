# trap on signals sent to oneself: a handler, '' to ignore (which a child
# inherits), - to reset (and then the signal ends the script).
trap 'echo got USR1' USR1
kill -s USR1 $$
echo "after USR1"
trap 'echo "got USR2"; n=$((n + 1))' USR2
n=0
kill -s USR2 $$
kill -s USR2 $$
echo "USR2 twice: n=$n"
trap '' USR1
kill -s USR1 $$
echo "USR1 ignored"
sh -c 'kill -s USR1 $$; echo "a child inherits the ignored USR1"'
trap 'echo "TERM caught"' TERM
kill $$
echo "after TERM"
sh -c 'kill -s USR2 $$; echo never'
echo "a trap is not inherited by a child: killed $(( $? > 128 ))"
(trap 'echo "HUP in a subshell"' HUP; sh -c 'kill -s HUP $PPID'; echo "subshell goes on")
trap - USR1
echo "reset: the next USR1 ends the script"
kill -s USR1 $$
echo never
