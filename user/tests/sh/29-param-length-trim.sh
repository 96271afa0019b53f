# ${#v}, and removal of the smallest and largest prefix and suffix.
v=hello
echo "${#v} ${#nosuch} ${#}"
e=
echo "empty: ${#e}"
path=dir/sub/file.tar.gz
echo "${path%.*}"
echo "${path%%.*}"
echo "${path#*/}"
echo "${path##*/}"
echo "${path%/*}"
echo "${path%nomatch}"
echo "${path#dir}"
echo "${path##}"
set -- one two three
echo "${#1} ${#3}"
s="a b  c"
echo "${#s}"
x=aaa
echo "${x#a} ${x##a} ${x%a} ${x#a*} ${x##a*}"
