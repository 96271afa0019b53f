/* sysinfo: uptime, memory and the number of processes. */
#ifndef _SYS_SYSINFO_H
#define _SYS_SYSINFO_H

#include <minnow/sysinfo.h>    /* struct sysinfo */

int sysinfo(struct sysinfo *info);

#endif
