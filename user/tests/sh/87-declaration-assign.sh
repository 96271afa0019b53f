# export, readonly and local take NAME=value as an assignment: no field
# splitting, no globbing, ~ after = and after each : (paths are compared,
# never printed).
: > g1.txt
: > g2.txt
v='a   b'
export e=$v
echo "[$e]"
readonly r=$v
echo "[$r]"
f() { local l=$v; echo "[$l]"; }
f
export g=*.txt
echo "[$g]"
command export k=$v
echo "[$k]"
export p=~/bin:~/lib
[ "$p" = "$HOME/bin:$HOME/lib" ] && echo "~ after = and :"
q=a:~b
echo "$q"
echo ${unset:-~} | grep -c /
echo "${unset:-~}"
echo export m=$v
