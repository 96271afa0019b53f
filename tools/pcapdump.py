#!/usr/bin/env python3
# pcapdump.py FILE: the frames of a pcap (make qemu PCAP=FILE) as tcpdump -n
# would print them -- ARP, and IPv4 with TCP -- for hosts without tcpdump.
# docs/net.md shows a TCP handshake read with it.
import struct, sys
d = open(sys.argv[1], 'rb').read()
off = 24
t0 = None
def ip(b): return '.'.join(str(x) for x in b)
while off + 16 <= len(d):
    ts, us, incl, orig = struct.unpack('<IIII', d[off:off+16]); off += 16
    f = d[off:off+incl]; off += incl
    t = ts + us / 1e6
    t0 = t if t0 is None else t0
    typ = struct.unpack('!H', f[12:14])[0]
    if typ == 0x0806:
        op = struct.unpack('!H', f[20:22])[0]
        print('%8.6f ARP, %s %s' % (t - t0, 'Request who-has' if op == 1 else 'Reply', ip(f[38:42]) if op == 1 else ip(f[28:32]) + ' is-at ' + ':'.join('%02x' % x for x in f[22:28])))
        continue
    ihl = (f[14] & 15) * 4
    tot = struct.unpack('!H', f[16:18])[0]
    s, dd = ip(f[26:30]), ip(f[30:34])
    if typ != 0x0800 or f[23] != 6:
        print('%8.6f %s > %s: ethertype %04x, IP protocol %d, length %d' % (t - t0, s, dd, typ, f[23], incl))
        continue
    th = f[14+ihl:]
    sp, dp, seq, ack, doff, fl, win = struct.unpack('!HHIIBBH', th[:16])
    hl = (doff >> 4) * 4
    n = tot - ihl - hl
    flags = ''.join(c for c, b in zip('FSRP.', [1, 2, 4, 8, 16]) if fl & b)
    opts, o = [], th[20:hl]
    i = 0
    while i < len(o):
        if o[i] == 0: break
        if o[i] == 1: i += 1; continue
        if o[i] == 2: opts.append('mss %d' % struct.unpack('!H', o[i+2:i+4])[0])
        i += max(o[i+1], 2)
    print('%8.6f IP %s.%d > %s.%d: Flags [%s], seq %u, ack %u, win %d%s, length %d' % (
        t - t0, s, sp, dd, dp, flags, seq, ack, win, ', options [' + ','.join(opts) + ']' if opts else '', n))
