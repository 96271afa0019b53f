#!/usr/bin/env python3
# The expected outputs of user/tests/test_busybox.c: each script run by
# Debian's busybox on Linux (this host), with PATH empty so that busybox
# uses its own applets, as it does inside Minnow.  Prints the C table that
# the test embeds; run it again after changing a case:
#     tools/busybox-cases.py > /tmp/table.c    (needs build/busybox/busybox)
import os, subprocess
BUSYBOX = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "build", "busybox", "busybox"))
cases = [
 ("sh_if_for_while", 'x=3; if [ $x -gt 2 ]; then echo big; else echo small; fi; for i in a b c; do printf "%s," $i; done; echo; n=0; while [ $n -lt 3 ]; do n=$((n+1)); done; echo $n'),
 ("sh_case_function", 'f() { case "$1" in a*) echo "A:$1";; *) echo "other:$1";; esac; }; f apple; f pear; echo "$(f art | wc -c)"'),
 ("sh_heredoc_subst", 'cat <<END\none $((2+3))\ntwo $(echo nested) `echo back`\nEND\ncat <<\'Q\'\nno $expansion here\nQ'),
 ("sh_pipes_and_status", 'echo hello | tr a-z A-Z | rev; false || echo "false gave $?"; (exit 3); echo "sub $?"; echo $(( $(echo 6) * 7 ))'),
 ("sh_script_file_args", 'printf \'#!/bin/busybox sh\\necho "$# args: $1 $2"\\nshift\\necho "now $*"\\n\' > /tmp/bbs.sh && sh /tmp/bbs.sh x "y z"; rm -f /tmp/bbs.sh'),
 ("sh_redirect_and_fd", 'echo out > /tmp/bbr; echo more >> /tmp/bbr; cat < /tmp/bbr; ls /nonexistent 2>/dev/null || echo "ls failed"; exec 3>/tmp/bbr; echo three >&3; exec 3>&-; cat /tmp/bbr; rm /tmp/bbr'),
 ("awk_sum", "printf '3 x\\n4 y\\n5 z\\n' | awk '{ s += $1; n[$2] = $1 } END { print s, n[\"y\"], NR }'"),
 ("awk_fields_printf", "echo 'root:x:0:0:root:/root:/bin/sh' | awk -F: '{ printf \"%s has uid %d and shell %s\\n\", $1, $3, $NF }'"),
 ("sed_edit", "printf 'cat\\ndog\\ncow\\n' | sed -e 's/c/k/' -e '/dog/d' -e '$a end'"),
 ("grep_E", "printf 'a1\\nb22\\nc\\n' | grep -E '[0-9]{2}|^c$'; printf 'x\\n' | grep -c y; echo \"status $?\""),
 ("sort_n_uniq_c", "printf '10\\n9\\n10\\n100\\n9\\n' | sort -n | uniq -c; printf 'b 2\\na 10\\nc 1\\n' | sort -k2 -n"),
 ("find_xargs", "rm -rf /tmp/bbf && mkdir -p /tmp/bbf/a/b && echo x > /tmp/bbf/a/one.txt && echo y > /tmp/bbf/a/b/two.txt && touch /tmp/bbf/three.c && find /tmp/bbf -name '*.txt' | sort | xargs cat; find /tmp/bbf -type d | sort; find /tmp/bbf -type f | wc -l; rm -rf /tmp/bbf"),
 ("tar_roundtrip", "rm -rf /tmp/bbt1 /tmp/bbt2 && mkdir -p /tmp/bbt1/d /tmp/bbt2 && echo hi > /tmp/bbt1/d/f && echo there > /tmp/bbt1/g && cd /tmp/bbt1 && tar cf /tmp/bbt.tar d g && cd /tmp/bbt2 && tar xf /tmp/bbt.tar && cat d/f g && tar tf /tmp/bbt.tar | sort; cd /; rm -rf /tmp/bbt1 /tmp/bbt2 /tmp/bbt.tar"),
 ("od_bytes", "printf 'AB\\001\\n' | od -An -c; printf '\\377' | od -An -tx1"),
 ("wc_cut_tr_head_tail", "printf 'one two\\nthree four five\\n' > /tmp/bbw; wc -lw < /tmp/bbw; cut -d' ' -f2 /tmp/bbw; tr -d 'e' < /tmp/bbw | head -1; seq 10 | tail -3 | tr '\\n' ' '; echo; rm /tmp/bbw"),
 ("seq_expr_test", "seq 3 | while read n; do expr $n \\* 2; done; test -d / && echo dir; [ -e /nonexistent ] || echo absent"),
 ("basename_dirname_printf", "basename /a/b/c.txt .txt; dirname /a/b/c.txt; printf '%05d|%-4s|%x\\n' 42 ab 255"),
 ("ls_mkdir_mv_rm", "rm -rf /tmp/bbl && mkdir /tmp/bbl && cd /tmp/bbl && touch b a && mkdir c && mv a z && ls; ls -d c; rm -r /tmp/bbl; ls /tmp/bbl 2>&1 | grep -c 'No such file'"),
 ("cp_cmp_diff", "printf 'l1\\nl2\\n' > /tmp/bbc1; cp /tmp/bbc1 /tmp/bbc2; cmp /tmp/bbc1 /tmp/bbc2 && echo same; echo l3 >> /tmp/bbc2; diff /tmp/bbc1 /tmp/bbc2 | tail -1; rm /tmp/bbc1 /tmp/bbc2"),
 ("ln_s_readlink", "rm -f /tmp/bbln; ln -s /etc/passwd /tmp/bbln; readlink /tmp/bbln; test -L /tmp/bbln && echo link; rm /tmp/bbln"),
]
def esc(s):
    out=[]
    for ch in s:
        if ch=='\\': out.append('\\\\')
        elif ch=='"': out.append('\\"')
        elif ch=='\n': out.append('\\n')
        elif ch=='\t': out.append('\\t')
        elif ord(ch)<32 or ord(ch)>126: out.append('\\%03o'%ord(ch))
        else: out.append(ch)
    return '"'+''.join(out)+'"'
rows=[]
for name, script in cases:
    r = subprocess.run([BUSYBOX,"sh","-c",script], capture_output=True, env={"PATH":"/nonexistent"}, cwd="/")
    out = r.stdout.decode('latin-1')
    if r.stderr: print("//STDERR", name, r.stderr)
    rows.append("    { %s,\n      %s,\n      %s },"%(esc(name), esc(script), esc(out)))
print("\n".join(rows))
