# ${v:-w} ${v-w} ${v:=w} ${v=w}: unset against empty.
unset u
e=
s=set
echo "1 [${u:-word}] [${e:-word}] [${s:-word}]"
echo "2 [${u-word}] [${e-word}] [${s-word}]"
echo "3 [${u:=assigned}] u=$u"
echo "4 [${e:=filled}] e=$e"
unset u
e=
echo "5 [${u=plain}] u=$u"
echo "6 [${e=notused}] e=[$e]"
echo "7 [${s:=other}] s=$s"
unset u
w=inner
echo "8 [${u:-$w}] [${u:-"two words"}] [${u:-$(echo cmd)}]"
echo "9 [${u:-${w:-x}}]"
: ${d1:=default1} ${d2=default2}
echo "10 $d1 $d2"
echo "11 [${u:-a  b}]"
echo 12 ${u:-a  b}
echo "13 [${u:-}]"
