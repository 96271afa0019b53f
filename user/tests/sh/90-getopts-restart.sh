# getopts starts again when OPTIND is set to 1, also in the middle of a
# group like -abc.
set -- -ab -c
getopts abc opt
echo "first: $opt"
OPTIND=1
getopts abc opt
echo "after OPTIND=1: $opt"
while getopts abc opt; do
    echo "then: $opt"
done
parse() {
    OPTIND=1
    while getopts xy: opt "$@"; do
        echo "$opt ${OPTARG-}"
    done
}
parse -xy1
parse -x -y 2
set -- -a
getopts a: opt
echo "$opt"
