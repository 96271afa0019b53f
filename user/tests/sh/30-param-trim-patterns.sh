# Patterns in ${v%p} and friends: brackets, ?, quoted and variable parts.
f=report-2024.txt
echo "${f%.[a-z]*}"
echo "${f#????}"
echo "${f%[0-9]*}"
echo "${f%%[0-9]*}"
ext=.txt
echo "${f%$ext}"
star='*'
echo "${f%$star}"
echo "${f%"$star"}"
g='file*name*'
echo "${g%"*"}"
echo "${g%\*}"
echo "${g#*\*}"
p=/usr/local/bin
echo "${p##*/}" "${p%/*}" "${p#/}"
n=00042
echo "${n#"${n%%[!0]*}"}"
