# Two here-documents in one command, and two on one line.
{ read a; read b <&3; echo "$a / $b"; } <<FIRST 3<<SECOND
from the first
FIRST
from the second
SECOND
cat <<ONE; cat <<TWO
one
ONE
two
TWO
cat <<A && echo between && cat <<B
a-doc
A
b-doc
B
x=1
cat <<X1 <<X2
never shown: the second replaces it $x
X1
shown $x
X2
