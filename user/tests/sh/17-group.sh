# { }: runs in this shell, redirection of the whole group, status.
x=1
{ x=2; echo "in group"; }
echo "x=$x"
{ echo line1; echo line2; } > out
cat out
{ echo appended; } >> out
cat out
{ read first; read second; } < out
echo "read: $first / $second"
{ echo to-stderr >&2; echo to-stdout; } 2>/dev/null
{ echo a; echo b; } | sort -r
{ false; }
echo "group status: $?"
{
    echo multi
    echo line
} | cat
{ echo one; { echo two; echo three; } ; } > nested
cat nested
