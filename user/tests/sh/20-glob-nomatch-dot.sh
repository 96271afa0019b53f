# A glob that matches nothing stays as it is; * and ? skip dotfiles.
: > .hidden
: > visible
: > .dot2
echo *
echo ?isible
echo .*[a-z]*
echo .h*
echo *.nomatch
echo nothing*here
echo [xyz]
for f in *.none; do echo "loop got [$f]"; done
mkdir sub
echo sub/.*n
echo */
