# while read over a file, read at end of file, a last line without
# a newline, and reading through a pipe.
printf 'alpha 1\nbeta 2\n\ngamma 3\n' > data
while read -r name num; do
    echo "name=[$name] num=[$num]"
done < data
n=0
while read -r line; do n=$((n + 1)); done < data
echo "$n lines"
: > empty
read x < empty
echo "read at end of file: $?, x=[$x]"
printf 'no newline' > partial
read y < partial
echo "partial line: status $? y=[$y]"
while read -r y; do echo "loop got [$y]"; done < partial
printf 'last\nno-newline' > two
while read -r l || [ -n "$l" ]; do echo "[$l]"; done < two
exec 3< data
read -r first <&3
read -r second <&3
exec 3<&-
echo "from fd 3: $first / $second"
sort -r data | while read -r w rest; do echo "sorted: $w"; done
