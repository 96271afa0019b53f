# ${v:+w} and ${v+w}.
unset u
e=
s=set
echo "1 [${u:+alt}] [${e:+alt}] [${s:+alt}]"
echo "2 [${u+alt}] [${e+alt}] [${s+alt}]"
echo "3 [${s:+$s-and-more}]"
set -- a b
echo "4 [${1:+first is set}] [${3:+never}]"
opts=
add() { opts="${opts:+$opts,}$1"; }
add x; add y; add z
echo "5 $opts"
