# ${v:?w} and ${v?w}: fine when set, end the (sub)shell otherwise.
# (Only whether the status is 0 is shown: dash says 2, bash 1.)
s=value
e=
echo "set: ${s:?not printed}"
echo "empty with ?: [${e?not printed}]"
(echo "${unset_var:?gone}"; echo never) || echo ":? on unset failed"
(echo "${e:?empty}"; echo never) || echo ":? on empty failed"
(echo "${unset_var?gone}"; echo never) || echo "? on unset failed"
(: "${unset_var:?}"; echo never) || echo "failed without a message too"
(: "${s:?}"; echo "a set variable goes on") && echo "with status 0"
echo "still here"
