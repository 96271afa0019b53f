# The word of ${x:-word} inside double quotes: an inner "..." changes
# nothing ("$@" stays several fields), a ' is an ordinary character, and
# a } inside quotes or `...` does not end the ${.
show() { printf '<%s>' "$@"; echo; }
set -- "a b" c
show "${unset:-"$@"}"
show ${unset:-"$@"}
show "${unset:-$@}"
show "${unset:-"x  y"}" ${unset:-"x  y"} ${unset:-x  y}
show "${unset:-it's}" "${unset:-'q'}"
show ${unset:-"a}b"} "${unset:-"a}b"}"
show ${unset:-`echo "}"`} "${unset:-\}}"
show "${@:-none}" "${@+set}"
for i in "${@:-none}"; do echo "[$i]"; done
x=its
show "${x%'s'}" "${x%"s"}" "${x%s}"
set --
show "${unset:-"$@"}" "${unset-$#}"
