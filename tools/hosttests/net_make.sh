#!/bin/bash
# The Makefile's QEMU wiring for the network (docs/net.md): every qemu
# target puts an e1000 on QEMU's user network and forwards the two host
# ports derived from the uid to Minnow's echo (7) and HTTP (80) ports;
# HOSTFWD adds forwards, PCAP records frames; `make test` forwards only
# what HOSTFWD asks for.  Read from `make -n`: no QEMU runs.
cd "$(dirname "$0")/../.."
uid=$(id -u)
echo_port=$((uid % 5000 + 15000))
http_port=$((uid % 5000 + 20000))

for target in qemu-nox qemu-nox-gdb; do
    out=$(make -n $target HOSTFWD=tcp::1234-:22,udp::1235-:53 PCAP=build/x.pcap 2>&1)
    want="-netdev user,id=n0,hostfwd=tcp::$echo_port-:7,hostfwd=tcp::$http_port-:80,hostfwd=tcp::1234-:22,hostfwd=udp::1235-:53 -device e1000,netdev=n0 -object filter-dump,id=f0,netdev=n0,file=build/x.pcap"
    if grep -qF -- "$want" <<< "$out" && grep -q "host port $echo_port -> echo" <<< "$out"; then
        echo "ok net_make_$target"
    else
        echo "FAIL net_make_$target: expected '$want' and the ports announced; got: $(grep -m1 qemu-system <<< "$out")"
    fi
done

out=$(make -n qemu-nox 2>&1)
if grep -q -- "-device e1000,netdev=n0" <<< "$out" && ! grep -q -- "-net none\|filter-dump" <<< "$out"; then
    echo "ok net_make_default"
else
    echo "FAIL net_make_default: $(grep -m1 qemu-system <<< "$out")"
fi

out=$(make -n test HOSTFWD=tcp::1234-:22 PCAP=build/x.pcap 2>&1)
if grep -q -- "--hostfwd tcp::1234-:22 --pcap build/x.pcap" <<< "$out"; then
    echo "ok net_make_test"
else
    echo "FAIL net_make_test: make test does not pass HOSTFWD and PCAP on: $(grep -m1 test.sh <<< "$out")"
fi
