# test and [ on strings: -n -z = != !, -a -o and parentheses.
t() { if "$@"; then echo "true:  $*"; else echo "false: $*"; fi; }
e=
s=word
t [ -n "$s" ]
t [ -n "$e" ]
t [ -z "$e" ]
t [ -z "$s" ]
t [ "$s" = word ]
t [ "$s" != word ]
t [ "$s" = Word ]
t [ "$e" = "" ]
t [ ! -z "$s" ]
t [ "$s" ]
t [ "$e" ]
t [ -n "$s" -a -z "$e" ]
t [ -z "$s" -o -n "$e" ]
t [ \( "$s" = word \) -a \( "$e" = "" \) ]
t [ ! -n "$e" ]
t test "$s" = word
t test -z "$e"
t test
t [ abc = "a"bc ]
t [ "a b" = "a b" ]
t [ -n ]
t [ "=" = "=" ]
t [ ! "" ]
