#!/bin/bash
# A disk that fails: QEMU's blkdebug layer injects an I/O error into every
# read of sector 4096 and every write of sector 8192 of a scratch disk.
# helper_disk_errors, the first process, prints its checks (EIO to the
# program, the rest of the disk usable, the errors counted); the kernel
# must not panic (QEMU's exit status 33: powered off as asked).
cd "$(dirname "$0")/../.."
B=build
img=$(mktemp $B/disk-errors.XXXXXX)
conf=$img.conf
trap 'rm -f "$img" "$conf"' EXIT
truncate -s 16M "$img"
cat > "$conf" <<END
[inject-error]
event = "read_aio"
errno = "5"
sector = "4096"
once = "off"

[inject-error]
event = "write_aio"
errno = "5"
sector = "8192"
once = "off"
END
log=$(timeout 60 qemu-system-i386 -kernel $B/kernel.elf -initrd $B/initrd.cpio \
    -m 128M -display none -serial stdio -net none -no-reboot \
    -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
    -drive file=blkdebug:"$conf":"$img",format=raw,if=ide,index=0 \
    -append "init=/usr/libexec/minnow/helper_disk_errors" < /dev/null 2>&1 | tr -d '\r'
    exit "${PIPESTATUS[0]}")
status=$?
grep -aE '^(ok|FAIL) ' <<< "$log"
if [ $status = 33 ]; then
    echo "ok disk_errors_no_panic"
else
    echo "FAIL disk_errors_no_panic: QEMU exited $status; last line: $(tail -n 1 <<< "$log")"
fi
