# unset (variables and functions) and readonly.
v=1
unset v
echo "unset: [${v-gone}]"
unset never_set
echo "unset of an unset name: $?"
f() { echo "f runs"; }
f
unset -f f
command -v f >/dev/null || echo "f is gone"
g=var
g() { echo "function g"; }
unset -v g
g
echo "variable g: [${g-gone}]"
readonly r=fixed
echo "r=$r"
(r=other) 2>/dev/null || echo "assigning a readonly variable fails"
(unset r) 2>/dev/null || echo "unsetting it fails too"
echo "r is still $r"
s=before
readonly s
(s=after; echo never) 2>/dev/null
echo "s=$s"
a=1 b=2
unset a b
echo "both: [${a-x}${b-y}]"
