#!/bin/bash
# /bin/edit, Minnow's screen editor, driven as a person would drive it
# through the serial console: open a file, move, insert in the middle of
# a line, delete, join and split lines, add a line, search, save, quit;
# then cat the file and compare it byte for byte.  Also: a new file typed
# and saved, the warning before quitting with unsaved changes, tabs shown
# as spaces, and a long line scrolled sideways.  One boot; expect waits
# for each screen, so a slow machine only makes it slower.
cd "$(dirname "$0")/../.."
if ! command -v expect >/dev/null; then
    echo "skip editor: expect is not installed"
    exit 0
fi
out=$(timeout 60 expect -f - 2>&1 <<'EXPECT'
set timeout 15
log_user 0
spawn qemu-system-i386 -kernel build/kernel.elf -initrd build/initrd.cpio -m 128M \
    -display none -serial stdio -net none -no-reboot
expect "$ " { } timeout { puts "FAIL editor: no prompt"; exit 1 }

set up "\033\[A"
set down "\033\[B"
set right "\033\[C"
set home "\033\[H"
set delete "\033\[3~"
set ctrl_e "\005"
set ctrl_f "\006"
set ctrl_q "\021"
set ctrl_s "\023"
set backspace "\177"

proc ok {name} { puts "ok editor_$name" }
proc fail {name why} { puts "FAIL editor_$name: $why"; exit 1 }
# Each key alone, as typed: the editor tells a lone Esc from a sequence by
# the time between bytes, and a person is never faster than this.
proc keys {args} {
    foreach k $args { send -- $k; sleep 0.05 }
}

send "printf 'alpha\\nbravo charlie\\ndelta\\n\\tindented\\n' > /tmp/ed.txt\r"
expect "$ "
send "edit /tmp/ed.txt\r"
expect -re {\r*\n        indented\x1b\[K} { ok tab_shown_as_spaces } timeout { fail tab_shown_as_spaces "no spaces" }
expect -re {ed.txt - 4 lines +1/4} { ok opens_file } timeout { fail opens_file "no status line" }

# line 2, after "bravo ": insert in the middle of the line
keys $down $right $right $right $right $right $right b i g " "
expect -re {bravo big charlie.*\(modified\) +2/4} { ok inserts_mid_line } timeout { fail inserts_mid_line "no change" }
# line 1: Delete takes the character under the cursor
keys $up $home $delete
expect -re {\x1b\[Hlpha\x1b\[K} { ok deletes_char } timeout { fail deletes_char "alpha unchanged" }
# line 3: Backspace at its start joins it to line 2; Enter splits again
keys $down $down $home $backspace
expect -re {bravo big charliedelta\x1b\[K} { ok backspace_joins_lines } timeout { fail backspace_joins_lines "not joined" }
keys "\r"
expect -re {charlie\x1b\[K\r*\ndelta\x1b\[K.* 3/4} { ok enter_splits_line } timeout { fail enter_splits_line "not split" }
# a new line after the last one
keys $down $ctrl_e "\r" l a s t
expect -re {last\x1b\[K.*5 lines} { ok adds_line } timeout { fail adds_line "no new line" }
# search: "rav" is on line 2; Enter stays there, and typing goes there
keys $ctrl_f r a v
expect -re {Find: rav} { } timeout { fail search "no prompt" }
expect -re {\x1b\[2;2H} { ok search_finds_match } timeout { fail search_finds_match "cursor not at the match" }
keys "\r" "X"
expect -re {bXravo} { ok search_enter_stays } timeout { fail search_enter_stays "not at the match" }
# Esc goes back to where the search started (the Y right after it is a
# key of its own, not part of an escape sequence)
keys $ctrl_f l a s t "\033" "Y"
expect -re {bXYravo} { ok search_esc_goes_back } timeout { fail search_esc_goes_back "cursor moved" }
keys $ctrl_s
expect -re {Wrote /tmp/ed.txt: 5 lines, 46 bytes} { ok saves } timeout { fail saves "no message" }
keys $ctrl_q
expect "$ " { ok quits } timeout { fail quits "no prompt after Ctrl-Q" }
send "cat /tmp/ed.txt; echo END\r"
expect -re {\r*\nlpha\r*\nbXYravo big charlie\r*\ndelta\r*\n\tindented\r*\nlast\r*\nEND} {
    ok file_content
} timeout { fail file_content "cat shows something else" }
expect "$ "

# a new file
send "edit /tmp/new.txt\r"
expect -re {new.txt: a new file} { } timeout { fail new_file "no message" }
keys h e l l o "\r" w o r l d $ctrl_s
expect -re {Wrote /tmp/new.txt: 2 lines, 12 bytes} { } timeout { fail new_file "not saved" }
keys $ctrl_q
expect "$ "
send "cat /tmp/new.txt; echo END\r"
expect -re {\r*\nhello\r*\nworld\r*\nEND} { ok new_file } timeout { fail new_file "wrong content" }
expect "$ "

# unsaved changes: the first Ctrl-Q warns, the second quits without saving
send "edit /tmp/new.txt\r"
expect -re {new.txt - 2 lines} { } timeout { fail quit_warns "did not open" }
keys x $ctrl_q
expect -re {Unsaved changes} { ok quit_warns } timeout { fail quit_warns "no warning" }
keys $ctrl_q
expect "$ " { } timeout { fail quit_without_saving "still running" }
send "cat /tmp/new.txt; echo END\r"
expect -re {\r*\nhello\r*\nworld\r*\nEND} { ok quit_without_saving } timeout { fail quit_without_saving "file changed" }
expect "$ "

# a line longer than the screen scrolls sideways to show the cursor
send "printf '0123456789%.0s' 1 2 3 4 5 6 7 8 9 > /tmp/long.txt; echo END >> /tmp/long.txt\r"
expect "$ "
send "edit /tmp/long.txt\r"
expect -re {long.txt - 1 lines} { } timeout { fail long_line "did not open" }
keys $ctrl_e
expect -re {\x1b\[H4567890123456789012345678901234567890123456789012345678901234567890123456789END\x1b\[K} {
    ok long_line_scrolls
} timeout { fail long_line_scrolls "not scrolled" }
keys $ctrl_q
expect "$ "
EXPECT
)
echo "$out" | grep -E '^(ok|FAIL|skip) ' || echo "FAIL editor: $(tr '\r\n' '  ' <<< "$out" | tail -c 300)"

