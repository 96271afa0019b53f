# case patterns: globs, brackets, quoted patterns, a variable pattern.
for w in file.txt a1 b7 Z x.c '*' '[a]' '?' ab.c; do
    case $w in
        *.txt) echo "$w: txt" ;;
        [ab][0-9]) echo "$w: letter digit" ;;
        '*') echo "$w: quoted star" ;;
        \[a\]) echo "$w: escaped brackets" ;;
        "?") echo "$w: quoted question mark" ;;
        [!a-z]) echo "$w: not lowercase" ;;
        ?.c) echo "$w: one char .c" ;;
        *) echo "$w: other" ;;
    esac
done
pat='a*'
case abc in $pat) echo "unquoted variable is a pattern" ;; esac
case abc in "$pat") echo no ;; *) echo "quoted variable is literal" ;; esac
case 'a*' in "$pat") echo "quoted matches itself" ;; esac
x=hello
case $x in h*o) echo "h...o" ;; esac
case "two words" in two\ *) echo "escaped space" ;; esac
