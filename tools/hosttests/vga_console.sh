#!/bin/bash
# The VGA console's VT100 subset and the keyboard's escape sequences,
# checked where a person would see them: the text in video memory and the
# bytes a program reads.  One boot with the serial console in expect and
# QEMU's monitor on the same line (Ctrl-A c switches): printf draws with
# escape sequences, the monitor's `xp` reads the screen's cells (character
# and colour) at 0xB8000; then `sendkey` presses arrows and the like on the
# PS/2 keyboard while `od -c` reads them, and types into the editor.
cd "$(dirname "$0")/../.."
if ! command -v expect >/dev/null; then
    echo "skip vga_console: expect is not installed"
    exit 0
fi
out=$(timeout 60 expect -f - 2>&1 <<'EXPECT'
set timeout 20
log_user 0
spawn qemu-system-i386 -kernel build/kernel.elf -initrd build/initrd.cpio -m 128M \
    -display none -serial mon:stdio -net none -no-reboot
expect "$ " { } timeout { puts "no prompt"; exit 1 }

# The cells of a row from a column on, as "char/attribute" words (n <= 8).
proc cells {row col n} {
    set addr [format %x [expr {0xb8000 + ($row * 80 + $col) * 2}]]
    send "xp /${n}hx 0x$addr\r"
    expect -re "$addr: ((0x\[0-9a-f\]{4} ?)+)\r*\n" { } timeout { puts "xp failed"; exit 1 }
    set words {}
    foreach w [split [string trim $expect_out(1,string)] " "] {
        set c [expr {$w & 0xff}]
        lappend words "[expr {$c == 32 ? "_" : [format %c $c]}]/[format %02x [expr {($w >> 8) & 0xff}]]"
    }
    return [join $words " "]
}
# A register of the VGA's CRT controller (index port 0x3D4, data 0x3D5).
proc crtc {index} {
    send "o /b 0x3d4 $index\r"
    expect "(qemu)"
    send "i /b 0x3d5\r"
    expect -re {portb\[0x03d5\] = (0x[0-9a-f]+)} { } timeout { puts "i failed"; exit 1 }
    return [expr {$expect_out(1,string)}]
}
proc want {name got expected} {
    if {$got eq $expected} { puts "ok vga_$name" } else { puts "FAIL vga_$name: cells are $got, want $expected" }
}

# Each step draws on a row of its own.  The drawing goes to a file in
# pieces (a terminal's line holds 255 characters), then cat shows it
# whole; `sleep` keeps the shell's prompt away while the monitor looks.
set E {\033[}
set pieces [list \
    "${E}2J${E}Habcdef${E}1;3H${E}1J${E}3;5Habc${E}2DX${E}B${E}CY${E}2AU${E}10GG" \
    "${E}5;1H0123456789${E}5;4H${E}K${E}6;1H0123456789${E}6;4H${E}1K" \
    "${E}7;1H0123456789${E}7;4H${E}2K" \
    "${E}8;1H${E}1;31mR${E}0mN${E}7mV${E}27m${E}32;44mC${E}39;49mD${E}m" \
    "${E}9;1H${E}?1049h\\033(B${E}6n${E}?25l${E}?25hZ${E}99;99f${E}999A${E}5C\\tT" \
    "${E}11;1H0123456789${E}12;1Hxyz${E}11;5H${E}J${E}25;80HE${E}13;7H${E}?25l"]
foreach piece $pieces {
    send "printf '$piece' >> /tmp/screen\r"
    expect "$ "
}
send "cat /tmp/screen; sleep 4\r"
sleep 1.5
send "\001c"
expect "(qemu)"
want erase_to_start_of_screen [cells 0 0 6] "_/07 _/07 _/07 d/07 e/07 f/07"
want cursor_position_and_left [cells 2 4 3] "a/07 X/07 c/07"
want cursor_down_and_right [cells 3 6 2] "_/07 Y/07"
want cursor_up_and_column [cells 1 8 2] "U/07 G/07"
want erase_to_end_of_line [cells 4 0 5] "0/07 1/07 2/07 _/07 _/07"
want erase_to_start_of_line [cells 5 0 6] "_/07 _/07 _/07 _/07 4/07 5/07"
want erase_line [cells 6 0 4] "_/07 _/07 _/07 _/07"
want colours_bold_reverse [cells 7 0 6] "R/0c N/07 V/70 C/12 D/07 _/07"
want unknown_sequences_swallowed [cells 8 0 3] "Z/07 _/07 _/07"
want moves_stop_at_the_edges [cells 24 79 1] "E/07"
want tab_stops_at_last_column [cells 0 79 1] "T/07"
want erase_to_end_of_screen [cells 10 0 6] "0/07 1/07 2/07 3/07 _/07 _/07"
want erase_below [cells 11 0 3] "_/07 _/07 _/07"
# the hardware cursor follows a CSI H (row 13, column 7: cell 12 * 80 + 6)
want cursor_follows_sequences [expr {[crtc 0x0e] * 256 + [crtc 0x0f]}] 966
# CSI ?25l sets the cursor-disable bit (5) of the cursor start register
want cursor_hidden [expr {([crtc 0x0a] >> 5) & 1}] 1
send "\001c"
expect "$ " { } timeout { puts "FAIL vga_back_to_the_shell: no prompt"; exit 1 }

# The keyboard: od reads what the keys send (the tty passes the bytes on).
send "od -An -c -w64\r"
sleep 1
send "\001c"
expect "(qemu)"
foreach key {up down right left home end insert delete pgup pgdn kp_enter ctrl-d} {
    send "sendkey $key\r"
    expect "(qemu)"
}
send "\001c"
expect -re {033   \[   A 033   \[   B 033   \[   C 033   \[   D 033   \[   H 033   \[   F 033   \[   2   ~ 033   \[   3   ~ 033   \[   5   ~ 033   \[   6   ~  \\n} {
    puts "ok keyboard_sends_vt100_sequences"
} timeout { puts "FAIL keyboard_sends_vt100_sequences: od did not show them" }
expect "$ "

# The editor on the VGA screen, typed at on the keyboard: the text at the
# top, the status line in reverse video above the message line.
send "edit /tmp/vga.txt\r"
expect "a new file"
send "\001c"
expect "(qemu)"
foreach key {h i ret t h e r e up end} {
    send "sendkey $key\r"
    expect "(qemu)"
}
sleep 0.5
want edit_text_on_screen "[cells 0 0 3] [cells 1 0 6]" "h/07 i/07 _/07 t/07 h/07 e/07 r/07 e/07 _/07"
want edit_status_line_reversed [cells 23 0 5] "_/70 //70 t/70 m/70 p/70"
want edit_cursor_at_end_of_line_1 [expr {[crtc 0x0e] * 256 + [crtc 0x0f]}] 2
foreach key {ctrl-q ctrl-q} {
    send "sendkey $key\r"
    expect "(qemu)"
}
send "\001c"
expect "$ " { puts "ok vga_edit_quits" } timeout { puts "FAIL vga_edit_quits: no prompt" }
send "\001x"
EXPECT
)
echo "$out" | grep -E '^(ok|FAIL|skip) ' || echo "FAIL vga_console: $(tr '\r\n' '  ' <<< "$out" | tail -c 300)"
