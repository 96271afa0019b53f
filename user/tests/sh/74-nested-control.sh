# Control structures inside each other: loops in case in functions in if.
classify() {
    for n in "$@"; do
        case $n in
            *[!0-9]*) echo "$n: not a number"; continue ;;
        esac
        if [ $((n % 2)) -eq 0 ]; then
            kind=even
        else
            kind=odd
        fi
        i=0
        while [ $i -lt $n ]; do
            i=$((i + 1))
            if [ $i -gt 3 ]; then break; fi
        done
        echo "$n: $kind, counted to $i"
    done
}
if classify 2 x 5 0; then echo "classify ok"; fi
for outer in a b; do
    case $outer in
        a) for inner in 1 2; do
               until [ "$inner" = stop ]; do echo "$outer$inner"; inner=stop; done
           done ;;
        b) if true; then
               while :; do
                   case x in x) echo "deep in b"; break ;; esac
               done
           fi ;;
    esac
done
result=$(for i in 1 2 3; do if [ $i -ne 2 ]; then echo $i; fi; done)
echo $result
