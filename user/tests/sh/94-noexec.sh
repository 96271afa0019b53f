# set -n: the rest of the script is read, but nothing in it runs, also
# not on the line of the "set -n" itself.
echo "before"
set -n; echo "not run on the same line"
echo "not run"
if true; then
    echo "not run either"
fi
exit 3
