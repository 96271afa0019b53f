# IFS set to other characters: empty fields between non-white
# separators, white space IFS characters collapsing.
show() { printf '%s:' "$#"; for a; do printf ' [%s]' "$a"; done; echo; }
v=a:b::c:
IFS=:
show $v
IFS=' :'
show $v
v2='one : two  three'
show $v2
IFS=,
list='x,y z,,w'
show $list
for f in $list; do echo "field [$f]"; done
IFS=:
set -- $(echo "p:q:r")
echo "$# $2"
path=/bin:/usr/bin:
for d in $path; do echo "dir [$d]"; done
IFS=' 	
'
show $v2
