# $* where no fields are split (an assignment, case, ${x:-$*}): the
# arguments joined by the first character of IFS.
set -- a b c
IFS=:
v=$*
echo "$v"
case $* in
    a:b:c) echo "case sees a:b:c" ;;
    *) echo "case sees [$*]" ;;
esac
echo "${unset:-$*}"
w="$*"
echo "$w"
IFS=
v=$*
echo "[$v]"
unset IFS
v=$*
echo "[$v]"
