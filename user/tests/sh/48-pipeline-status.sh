# A pipeline's status is its last command's; ! negates it.
true | false
echo "true | false: $?"
false | true
echo "false | true: $?"
! true
echo "! true: $?"
! false
echo "! false: $?"
! true | false
echo "! (true | false): $?"
(exit 3) | (exit 4)
echo "last of two subshells: $?"
echo abc | grep b >/dev/null && echo "grep in a pipeline matched"
echo abc | grep z >/dev/null || echo "and did not match"
if ! echo x | grep y >/dev/null; then echo "negated pipeline in if"; fi
echo "a b c" | while read -r x y z; do echo "$z $y $x"; done
printf '3\n1\n2\n' | sort | head -n 2 | tail -n 1
echo piped |
cat
