# $(( )): the operators, precedence, parentheses, negative numbers,
# division and remainder toward zero.
echo $((1 + 2)) $((7 - 10)) $((6 * 7)) $((17 / 5)) $((17 % 5))
echo $((2 + 3 * 4)) $(((2 + 3) * 4)) $((20 - 4 - 3)) $((100 / 10 / 5))
echo $((-7 / 2)) $((7 / -2)) $((-7 % 2)) $((7 % -2))
echo $((-5)) $((- -5)) $((+3)) $((-(2 + 3)))
echo $(( 1+2 )) $((   4   ))
echo $((0)) $((2147483647)) $((-2147483647 - 1))
x=$((1 + 1))
echo "x=$x"
echo "nested $(( $((2 * 3)) + 1 ))"
echo "in words: a$((1+1))b"
echo $(( (1 + 2) * (3 + 4) / 2 ))
