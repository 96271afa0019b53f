# $1..$9, ${10} and beyond, $#, set -- to replace them.
set -- a b c d e f g h i j k
echo "$# params"
echo "$1 $2 $3 $9"
echo "${10} ${11}"
echo "$10"
set -- only
echo "$# [$1] [$2]"
set --
echo "$# params after set --"
set -- "with space" "" last
echo "$#: [$1] [$2] [$3]"
set -- x y
echo "${1}${2}"
echo "${3-unset third}"
