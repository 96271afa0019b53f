# Fds 0-9 are the script's own: "exec 3> f" in a long script (which the
# shell reads in blocks) or in a file read by "." does not cut it short.
# A redirection of a closed fd on a group is undone: the fd is closed again.
{
    echo 'exec 3>three.txt 4>four.txt 5>five.txt'
    i=0
    while [ $i -lt 300 ]; do
        echo ": line $i of a file longer than one block"
        i=$((i + 1))
    done
    echo 'echo "the end of the long file"'
} > long.sh
. ./long.sh
echo "after the dot"
sh ./long.sh
echo "sh long.sh: $?"
exec 3>&- 4>&- 5>&-
{ echo "in the group" >&3; } 3>group.txt
cat group.txt
{ echo "after the group" >&3; } 2>/dev/null || echo "fd 3 is closed again"
for i in 1; do :; done 4>loop.txt
{ echo "after the loop" >&4; } 2>/dev/null || echo "fd 4 is closed again"
