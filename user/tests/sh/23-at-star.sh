# "$@" against "$*", $@ and $* unquoted, and IFS's first character.
set -- "a b" c "" d
count() { echo "$# args"; }
count "$@"
count "$*"
count $@
count $*
for a in "$@"; do printf '[%s]' "$a"; done; echo
echo "[$*]"
IFS=:
echo "[$*]"
IFS=-x
echo "[$*]"
IFS=
echo "[$*]"
unset IFS
echo "[$*]"
set --
count "$@"
count "$*"
set -- one
echo "pre$@post" "pre$*post"
set -- 1 2
for a in "x$@y"; do echo "[$a]"; done
