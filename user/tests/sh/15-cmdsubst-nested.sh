# Nested command substitution, in both forms.
echo $(echo a)
echo $(echo $(echo nested))
echo "$(echo "$(echo "deeply $(echo nested)")")"
echo `echo \`echo backquotes nested\``
echo $(echo `echo mixed`)
x=$(echo $(echo $(echo three) two) one)
echo "$x"
echo "$(echo ')' "(" paren)"
echo $(case a in a) echo case-in-subst ;; esac)
echo $( for i in 1 2 3; do echo $i; done )
f() { echo "from function $1"; }
echo "$(f $(echo arg))"
