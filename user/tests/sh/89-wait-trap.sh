# A trapped signal ends "wait" at once, with status 128 + its number, and
# the trap runs -- also when the signal's sender ended just before.
trap 'echo "got TERM"' TERM
sleep 3 &
slow=$!
(sleep 1; kill -TERM $$) &
wait $slow
echo "wait for one: $?"
(sleep 1; kill -TERM $$) &
wait
echo "wait for all: $?"
kill $slow
wait $slow
echo "sleep ended: $?"
