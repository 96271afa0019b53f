/* Resource limits and usage: Linux's numbers and structures
 * (<minnow/resource.h>).  Minnow enforces RLIMIT_NOFILE; the other limits
 * are kept and reported (docs/linux-abi.md). */
#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H

#include <sys/types.h>
#include <minnow/resource.h>

int getrlimit(int resource, struct rlimit *rlim);
int setrlimit(int resource, const struct rlimit *rlim);
int prlimit64(pid_t pid, int resource, const struct rlimit64 *new_limit, struct rlimit64 *old_limit);
int getrusage(int who, struct rusage *usage);

#endif
