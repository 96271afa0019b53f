# read: fields into names, the rest into the last, IFS, -r, backslashes.
read a b c <<EOF
one two three four five
EOF
echo "[$a] [$b] [$c]"
read a b c <<EOF
only
EOF
echo "[$a] [$b] [$c]"
read line <<EOF
   leading and trailing spaces go   
EOF
echo "[$line]"
IFS= read line <<EOF
   with IFS empty they stay   
EOF
echo "[$line]"
IFS=: read x y z <<EOF
p:q:r:s
EOF
echo "[$x] [$y] [$z]"
read -r raw <<'EOF'
back\slash \n kept
EOF
printf '%s\n' "[$raw]"
read cooked <<'EOF'
back\slash \n gone\
continued
EOF
printf '%s\n' "[$cooked]"
read v <<EOF
first
second
EOF
echo "only the first line: $v"
echo "read status $?"
