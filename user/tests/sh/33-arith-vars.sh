# Variables in $(( )) without $, assignments, hex and octal constants.
x=5
echo $((x + 1)) $(($x + 1)) $((x * x))
unset u
echo "unset is 0: $((u + 1))"
e=
echo "empty with \$: $(($e + 0))"
echo $((y = 7)) "y=$y"
z=10
echo $((z += 5)) $((z -= 3)) $((z *= 2)) $((z /= 4)) $((z %= 4)) "z=$z"
echo $((0x10)) $((0xff)) $((0XA)) $((010)) $((0))
n=0x1f
echo "hex in a variable: $((n))"
r=3+4
echo "expanded before evaluation: $(($r * 2))"
i=0
while [ $i -lt 3 ]; do : $((i = i + 1)); done
echo "i=$i"
a=2 b=3
echo $((a = b = 4)) $a $b
echo $((x <<= 2)) $((x >>= 1)) $((x |= 1)) $((x &= 6)) $((x ^= 15))
