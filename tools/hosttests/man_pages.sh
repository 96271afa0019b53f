#!/bin/bash
# The manual pages (user/files/usr/share/man/, shown by `man` in Minnow):
#  - every program in /bin that comes from user/bin/ or user/lecture/, and
#    sh, has a page in the image (build/rootfs/usr/share/man/) and a line
#    in `intro`: a new program without a page fails here;
#  - every page has the sections NAME, SYNOPSIS, DESCRIPTION, EXAMPLES and
#    SEE ALSO in that order (others may come between, like edit's KEYS), a NAME line "NAME - what it does" that names
#    the page, at most 72 columns and no tabs.
# (How man itself behaves is checked inside Minnow, by test_man.)
cd "$(dirname "$0")/../.."
ROOT=build/rootfs
PAGES=user/files/usr/share/man
if [ ! -d $ROOT/bin ]; then
    echo "FAIL man_pages_cover_programs: $ROOT is missing (run make first)"
    exit 0
fi

# The programs: one .c file each, or a folder with a main.c (Makefile).
programs() {
    for f in user/bin/*.c user/lecture/*.c; do basename "$f" .c; done
    for f in user/bin/*/main.c user/lecture/*/main.c; do
        [ -e "$f" ] && basename "$(dirname "$f")"
    done
    echo sh
}

missing=
for p in $(programs); do
    if [ ! -x $ROOT/bin/$p ]; then
        missing+=" $p (not in /bin)"
    elif [ ! -f $ROOT/usr/share/man/$p ]; then
        missing+=" $p (no page: write $PAGES/$p)"
    elif ! grep -Eq "^ +([a-z_]+, )*$p(,| |$)" $PAGES/intro; then
        missing+=" $p (not listed in $PAGES/intro)"
    fi
done
if [ -z "$missing" ]; then
    echo "ok man_pages_cover_programs"
else
    echo "FAIL man_pages_cover_programs:$missing"
fi

# format PAGE: prints what is wrong with it, or nothing.
format() {
    local page=$1 name
    name=$(basename "$page")
    local sections
    # the five, in this order; a page may add its own (edit's KEYS) between
    sections=$(grep -E '^[A-Z][A-Z ]+$' "$page" | tr '\n' ,)
    [ "$(grep -E '^[A-Z][A-Z ]+$' "$page" | grep -xE 'NAME|SYNOPSIS|DESCRIPTION|EXAMPLES|SEE ALSO' |
         tr '\n' ,)" = "NAME,SYNOPSIS,DESCRIPTION,EXAMPLES,SEE ALSO," ] ||
        echo "$name: sections are $sections"
    local first
    first=$(sed -n '2p' "$page")
    [[ $first =~ ^\ +$name\ -\ [^\ ] ]] || echo "$name: NAME line is \"$first\""
    awk -v n="$name" 'length > 72 { print n ": line " FNR " is " length " columns" }' "$page"
    grep -q $'\t' "$page" && echo "$name: has tabs"
}

bad=$(for page in $PAGES/*; do format "$page"; done | paste -sd ';')
if [ -z "$bad" ]; then
    echo "ok man_pages_format"
else
    echo "FAIL man_pages_format: $bad"
fi
exit 0
