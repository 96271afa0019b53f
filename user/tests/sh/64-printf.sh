# printf: conversions, widths, flags, escapes, reuse of the format.
printf '%s\n' hello
printf '%s %s\n' a b c d e
printf '[%5s] [%-5s] [%.2s]\n' ab ab abcdef
printf '%d %i %d\n' 42 -7 0
printf '[%5d] [%-5d] [%05d] [%+d]\n' 42 42 42 42
printf '%x %X %o %#x %#o\n' 255 255 8 255 8
printf '%c%c%c\n' abc def ghi
printf '100%%\n'
printf 'tab\there\n'
printf 'backslash \\ and quote \047\n'
printf 'octal \101\102\n'
printf '%s|' one two three; echo
printf '[%s] [%d]\n' only
printf 'no newline'; echo " (added)"
printf '%b\n' 'with %b: a\tb'
printf '%s\n' "$(printf '%d+%d' 1 2)"
printf -- '-dash first\n'
printf '%d\n' 0x1A 010 "'A"
x=$(printf '%03d' 7)
echo "x=$x"
