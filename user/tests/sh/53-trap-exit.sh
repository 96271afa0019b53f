# trap on EXIT: runs when the shell ends, by exit or at the end; the
# status survives it; a subshell has its own.
trap 'echo "exit trap runs, status $?"' EXIT
(trap 'echo subshell exit trap' EXIT; echo in subshell)
(trap 'echo "trap sees $?"' EXIT; exit 6)
echo "subshell status $?"
sh -c 'trap "echo child trap" EXIT; echo child body'
sh -c 'trap "echo child trap after exit 2" EXIT; exit 2'
echo "child status $?"
(trap 'echo replaced' EXIT; trap 'echo replacement' EXIT)
(trap 'echo removed' EXIT; trap - EXIT; echo "trap removed")
(trap 'echo "trap with exit 9"; exit 9' EXIT; true)
echo "status from the trap's exit: $?"
f() { trap 'echo "set inside a function"' EXIT; }
(f; echo "function returned")
echo "end of script"
exit 1
