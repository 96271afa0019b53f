# ? and bracket expressions: [abc], [a-z], [!...].
for f in a1 a2 b1 c3 x9 ab abc B1; do : > "$f"; done
echo ?1
echo ??
echo a?
echo ???
echo [ab]1
echo [a-c]?
echo [!a]?
echo [!a-c]*
echo [B]*
echo *[0-9]
echo [[:digit:]] *[[:digit:]]
echo [ax][19]
