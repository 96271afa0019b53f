# A #! script: written here, made executable, run by its path with
# arguments.
cat > hello <<'EOF'
#!/bin/sh
echo "hello from a script, $# args"
for a; do echo "arg [$a]"; done
exit 4
EOF
chmod +x hello
./hello a "b c"
echo "status $?"
mkdir bin
cp hello bin/greet
PATH=$PWD/bin:$PATH
greet x
echo "found in PATH, status $?"
cat > noshebang <<'EOF'
echo "no #! line: run by the shell, arg $1"
EOF
chmod +x noshebang
./noshebang z
echo "status $?"
