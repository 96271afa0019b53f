#ifndef ARCH_POWER_H
#define ARCH_POWER_H

/* What a test run tells QEMU on the isa-debug-exit device.  QEMU exits
 * with (code << 1) | 1, so these become 33, 35 and 37: distinct from QEMU's
 * own 0 (triple fault under -no-reboot) and 1 (QEMU error). */
#define QEMU_EXIT_DONE   0x10    /* the suite ran to its end */
#define QEMU_EXIT_FAILED 0x11    /* the suite ran, some test failed */
#define QEMU_EXIT_PANIC  0x12    /* the kernel panicked */

void qemu_exit(int code) __attribute__((noreturn));
void machine_halt(void) __attribute__((noreturn));
void machine_restart(void) __attribute__((noreturn));
void machine_power_off(void) __attribute__((noreturn));

#endif
