# echo: several arguments, quoted spaces, an empty argument, -n.
echo hello world
echo "two  spaces" 'and  these'
echo
echo one "" three
echo -n no newline
echo ' <- joined'
echo a\ b c
