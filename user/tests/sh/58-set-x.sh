# set -x: a trace of each command on stderr, here caught in a file.
# (Only simple commands, whose traces dash, bash and busybox print alike.)
exec 3>&2 2>trace
set -x
echo hello
x=5
echo $x
: nothing
set +x
exec 2>&3 3>&-
echo "the trace:"
cat trace
sh -c 'set -x; true arg' 2>&1
(set -x; echo quiet >/dev/null ) 2>sub
[ -s sub ] && echo "the subshell traced"
set -x
echo "no trace on stdout"
