# Single and double quotes: what each keeps and what each expands.
# (printf, not echo, shows what holds a backslash: dash's echo reads them.)
v=value
printf '%s\n' 'single: $v `echo x` $(echo y) \n "double"'
echo "double: $v $(echo cmd) `echo bq` 'single'"
echo "dollar at the end $"
printf '%s\n' "escaped: \$v \`x\` \"q\" \\ \a"
echo "adjacent "'parts'" join"
echo ''"$v"''
echo "a
b"
echo 'it'\''s'
echo "${v}text" "$v"text '$v'text
x='  two  spaces  '
echo "[$x]" [$x]
echo "tab	inside"
echo "glob *" '[abc]' "?"
empty=''
set -- "$empty" '' ""
echo "$# empty args"
echo "#not a comment" '#nor this' x#y
