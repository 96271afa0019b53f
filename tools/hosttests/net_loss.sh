# LAB(net) FILE
# (No "#!" line: a FILE marker must come first; tools/test.sh runs it with bash.)
# The loss option (docs/net.md): booted with netloss=3, the e1000 drops
# every third frame each way; the kernel's test net_ping_loss pings the
# gateway six times and must get every answer, some on a later try, with
# the drops counted.  The kernel must end the run itself (status 33).
# ip=static: no DHCP exchange, whose retries and late replies under loss
# would leave frames in flight (a reply waiting in ARP) across the count
# of buffers before and after.
cd "$(dirname "$0")/../.."
B=build
log=$(timeout 90 qemu-system-i386 -kernel $B/kernel.elf -initrd $B/initrd.cpio \
    -m 128M -display none -serial stdio -no-reboot \
    -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
    -netdev user,id=n0 -device e1000,netdev=n0 \
    -append "test=net_ping_loss netloss=3 ip=static" < /dev/null 2>&1 | tr -d '\r'
    exit "${PIPESTATUS[0]}")
status=$?
grep -aE '^(ok|FAIL) ' <<< "$log"
if ! grep -aq "netloss=3: one frame in 3 is dropped" <<< "$log"; then
    echo "FAIL net_loss_option: the driver did not announce netloss=3"
elif [ $status != 33 ]; then
    echo "FAIL net_loss_run: QEMU exited $status; last line: $(tail -n 1 <<< "$log")"
else
    echo "ok net_loss_run"
fi
