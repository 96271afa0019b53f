# $?, $$ and $! without printing process ids; wait for a pid.
false
echo "after false: $?"
echo "twice: $?"
[ $$ -gt 0 ] && echo "pid is positive"
a=$$
b=$(echo $$)
[ "$a" = "$b" ] && echo "\$\$ is the script's pid in a command substitution"
c=$( (echo $$) )
[ "$a" = "$c" ] && echo "and in a subshell"
sleep 0 &
[ $! -gt 0 ] && echo "background pid is positive"
[ $! != $$ ] && echo "and not ours"
bg=$!
wait $bg
echo "wait status: $?"
sh -c 'exit 9'
echo "child exit: $?"
echo $? $?
