# Assignments: several on a line, left to right, no splitting or
# globbing of the value; tilde expansion (compared, never printed).
: > a.txt
: > b.txt
a=1 b=$a c=$b$b
echo "$a $b $c"
v='x   y'
w=$v
echo "[$w]"
g=*.txt
echo "[$g]" $g
e=
echo "[${e}]"
s=$(echo "with   spaces")
echo "[$s]"
n=1; n=$((n + 1)) m=$n
echo "n=$n m=$m"
[ ~ = "$HOME" ] && echo "~ is HOME"
t=~
[ "$t" = "$HOME" ] && echo "~ at the start of an assignment too"
[ ~/sub = "$HOME/sub" ] && echo "~/sub"
echo "~ quoted" '~'
echo x~y
p=a:~/bin
[ "$p" = "a:$HOME/bin" ] && echo "~ after : in an assignment"
