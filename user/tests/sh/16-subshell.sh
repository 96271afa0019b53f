# ( ): changes stay inside, exit leaves only the subshell.
x=outer
(x=inner; echo "inside: $x")
echo "outside: $x"
mkdir d
here=$PWD
(cd d && echo "in d: ${PWD##*/}")
[ "$PWD" = "$here" ] && echo "cd did not leak"
(exit 5)
echo "subshell exit status: $?"
(echo before-exit; exit 2; echo never)
echo "status: $?"
(set -- a b c; echo "params inside: $#")
echo "params outside: $#"
( (echo nested subshell) )
(false) || echo "or after failing subshell"
(f() { echo "function inside"; }; f)
command -v f >/dev/null || echo "function did not leak"
(unset x; echo "unset inside: [${x-none}]")
echo "still: $x"
