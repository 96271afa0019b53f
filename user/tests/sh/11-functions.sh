# Functions: definition forms, arguments, $# inside, the caller's
# parameters restored afterwards, globals shared with the caller.
greet() {
    echo "hello $1, $# args"
}
two_lines()
{
    echo "first: $1"
    echo "all: $*"
}
set -- outer1 outer2 outer3
greet world
greet "big world" extra
two_lines a b c
echo "after calls: $# $1"
setg() { g=set-inside; }
g=before
setg
echo "global: $g"
noargs() { echo "inside: $#"; }
noargs
redefined() { echo old; }
redefined() { echo new; }
redefined
inline() { echo "one line"; }; inline
subshell_body() ( x=changed; echo "in ( ) body: $x" )
x=kept
subshell_body
echo "after ( ) body: $x"
