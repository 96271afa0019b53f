#!/bin/bash
# Writes the student's tree (the handout) from this one, where the labs'
# reference solutions are (docs/labs/README.md, "For teachers").
#
#   tools/handout.sh [--lab NAME] OUTDIR
#
# It copies every file git tracks (as it is in the working tree) into
# OUTDIR, which must be new or empty, and takes the solutions out.  A
# solution is marked in its file, each marker alone on its line in the
# file's own comment syntax (C below; "# ..." in shell scripts, Makefiles
# and kernel/syscall.list, "; ..." in nasm, "<!-- ... -->" in Markdown):
#
#     /* LAB(syscall) BEGIN */
#     ...the solution: in the handout, these lines are gone
#     /* LAB(syscall) STARTER */      (optional)
#     //: ...what the student starts from, commented out here: in the
#     //: handout the prefix "//: " ("#: ", ";: ") is taken off
#     /* LAB(syscall) END */
#
# and a file whose first line is "/* LAB(syscall) FILE */" is left out
# whole.  Markers do not nest.  With --lab NAME only NAME's solutions are
# taken out; the others stay in, without their markers.  A malformed
# marker stops it with FILE:LINE and what is wrong; OUTDIR is then removed.
set -eu
cd "$(dirname "$0")/.."

usage() {
    echo "usage: $0 [--lab NAME] OUTDIR" >&2
    exit 2
}
lab=
case ${1:-} in
--lab) [ $# -eq 3 ] || usage; lab=$2; out=$3 ;;
-*) usage ;;
*) [ $# -eq 1 ] || usage; out=$1 ;;
esac

# The labs are the ones tools/grade.sh grades (the first column of RUBRIC).
labs=$(sed -n "/^RUBRIC='/,/^'/p" tools/grade.sh | awk 'NF > 1 { print $1 }' | uniq | tr '\n' ' ' | sed 's/ $//')
if [ -n "$lab" ] && ! [[ " $labs " == *" $lab "* ]]; then
    echo "handout: no lab named '$lab'; the labs are: $labs" >&2
    exit 2
fi
if [ -e "$out" ] && [ -n "$(ls -A "$out")" ]; then
    echo "handout: $out is not empty; give a new folder" >&2
    exit 2
fi
if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    echo "handout: $(pwd) is not a git work tree (the handout is made of the files git tracks)" >&2
    exit 2
fi

mkdir -p "$out"
failed=1
trap '[ $failed = 0 ] || rm -rf "$out"' EXIT

# The tracked files that exist (a file deleted but not yet committed is not copied).
git ls-files -z | while IFS= read -r -d '' f; do
    [ -e "$f" ] || [ -L "$f" ] && printf '%s\0' "$f"
done | tar --null -T - -cf - | tar -C "$out" -xf -

# apply FILE: the file without its solutions on stdout; exit status 3 if
# the whole file is a solution to leave out, 2 (and FILE:LINE: why on
# stderr) for a malformed marker.
apply() {
    local style
    case $1 in
    *.c|*.h|*.ld|*.S) style=c ;;
    *.asm|*.inc) style=nasm ;;
    *.md|*.html) style=md ;;
    *) style=hash ;;
    esac
    awk -v file="$1" -v style="$style" -v only="$lab" -v labs=" $labs " '
    function fail(msg) {
        printf "%s:%d: %s\n", file, FNR, msg > "/dev/stderr"
        failed = 1
        exit 2
    }
    function trim(s) {
        sub(/^[ \t]+/, "", s)
        sub(/[ \t]+$/, "", s)
        return s
    }
    # The comment this file writes a marker in, and the prefix of its starter lines.
    BEGIN {
        if (style == "c") { opener = "/*"; closer = "*/"; prefix = "//:" }
        else if (style == "nasm") { opener = ";"; closer = ""; prefix = ";:" }
        else if (style == "md") { opener = "<!--"; closer = "-->"; prefix = "" }
        else { opener = "#"; closer = ""; prefix = "#:" }
        want = opener " LAB(NAME) BEGIN" (closer == "" ? "" : " " closer)
    }
    # Is this line a marker?  Sets kind and name.  A comment line (in the
    # comment syntax of this file) that starts with LAB( but is not a
    # well-formed marker is an error, not text.
    function marker(line,    s, o, paren) {
        s = trim(line)
        o = ""
        if (index(s, opener) == 1)
            o = opener
        else if (opener == "/*" && index(s, "//") == 1)
            o = "//"
        if (o == "" || index(trim(substr(s, length(o) + 1)), "LAB(") != 1)
            return 0
        if (o != opener)
            fail("a marker in a C file is a /* */ comment: " want)
        s = trim(substr(s, length(o) + 1))
        if (closer != "") {
            if (substr(s, length(s) - length(closer) + 1) != closer)
                fail("a marker ends with " closer " on the same line: " want)
            s = trim(substr(s, 1, length(s) - length(closer)))
        }
        if (s !~ /^LAB\([a-z][a-z0-9_]*\) +(BEGIN|STARTER|END|FILE)$/)
            fail("malformed marker \"" trim(line) "\": write " want \
                 " (or STARTER, END, FILE; a lab name in lower case)")
        paren = index(s, ")")
        name = substr(s, 5, paren - 5)
        kind = trim(substr(s, paren + 1))
        if (index(labs, " " name " ") == 0)
            fail("no lab named \"" name "\" (tools/grade.sh grades: " trim(labs) ")")
        return 1
    }
    {
        if (!marker($0)) {
            if (block == "")
                print
            else if (!starter) {
                if (!taken)
                    print
            } else {
                if (index($0, prefix) != 1 || (length($0) > length(prefix) &&
                    substr($0, length(prefix) + 1, 1) != " "))
                    fail("a starter line of LAB(" block ") begins with \"" prefix " \"")
                if (taken)
                    print substr($0, length(prefix) + 2)
            }
            next
        }
        if (whole != "")
            fail("LAB(" whole ") FILE makes the whole file a solution: no other markers in it")
        if (kind == "FILE") {
            if (FNR != 1)
                fail("LAB(" name ") FILE belongs on the first line")
            whole = name
            if (only == "" || only == name)
                exit 3
            next
        }
        if (kind == "BEGIN") {
            if (block != "")
                fail("LAB(" name ") BEGIN inside LAB(" block ") BEGIN of line " begun ": markers do not nest")
            block = name
            begun = FNR
            starter = 0
            taken = (only == "" || only == name)
            next
        }
        if (block == "")
            fail("LAB(" name ") " kind " without a LAB(" name ") BEGIN before it")
        if (name != block)
            fail("LAB(" name ") " kind " in the block of LAB(" block ") BEGIN of line " begun)
        if (kind == "STARTER") {
            if (starter)
                fail("a second LAB(" name ") STARTER in one block")
            if (prefix == "")
                fail("no STARTER in a Markdown file: its lines could not be commented out")
            starter = 1
        } else
            block = ""
    }
    END {
        if (failed)
            exit 2
        if (block != "") {
            FNR = begun
            fail("LAB(" block ") BEGIN has no LAB(" block ") END")
        }
    }' "$1"
}

changed=0 dropped=0
while IFS= read -r f; do
    status=0
    apply "$out/$f" > "$out/$f.handout" 2> "$out/.handout-error" || status=$?
    case $status in
    0)  if cmp -s "$out/$f" "$out/$f.handout"; then
            rm "$out/$f.handout"
        else
            cat "$out/$f.handout" > "$out/$f"   # keeps the file's mode
            rm "$out/$f.handout"
            changed=$((changed + 1))
        fi ;;
    3)  rm "$out/$f" "$out/$f.handout"
        dropped=$((dropped + 1)) ;;
    *)  sed "s|^$out/||" "$out/.handout-error" >&2
        exit 1 ;;
    esac
done < <(cd "$out" && grep -rlIF 'LAB(' . | sed 's|^\./||' | LC_ALL=C sort)
rm -f "$out/.handout-error"
failed=0
echo "handout: wrote $out (labs taken out: ${lab:-$labs}; $changed files changed, $dropped left out)"
# A new file not yet added to git is not in the handout: say so, it is
# easy to forget (a new grader, say).
untracked=$(git ls-files --others --exclude-standard | head -n 5 | tr '\n' ' ')
if [ -n "$untracked" ]; then
    echo "handout: note: files git does not track are not in it (git add them?): $untracked"
fi
