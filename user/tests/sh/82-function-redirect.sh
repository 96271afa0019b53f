# A function whose body has its own redirection (applied at each call),
# and redirections and pipes around function calls.
log() { echo "log: $*"; } >> logfile
log first
log second
cat logfile
shout() { while read -r l; do echo "$l!"; done; }
echo hello | shout
shout <<EOF
from a here-document
EOF
err() { echo "to stderr" >&2; echo "to stdout"; }
err 2>/dev/null
err 2>&1 >/dev/null | shout
count_args() { echo "$#"; }
count_args $(echo a b c) "$(echo a b c)"
outer() { inner "$@" extra; }
inner() { echo "inner got $# args: $*"; }
outer 1 2
