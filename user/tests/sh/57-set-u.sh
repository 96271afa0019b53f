# set -u: expanding an unset variable is an error, in a subshell here.
set -u
x=set
echo "set variable: $x"
echo "default still allowed: ${nosuch:-fine} ${nosuch-fine}"
echo "alternative allowed: [${nosuch:+never}]"
e=
echo "empty is set: [$e]"
(echo "$nosuch"; echo never) || echo "unset variable failed the subshell"
echo "\$# is always set: $#"
set -- a
echo "\$1 is set: $1"
(echo "$2"; echo never) || echo "\$2 is not"
set +u
echo "after set +u: [$nosuch]"
