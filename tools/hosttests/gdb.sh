#!/bin/bash
# gdb against a running Minnow, the way docs/gdb.md uses it: QEMU waits on
# its gdb stub, gdb (in batch mode, with the project's .gdbinit commands)
# breaks in schedule() and syscall(), reads `current` and `regs->eax`,
# follows fork, and loads init's symbols with `user init`.  Minnow runs
# test=preempt meanwhile: two processes that share the CPU.
# Prints one line per check.  It takes about 2 seconds; timeouts stop a
# hung QEMU or gdb (QEMU is always killed at the end).
cd "$(dirname "$0")/../.."
if ! command -v gdb >/dev/null; then
    echo "skip gdb: gdb is not installed"
    exit 0
fi
for f in build/kernel.elf build/initrd.cpio build/bin/init; do
    if [ ! -e $f ]; then
        echo "FAIL gdb: $f is missing (run make first)"
        exit 0
    fi
done

tmp=$(mktemp -d)
qemu=
cleanup() {
    [ -n "$qemu" ] && kill "$qemu" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT

listening() {   # is a TCP port in LISTEN state (0A) on this machine?
    grep -qiE "^ *[0-9]+: [0-9A-F]+:$(printf %04X "$1") [0-9A-F:]+ 0A " /proc/net/tcp /proc/net/tcp6 2>/dev/null
}

# QEMU, paused, with its stub on a free port (another one if it is taken).
port=
for try in 1 2 3 4 5; do
    p=$((30000 + RANDOM % 30000))
    listening $p && continue
    timeout 40 qemu-system-i386 -kernel build/kernel.elf -initrd build/initrd.cpio \
        -m 128M -display none -serial file:"$tmp/serial.log" -net none -no-reboot \
        -device isa-debug-exit,iobase=0xf4,iosize=0x04 -append test=preempt \
        -S -gdb tcp:127.0.0.1:$p > "$tmp/qemu.log" 2>&1 < /dev/null &
    qemu=$!
    for i in $(seq 30); do
        listening $p && break
        kill -0 $qemu 2>/dev/null || break
        sleep 0.1
    done
    if listening $p; then port=$p; break; fi
    kill $qemu 2>/dev/null; wait $qemu 2>/dev/null; qemu=
done
if [ -z "$port" ]; then
    echo "FAIL gdb: QEMU did not start its gdb stub: $(head -c 300 "$tmp/qemu.log")"
    exit 0
fi

# The session.  Breakpoints are deleted between steps so that each
# `continue` stops where the next check expects.
sed "s/@GDBPORT@/$port/" tools/gdbinit.in > "$tmp/gdbinit"
cat > "$tmp/session.gdb" <<'EOF'
break schedule
continue
bt 2
info symbol schedule
info line schedule
list schedule
info line pipe_write_buf
info line pipe_read_buf
info line switch_context
info line do_default
info line tty_read
delete
user init
break main if $_streq(current->name, "init")
continue
delete
break __syscall6
continue
delete
while *(unsigned char *)$pc != 0xcd
  stepi
end
stepi
break syscall
continue
printf "CHECK syscall eax=%d name=%s\n", regs->eax, sys_call_table[regs->eax].name
delete
break sys_fork
continue
finish
delete
break ret_from_fork
continue
printf "CHECK child pid=%d eax=%d\n", current->pid, current->regs->eax
delete
break schedule
set $i = 0
while $i < 12
  continue
  printf "CHECK schedule pid=%d name=%s\n", current->pid, current->name
  set $i = $i + 1
end
kill
EOF
timeout 20 gdb -q -batch -nx -x "$tmp/gdbinit" -x "$tmp/session.gdb" > "$tmp/gdb.log" 2>&1 < /dev/null
status=$?
log=$tmp/gdb.log

check() {       # check NAME EXTENDED-REGEX WHY
    if grep -qE -- "$2" "$log"; then
        echo "ok $1"
    else
        echo "FAIL $1: $3"
    fi
}
# (clang inlines pick_next_task into schedule: gdb may show it on top.)
check gdb_break_schedule '^Breakpoint 1, (schedule|pick_next_task) \(\) at kernel/proc/sched.c:[0-9]+' \
    "break schedule + continue did not stop in schedule()"
check gdb_backtrace '^#[01] +(0x[0-9a-f]+ in )?schedule \(\) at kernel/proc/sched.c:[0-9]+' \
    "bt does not show schedule () at kernel/proc/sched.c:LINE"
check gdb_info_symbol '^schedule in section \.text' "info symbol schedule does not name it"
check gdb_info_line '^Line [0-9]+ of "kernel/proc/sched.c"' "info line schedule gives no file:line"
check gdb_list '^[0-9]+[[:space:]]+void schedule\(void\)' "list schedule does not show its source"
# the functions docs/gdb.md's walks stop in: a rename must update the page
for f in kernel/fs/pipe.c:pipe_write_buf kernel/fs/pipe.c:pipe_read_buf \
         kernel/arch/entry.asm:switch_context kernel/proc/signal.c:do_default kernel/drv/tty.c:tty_read; do
    check "gdb_doc_${f#*:}" "^Line [0-9]+ of \"${f%:*}\"" \
        "info line ${f#*:} found no line in ${f%:*}: docs/gdb.md stops there"
done
check gdb_user_main '^Breakpoint [0-9]+, main \(argc=[0-9]+, argv=0x[0-9a-f]+\) at user/init.c:[0-9]+' \
    "user init + break main did not stop in init's main()"
check gdb_step_into_kernel '^trap_128 \(\) at kernel/arch/entry.asm:[0-9]+' \
    "stepi on int \$0x80 did not land in trap_128 (entry.asm)"
check gdb_break_syscall '^Breakpoint [0-9.]+, syscall \(regs=.*\) at kernel/syscall.c:[0-9]+' \
    "break syscall + continue did not stop in syscall()"
check gdb_regs_eax '^CHECK syscall eax=[0-9]+ name=[a-z_0-9]+$' \
    "print regs->eax / sys_call_table[regs->eax].name failed"
check gdb_fork_parent '^Value returned is \$[0-9]+ = [1-9][0-9]*$' \
    "finish out of sys_fork did not return the child's pid"
check gdb_fork_child '^CHECK child pid=[1-9][0-9]* eax=0$' \
    "the child did not reach ret_from_fork with eax = 0"
pids=$(sed -n 's/^CHECK schedule pid=\([1-9][0-9]*\) .*/\1/p' "$log" | sort -u | wc -l)
if [ "$pids" -ge 2 ]; then
    echo "ok gdb_current_changes"
else
    echo "FAIL gdb_current_changes: current->pid at schedule() was not seen to change between two processes"
fi
if [ $status -ne 0 ]; then
    [ $status -eq 124 ] && why="gdb timed out" || why="gdb exited with status $status"
    echo "FAIL gdb_session: $why; its last lines were:"
    grep -v 'in address map\|in read in CU' "$log" | tail -n 8 | sed 's/^/    | /'
fi
exit 0
