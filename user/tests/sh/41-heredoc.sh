# Here-documents: <<EOF expands, <<'EOF' and <<"EOF" do not.
name=world
cat <<EOF
hello $name
sum $((1 + 2)) and $(echo command)
escaped \$name and \\ backslash
'single quotes' "double quotes" stay
EOF
cat <<'EOF'
literal $name $(echo no) \$ \\
EOF
cat <<"END"
also literal $name
END
cat <<E\OF
quoting part of the word: $name
EOF
cat <<EOF
EOF
echo "empty document above"
cat << EOF
space before the word $name
EOF
cat <<EOF | sort
b
a
EOF
cat <<EOF
EOF is only the end alone on its line: EOF
 EOF
EOF
