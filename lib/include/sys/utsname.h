/* uname: the system's name and version. */
#ifndef _SYS_UTSNAME_H
#define _SYS_UTSNAME_H

#include <minnow/sysinfo.h>    /* struct utsname */

int uname(struct utsname *buf);

#endif
