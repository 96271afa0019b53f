# Pipelines and the plain redirections, with external programs.
echo first > f
echo second >> f
cat f
cat < f | grep sec
echo one two three | cat | cat
cat f | sort -r
echo replaced > f
cat f
cat < f > g
cat g
