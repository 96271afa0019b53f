# Backslash outside quotes, inside double quotes, and in single quotes.
# (printf, not echo, shows what holds a backslash: dash's echo reads them.)
say() { printf '%s\n' "$*"; }
say \$HOME \"quoted\" \'single\' \\
echo a\ b\ \ c
echo \a\b\c
say "\$ \` \" \\ \x"
say '\$ \\ \x'
echo \*
v=x
say \$v "\$v" '\$v'
echo "line\
join" lineA\
lineB
say "back\\slash"
echo \# not a comment
echo semi\;colon pipe\|bar amp\&
echo \<angle\>
