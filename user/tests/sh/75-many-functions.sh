# A longer script of small functions calling each other.
max() { if [ $1 -gt $2 ]; then echo $1; else echo $2; fi; }
min() { if [ $1 -lt $2 ]; then echo $1; else echo $2; fi; }
abs() { if [ $1 -lt 0 ]; then echo $((-$1)); else echo $1; fi; }
square() { echo $(($1 * $1)); }
sum() { s=0; for x; do s=$((s + x)); done; echo $s; }
count() { echo $#; }
mean() { echo $(( $(sum "$@") / $(count "$@") )); }
gcd() { if [ $2 -eq 0 ]; then echo $1; else gcd $2 $(($1 % $2)); fi; }
lcm() { echo $(( $1 / $(gcd $1 $2) * $2 )); }
is_prime() {
    [ $1 -lt 2 ] && return 1
    d=2
    while [ $((d * d)) -le $1 ]; do
        [ $(($1 % d)) -eq 0 ] && return 1
        d=$((d + 1))
    done
    return 0
}
primes_upto() { p=2; out=; while [ $p -le $1 ]; do is_prime $p && out="$out $p"; p=$((p + 1)); done; echo $out; }
repeat() { r=; i=0; while [ $i -lt $2 ]; do r="$r$1"; i=$((i + 1)); done; echo "$r"; }
reverse() { r=; for w; do r="$w $r"; done; echo $r; }
join() { sep=$1; shift; IFS=$sep; echo "$*"; unset IFS; }
echo "max $(max 3 9) min $(min 3 9) abs $(abs -12) square $(square 7)"
echo "sum $(sum 1 2 3 4) mean $(mean 2 4 9)"
echo "gcd $(gcd 48 36) lcm $(lcm 4 6)"
echo "primes: $(primes_upto 30)"
echo "$(repeat ab 3) | $(reverse one two three) | $(join , x y z)"
echo "nested: $(max $(square 3) $(sum 4 4))"
