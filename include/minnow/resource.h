/* Resources: their limits (getrlimit, setrlimit, prlimit64) and what a
 * process has used (getrusage, wait4).  Linux i386's numbers and layouts. */
#ifndef _MINNOW_RESOURCE_H
#define _MINNOW_RESOURCE_H

#include <stdint.h>
#include <minnow/time.h>

#define RLIMIT_CPU        0      /* CPU time, in seconds */
#define RLIMIT_FSIZE      1      /* the largest file it may write */
#define RLIMIT_DATA       2      /* the data segment and heap */
#define RLIMIT_STACK      3      /* the stack */
#define RLIMIT_CORE       4      /* the largest core dump */
#define RLIMIT_RSS        5
#define RLIMIT_NPROC      6      /* processes of the user */
#define RLIMIT_NOFILE     7      /* one more than the highest fd it may open */
#define RLIMIT_MEMLOCK    8
#define RLIMIT_AS         9      /* the address space */
#define RLIMIT_LOCKS      10
#define RLIMIT_SIGPENDING 11
#define RLIMIT_MSGQUEUE   12
#define RLIMIT_NICE       13
#define RLIMIT_RTPRIO     14
#define RLIMIT_RTTIME     15
#define RLIM_NLIMITS      16

#define RLIM_INFINITY   (~0UL)   /* no limit */
#define RLIM64_INFINITY (~0ULL)  /* the same, for prlimit64 */

typedef unsigned long rlim_t;

struct rlimit {
    rlim_t rlim_cur;             /* the limit in force (soft) */
    rlim_t rlim_max;             /* how high rlim_cur may be raised (hard) */
};

struct rlimit64 {                /* prlimit64's */
    uint64_t rlim_cur;
    uint64_t rlim_max;
};

#define RUSAGE_SELF     0
#define RUSAGE_CHILDREN (-1)     /* the children it has waited for */
#define RUSAGE_THREAD   1

struct rusage {
    struct timeval ru_utime;     /* CPU time in user mode */
    struct timeval ru_stime;     /* ... in the kernel */
    long ru_maxrss, ru_ixrss, ru_idrss, ru_isrss;
    long ru_minflt;              /* page faults served without I/O */
    long ru_majflt, ru_nswap, ru_inblock, ru_oublock;
    long ru_msgsnd, ru_msgrcv, ru_nsignals, ru_nvcsw, ru_nivcsw;
};

#endif
