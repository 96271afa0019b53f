# echo and echo -n: no other option, and no backslash (shells differ).
echo -n a
echo -n b
echo c
echo -n
echo "after empty -n"
echo -n "" ; echo "|"
echo -n "two words" "three"; echo
echo
echo ""
echo "a    b"
echo a    b
echo -- dashes
echo -x
x=$(echo -n trimmed)
echo "[$x]"
