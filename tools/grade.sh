#!/bin/bash
# The grader behind `make grade` and `make grade LAB=name` (docs/labs/).
#
# For each lab it boots Minnow once, headless as tools/test.sh does, with
# test=lab:NAME on the kernel command line: init then runs
# `/usr/libexec/minnow/runtests lab:NAME`, which runs every lab_NAME_*
# program there (user/labs/).  Those print "ok CHECK" or "FAIL CHECK: why", and the
# console lines the kernel must or must not print ("expect CHECK: LINE",
# "forbid CHECK: LINE", see user/labs/lab.h).  A check scores its points
# when it printed ok and every expect/forbid about it holds.
#
# Minnow gets a disk of its own for the boot, hda: a scratch copy of
# build/test-disk-template.img (make test's ext2 image), never the
# student's build/disk.img.  After the boot, the host's e2fsck checks it,
# and its verdict joins the console output as the line "e2fsck -fn: the
# disk is clean" (or "e2fsck -fn: the disk has errors", then what it
# found), which a grader may expect.
#
#   tools/grade.sh [LAB...]       no LAB: every lab in the table below
set -u
cd "$(dirname "$0")/.."

# lab       check               points
RUBRIC='
syscall     trace_exists        10
syscall     trace_prints        20
syscall     trace_errors        10
syscall     trace_mask          15
syscall     trace_off           10
syscall     trace_fork          20
syscall     trace_program       15
syscall     kinfo_exists        10
syscall     kinfo_memory        15
syscall     kinfo_procs         15
syscall     kinfo_syscalls      15
syscall     kinfo_efault        15
signals     sigalarm_exists     10
signals     sigalarm_calls      15
signals     sigalarm_registers  25
signals     sigalarm_no_reentry 15
signals     sigalarm_cpu_time   10
signals     sigalarm_stop       10
signals     sigalarm_fork_exec  10
signals     sigalarm_misuse      5
scheduler   nice_exists         10
scheduler   nice_value          15
scheduler   nice_inherited      10
scheduler   nice_share          30
scheduler   nice_slice_length   20
scheduler   nice_equal_share    15
scheduler   stride_calls        10
scheduler   stride_share        20
scheduler   stride_schedule     25
scheduler   stride_newcomer     15
scheduler   stride_off          10
util        pingpong            15
util        primes_output       20
util        primes_ends         15
util        primes_fds          10
util        find_names          10
util        find_errors          5
util        find_fds             5
util        xargs_runs          10
util        xargs_stdin          5
util        xargs_parallel       5
cow         cow_fork_cheap      20
cow         cow_child_private   10
cow         cow_parent_private  15
cow         cow_copy_once       15
cow         cow_read_shared     10
cow         cow_no_leak         15
cow         cow_fork_exec       15
jobshell    jobs_own_group      15
jobshell    jobs_terminal       15
jobshell    jobs_ctrl_c         10
jobshell    jobs_ctrl_z         15
jobshell    jobs_background     10
jobshell    jobs_list           10
jobshell    jobs_bg             10
jobshell    jobs_fg             10
jobshell    jobs_done            5
sockets     chatd_join_leave    10
sockets     chatd_broadcast     20
sockets     chatd_partial       15
sockets     chatd_many          10
sockets     chatd_vanish        15
sockets     chatd_slow_reader   15
sockets     chatd_fds            5
sockets     chat_relay           5
sockets     chat_ends            5
fs          fs_past_single      10
fs          fs_double_indirect  15
fs          fs_blocks_counted   10
fs          fs_host_files       10
fs          fs_triple_indirect  15
fs          fs_truncate         15
fs          fs_unlink           10
fs          fs_disk_clean       15
net         net_ping            15
net         net_ring_wrap       15
net         net_udp             15
net         net_tcp_download    15
net         net_tx_burst        20
net         net_no_leak         20
'
B=build
TIMEOUT=${TIMEOUT:-120}
TEMPLATE=$B/test-disk-template.img
E2FSCK=$(command -v e2fsck || echo /sbin/e2fsck)
all_labs=$(echo "$RUBRIC" | awk 'NF { print $1 }' | uniq)
labs=${*:-$all_labs}
for lab in $labs; do
    if ! echo "$all_labs" | grep -qx "$lab"; then
        echo "grade: no lab named '$lab'; the labs are:" $all_labs >&2
        exit 2
    fi
done

# why CHECK: prints why CHECK failed, or nothing if it passed ($out: the log).
why() {
    local line
    line=$(grep -m1 "^FAIL $1: " "$out")
    if [ -n "$line" ]; then
        echo "${line#FAIL $1: }"
        return
    fi
    if ! grep -qx "ok $1" "$out"; then
        echo "no result: its grader stopped before this check${crash:+ ($crash)}"
        return
    fi
    # LINE, or LINE<tab>NOTE: what the line is, for the message
    while IFS=$'\t' read -r line note; do
        grep -Fxq -- "$line" "$out" ||
            { echo "the console never showed the line: $line${note:+ ($note)}"; return; }
    done < <(sed -n "s/^expect $1: //p" "$out")
    while IFS=$'\t' read -r line note; do
        grep -Fxq -- "$line" "$out" &&
            { echo "the console showed a line it should not: $line${note:+ ($note)}"; return; }
    done < <(sed -n "s/^forbid $1: //p" "$out")
}

# lab_qemu LAB: what the lab's boot needs beyond a disk.  Every lab but
# net runs with -net none.  net's grader (user/labs/lab_net_driver.c)
# talks to QEMU's user network through the e1000, and to services of
# QEMU's own, so that nothing on the host is needed and no host port is
# taken (other runs may be going): TFTP from build/rootfs (the files of
# the initrd, to compare), and two TCP ports of 10.0.2.100 that QEMU
# hands to a command of the host (guestfwd): `seq` to download, `cksum`
# to upload to.  ip=static: no DHCP to wait for.
lab_qemu() {
    case $1 in
    net)
        local netdev="user,id=n0,tftp=$B/rootfs"
        netdev+=",guestfwd=tcp:10.0.2.100:1-cmd:seq 1 40000"
        netdev+=",guestfwd=tcp:10.0.2.100:2-cmd:cksum"
        qemu_net=(-netdev "$netdev" -device e1000,netdev=n0
                  -object "filter-dump,id=f0,netdev=n0,file=$B/grade-net.pcap")
        append=" ip=static" ;;
    *)  qemu_net=(-net none)
        append= ;;
    esac
}

disk=$(mktemp "$B/grade-hda.XXXXXX")
trap 'rm -f "$disk"' EXIT
total=0 max=0
for lab in $labs; do
    log=$B/grade-$lab.log
    out=$B/grade-$lab.txt
    echo "grading lab $lab: booting Minnow with test=lab:$lab ..."
    start=$(date +%s)
    drive=()
    if cp --sparse=always "$TEMPLATE" "$disk" 2>/dev/null; then
        drive=(-drive "file=$disk,format=raw,if=ide,index=0")
    else
        echo "      note: no $TEMPLATE (make grade makes it): Minnow runs without a disk"
    fi
    lab_qemu "$lab"
    timeout "$TIMEOUT" qemu-system-i386 -kernel $B/kernel.elf -initrd $B/initrd.cpio \
        -m 128M -display none -serial stdio "${qemu_net[@]}" -no-reboot \
        -device isa-debug-exit,iobase=0xf4,iosize=0x04 "${drive[@]}" \
        -append "test=lab:$lab$append" > "$log" 2>&1 < /dev/null
    status=$?
    if [ ${#drive[@]} -gt 0 ]; then
        if fsck=$("$E2FSCK" -fn "$disk" 2>&1); then
            echo "e2fsck -fn: the disk is clean" >> "$log"
        else
            { echo "e2fsck -fn: the disk has errors"; sed 's/^/e2fsck: /' <<< "$fsck"; } >> "$log"
        fi
    fi
    tr -d '\r' < "$log" > "$out"
    case $status in
    33|35) crash= ;;
    37)    crash="the kernel panicked" ;;
    124)   crash="Minnow hung and was stopped after ${TIMEOUT}s" ;;
    0)     crash="the machine reset (a triple fault?)" ;;
    *)     crash="QEMU exited with status $status" ;;
    esac
    grep -q "^no lab named" "$out" && crash="/usr/libexec/minnow has no lab_${lab}_* programs"
    grep -q "^runtests: " "$out" ||
        crash="${crash:-Minnow never started the graders: init or runtests failed first}"

    score=0 points=0
    while read -r l check pts; do
        [ "$l" = "$lab" ] || continue
        reason=$(why "$check")
        got=0
        [ -z "$reason" ] && got=$pts
        dots=$(printf '%*s' $((32 - ${#lab} - ${#check})) '' | tr ' ' .)
        printf '%s: %s %s %2d/%d\n' "$lab" "$check" "$dots" "$got" "$pts"
        [ -n "$reason" ] && echo "      $reason"
        score=$((score + got))
        points=$((points + pts))
    done <<< "$RUBRIC"
    # what the test runner said about a grader program as a whole
    grep "^FAIL lab_" "$out" | sed 's/^FAIL /      note: /'
    if [ -n "$crash" ]; then
        echo "      note: $crash; the last lines on the console were:"
        grep -v "^e2fsck" "$out" | tail -n 10 | sed "s/^/        | /"
    fi
    echo "$lab: $score/$points  (Minnow ran for $(( $(date +%s) - start ))s; console output in $log)"
    total=$((total + score))
    max=$((max + points))
done
echo "total: $total/$max"
