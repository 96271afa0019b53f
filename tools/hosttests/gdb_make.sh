#!/bin/bash
# The Makefile's side of debugging (docs/gdb.md):
#  - `make qemu-gdb` without a display falls back to the serial console,
#    as `make qemu` does, instead of failing to open a window;
#  - Ctrl-C in `make gdb` reaches gdb alone: quitting gdb afterwards ends
#    make quietly, without make's "*** [gdb] Interrupt".
# The second runs `make gdb` in a pseudo-terminal with a stand-in for gdb
# (a script that reports SIGINT and ends on "quit"): no QEMU, no real gdb.
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

out=$(env -u DISPLAY -u WAYLAND_DISPLAY make -n qemu-gdb 2>&1)
if grep -q -- '-display none .*-S -gdb tcp::' <<< "$out"; then
    echo "ok gdb_qemu_gdb_no_display"
else
    echo "FAIL gdb_qemu_gdb_no_display: without DISPLAY, make qemu-gdb would not run QEMU with -display none: $(tail -n 2 <<< "$out" | tr '\n' ' ')"
fi

if ! command -v python3 >/dev/null; then
    echo "skip gdb_make_ctrl_c: python3 (for a pseudo-terminal) is not installed"
    exit 0
fi
mkdir "$tmp/bin"
cat > "$tmp/bin/gdb" <<'EOF'
#!/bin/bash
trap 'echo "fake gdb: SIGINT"' INT
echo "(fake gdb)"
while read -r line; do
    [ "$line" = quit ] && exit 0
done
EOF
chmod +x "$tmp/bin/gdb"
PATH=$tmp/bin:$PATH timeout 20 python3 - > "$tmp/out" 2>&1 <<'EOF'
import os, pty, select, time
pid, fd = pty.fork()
if pid == 0:
    os.execvp("make", ["make", "--no-print-directory", "gdb"])
out = b""
def read_until(want, seconds):
    global out
    end = time.time() + seconds
    while want not in out and time.time() < end:
        if select.select([fd], [], [], 0.1)[0]:
            try:
                data = os.read(fd, 4096)
            except OSError:
                return
            if not data:
                return
            out += data
read_until(b"(fake gdb)", 10)
os.write(fd, b"\x03")
read_until(b"SIGINT", 3)
os.write(fd, b"quit\n")
read_until(b"never", 2)
os.waitpid(pid, 0)
print(out.decode(errors="replace"))
EOF
if ! grep -q "fake gdb: SIGINT" "$tmp/out"; then
    echo "FAIL gdb_make_ctrl_c: Ctrl-C did not reach gdb under make gdb: $(tr -d '\r' < "$tmp/out" | tail -n 3 | tr '\n' ' ')"
elif grep -q "Interrupt" "$tmp/out"; then
    echo "FAIL gdb_make_ctrl_c: after Ctrl-C and quit, make said: $(grep Interrupt "$tmp/out" | tr -d '\r')"
else
    echo "ok gdb_make_ctrl_c"
fi
