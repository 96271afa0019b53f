# LAB(net) FILE
# (No "#!" line: a FILE marker must come first; tools/test.sh runs it with bash.)
# TCP between the host and Minnow, through QEMU's user network (docs/net.md):
#   net_tcp_echo      the host sends 1 MiB through Minnow's TCP echo server
#                     (helper_tcp_host, port 7, forwarded from a free host
#                     port) and gets it back: the same SHA-256
#   net_tcp_get       Minnow downloads 1 MiB from a plain TCP server on the
#                     host (10.0.2.2:PORT inside is the host's 127.0.0.1:PORT)
#                     and prints its SHA-256: the host's
#   net_tcp_loss      the echo again with netloss=20 (the card drops every
#                     20th frame each way): intact, and RetransSegs > 0
#                     (with netloss=3, a third of all frames, slirp's own
#                     TCP backs off to a crawl: 13 KB in 40 s, measured)
#                     Both echoes print the server connection's TCP_INFO:
#                     without a retransmission ssthresh is still "infinite"
#                     and cwnd at least the initial 10 segments; with the
#                     losses Minnow retransmitted and halved its flight into
#                     ssthresh (RFC 5681: 2 .. 65535/2 bytes in segments)
#   net_tcp_httpd     httpd as init: the host's curl fetches /bin/sh over
#                     HTTP, the image's own bytes
#   net_tcp_pcap      the host's tcpdump reads that boot's capture: the
#                     three-way handshake to port 80
#   net_tcp_many      100 host clients connected at once to the lecture's
#                     forking echoserver_tcp (as init), 20 KB each through
#                     and back: 101 processes in Minnow
# Each boots its own QEMU with its own forward; python3, curl and tcpdump
# are the host's side (tools/deps.sh installs them).
cd "$(dirname "$0")/../.."
B=build
tmp=$(mktemp -d $B/net-tcp.XXXXXX)
trap 'kill $qpid 2>/dev/null; [ -n "$KEEP" ] || rm -rf "$tmp"' EXIT   # KEEP=1: the consoles stay
HELPER=/usr/libexec/minnow/helper_tcp_host

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# boot NAME APPEND [FWDPORT [INIT]]: QEMU in the background, its console in $tmp/NAME.log
boot() {
    local fwd=""
    [ -n "$3" ] && fwd=",hostfwd=tcp:127.0.0.1:$3-:7"
    timeout 180 qemu-system-i386 -kernel $B/kernel.elf -initrd $B/initrd.cpio \
        -m 128M -display none -serial stdio -no-reboot \
        -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
        -netdev user,id=n0$fwd -device e1000,netdev=n0 \
        -append "init=${4:-$HELPER} $2" < /dev/null > "$tmp/$1.log" 2>&1 &
    qpid=$!
}

# The host's echo clients: wait for Minnow's server, connect N at once,
# then each sends SIZE random bytes while it reads the echo back, and
# half-closes.  Prints "GOOD N SECONDS BYTES-BACK WHY": how many got
# their bytes back (the SHA-256 of what came back is that of what
# went), the time from the first send, the bytes that came back in all,
# and the first errors.
cat > "$tmp/clients.py" <<'PY'
import hashlib, os, socket, sys, threading, time
port, log, n, size = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
for _ in range(600):
    if "listening on port 7" in open(log, errors="replace").read():
        break
    time.sleep(0.1)
socks = [socket.create_connection(("127.0.0.1", port), timeout=140) for _ in range(n)]
ok, back, why = [False] * n, [0] * n, []
def talk(i):
    data, s = os.urandom(size), socks[i]
    def send():
        s.sendall(data)
        s.shutdown(socket.SHUT_WR)
    t = threading.Thread(target=send)
    t.start()
    got = bytearray()
    try:
        while True:
            b = s.recv(65536)
            if not b:
                break
            got += b
    except OSError as e:
        why.append("client %d: %s" % (i, e))
    t.join()
    ok[i], back[i] = hashlib.sha256(got).digest() == hashlib.sha256(data).digest(), len(got)
    s.close()
t0 = time.time()
ts = [threading.Thread(target=talk, args=(i,)) for i in range(n)]
for t in ts: t.start()
for t in ts: t.join()
print(sum(ok), n, "%.2f" % (time.time() - t0), sum(back), "; ".join(why[:3]) or "-")
PY

# A plain TCP server of 1 MiB: prints its SHA-256, serves one client.
cat > "$tmp/server.py" <<'PY'
import hashlib, os, socket, sys
data = os.urandom(1 << 20)
l = socket.socket()
l.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
l.bind(("127.0.0.1", int(sys.argv[1])))
l.listen(1)
print(hashlib.sha256(data).hexdigest(), flush=True)
l.settimeout(150)
c, _ = l.accept()
c.sendall(data)
c.close()
PY

finish() {   # NAME: waits for QEMU; status in $status, console in $log
    wait $qpid
    status=$?
    log=$(tr -d '\r' < "$tmp/$1.log")
}

counter() {  # NAME: a Tcp counter from the console's /proc/net/snmp lines
    awk -v want="$1" '/^Tcp:/ { if (!n) { for (i = 2; i <= NF; i++) col[$i] = i; n = 1 }
                                else print $(col[want]) }' <<< "$log"
}

info() {     # FIELD: from the console's "tcp_echo: tcp_info ..." line
    grep -ao "tcp_info .*" <<< "$log" | awk -v want="$1" '{ for (i = 2; i < NF; i += 2) if ($i == want) print $(i + 1) }'
}

# What congestion control says of the echo's connection (see the top).
cong_check() {  # NAME
    local retrans ssthresh cwnd
    retrans=$(info total_retrans) ssthresh=$(info snd_ssthresh) cwnd=$(info snd_cwnd)
    echo "$1: TCP_INFO snd_cwnd $cwnd snd_ssthresh $ssthresh total_retrans $retrans rtt $(info rtt) us"
    if [ -z "$retrans" ]; then
        echo "FAIL $1: no TCP_INFO line"
        return 1
    fi
    if [ "$retrans" = 0 ] && { [ "$ssthresh" != 2147483647 ] || [ "$cwnd" -lt 10 ]; }; then
        echo "FAIL $1: no retransmission, yet ssthresh $ssthresh, cwnd $cwnd"
        return 1
    fi
    if [ "$1" = net_tcp_loss ] && { [ "$retrans" -le 0 ] || [ "$ssthresh" -lt 2 ] ||
                                    [ "$ssthresh" -gt $((65535 / 2 / 1460)) ]; }; then
        echo "FAIL $1: with losses, total_retrans $retrans and ssthresh $ssthresh"
        return 1
    fi
    return 0
}

echo_test() {  # NAME APPEND
    local port good n secs back why; port=$(free_port)
    boot "$1" "test=tcp_echo $2" "$port"
    read -r good n secs back why < <(python3 "$tmp/clients.py" "$port" "$tmp/$1.log" 1 $((1 << 20)))
    finish "$1"
    if [ "$status" != 33 ] || [ "$good" != 1 ]; then
        echo "FAIL $1: QEMU $status, $back bytes back, not the bytes sent ($why); $(tail -n 2 <<< "$log" | tr '\n' ' ')"
        return 1
    fi
    echo "$1: 1 MiB there and back in $secs s, RetransSegs $(counter RetransSegs)"
    cong_check "$1"
}

if echo_test net_tcp_echo ""; then echo "ok net_tcp_echo"; fi

port=$(free_port)
python3 "$tmp/server.py" "$port" > "$tmp/want" &
spid=$!
for _ in $(seq 50); do [ -s "$tmp/want" ] && break; sleep 0.1; done
t0=$(date +%s.%N)
boot net_tcp_get "test=tcp_get:$port"
finish net_tcp_get
wait $spid
want=$(cat "$tmp/want")
got=$(grep -ao 'tcp_get: [0-9]* bytes sha256 [0-9a-f]*' <<< "$log")
if [ "$status" = 33 ] && [ "$got" = "tcp_get: 1048576 bytes sha256 $want" ]; then
    echo "net_tcp_get: 1 MiB from the host, boot included, in $(echo "$(date +%s.%N) - $t0" | bc 2>/dev/null || echo '?') s"
    echo "ok net_tcp_get"
else
    echo "FAIL net_tcp_get: QEMU $status, want $want; $(grep -a 'tcp_get' <<< "$log" | head -3 | tr '\n' ' ')"
fi

if echo_test net_tcp_loss "netloss=20"; then
    if [ "$(counter RetransSegs)" -gt 0 ] 2>/dev/null && grep -aq "netloss=20" <<< "$log"; then
        echo "ok net_tcp_loss"
    else
        echo "FAIL net_tcp_loss: no retransmission counted ($(counter RetransSegs))"
    fi
fi

# httpd as init: the host's curl fetches a binary through a forward to
# port 80; the bytes are the image's /bin/sh.  QEMU records the frames
# (as make qemu PCAP=file does), and the host's tcpdump must read the
# three-way handshake from the capture (net_tcp_pcap).
port=$(free_port)
timeout 60 qemu-system-i386 -kernel $B/kernel.elf -initrd $B/initrd.cpio \
    -m 128M -display none -serial stdio -no-reboot \
    -netdev user,id=n0,hostfwd=tcp:127.0.0.1:$port-:80 -device e1000,netdev=n0 \
    -object filter-dump,id=f0,netdev=n0,file="$tmp/httpd.pcap" \
    -append "init=/bin/httpd" < /dev/null > "$tmp/net_tcp_httpd.log" 2>&1 &
qpid=$!
for _ in $(seq 100); do grep -aq "serving / on port 80" "$tmp/net_tcp_httpd.log" && break; sleep 0.1; done
curl -sS --max-time 30 -o "$tmp/sh" "http://127.0.0.1:$port/bin/sh" 2> "$tmp/curl.err"
kill $qpid 2>/dev/null
wait $qpid 2>/dev/null
if [ -s "$tmp/sh" ] && cmp -s "$tmp/sh" $B/rootfs/bin/sh; then
    echo "ok net_tcp_httpd"
else
    echo "FAIL net_tcp_httpd: got $(stat -c %s "$tmp/sh" 2>/dev/null) bytes, want $(stat -c %s $B/rootfs/bin/sh) ($(head -c 200 "$tmp/curl.err")); $(tr -d '\r' < "$tmp/net_tcp_httpd.log" | tail -n 2 | tr '\n' ' ')"
fi
# The first three segments of port 80: SYN from the host's side, SYN-ACK
# from Minnow, ACK -- as a student reads them with tcpdump -r.
flags=$(tcpdump -nr "$tmp/httpd.pcap" 'tcp port 80' 2>/dev/null | head -n 3 |
        sed -n 's/.* > \([0-9.]*\): Flags \[\([^]]*\)\].*/\1 \2/p' | tr '\n' ' ')
if [[ $flags =~ ^10\.0\.2\.15\.80\ S\ 10\.0\.2\.2\.[0-9]+\ S\.\ 10\.0\.2\.15\.80\ \.\ $ ]]; then
    echo "ok net_tcp_pcap"
else
    echo "FAIL net_tcp_pcap: tcpdump -r saw \"$flags\", want a SYN to 10.0.2.15.80, a SYN-ACK back, an ACK"
fi

port=$(free_port)
boot net_tcp_many "" "$port" /bin/echoserver_tcp
read -r good n secs back why < <(timeout 165 python3 "$tmp/clients.py" "$port" "$tmp/net_tcp_many.log" 100 20000 2>&1 | tail -n 1)
kill $qpid 2>/dev/null
wait $qpid 2>/dev/null
if [ "$good" = 100 ] && [ "$n" = 100 ]; then
    echo "net_tcp_many: 100 clients at once, 20 KB each there and back, in $secs s"
    echo "ok net_tcp_many"
else
    echo "FAIL net_tcp_many: $good of $n clients got their bytes back ($why); $(tr -d '\r' < "$tmp/net_tcp_many.log" | tail -n 3 | tr '\n' ' ')"
fi
