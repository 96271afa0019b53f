#!/bin/sh
# The expected outputs of the shell's script suite (user/tests/sh/): runs
# each NN-topic.sh with dash, as test_sh_scripts runs it with /bin/sh
# inside Minnow, and writes what it printed to NN-topic.out.
#
#   tools/sh-expected.sh              every script
#   tools/sh-expected.sh 05-if.sh ... only these (names or paths)
#
# One run: a fresh empty directory as the working directory and as HOME,
# an environment of PATH and HOME alone, stdin from /dev/null, stderr
# thrown away (error messages differ between shells), and stdout followed
# by a line "exit N" with the shell's exit status.
#
# The same script also runs under `bash --posix` and busybox sh (the host's,
# or the i386 one the build fetched), and again under dash: a warning says
# where they disagree, or where two dash runs differ.  Such a script tests
# what POSIX leaves open, or timing: rewrite it (an exception is explained
# in the script's first comment).  Warnings never change the .out files.
set -u
cd "$(dirname "$0")/.."
DIR=user/tests/sh
LIMIT=20                    # seconds a script may run here

if ! command -v dash >/dev/null 2>&1; then
    echo "sh-expected: dash is missing (apt-get install dash)" >&2
    exit 1
fi
BASH_PATH=$(command -v bash 2>/dev/null || true)
[ -z "$BASH_PATH" ] && echo "sh-expected: no bash here: scripts not checked with bash --posix" >&2
BUSYBOX=$(command -v busybox 2>/dev/null || true)
[ -z "$BUSYBOX" ] && [ -x build/busybox/busybox ] && BUSYBOX=$PWD/build/busybox/busybox

# run SHELL-COMMAND... SCRIPT: the script's stdout and "exit N" on ours.
run() {
    work=$(mktemp -d) || exit 1
    # (A shell killed by a signal is reported on the subshell's stderr.)
    (cd "$work" && env -i PATH=/usr/bin:/bin HOME="$work" \
        timeout -s KILL $LIMIT "$@" < /dev/null; echo "exit $?") > "$work.stdout" 2>/dev/null
    cat "$work.stdout"
    # Nothing may show where the script ran or lies: Minnow's paths differ.
    if grep -q -e "$work" -e "$PWD/$DIR" "$work.stdout"; then
        echo "sh-expected: WARNING: $*: prints an absolute path" >&2
        warnings=$((warnings + 1))
    fi
    rm -rf "$work" "$work.stdout"
}

# differs NAME FILE1 FILE2 SCRIPT: a warning with the diff, if they differ.
differs() {
    if ! cmp -s "$2" "$3"; then
        echo "sh-expected: WARNING: $4: $1 disagrees with dash:" >&2
        diff "$2" "$3" | sed 's/^/    /' >&2
        warnings=$((warnings + 1))
    fi
}

if [ $# -eq 0 ]; then
    set -- "$DIR"/[0-9]*.sh
fi
warnings=0
tmp=$(mktemp -d)
for arg; do
    script=$PWD/$DIR/$(basename "$arg")
    [ -f "$script" ] || { echo "sh-expected: no script $script" >&2; exit 1; }
    name=$(basename "$script" .sh)
    run dash "$script" > "$tmp/dash"
    run dash "$script" > "$tmp/dash2"
    differs "a second dash run" "$tmp/dash" "$tmp/dash2" "$name"
    if [ -n "$BASH_PATH" ]; then
        run "$BASH_PATH" --posix "$script" > "$tmp/bash"
        differs "bash --posix" "$tmp/dash" "$tmp/bash" "$name"
    fi
    if [ -n "$BUSYBOX" ]; then
        run "$BUSYBOX" sh "$script" > "$tmp/busybox"
        differs "busybox sh" "$tmp/dash" "$tmp/busybox" "$name"
    fi
    if ! cmp -s "$tmp/dash" "$DIR/$name.out"; then
        cp "$tmp/dash" "$DIR/$name.out"
        echo "sh-expected: wrote $DIR/$name.out"
    fi
done
rm -rf "$tmp"
echo "sh-expected: $# scripts, $warnings warnings"
[ $warnings -eq 0 ]
