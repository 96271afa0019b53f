#!/bin/bash
# busybox vi, driven as a person would drive it, through Minnow's serial
# console: boot to the shell, open a file in vi, type, delete a line,
# add one, save and quit, then cat the file.  expect waits for each
# screen, so a slow machine only makes it slower.
# Without /bin/busybox in the image it says "skip".
cd "$(dirname "$0")/../.."
if [ ! -e build/rootfs/bin/busybox ]; then
    echo "skip busybox_vi: no busybox in the image (see build/busybox/unavailable)"
    exit 0
fi
if ! command -v expect >/dev/null; then
    echo "skip busybox_vi: expect is not installed"
    exit 0
fi
out=$(timeout 90 expect -f - 2>&1 <<'EXPECT'
set timeout 30
log_user 0
spawn qemu-system-i386 -kernel build/kernel.elf -initrd build/initrd.cpio -m 128M \
    -display none -serial stdio -net none -no-reboot
expect "$ " { } timeout { puts "no prompt"; exit 1 }
send "printf 'one\\ntwo\\nthree\\n' > /tmp/vi.txt; vi /tmp/vi.txt\r"
# vi switches to the terminal's other screen, draws the file and "~" for
# the lines past its end: then it reads keys
expect -ex "\[?1049h" { } timeout { puts "vi did not start"; exit 1 }
expect "~" { } timeout { puts "vi did not show the file"; exit 1 }
# dd: delete the first line; G: go to the last; o: open a line below
send "dd"
send "G"
send "oadded by vi"
send "\033"
# a person lets go of Esc before typing ':'; vi reads Esc followed at once
# by more bytes as one key (an escape sequence, like an arrow key's)
sleep 0.5
send ":wq\r"
expect "$ " { } timeout { puts "vi did not return to the shell"; exit 1 }
send "cat /tmp/vi.txt; echo END\r"
expect -re {two\r*\nthree\r*\nadded by vi\r*\nEND} { puts "FILE OK" } timeout { puts "cat did not show the edited file"; exit 1 }
send "\001x"
EXPECT
)
if grep -q "FILE OK" <<< "$out"; then
    echo "ok busybox_vi_edits_a_file"
else
    echo "FAIL busybox_vi_edits_a_file: $(tr '\r\n' '  ' <<< "$out" | tail -c 300)"
fi
