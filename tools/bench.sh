#!/bin/bash
# `make bench`: boots Minnow with init=/bin/runbench, which runs every
# /bin/bench_* program (user/bench/), and prints their "bench" lines.
# Numbers come from QEMU's software emulation on this machine: compare
# runs on the same machine (before/after a change), not with real hardware.
set -u
cd "$(dirname "$0")/.."
B=build
LOG=$B/bench.log
timeout "${TIMEOUT:-300}" qemu-system-i386 -kernel $B/kernel.elf -initrd $B/initrd.cpio \
    -m 128M -display none -serial stdio -net none -no-reboot \
    -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
    -append "init=/bin/runbench" > "$LOG" 2>&1 < /dev/null
status=$?
grep -a '^bench ' "$LOG" | tr -d '\r'
if [ $status -ne 33 ] || ! grep -aq "runbench: done" "$LOG"; then
    echo "bench: Minnow did not finish the benchmarks (QEMU status $status); see $LOG"
    exit 1
fi
