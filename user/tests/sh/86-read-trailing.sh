# read: the last name gets the rest of the line, without the blanks at its
# end, and without one delimiter at its end when only one field is left.
r() { printf '%s\n' "$1" | { IFS=$2 read -r a b; echo "[$a][$b]"; }; }
r 'a:b:' :
r 'a:b::' :
r 'a:b:c:' :
r 'a:b:c' :
r 'a : b : ' ' :'
r '  a   b  ' ' '
r 'a b c  ' ' '
r 'a' ' '
r ':a' :
printf 'x:\n' | { IFS=: read -r one; echo "[$one]"; }
printf 'x::\n' | { IFS=: read -r one; echo "[$one]"; }
printf 'a\\: b:\n' | { IFS=: read c d; echo "[$c][$d]"; }
