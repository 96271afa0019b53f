# cd and pwd inside the script's own directory (only base names shown).
top=$PWD
mkdir -p a/b/c
cd a
echo "${PWD##*/}"
cd b/c
here=$(pwd)
echo "${here##*/}"
cd ..
echo "${PWD##*/}"
cd ../..
[ "$PWD" = "$top" ] && echo "back at the top"
cd nosuchdir 2>/dev/null || echo "cd to a missing directory fails"
[ "$PWD" = "$top" ] && echo "and stays"
(cd a/b && echo "${PWD##*/}")
[ "$PWD" = "$top" ] && echo "cd in a subshell does not leak"
cd a/b/c && cd ../../.. && [ "$PWD" = "$top" ] && echo "dot-dot thrice"
[ "$PWD" = "$(pwd)" ] && echo "PWD equals pwd"
cd ./a/./b
echo "${PWD##*/}"
[ "$PWD" = "$top/a/b" ] && echo "no dots left in PWD"
cd "$OLDPWD" && [ "$PWD" = "$top" ] && echo "OLDPWD is the previous one"
HOME=$top/a
cd
echo "${PWD##*/}"
cd "$top"
: > file
cd file 2>/dev/null || echo "cd to a file fails"
