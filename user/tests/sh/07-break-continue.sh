# break and continue, nested, with a count.
for i in 1 2 3 4 5; do
    [ $i -eq 2 ] && continue
    [ $i -eq 4 ] && break
    echo "i=$i"
done
for a in x y z; do
    for b in 1 2 3; do
        [ $b -eq 2 ] && continue 2
        echo "$a$b"
    done
    echo never
done
for a in x y; do
    for b in 1 2; do
        for c in p q; do
            echo "$a$b$c"
            break 3
        done
    done
done
echo "after break 3"
n=0
while :; do
    n=$((n + 1))
    until false; do
        [ $n -ge 3 ] && break 2
        break
    done
done
echo "n=$n"
