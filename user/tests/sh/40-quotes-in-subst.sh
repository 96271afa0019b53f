# Quotes nested inside $( ), backquotes and ${ } within double quotes.
echo "$(echo "inner quotes" 'and single')"
echo "$(echo "$(echo 'two levels')")"
v="a  b"
echo "$(echo "$v")" "$(echo $v)"
echo "`echo \"escaped in backquotes\"`"
echo "${undefined:-"default with spaces"}"
echo "${undefined:-'single in default'}"
echo ${undefined:-'single in default'}
x=$(echo "it's")
echo "$x"
y="$(echo "a \"quoted\" word")"
echo "$y"
echo "$(echo ')' ; echo "(")"
echo "$(echo '$v is not expanded')"
echo "$( printf '%s\n' "$v" )"
