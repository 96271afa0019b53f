# Many iterations with arithmetic: 1000-step loops and a nested one.
i=0 sum=0
while [ $i -lt 1000 ]; do
    i=$((i + 1))
    sum=$((sum + i))
done
echo "sum 1..1000 = $sum"
i=0 evens=0 squares=0
while [ $i -lt 1000 ]; do
    [ $((i % 2)) -eq 0 ] && evens=$((evens + 1))
    squares=$(( (squares + i * i) % 1000003 ))
    i=$((i + 1))
done
echo "evens $evens, squares mod 1000003 = $squares"
total=0
for a in 0 1 2 3 4 5 6 7 8 9; do
    for b in 0 1 2 3 4 5 6 7 8 9; do
        for c in 0 1 2 3 4 5 6 7 8 9; do
            total=$((total + a * 100 + b * 10 + c))
        done
    done
done
echo "total of 0..999 = $total"
n=27 steps=0
while [ $n -ne 1 ]; do
    if [ $((n % 2)) -eq 0 ]; then n=$((n / 2)); else n=$((3 * n + 1)); fi
    steps=$((steps + 1))
done
echo "collatz 27: $steps steps"
s=
i=0
while [ $i -lt 200 ]; do s="${s}x"; i=$((i + 1)); done
echo "string length ${#s}"
