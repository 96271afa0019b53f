#!/bin/bash
# The labs, both ways (docs/labs/README.md, "For teachers"):
#   - here, where the reference solutions are, every lab scores in full
#     (labs_main_NAME), and each has its solution marked (labs_marked_NAME);
#   - in the students' tree that `make handout` writes (all labs taken
#     out), made in a temporary folder: it builds, every lab scores 0 and
#     every failing check says why (labs_handout_NAME), and its own
#     `make test` passes (labs_handout_test).
# The labs are the ones in tools/grade.sh's table.  In a students' tree
# (no markers) there is nothing to compare: it says skip.  It takes about
# two minutes, most of it the handout's make test.
cd "$(dirname "$0")/../.."
labs=$(sed -n "/^RUBRIC='/,/^'/p" tools/grade.sh | awk 'NF > 1 { print $1 }' | uniq)
start=$(date +%s)

# The markers, as tools/handout.sh reads them (the pattern is not one itself).
marker='^[[:space:]]*(/[*]|#|;|<!--)[[:space:]]*LAB[(]'
# In Markdown only <!-- --> counts: docs/labs/README.md shows C's markers
# as an example, and a students' tree made a git repository (as that
# README says) would otherwise look like the teachers'.
marked() {      # marked [NAME]: files with markers (of lab NAME)
    local name=${1:-[a-z0-9_]+} f
    git ls-files -z 2>/dev/null | xargs -0 grep -lE "$marker$name[)] +(BEGIN|FILE)" 2>/dev/null |
    while IFS= read -r f; do
        case $f in
        *.md|*.html) grep -qE "^[[:space:]]*<!--[[:space:]]*LAB[(]$name[)] +(BEGIN|FILE)" "$f" || continue ;;
        esac
        echo "$f"
    done
}
if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1 || [ -z "$(marked)" ]; then
    echo "skip labs: no reference solutions here (a students' tree): their labs are to do"
    exit 0
fi

for lab in $labs; do
    if [ -n "$(marked "$lab")" ]; then
        echo "ok labs_marked_$lab"
    else
        echo "FAIL labs_marked_$lab: no file has LAB($lab) markers: its solution is not in the tree (or not taken out of the handout)"
    fi
done

# score LOG LAB: "GOT MAX" from tools/grade.sh's output
score() {
    sed -n "s|^$2: \([0-9]*\)/\([0-9]*\)  .*|\1 \2|p" "$1"
}

# --- here: full marks
tools/grade.sh > build/labs-main.txt 2>&1
for lab in $labs; do
    read -r got max < <(score build/labs-main.txt "$lab")
    if [ -n "$got" ] && [ "$got" = "$max" ]; then
        echo "ok labs_main_$lab"
    else
        why=$(grep -A1 -E "^$lab: .* +[0-9]+/[0-9]+$" build/labs-main.txt | grep -B1 '^      ' |
              grep -v '^--' | head -n 4 | tr -s ' \n' ' ')
        echo "FAIL labs_main_$lab: scored ${got:-nothing}/${max:-?} with the reference solution" \
             "(build/labs-main.txt): $why"
    fi
done

# --- the students' tree
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
hand=$tmp/handout
if ! tools/handout.sh "$hand" > "$tmp/handout.log" 2>&1; then
    echo "FAIL labs_handout_build: tools/handout.sh failed: $(grep -v '^handout: note' "$tmp/handout.log" | head -n 3 | tr '\n' ' ')"
    exit 0
fi
mkdir -p "$hand/build"
# Debian's busybox, as tools/deps.sh fetched it here: no download there
[ -d build/busybox ] && cp -a build/busybox "$hand/build/"
# a make of its own, not a part of the make that runs this test
unset MAKEFLAGS MFLAGS MAKELEVEL
if ! make -C "$hand" -j2 all build/initrd-tests.cpio build/test-disk-template.img > "$tmp/build.log" 2>&1; then
    echo "FAIL labs_handout_build: the students' tree does not build: $(grep -E 'error|Error' "$tmp/build.log" | head -n 3 | tr -s ' \n' ' ')"
    exit 0
fi
echo "ok labs_handout_build"

# Every lab 0, every check with a reason that is not "its grader stopped".
(cd "$hand" && tools/grade.sh) > "$tmp/grade.txt" 2>&1
for lab in $labs; do
    read -r got max < <(score "$tmp/grade.txt" "$lab")
    bad=$(awk -v lab="$lab" '
        $1 == lab ":" && $NF ~ /^[0-9]+\/[0-9]+$/ {
            if (check != "") print check ": no message"
            check = $2; split($NF, s, "/")
            if (s[1] != 0) { print check ": scored " $NF; check = "" }
            next
        }
        check != "" && /^      / {
            if ($0 ~ /no result|^ *$/) print check ":" $0
            check = ""
        }
        END { if (check != "") print check ": no message" }' "$tmp/grade.txt")
    if [ "$got" = 0 ] && [ -n "$max" ] && [ -z "$bad" ]; then
        echo "ok labs_handout_$lab"
    else
        echo "FAIL labs_handout_$lab: in the students' tree it scored ${got:-nothing}/${max:-?}," \
             "want 0 with a message for every check: $(echo "${bad:-no score line}" | head -n 3 | tr -s ' \n' ' ')"
    fi
done

# Its own make test: the students start from a tree that passes.
make -C "$hand" --no-print-directory test > "$tmp/test.txt" 2>&1
summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$tmp/test.txt" | tail -n 1)
if [[ $summary =~ ^[0-9]+\ passed,\ 0\ failed ]]; then
    echo "ok labs_handout_test"
else
    echo "FAIL labs_handout_test: make test in the students' tree said \"$summary\":" \
         "$(grep -E '^FAIL' "$tmp/test.txt" | head -n 3 | tr -s ' \n' ' ')" \
         "(its output: build/labs-handout-test.txt, Minnow's console: build/labs-handout-serial.log)"
    cp "$tmp/test.txt" build/labs-handout-test.txt
    cp "$hand/build/test-serial.log" build/labs-handout-serial.log 2>/dev/null
fi
echo "(labs.sh: $(( $(date +%s) - start ))s)" >&2
