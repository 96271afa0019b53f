# $( ) and backquotes: trailing newlines stripped, inner ones kept, the
# status of the command, splitting of unquoted results.
x=$(echo hello)
echo "[$x]"
y=`echo backquoted`
echo "[$y]"
z=$(printf 'a\n\n\n')
echo "[$z]"
w=$(printf 'one\ntwo\n')
echo "[$w]"
echo $(printf 'one\ntwo\n')
echo "$(echo '  spaces  kept  ')"
echo $(echo '  spaces  squeezed  ')
empty=$(true)
echo "empty [$empty]"
v=$(false)
echo "status of assignment from false: $?"
echo "in the middle: pre$(echo mid)post"
n=$(echo a b c | wc -w)
echo "words: $((n))"
echo "$(echo "quoted inside quoted")"
echo `echo one` `echo two`
