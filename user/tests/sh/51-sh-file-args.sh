# sh FILE ARGS: $0, the arguments, and the status of the script.
cat > child.sh <<'EOF'
echo "child got $# args: $*"
echo "0 is $0"
for a in "$@"; do echo "[$a]"; done
exit 3
EOF
sh child.sh one "two words" three
echo "child status $?"
sh ./child.sh
echo "child status $?"
echo 'echo "from stdin: $1"' > stdin.sh
sh < stdin.sh
sh -c 'echo "sh -c: $0 $1 $2"' zero first second
sh -c 'exit 5'
echo "sh -c status $?"
printf 'echo no newline at the end' > nonl.sh
sh nonl.sh
echo
sh nosuchfile.sh 2>/dev/null
[ $? -ne 0 ] && echo "missing script fails"
