/* reboot(cmd): restart, halt or power off the machine (lib/reboot.c adds
 * the two "magic" numbers the system call wants). */
#ifndef _SYS_REBOOT_H
#define _SYS_REBOOT_H

#include <minnow/sysinfo.h>

#define RB_AUTOBOOT    LINUX_REBOOT_CMD_RESTART
#define RB_HALT_SYSTEM LINUX_REBOOT_CMD_HALT
#define RB_POWER_OFF   LINUX_REBOOT_CMD_POWER_OFF

int reboot(int cmd);

#endif
