# while and until loops, and the status of a loop.
i=0
while [ $i -lt 3 ]; do
    echo "while $i"
    i=$((i + 1))
done
until [ $i -eq 0 ]; do
    echo "until $i"
    i=$((i - 1))
done
while false; do echo never; done
echo "loop that never ran: $?"
n=0
while n=$((n + 1)); [ $n -le 2 ]; do echo "cond list $n"; done
j=0
while [ $j -lt 2 ]
do
    k=0
    until [ $k -ge 2 ]
    do
        echo "nested $j $k"
        k=$((k + 1))
    done
    j=$((j + 1))
done
