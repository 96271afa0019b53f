# command -v and type: builtins, functions, programs, missing names.
# (A program's path differs between systems: only success is shown.)
myfunc() { :; }
command -v cd
command -v myfunc
command -v cat >/dev/null && echo "cat found"
command -v nosuchcommand >/dev/null || echo "nosuchcommand not found"
command -v if >/dev/null && echo "a reserved word is found"
for name in echo myfunc cat; do
    type "$name" >/dev/null && echo "type $name: found"
done
type nosuchcommand >/dev/null 2>&1 || echo "type nosuchcommand: not found"
command echo "command runs a builtin"
echo() { printf 'function echo: %s\n' "$*"; }
echo shadowed
command echo "command skips the function"
unset -f echo
echo "function removed"
x=$(command -v myfunc)
[ "$x" = myfunc ] && echo "command -v prints a function's name"
