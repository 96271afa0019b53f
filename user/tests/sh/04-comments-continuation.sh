# Comments and backslash-newline continuation.
echo one # a comment after a command
# a whole-line comment
echo two#not-a-comment
echo 'quoted # not a comment'
echo con\
tinued
echo a \
    b \
    c
x=ab\
cd
echo "$x"
echo "in quotes \
joined"
echo 'single quotes keep \
the newline'
