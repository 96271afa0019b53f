/* LAB(syscall) FILE */
/* trace(mask): the kernel's own small strace (docs/labs/syscall.md). */
#ifndef PROC_TRACE_H
#define PROC_TRACE_H

#include <stdint.h>

/* Called by the dispatcher when call nr has returned result: prints the
 * trace line if the caller's mask asks for nr. */
void trace_syscall(uint32_t nr, long result);

#endif
