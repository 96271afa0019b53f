# IFS empty: no splitting at all; IFS unset: the default again.
show() { printf '%s:' "$#"; for a; do printf ' [%s]' "$a"; done; echo; }
v='a b  c'
IFS=
show $v
show $(echo "x y")
set -- "1 2" 3
show $*
show $@
unset IFS
show $v
show $*
IFS=' '
t='p	q r'
show $t
