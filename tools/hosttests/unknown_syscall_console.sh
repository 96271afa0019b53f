#!/bin/bash
# An unknown system call prints one line on the console, once per number:
# "pid N (name): unknown system call NNN".  Boots Minnow with just
# test_unknown_syscall (which makes calls 999, 999 again and 998) and
# reads the console.
cd "$(dirname "$0")/../.."
log=$(timeout 60 qemu-system-i386 -kernel build/kernel.elf -initrd build/initrd.cpio \
    -m 128M -display none -serial stdio -net none -no-reboot \
    -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
    -append "test=unknown_syscall" < /dev/null 2>&1 | tr -d '\r')
n999=$(grep -c '^pid [0-9]* (test_unknown_sy[^)]*): unknown system call 999$' <<< "$log")
n998=$(grep -c ': unknown system call 998$' <<< "$log")
if [ "$n999" = 1 ] && [ "$n998" = 1 ]; then
    echo "ok unknown_syscall_reported_once"
else
    echo "FAIL unknown_syscall_reported_once: 999 reported $n999 times, 998 $n998 times; the console said:"
    grep -a 'unknown system call' <<< "$log" | sed 's/^/    /'
fi
