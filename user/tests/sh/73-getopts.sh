# getopts: flags, arguments, bundled options, unknown ones, OPTIND.
parse() {
    OPTIND=1
    while getopts ab:c name; do
        case $name in
            a) echo "flag a" ;;
            b) echo "b with [$OPTARG]" ;;
            c) echo "flag c" ;;
            \?) echo "unknown option" ;;
        esac
    done
    shift $((OPTIND - 1))
    echo "rest: $*"
}
parse -a -b value file1 file2
parse -ac -bjoined
parse -b "with space" -- -a
parse -x -a 2>/dev/null
parse plain -a
quiet() {
    OPTIND=1
    while getopts :n: opt; do
        case $opt in
            n) echo "n=$OPTARG" ;;
            :) echo "missing argument for $OPTARG" ;;
            \?) echo "bad option $OPTARG" ;;
        esac
    done
}
quiet -n 5 -z
quiet -n
