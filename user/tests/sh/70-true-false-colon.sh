# :, true and false; their statuses; : to expand for side effects.
:
echo ": -> $?"
true
echo "true -> $?"
false
echo "false -> $?"
: ignores its arguments > /dev/null
echo ": with arguments -> $?"
: ${defaulted:=via colon}
echo "$defaulted"
: $((counter = 3))
echo "counter=$counter"
while :; do echo "colon loop once"; break; done
if :; then echo "colon as a condition"; fi
false && : || echo "false first"
true > made-by-true
[ -f made-by-true ] && echo "redirection with true made a file"
x=$(false) && echo never || echo "false in \$( ) -> failure"
: > truncated
echo "size after : > truncated: $(wc -c < truncated)"
