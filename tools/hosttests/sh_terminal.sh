#!/bin/bash
# The shell at a terminal, driven as a person would drive it: Minnow's
# serial console in a pseudo-terminal of expect's, the keys as a terminal
# sends them (Up is ESC [ A, Ctrl-W the byte 0x17, ...).  One boot checks
# the line editor (user/sh/lineedit.c) -- history, cursor keys, Ctrl-W,
# Tab completion, Ctrl-R, history kept across shells -- and the tty's own
# rules (kernel/drv/tty.c): Ctrl-W in canonical mode, and Ctrl-C throwing
# away what was typed ahead.  expect waits for each answer, so a slow
# machine only makes it slower.
cd "$(dirname "$0")/../.."
if ! command -v expect >/dev/null; then
    echo "skip sh_terminal: expect is not installed"
    exit 0
fi
out=$(timeout 100 expect -f - 2>&1 <<'EXPECT'
set timeout 15
log_user 0
spawn qemu-system-i386 -kernel build/kernel.elf -initrd build/initrd.cpio -m 128M \
    -display none -chardev stdio,id=console,signal=off -serial chardev:console -net none -no-reboot
set prompt {minnow:[^\r\n]*\$ $}
expect -re $prompt { } timeout { puts "FAIL sh_terminal_boot: no prompt"; exit 1 }

# Sends keys, waits for what must come back, then for the next prompt.
proc check {name keys pattern} {
    global prompt expect_out
    send -- $keys
    expect -re $pattern {
        puts "ok sh_terminal_$name"
    } timeout {
        puts "FAIL sh_terminal_$name: no [string map {"\r" {\r} "\n" {\n}} $pattern]"
    }
    expect -re $prompt { } timeout { puts "FAIL sh_terminal_$name: no prompt after it"; exit 1 }
}

# Up recalls the last line; more can be typed after it.
send "echo one1\r"
expect -re $prompt
check up_recalls_last_line "\033\[AX\r" {\none1X\r}
# Left, then X goes between a and b.
check left_inserts_in_the_middle "echo ab\033\[DX\r" {\naXb\r}
# ...and End goes back to the end: "aXb\n" is 4 bytes.
check end_then_pipe "echo ab\033\[DX\033\[F | wc -c\r" {\n *4\r}
check home_and_delete "Xecho hd\033\[H\033\[3~\r" {\nhd\r}
check ctrl_w_erases_word "echo keep drop\027gone\r" {\nkeep gone\r}
# The tty's Ctrl-W, in canonical mode, for a program reading lines.
send "head -n 1\r"
sleep 0.5
check tty_ctrl_w_erases_word "abc def\027ghi\r" {\nabc ghi\r}
check tab_completes_path "cat /etc/mo\t\r" {\nWelcome to Minnow\.}
check tab_completes_command "unam\t-s\r" {\nMinnow\r}
# "pipe_": the lecture's pipe programs (and busybox's pipe_progress, where
# it is); a second Tab lists them, and the line is still there after.
send "pipe_\t\t"
expect -re {pipe_child_parent +pipe_parent_child.*pipe_single.*pipe_\x1b\[K} {
    puts "ok sh_terminal_tab_lists_candidates"
} timeout { puts "FAIL sh_terminal_tab_lists_candidates: no list, or no line after it" }
check tab_line_kept_after_list "single\r" {read end is fd}
check ctrl_z_ctrl_backslash_harmless "\032\034echo still-here\r" {\nstill-here\r}

# Ctrl-C throws away what was typed while a program ran.
send "sleep 5\r"
sleep 0.7
send "echo typedahead\r"
sleep 0.3
send "\003"
sleep 0.3
send "echo after-ctrlc\r"
expect -re {\nafter-ctrlc\r} {
    if {[regexp {\ntypedahead\r} $expect_out(buffer)]} {
        puts "FAIL sh_terminal_ctrl_c_flushes_typed_ahead: the typed-ahead line ran"
    } else {
        puts "ok sh_terminal_ctrl_c_flushes_typed_ahead"
    }
} timeout { puts "FAIL sh_terminal_ctrl_c_flushes_typed_ahead: no after-ctrlc" }
expect -re $prompt
check ctrl_c_at_prompt_discards_line "echo never\003echo fresh\r" {\^C\r*\n.*\nfresh\r}

# Ctrl-R: "one1" is in "echo one1X" (newest) and "echo one1"; Ctrl-R again
# finds the older one.
check ctrl_r_finds_older_line "\022one1\022\r" {\none1\r}

# The shell's manners (docs/shell.md).  Twenty finished background jobs
# block nothing: the job table grows, and ended jobs leave it.
send "for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do true & done\r"
expect -re $prompt
sleep 0.5
check jobs_never_block "echo twenty-done\r" {\ntwenty-done\r}
check jobs_all_reported "jobs; echo no-jobs-left\r" {\r\nno-jobs-left\r}
# An interactive shell ignores SIGTERM: kill 0 and kill $$ leave it alive.
check kill_0_spares_the_shell "kill 0; kill \$\$; echo survived\r" {\nsurvived\r}
check kill_dash_0 "kill -0 \$\$ && echo alive\r" {\nalive\r}
# exit with a stopped job warns once; bg on a running job says so.
send "sleep 30\r"
sleep 0.7
send "\032"
expect -re {Stopped +sleep 30} { } timeout { puts "FAIL sh_terminal_ctrl_z: no Stopped" }
expect -re $prompt
check exit_warns_of_stopped_jobs "exit\r" {There are stopped jobs}
check bg_continues "bg\r" {\[1\]\+ sleep 30 &}
check bg_on_running_job_says_so "bg\r" {job 1 already in background}
check kill_job "kill %1; wait\r" {Terminated +sleep 30}
# Output without a newline: the marker and a fresh line before the prompt.
check newline_before_prompt "printf X\r" {X\x1b\[7m%\x1b\[m {79}\r\x1b\[K}
# A script with #! and arguments, run by its name; and sh FILE ARGS.
send "printf '#!/bin/sh\\necho \"\$0: \$2 \$1\"\\n' > /tmp/s.sh; chmod +x /tmp/s.sh\r"
expect -re $prompt
check shebang_script_with_args "/tmp/s.sh one two\r" {\n/tmp/s\.sh: two one\r}
check sh_file_args "sh /tmp/s.sh a b\r" {\n/tmp/s\.sh: b a\r}

# A history file that cannot be written is said once, then the shell is
# quiet about it (a shell whose home is /proc).
send "HOME=/proc sh\r"
expect -re $prompt
check history_write_error_said "echo a\r" {sh: history: /proc/\.sh_history: [^\r\n]+\r*\n(.*\n)?a\r}
send "echo b\r"
expect -re {\nb\r} {
    if {[regexp {history:} $expect_out(buffer)]} {
        puts "FAIL sh_terminal_history_write_error_said_once: said again"
    } else {
        puts "ok sh_terminal_history_write_error_said_once"
    }
} timeout { puts "FAIL sh_terminal_history_write_error_said_once: no b" }
expect -re $prompt
send "exit\r"
expect -re $prompt

# The history outlives the shell: after exit, init starts a new one, whose
# Up shows "exit", and Up again the line before.
send "echo survivor\r"
expect -re $prompt
send "exit\r"
expect "Welcome to Minnow" { } timeout { puts "FAIL sh_terminal_history_survives_exit: no new shell"; exit 1 }
expect -re $prompt
check history_survives_exit "\033\[A\033\[A\r" {\nsurvivor\r}
send "\001x"
EXPECT
)
printf '%s\n' "$out" | tr -d '\r' | grep -E '^(ok|FAIL|skip) '
if ! grep -q "history_survives_exit" <<< "$out"; then
    echo "FAIL sh_terminal: the session ended early: $(tr '\r\n' '  ' <<< "$out" | tail -c 300)"
fi
