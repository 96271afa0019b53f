/* halt: write every dirty block to the disks, then stop the CPU.  The
 * machine stays on (QEMU keeps its window and its last words, "System
 * halted"); poweroff switches it off, reboot restarts it.  The kernel
 * flushes the buffer cache itself (reboot(2)); the sync() first is what
 * Linux's halt does too, so that nothing waits on the last moment. */
#include <stdio.h>
#include <unistd.h>
#include <sys/reboot.h>

int main(void)
{
    sync();
    reboot(RB_HALT_SYSTEM);
    perror("halt");
    return 1;
}
