# File descriptors 3..9: n>file, n<file, n>&m, n<&-, and exec for the
# whole shell.
echo three 3>f3 >&3
cat f3
echo nine 9>f9 1>&9
cat f9
exec 4>f4
echo "via 4" >&4
echo "again via 4" >&4
exec 4>&-
cat f4
printf 'line1\nline2\n' > in
exec 5<in
read a <&5
read b <&5
exec 5<&-
echo "$a, $b"
echo closed >&5 2>/dev/null || echo "writing to a closed fd fails"
{ echo "from group" >&6; } 6>f6
cat f6
exec 7>&1
echo "dup of stdout" >&7
exec 7>&-
cat <&- 2>/dev/null; echo "cat with stdin closed: status nonzero $(( $? != 0 ))"
exec 3<>rw
echo written >&3
exec 3>&-
cat rw
