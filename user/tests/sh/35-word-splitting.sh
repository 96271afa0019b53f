# Word splitting of unquoted expansions with the default IFS.
show() { printf '%s:' "$#"; for a; do printf ' [%s]' "$a"; done; echo; }
v='  lead   and   trail  '
show $v
show "$v"
t='tab	separated	words'
show $t
n='line
break'
show $n
e=
show $e
show "$e"
show $e $e x
show $(echo '  cmd  out  ')
show ${unset_var-a b} "${unset_var-a b}"
s='*'
show x$s
x=" a b "
show $x$x
show "$x"$x
