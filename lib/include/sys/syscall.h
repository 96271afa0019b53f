/* System call numbers, __NR_name, generated from kernel/syscall.list.
 * Use them with syscall() from <unistd.h>:  syscall(__NR_getpid). */
#ifndef _SYS_SYSCALL_H
#define _SYS_SYSCALL_H

#include <minnow/syscall_nr.h>

#endif
