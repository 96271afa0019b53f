# A realistic script: count the words of a text with while read and case,
# keep the counts in variables made by eval, and print them sorted.
cat > text <<'EOF'
the cat sat on the mat
The dog sat on the log
a cat and a dog, the end.
EOF
words=
while read -r line; do
    for w in $line; do
        w=${w%[.,]}
        case $w in
            [Tt]he) w=the ;;
            a|an|and) continue ;;
        esac
        eval "n=\${count_$w:-0}"
        [ "$n" -eq 0 ] && words="$words $w"
        eval "count_$w=$((n + 1))"
    done
done < text
for w in $words; do
    eval "echo \"\$count_$w $w\""
done | sort -rn > counts
head -n 3 counts
echo "distinct: $(wc -l < counts)"
grep -c ' ' counts
