# Backslash-newline joins lines anywhere outside single quotes: inside
# operators (&& || ;; >>), and in here-documents, before their end is
# looked for.
echo one &\
& echo two
false |\
| echo three
echo four >\
> out.txt
echo five >>out.txt
cat out.txt
case x in x) echo six ;\
; esac
cat <<EOF
joined \
here
EOF
cat <<EOF
not the end \
EOF
the end is the next one
EOF
cat <<'EOF'
quoted: no joining \
EOF
echo "after the quoted one"
