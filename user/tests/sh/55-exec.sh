# exec with redirections only changes this shell's fds; exec with a
# command replaces the shell.
exec 3>log
echo "to log" >&3
exec 3>&-
cat log
exec 6<log
read line <&6
echo "read [$line]"
exec 6<&-
(exec echo "exec replaced the subshell"; echo never)
echo "status $?"
(exec sh -c 'exit 4')
echo "exec'd status $?"
(exec >sub.out; echo "into sub.out")
cat sub.out
echo "stdout is ours again"
exec
echo "exec alone does nothing"
x=$(exec echo "exec in a command substitution")
echo "$x"
(exec nosuchcommand 2>/dev/null; echo never)
echo "exec of a missing command: $?"
