/* Resources: what a process may use (getrlimit, setrlimit, prlimit64)
 * and what it has used (getrusage; wait4 tells it of a child).
 *
 * Each process has Linux's sixteen limits, inherited by fork and kept by
 * exec; any of them can be read and set, with Linux's rules (a soft limit
 * above its hard one is EINVAL; everyone is root, so a hard limit may be
 * raised).  Minnow enforces one: RLIMIT_NOFILE, the fds a process may
 * open (fd_install), which can be no more than the fd table (NR_OPEN:
 * EPERM above).  The others are remembered and reported, not enforced:
 * the stack grows to 8 MiB whatever RLIMIT_STACK says, and memory is
 * limited by what there is (docs/linux-abi.md). */
#include <string.h>
#include <minnow/errno.h>
#include "proc/resource.h"
#include "arch/timer.h"
#include "mm/memlayout.h"
#include "mm/uaccess.h"

#define INF RLIM_INFINITY

/* What init starts with: Linux's defaults, where Minnow has no number of
 * its own (the stack, the fd table, the task table). */
static const struct rlimit default_rlimits[RLIM_NLIMITS] = {
    [RLIMIT_CPU]        = { INF, INF },
    [RLIMIT_FSIZE]      = { INF, INF },
    [RLIMIT_DATA]       = { INF, INF },
    [RLIMIT_STACK]      = { USER_STACK_MAX, INF },
    [RLIMIT_CORE]       = { 0, INF },
    [RLIMIT_RSS]        = { INF, INF },
    [RLIMIT_NPROC]      = { NR_TASKS, NR_TASKS },
    [RLIMIT_NOFILE]     = { NR_OPEN, NR_OPEN },
    [RLIMIT_MEMLOCK]    = { 8u << 20, 8u << 20 },
    [RLIMIT_AS]         = { INF, INF },
    [RLIMIT_LOCKS]      = { INF, INF },
    [RLIMIT_SIGPENDING] = { NSIG - 1, NSIG - 1 },  /* each signal pends once */
    [RLIMIT_MSGQUEUE]   = { 819200, 819200 },
    [RLIMIT_NICE]       = { 0, 0 },
    [RLIMIT_RTPRIO]     = { 0, 0 },
    [RLIMIT_RTTIME]     = { INF, INF },
};

void rlimits_init(struct task_struct *t)
{
    memcpy(t->rlim, default_rlimits, sizeof(t->rlim));
}

/* Reads limit `resource` of t into *old and sets it from *new (either
 * may be NULL). */
static long do_prlimit(struct task_struct *t, unsigned int resource, const struct rlimit *new,
                       struct rlimit *old)
{
    if (resource >= RLIM_NLIMITS)
        return -EINVAL;
    if (new && new->rlim_cur > new->rlim_max)
        return -EINVAL;
    if (new && resource == RLIMIT_NOFILE && new->rlim_max > NR_OPEN)
        return -EPERM;                   /* more fds than the table has */
    if (old)
        *old = t->rlim[resource];
    if (new)
        t->rlim[resource] = *new;
    return 0;
}

/* ugetrlimit (191): what glibc's getrlimit calls. */
long sys_ugetrlimit(int resource, struct rlimit *urlim)
{
    struct rlimit r;
    long err = do_prlimit(current, resource, NULL, &r);

    return err < 0 ? err : copy_to_user(urlim, &r, sizeof(r));
}

/* getrlimit (76) is Linux's old one: it says "infinity" as 0x7fffffff,
 * for programs that took the limits for signed numbers. */
long sys_getrlimit(int resource, struct rlimit *urlim)
{
    struct rlimit r;
    long err = do_prlimit(current, resource, NULL, &r);

    if (err < 0)
        return err;
    if (r.rlim_cur > 0x7fffffff)
        r.rlim_cur = 0x7fffffff;
    if (r.rlim_max > 0x7fffffff)
        r.rlim_max = 0x7fffffff;
    return copy_to_user(urlim, &r, sizeof(r));
}

long sys_setrlimit(int resource, const struct rlimit *urlim)
{
    struct rlimit r;

    if (copy_from_user(&r, urlim, sizeof(r)) < 0)
        return -EFAULT;
    return do_prlimit(current, resource, &r, NULL);
}

/* prlimit64's 64-bit limits and the kernel's 32-bit ones: infinity is
 * all ones in both; a larger number than 32 bits hold is infinity too. */
static unsigned long from_rlim64(uint64_t v)
{
    return v >= RLIM_INFINITY ? RLIM_INFINITY : (unsigned long)v;
}

static uint64_t to_rlim64(unsigned long v)
{
    return v == RLIM_INFINITY ? RLIM64_INFINITY : v;
}

/* prlimit64(pid, resource, new, old): both at once, for any process
 * (pid 0: the caller). */
long sys_prlimit64(pid_t pid, int resource, const struct rlimit64 *unew,
                   struct rlimit64 *uold)
{
    struct task_struct *t = pid ? find_task(pid) : current;
    struct rlimit64 n64, o64;
    struct rlimit n, o;

    if (pid < 0 || !t || t->state == TASK_ZOMBIE)
        return -ESRCH;
    if (unew) {
        if (copy_from_user(&n64, unew, sizeof(n64)) < 0)
            return -EFAULT;
        n = (struct rlimit){ from_rlim64(n64.rlim_cur), from_rlim64(n64.rlim_max) };
    }
    if (uold && verify_area(uold, sizeof(o64), 1) < 0)
        return -EFAULT;
    long err = do_prlimit(t, resource, unew ? &n : NULL, &o);
    if (err < 0 || !uold)
        return err;
    o64 = (struct rlimit64){ to_rlim64(o.rlim_cur), to_rlim64(o.rlim_max) };
    return copy_to_user(uold, &o64, sizeof(o64));
}

/* ---------------------------------------------------------------- usage */

/* Minnow counts a process's CPU time in timer ticks, not split into user
 * and kernel time: all of it is reported as user time (as times() does). */
int put_rusage(struct rusage *uru, unsigned long ticks, unsigned long minflt)
{
    struct rusage ru;

    memset(&ru, 0, sizeof(ru));
    ru.ru_utime.tv_sec = ticks / HZ;
    ru.ru_utime.tv_usec = (ticks % HZ) * (1000000 / HZ);
    ru.ru_minflt = minflt;
    return copy_to_user(uru, &ru, sizeof(ru));
}

/* getrusage(who, ru): RUSAGE_SELF (or _THREAD: one thread a process) the
 * caller's CPU time and page faults; RUSAGE_CHILDREN the CPU time of the
 * children it has waited for. */
long sys_getrusage(int who, struct rusage *uru)
{
    if (who == RUSAGE_SELF || who == RUSAGE_THREAD)
        return put_rusage(uru, current->ticks, current->mm.min_flt);
    if (who == RUSAGE_CHILDREN)
        return put_rusage(uru, current->ticks_children, 0);
    return -EINVAL;
}
