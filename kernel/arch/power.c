/* Stopping the machine: halt, power off, restart. */
#include "arch/power.h"
#include "arch/x86.h"

/* The CPU stops for good: no interrupt wakes it.  The machine (and
 * QEMU) stays on, showing what was last printed. */
void machine_halt(void)
{
    for (;;) {
        cli();
        hlt();
    }
}

/* Ends QEMU through its isa-debug-exit device (port 0xf4, which the test
 * runner adds).  Without that device, e.g. under `make qemu`, the write does
 * nothing and the machine halts instead. */
void qemu_exit(int code)
{
    outl(0xf4, code);
    machine_halt();
}

/* Power off, the ACPI way: writing the sleep type of state S5 ("soft
 * off") with SLP_EN (bit 13) into the PM1a control register.  Where that
 * register is, the firmware's ACPI tables say; on QEMU's PC (the PIIX4's
 * power management, set up by SeaBIOS) it is port 0x604 and S5's type is
 * 0, and on Bochs and older QEMUs it was 0xB004.  Minnow reads no ACPI
 * tables and tries both.  Under `make test` the isa-debug-exit device
 * comes first, so that QEMU's exit status says "the suite ran". */
void machine_power_off(void)
{
    outl(0xf4, QEMU_EXIT_DONE);
    outw(0x604, 1 << 13);
    outw(0xB004, 1 << 13);
    machine_halt();                  /* no ACPI: at least stop */
}

/* The keyboard controller's "pulse the reset line" command (once its
 * input buffer is empty: status bit 1).  Under QEMU's -no-reboot, which
 * `make qemu` uses so that a triple fault stops, the reset ends QEMU. */
void machine_restart(void)
{
    for (int i = 0; i < 100000 && (inb(0x64) & 0x02); i++)
        ;
    outb(0x64, 0xFE);
    machine_halt();
}
