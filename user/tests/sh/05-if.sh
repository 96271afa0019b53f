# if / elif / else, status of the whole if, nested if.
x=2
if [ $x -eq 1 ]; then echo one
elif [ $x -eq 2 ]; then echo two
else echo other
fi
if false; then echo no; else echo else-branch; fi
if false; then echo no; fi
echo "if without a branch taken: $?"
if true
then
    if [ a = b ]; then echo inner-no; else echo inner-else; fi
fi
if false; then :; elif false; then :; elif true; then echo third; fi
if (exit 3); then :; else echo "cond status $?"; fi
if ! false; then echo negated; fi
if echo cond-prints; false; then echo no; else echo "last command decides"; fi
