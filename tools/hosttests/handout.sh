#!/bin/bash
# tools/handout.sh, on a small tree of its own (a git repository in a
# temporary folder, with two labs, alpha and beta): solutions taken out,
# starter lines un-commented, a FILE left out, --lab taking out one lab
# only, and every kind of malformed marker refused with FILE:LINE.
# The markers below are spelled with $L so that this script holds none
# itself (the handout of Minnow passes through it).
cd "$(dirname "$0")/../.."
tool=$(pwd)/tools/handout.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
L=LAB

src=$tmp/src
mkdir -p "$src/tools" "$src/kernel" "$src/docs"
cp "$tool" "$src/tools/handout.sh"
cat > "$src/tools/grade.sh" <<'EOF'
RUBRIC='
alpha   alpha_one   10
beta    beta_one    10
'
EOF
cat > "$src/kernel/a.c" <<EOF
int keep1;
/* $L(alpha) BEGIN */
int alpha_solution;
/* $L(alpha) STARTER */
//: int alpha_starter;
//:
//:     indented;
/* $L(alpha) END */
int keep2;
    /* $L(beta) BEGIN */
int beta_solution;
    /* $L(beta) END */
EOF
cat > "$src/kernel/alpha_only.c" <<EOF
/* $L(alpha) FILE */
int alpha_file;
EOF
cat > "$src/kernel/list" <<EOF
1 keep
# $L(beta) BEGIN
2 beta
# $L(beta) STARTER
#: # beta: add 2 here
# $L(beta) END
EOF
cat > "$src/docs/a.md" <<EOF
text
<!-- $L(alpha) BEGIN -->
alpha answer
<!-- $L(alpha) END -->
    /* $L(alpha) BEGIN */  (a C marker in Markdown is text)
EOF
git -C "$src" init -q && git -C "$src" add -A

# handout [--lab NAME]: makes the handout in $tmp/out; its messages in $tmp/msg.
handout() {
    rm -rf "$tmp/out"
    "$src/tools/handout.sh" "$@" "$tmp/out" > "$tmp/msg" 2>&1
}
result() {      # result NAME OK WHY
    if [ "$2" = 0 ]; then echo "ok $1"; else echo "FAIL $1: $3"; fi
}

handout
r=$?
want_a=$(printf 'int keep1;\nint alpha_starter;\n\n    indented;\nint keep2;\n')
[ $r = 0 ] && [ "$(cat "$tmp/out/kernel/a.c")" = "$want_a" ] && \
    [ "$(cat "$tmp/out/docs/a.md")" = "$(printf 'text\n    /* %s(alpha) BEGIN */  (a C marker in Markdown is text)' $L)" ]
result handout_markers $? "solutions not taken out as expected: $(cat "$tmp/msg" "$tmp/out/kernel/a.c" 2>&1 | head -20)"
[ "$(cat "$tmp/out/kernel/list" 2>&1)" = "$(printf '1 keep\n# beta: add 2 here')" ]
result handout_starter $? "kernel/list: $(cat "$tmp/out/kernel/list" 2>&1)"
[ ! -e "$tmp/out/kernel/alpha_only.c" ] && [ -x "$tmp/out/tools/handout.sh" ]
result handout_file $? "the FILE was copied, or a script lost its x bit"

handout --lab beta
[ "$(cat "$tmp/out/kernel/a.c" 2>&1)" = "$(printf 'int keep1;\nint alpha_solution;\nint keep2;\n')" ] && \
    [ -e "$tmp/out/kernel/alpha_only.c" ] && [ "$(cat "$tmp/out/kernel/alpha_only.c")" = "int alpha_file;" ]
result handout_one_lab $? "with --lab beta, alpha's solutions must stay (without markers): $(cat "$tmp/msg" "$tmp/out/kernel/a.c" 2>&1)"
handout --lab gamma
[ $? = 2 ] && grep -q "no lab named 'gamma'" "$tmp/msg"
result handout_unknown_lab $? "--lab gamma: $(cat "$tmp/msg")"

# Each malformed file, with the line and the words its message must name.
bad=0 why=
refuse() {      # refuse FILE CONTENT LINE WORDS
    printf '%s\n' "$2" > "$src/$1"
    git -C "$src" add -A
    handout
    if [ $? = 0 ] || ! grep -q "^$1:$3: .*$4" "$tmp/msg" || [ -e "$tmp/out" ]; then
        bad=1
        why="$why [$1 line $3, '$4': $(head -1 "$tmp/msg")]"
    fi
    git -C "$src" rm -qf "$1"
}
refuse kernel/b.c "$(printf 'x\n/* %s(alpha) BEGIN */\ny' $L)" 2 "has no"
refuse kernel/b.c "$(printf '/* %s(alpha) END */' $L)" 1 "without"
refuse kernel/b.c "$(printf '/* %s(alpha) BEGIN */\n/* %s(beta) BEGIN */' $L $L)" 2 "do not nest"
refuse kernel/b.c "$(printf '/* %s(alpha) BEGIN */\n/* %s(beta) END */' $L $L)" 2 "in the block of"
refuse kernel/b.c "$(printf '/* %s(alpha) BEGIN */\n/* %s(alpha) STARTER */\nint x;\n/* %s(alpha) END */' $L $L $L)" 3 "begins with"
refuse kernel/b.c "$(printf 'x\n/* %s(alpha) FILE */' $L)" 2 "first line"
refuse kernel/b.c "$(printf '/* %s(alpha) begin */' $L)" 1 "malformed"
refuse kernel/b.c "$(printf '// %s(alpha) BEGIN' $L)" 1 "C file"
refuse kernel/b.c "$(printf '/* %s(alpha) BEGIN' $L)" 1 "ends with"
refuse kernel/b.c "$(printf '/* %s(gamma) BEGIN */' $L)" 1 "no lab named"
refuse kernel/b.sh "$(printf '#%s(alpha)BEGIN' $L)" 1 "malformed"
refuse docs/b.md "$(printf '<!-- %s(alpha) BEGIN -->\n<!-- %s(alpha) STARTER -->' $L $L)" 2 "no STARTER"
result handout_malformed $bad "not refused with FILE:LINE and the reason:$why"
