# for: over a list, over nothing, without `in', over "$@".
for w in alpha beta gamma; do echo "word $w"; done
for w in; do echo never; done
echo "empty list status $?"
set -- "one arg" two
for a; do echo "implicit [$a]"; done
for a in "$@"; do echo "quoted [$a]"; done
for a in $@; do echo "unquoted [$a]"; done
list="p q r"
for x in $list; do echo "split $x"; done
for x in "$list"; do echo "whole $x"; done
for i in 1 2 3
do
    echo "newline form $i"
done
echo "last value $i"
