#!/bin/bash
# The test runner behind `make test`.
#
# Boots Minnow once in QEMU, headless, with test=all (or test=NAME), and
# reads its serial output: every test inside Minnow prints one line,
# "ok NAME" or "FAIL NAME: why".  Then it runs the host-side tests.  It
# ends with "N passed, N failed" and exits non-zero if anything failed.
#
#   tools/test.sh [--only NAME] [--timeout SECONDS] [--disk IMAGE]
#                 [--hostfwd tcp::HOSTPORT-:GUESTPORT[,...]] [--pcap FILE]
# A kernel that panics, hangs (killed after the timeout) or reboots counts
# as a failure, and the last lines it printed are shown.
#
# Minnow gets two scratch disks of its own, made for this run and never
# the student's build/disk.img: hda, a copy of build/test-disk-template.img
# (ext2 from user/home/; --disk PATH copies that image instead), kept as
# build/test-disk.img after the run for the host tests to check; and hdb,
# a blank sparse file of 130 GiB (holes cost nothing), on which the tests
# write raw patterns, and whose size needs LBA48.
#
# Minnow's e1000 is on QEMU's user network (10.0.2.15, gateway 10.0.2.2),
# with no host port forwarded unless --hostfwd asks: several runs (and a
# `make qemu`) may be going at once, and a port one of them holds would
# stop the others' QEMU from starting.  --pcap records every frame.
set -u
cd "$(dirname "$0")/.."

ONLY=all
TIMEOUT=${TIMEOUT:-300}
DISK_FROM=build/test-disk-template.img
HOSTFWD=
PCAP=
while [ $# -gt 0 ]; do
    case $1 in
    --only) ONLY=$2; shift 2 ;;
    --timeout) TIMEOUT=$2; shift 2 ;;
    --disk) DISK_FROM=$2; shift 2 ;;
    --hostfwd) HOSTFWD=$2; shift 2 ;;
    --pcap) PCAP=$2; shift 2 ;;
    *) echo "usage: $0 [--only NAME] [--timeout SECONDS] [--disk IMAGE]" \
            "[--hostfwd SPEC] [--pcap FILE]" >&2; exit 2 ;;
    esac
done

B=build
LOG=$B/test-serial.log
# Write to a file of this run's own (two runs at once must not mix their
# output); it becomes build/test-serial.log when Minnow has finished.
mkdir -p "$B"
RUNLOG=$(mktemp "$B/test-serial.XXXXXX")
HDA=$(mktemp "$B/test-hda.XXXXXX")
HDB=$(mktemp "$B/test-hdb.XXXXXX")
LABS_OUT=$(mktemp "$B/test-labs.XXXXXX")
labs_pid=
trap 'rm -f "$RUNLOG" "$HDA" "$HDB" "$LABS_OUT"; [ -n "$labs_pid" ] && kill -- -$labs_pid 2>/dev/null' EXIT
if ! cp --sparse=always "$DISK_FROM" "$HDA"; then
    echo "FAIL minnow: no disk image $DISK_FROM to copy"
    exit 1
fi
truncate -s 130G "$HDB"
netdev=user,id=n0
for fwd in ${HOSTFWD//,/ }; do
    netdev+=,hostfwd=$fwd
done
NET=(-netdev "$netdev" -device e1000,netdev=n0)
[ -n "$PCAP" ] && NET+=(-object "filter-dump,id=f0,netdev=n0,file=$PCAP")
passed=0 failed=0 skipped=0

count() {       # reads "ok ..." / "FAIL ..." / "skip ..." lines, prints them
    while IFS= read -r line; do
        line=${line%$'\r'}
        case $line in
        "ok "*)   passed=$((passed + 1)); echo "$line" ;;
        "FAIL "*) failed=$((failed + 1)); echo "$line" ;;
        "skip "*) skipped=$((skipped + 1)); echo "$line" ;;
        esac
    done
}

# --- beside it: the labs -------------------------------------------------
# labs.sh builds and tests a second tree, the students' (minutes: the
# longest host test), and needs nothing the suite below leaves behind, so
# on a whole run it starts now and runs on the other core while Minnow
# boots; its lines are counted at the end.
if [ "$ONLY" = all ] && [ -e tools/hosttests/labs.sh ]; then
    setsid bash tools/hosttests/labs.sh > "$LABS_OUT" 2>&1 &   # its own group: killed whole
    labs_pid=$!
fi

# --- inside Minnow -----------------------------------------------------
# (skipped when the one test asked for is a host test)
if [ "$ONLY" = all ] || [ ! -e "tools/hosttests/$ONLY.sh" ]; then
    start=$(date +%s)
    timeout "$TIMEOUT" qemu-system-i386 -kernel $B/kernel.elf -initrd "$B/initrd.cpio,$B/initrd-tests.cpio" \
        -m 128M -display none -serial stdio -no-reboot "${NET[@]}" \
        -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
        -drive file="$HDA",format=raw,if=ide,index=0 \
        -drive file="$HDB",format=raw,if=ide,index=1 \
        -append "test=$ONLY" > "$RUNLOG" 2>&1 < /dev/null &
    qemu=$!
    # Show the results as they come.
    tail -n +1 -f --pid=$qemu "$RUNLOG" 2>/dev/null | grep -a --line-buffered -E '^(ok|FAIL|skip) ' | tr -d '\r' &
    tailer=$!
    wait $qemu
    status=$?
    wait $tailer 2>/dev/null
    count < <(grep -aE '^(ok|FAIL|skip) ' "$RUNLOG") > /dev/null
    secs=$(( $(date +%s) - start ))

    case $status in
    33|35) ;;       # the suite ran to its end (35: the guest saw a failure too)
    *)
        case $status in
        37)  why="the kernel panicked" ;;
        124) why="no answer after ${TIMEOUT}s: the kernel hung (killed)" ;;
        0)   why="the machine reset (a triple fault?)" ;;
        *)   why="QEMU exited with status $status" ;;
        esac
        echo "FAIL minnow: $why; its last lines were:"
        tail -n 25 "$RUNLOG" | tr -d '\r' | sed 's/^/    | /'
        failed=$((failed + 1))
        ;;
    esac
    if grep -aq "^no test named" "$RUNLOG"; then
        grep -a "^no test named" "$RUNLOG" | tr -d '\r'
        failed=$((failed + 1))
    fi
    mv -f "$RUNLOG" "$LOG"
    mv -f "$HDA" $B/test-disk.img    # what Minnow left on its disk
    echo "(Minnow ran for ${secs}s; its whole output is in $LOG)"
fi

# --- on the host ---------------------------------------------------------
for t in tools/hosttests/*.sh; do
    [ -e "$t" ] || continue
    name=$(basename "$t" .sh)
    [ "$ONLY" = all ] || [ "$ONLY" = "$name" ] || continue
    [ "$name" = labs ] && [ -n "$labs_pid" ] && continue     # running already
    count < <(bash "$t" 2>&1)
done
if [ -n "$labs_pid" ]; then
    wait $labs_pid
    labs_pid=
    count < "$LABS_OUT"
fi

if [ $skipped -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
[ $failed -eq 0 ]
