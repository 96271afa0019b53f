# Redirections apply left to right: 2>&1 >f differs from >f 2>&1.
both() { echo out; echo err >&2; }
both > f1 2>&1
echo "f1:"; cat f1
both 2>&1 > f2 | while read -r l; do echo "piped: $l"; done
echo "f2:"; cat f2
both 2>/dev/null > f3
echo "f3:"; cat f3
both 2>&1 >/dev/null | cat
echo "swapped through 3:"
both 3>&1 1>&2 2>&3 3>&- | cat
echo "done"
