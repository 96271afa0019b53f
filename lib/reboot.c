/* reboot(cmd): the system call wants two "magic" numbers first, so that a
 * stray call with a random number cannot restart the machine. */
#include <sys/reboot.h>
#include <minnow/syscall_nr.h>
#include "syscall_raw.h"

int reboot(int cmd)
{
    return (int)__syscall_ret(__syscall4(__NR_reboot, (long)LINUX_REBOOT_MAGIC1,
                                         LINUX_REBOOT_MAGIC2, cmd, 0));
}
