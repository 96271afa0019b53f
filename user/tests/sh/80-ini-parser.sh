# A realistic script: read a key = value file with sections, skipping
# comments and blank lines, and print it back normalised.
cat > conf <<'EOF'
# settings
[server]
host = example
port=8080

[client]
  retries =  3
; another comment
name = two words
EOF
section=none
lines=0
while IFS= read -r line; do
    lines=$((lines + 1))
    case $line in
        ''|'#'*|';'*) continue ;;
        \[*\]) section=${line#\[}; section=${section%\]}; continue ;;
        *=*) ;;
        *) echo "line $lines: not understood"; continue ;;
    esac
    key=${line%%=*} value=${line#*=}
    set -- $key; key=$1
    value=$(echo $value)
    echo "$section.$key=[$value]"
done < conf
echo "$lines lines"
