/* Stopping the machine. */
#include "arch/power.h"
#include "arch/x86.h"

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

/* The keyboard controller's "pulse the reset line" command. */
void machine_restart(void)
{
    outb(0x64, 0xFE);
    machine_halt();
}
