# LAB(net) FILE
# (No "#!" line: a FILE marker must come first; tools/test.sh runs it with bash.)
# UDP to the world outside, and DHCP at boot (docs/net.md): the host runs
# a UDP echo server on 127.0.0.1 at a free port, which QEMU's user network
# reaches as 10.0.2.2; Minnow boots with helper_udp_echo as its first
# process, which reads the port from the first line of its disk, sends
# datagrams there and checks every echo; a datagram to a closed port of
# the host draws ICMP port unreachable from QEMU, which a connected
# socket gets as ECONNREFUSED.  The boot log must say that
# eth0's address came from QEMU's DHCP server: 10.0.2.15.
cd "$(dirname "$0")/../.."
B=build
img=$(mktemp $B/udp-echo.XXXXXX)
portfile=$(mktemp $B/udp-echo-port.XXXXXX)
server=
trap 'rm -f "$img" "$portfile"; [ -n "$server" ] && kill $server 2>/dev/null' EXIT

python3 - "$portfile" <<'PY' &
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", 0))
closed = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
closed.bind(("127.0.0.1", 0))          # a port that was free, and is closed again
open(sys.argv[1], "w").write("%d %d\n" % (s.getsockname()[1], closed.getsockname()[1]))
closed.close()
s.settimeout(60)
try:
    while True:
        data, peer = s.recvfrom(65536)
        s.sendto(data, peer)
except socket.timeout:
    pass
PY
server=$!
for _ in $(seq 50); do [ -s "$portfile" ] && break; sleep 0.1; done
if [ ! -s "$portfile" ]; then
    echo "FAIL udp_echo_server: the host's echo server did not start"
    exit 0
fi
truncate -s 1M "$img"
dd if="$portfile" of="$img" conv=notrunc status=none

log=$(timeout 60 qemu-system-i386 -kernel $B/kernel.elf -initrd $B/initrd.cpio \
    -m 128M -display none -serial stdio -no-reboot \
    -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
    -netdev user,id=n0 -device e1000,netdev=n0 \
    -drive file="$img",format=raw,if=ide,index=0 \
    -append "init=/usr/libexec/minnow/helper_udp_echo" < /dev/null 2>&1 | tr -d '\r'
    exit "${PIPESTATUS[0]}")
status=$?
grep -aE '^(ok|FAIL) ' <<< "$log"
if grep -aq "^eth0: 10.0.2.15/255.255.255.0, gateway 10.0.2.2 (dhcp)" <<< "$log" &&
   grep -aq "^dhcp: 10.0.2.15 leased from 10.0.2.2 for 86400 s, DNS server 10.0.2.3" <<< "$log"; then
    echo "ok dhcp_boot_address"
else
    echo "FAIL dhcp_boot_address: the boot log has no DHCP address: $(grep -a -E '^(eth0|dhcp):' <<< "$log" | tr '\n' ';')"
fi
if [ $status != 33 ]; then
    echo "FAIL udp_echo_run: QEMU exited $status; last line: $(tail -n 1 <<< "$log")"
fi
