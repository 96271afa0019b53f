# test on integers: -eq -ne -lt -le -gt -ge, negative numbers.
t() { if "$@"; then echo "true:  $*"; else echo "false: $*"; fi; }
t [ 1 -eq 1 ]
t [ 1 -eq 2 ]
t [ 1 -ne 2 ]
t [ 2 -ne 2 ]
t [ 1 -lt 2 ]
t [ 2 -lt 1 ]
t [ 2 -le 2 ]
t [ 3 -le 2 ]
t [ 3 -gt 2 ]
t [ 2 -gt 3 ]
t [ 2 -ge 2 ]
t [ 1 -ge 2 ]
t [ -5 -lt 3 ]
t [ -5 -gt -6 ]
t [ 0 -eq -0 ]
t [ 10 -gt 9 ]
t [ 007 -eq 7 ]
n=$((6 * 7))
t [ "$n" -eq 42 ]
t [ 1 -lt 2 -a 3 -gt 2 ]
[ x -eq 1 ] 2>/dev/null
echo "not a number: status nonzero $(( $? != 0 ))"
