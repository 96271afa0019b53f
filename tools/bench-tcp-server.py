#!/usr/bin/env python3
"""The host's side of the TCP rows of `make bench` (user/bench/bench_tcp.c).

tools/bench.sh starts it before the boots.  It listens on a free port of
127.0.0.1, which QEMU's user network shows the guest as 10.0.2.2, and
prints that port as its first line.  Each connection starts with one
request line from the guest:

    sink N      the guest sends N bytes; when all have come, one byte back
                ("k"), so the guest's clock stops when the host has them
    source N    the host sends N bytes, then closes
    echo        every byte is sent back as it comes, until the guest closes

Every connection has TCP_NODELAY, so the echo's one-byte answers are not
held back by Nagle's rule (the guest sets it too).  One thread a
connection: the benchmark has one at a time, but a boot that dies
mid-pass must not keep the next boot's connections waiting.
"""
import socket
import socketserver
import sys

CHUNK = 65536
PATTERN = bytes(range(256)) * (CHUNK // 256)


class Handler(socketserver.StreamRequestHandler):
    def setup(self):
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().setup()

    def handle(self):
        words = self.rfile.readline(64).split()
        if len(words) == 2 and words[0] == b"sink" and words[1].isdigit():
            self.sink(int(words[1]))
        elif len(words) == 2 and words[0] == b"source" and words[1].isdigit():
            self.source(int(words[1]))
        elif words == [b"echo"]:
            self.echo()
        else:
            print("bench-tcp-server: unknown request %r" % words, file=sys.stderr, flush=True)

    def sink(self, n):
        while n > 0:
            got = self.rfile.read1(min(n, CHUNK))
            if not got:
                print("bench-tcp-server: sink ended %d bytes short" % n, file=sys.stderr, flush=True)
                return
            n -= len(got)
        self.request.sendall(b"k")

    def source(self, n):
        while n > 0:
            piece = PATTERN[:min(n, CHUNK)]
            self.request.sendall(piece)
            n -= len(piece)

    def echo(self):
        while True:
            got = self.rfile.read1(CHUNK)
            if not got:
                return
            self.request.sendall(got)


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    with Server(("127.0.0.1", 0), Handler) as server:
        print(server.server_address[1], flush=True)
        server.serve_forever()


if __name__ == "__main__":
    main()
