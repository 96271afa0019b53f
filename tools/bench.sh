#!/bin/bash
# `make bench`: the benchmarks of user/bench/ on Minnow and on Linux, in
# the same QEMU, side by side (docs/bench.md says how to read them).
#
# Each boot runs /usr/libexec/minnow/runbench as the first process: every
# bench_* program there, three rounds over.  The two systems alternate,
# PAIRS times (default 3), so that load on this machine hits both alike.
# Linux is Debian's i386 kernel with the same benchmark sources built with
# glibc; tools/deps.sh --bench fetches both (make bench runs it).  Without
# them, Minnow alone.
#
# Both boot with an e1000 on QEMU's user network, where 10.0.2.2 is this
# machine: bench_tcp talks to tools/bench-tcp-server.py, started here on a
# free port that both kernels find on their command line (benchport=N).
#
#   tools/bench.sh            PAIRS=5 tools/bench.sh
#   LINUX_APPEND=mitigations=off tools/bench.sh    more on Linux's command line
# The serial output of every boot is kept in build/bench/.
set -u
cd "$(dirname "$0")/.."

B=build
LB=$B/linux
OUT=$B/bench
PAIRS=${PAIRS:-3}
TIMEOUT=${TIMEOUT:-600}            # seconds a boot may take; Minnow takes about 150 (bench_ext2: 100)
mkdir -p $OUT
rm -f $OUT/*.log

# Two scratch disks, the same for both systems, made anew before every
# boot so that each system starts from the same bytes: hda (sda on Linux)
# a copy of build/bench-ext2.img, an empty ext2 file system, for
# bench_ext2; hdb (sdb) blank, 64 MiB, for bench_disk's raw passes.
HDA=$OUT/hda.img HDB=$OUT/hdb.img
fresh_disks() {
    cp --sparse=always $B/bench-ext2.img $HDA || exit 1
    truncate -s 0 $HDB && truncate -s 64M $HDB
}
# The TCP rows' server: it prints its port first; it lives as long as
# this script.
TCP_SERVER_PORT=$OUT/tcp-server.port
rm -f $TCP_SERVER_PORT                # the last run's port is not this one's
python3 tools/bench-tcp-server.py > $TCP_SERVER_PORT 2> $OUT/tcp-server.log &
TCP_SERVER_PID=$!
trap 'kill $TCP_SERVER_PID 2>/dev/null' EXIT
for ((i = 0; i < 50; i++)); do
    [ -s $TCP_SERVER_PORT ] && break
    sleep 0.1
done
BENCHPORT=$(head -n 1 $TCP_SERVER_PORT)
[ -n "$BENCHPORT" ] || echo "bench: the TCP server did not start (see $OUT/tcp-server.log); no TCP rows"

QEMU="qemu-system-i386 -m 128M -display none -serial stdio -no-reboot
    -netdev user,id=n0 -device e1000,netdev=n0
    -drive file=$HDA,format=raw,if=ide,index=0 -drive file=$HDB,format=raw,if=ide,index=1"
MINNOW="$QEMU -kernel $B/kernel.elf -initrd $B/initrd.cpio -device isa-debug-exit,iobase=0xf4,iosize=0x04"
LINUX="$QEMU -kernel $LB/vmlinuz -initrd $LB/initrd.cpio"

have_linux=no
[ -f $LB/vmlinuz ] && [ -f $LB/initrd.cpio ] && have_linux=yes

now_us() { echo "${EPOCHREALTIME/./}"; }

# boot LOG QEMU-ARGS...: one boot that runs the benchmarks; its output
# goes to LOG, with one line added, "bench boot_to_init MS ms": the time
# from starting QEMU to runbench's first line, measured here on the host.
boot() {
    local log=$1 start
    shift
    fresh_disks
    start=$(now_us)
    timeout "$TIMEOUT" "$@" < /dev/null 2>&1 | while IFS= read -r line; do
        line=${line%$'\r'}
        if [[ $line == "runbench: start"* ]]; then
            echo "bench boot_to_init $((($(now_us) - start) / 1000)) ms"
        fi
        printf '%s\n' "$line"
    done > "$log"
    if ! grep -aq "runbench: done" "$log"; then
        echo "bench: the boot did not finish the benchmarks; see $log"
        exit 1
    fi
}

# boot_to_prompt LOG: how long Minnow takes from starting QEMU to the
# shell's prompt on the serial console, as a user who types `make qemu`
# waits for it.
boot_to_prompt() {
    local log=$1 start seen="" c
    fresh_disks
    start=$(now_us)
    coproc QEMU_PROC { exec timeout 30 $QEMU -kernel $B/kernel.elf -initrd $B/initrd.cpio 2>&1; }
    while IFS= read -r -N 1 -t 30 c <&"${QEMU_PROC[0]}"; do
        seen+=$c
        [[ $seen == *'$ ' ]] && break
    done
    echo "bench boot_to_prompt $((($(now_us) - start) / 1000)) ms" >> "$log"
    kill "$QEMU_PROC_PID" 2>/dev/null
    wait "$QEMU_PROC_PID" 2>/dev/null
}

for ((p = 1; p <= PAIRS; p++)); do
    echo "bench: boot $p of $PAIRS: Minnow..."
    boot $OUT/minnow-$p.log $MINNOW -append "init=/usr/libexec/minnow/runbench benchport=$BENCHPORT"
    boot_to_prompt $OUT/minnow-$p.log
    if [ $have_linux = yes ]; then
        echo "bench: boot $p of $PAIRS: Linux ($(cat $LB/version 2>/dev/null))..."
        boot $OUT/linux-$p.log $LINUX -append "console=ttyS0 quiet benchport=$BENCHPORT ${LINUX_APPEND:-}"
    fi
done

# The table.  A log's lines: "round N", then "bench NAME VALUE UNIT";
# the boot lines come before round 1 (round 0).
awk -v pairs="$PAIRS" -v linux=$have_linux '
function median(a, n,    i, j, t) {
    for (i = 2; i <= n; i++)
        for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
# the median over the rounds of one boot of one system
function boot_median(sys, p, row,    r, n, a) {
    n = 0
    for (r = 0; r <= maxround; r++)
        if ((sys, p, r, row) in v) a[++n] = v[sys, p, r, row]
    return n ? median(a, n) : ""
}
function all_median(sys, row,    p, r, n, a) {
    n = 0
    for (p = 1; p <= pairs; p++)
        for (r = 0; r <= maxround; r++)
            if ((sys, p, r, row) in v) a[++n] = v[sys, p, r, row]
    return n ? median(a, n) : ""
}
# The last round against the first, in each boot of sys; the median.
function drift(sys, row,    p, n, a) {
    n = 0
    for (p = 1; p <= pairs; p++)
        if ((sys, p, 1, row) in v && (sys, p, maxround, row) in v)
            a[++n] = v[sys, p, maxround, row] / v[sys, p, 1, row]
    return n ? sprintf(" %10.2f", median(a, n)) : ""
}
FNR == 1 { split(FILENAME, parts, /[-.]/); sys = parts[1]; sub(/.*\//, "", sys); p = parts[2] + 0; round = 0 }
/^round / { round = $2 + 0; if (round > maxround) maxround = round }
/^bench / {
    if (!($2 in seen)) { seen[$2] = 1; order[++rows] = $2; unit[$2] = $4 }
    v[sys, p, round, $2] = $3
}
END {
    printf "%-22s %14s", "", "Minnow"
    if (linux == "yes") printf " %14s %8s", "Linux", "ratio"
    printf " %10s", "r" maxround "/r1"
    if (linux == "yes") printf " %10s", "(Linux)"
    printf "\n"
    for (i = 1; i <= rows; i++) {
        row = order[i]
        m = all_median("minnow", row)
        printf "%-22s %11.0f %-2s", row, m, (unit[row] == "ms" ? "ms" : "")
        if (linux == "yes") {
            l = all_median("linux", row); n = 0
            for (p = 1; p <= pairs; p++) {
                bm = boot_median("minnow", p, row); bl = boot_median("linux", p, row)
                if (bm != "" && bl != "" && bl > 0) ratio[++n] = bm / bl
            }
            if (l == "") printf " %14s %8s", "-", "-"
            else printf " %11.0f %-2s %8.2f", l, (unit[row] == "ms" ? "ms" : ""), median(ratio, n)
        }
        printf "%s", drift("minnow", row)
        if (linux == "yes") printf "%s", drift("linux", row)
        printf "\n"
    }
}' $OUT/minnow-*.log $( [ $have_linux = yes ] && ls $OUT/linux-*.log) | tee $OUT/table.txt
echo "Cycles per operation (the host's TSC, read in the guest), the median of $PAIRS boots x 3 rounds;"
if [ $have_linux = yes ]; then
    echo "ratio: Minnow / Linux, the median of the $PAIRS pairs' ratios (below 1: Minnow is faster)."
else
    echo "Linux not measured: tools/deps.sh --bench (as root) fetches what it needs."
fi
echo "r3/r1: the third round against the first in the same boot (above 1: it slowed down); Linux's shows the emulator's own noise."
