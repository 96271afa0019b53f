/* reboot: write every dirty block to the disks, then restart the machine
 * (the keyboard controller pulses the CPU's reset line).  Under `make
 * qemu`, whose QEMU runs with -no-reboot, the reset ends QEMU instead. */
#include <stdio.h>
#include <unistd.h>
#include <sys/reboot.h>

int main(void)
{
    sync();
    reboot(RB_AUTOBOOT);
    perror("reboot");
    return 1;
}
