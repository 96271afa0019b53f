# & and wait: output only after waiting, so the order is fixed.
echo first > a &
wait
cat a
(sleep 1; echo slow > b) &
echo fast
wait
cat b
(exit 7) &
p=$!
wait $p
echo "wait for a pid: $?"
for i in 1 2 3; do echo "job $i" > "j$i" & done
wait
cat j1 j2 j3
true &
wait
echo "wait with no pid: $?"
{ echo in-group > g; } &
wait
cat g
x=unchanged
x=changed &
wait
echo "x=$x"
