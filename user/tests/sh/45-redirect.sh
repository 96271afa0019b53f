# > >> < 2>&1 >&2 2>/dev/null, on commands and on builtins.
echo one > f
echo two >> f
cat < f
ls nosuchfile 2>/dev/null || echo "ls failed quietly"
ls nosuchfile > out 2>&1
[ -s out ] && echo "the error went into out"
echo to-stderr >&2
echo "stdout only so far"
{ echo err-line >&2; } 2> err
cat err
echo "x" 1> g
cat g
>empty
[ -f empty ] && [ ! -s empty ] && echo "empty file made by a bare >"
echo redirect-first > h; cat h
> i echo "redirection before the command"
cat i
echo multiple > j > k
echo "j: [$(cat j)] k: [$(cat k)]"
cat < f > copy; cat copy
echo "var=$(cat <f)"
