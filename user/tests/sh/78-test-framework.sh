# A realistic script: a tiny test framework of functions, run on itself.
passed=0 failed=0
assert_eq() {
    if [ "$2" = "$3" ]; then
        passed=$((passed + 1)); echo "ok $1"
    else
        failed=$((failed + 1)); echo "FAIL $1: expected [$2] got [$3]"
    fi
}
assert_status() {
    name=$1 want=$2; shift 2
    "$@" >/dev/null 2>&1
    assert_eq "$name" "$want" "$?"
}
run_suite() {
    for t in $(tests); do "$t"; done
    echo "$passed passed, $failed failed"
    [ $failed -eq 0 ]
}
tests() { echo test_upper test_status test_split test_wrong; }
test_upper() { x="abc def"; assert_eq first-word abc "${x%% *}"; }
test_status() { assert_status false-fails 1 false; assert_status true-works 0 true; }
test_split() { set -- $(echo "a b c"); assert_eq split 3 $#; }
test_wrong() { assert_eq deliberate yes no; }
run_suite
echo "suite status $?"
