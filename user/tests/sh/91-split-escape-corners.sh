# Field splitting: blanks and one other IFS character around them are a
# single delimiter; $@'s arguments split as if joined by IFS's first
# character.  A backslash that an unquoted expansion gives quotes the next
# character in a pattern (case, ${x%...}, file names).
show() { printf '<%s>' "$@"; echo; }
IFS=' :'
x='a  :b'
show $x
x='a : : b'
show $x
x=' :b'
show $x
set -- a ' c :d' 'e '
show $@
unset IFS
: > ab
: > 'a\b'
p='a\b'
case ab in $p) echo "the pattern matches ab" ;; *) echo "no match" ;; esac
case 'a\b' in "$p") echo "quoted: only itself" ;; esac
y='x\y'
echo "${y%%$y}" "${y%%"$y"}"end
g='a\*'
show $g
show a\\*
