# eval: the arguments joined and run as a command, with another round of
# expansion.
eval echo hello
cmd='echo one; echo two'
eval "$cmd"
eval 'x=5'
echo "x=$x"
name=color
eval "$name=blue"
echo "color=$color"
eval "echo \$$name"
for i in 1 2 3; do eval "var_$i=$((i * 10))"; done
echo "$var_1 $var_2 $var_3"
eval 'f() { echo "defined by eval"; }'
f
eval false
echo "status $?"
eval
echo "empty eval: $?"
q="it's quoted"
eval "y=\"\$q\""
echo "$y"
eval 'for w in a b; do echo "loop $w"; done'
set -- p q r
eval "last=\${$#}"
echo "last=$last"
eval 'exit 3'
echo never
