/* The system calls that set up signals: what to do with each (signal,
 * sigaction), which to block (sigprocmask), and waiting for one (pause,
 * sigsuspend, alarm).  Delivery itself is in signal.c. */
#include <minnow/errno.h>
#include "proc/signal.h"
#include "proc/sched.h"
#include "arch/timer.h"
#include "mm/uaccess.h"

/* sigaction(67) and signal(48) use Linux's old 32-bit masks. */
struct old_sigaction {
    sighandler_t sa_handler;
    unsigned long sa_mask;
    unsigned long sa_flags;
    void (*sa_restorer)(void);
};

/* The common part: install *act for sig (if act), return the old one. */
static int do_sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
    if (sig < 1 || sig >= NSIG)
        return -EINVAL;
    if (act && (sig == SIGKILL || sig == SIGSTOP))
        return -EINVAL;                     /* cannot be caught or ignored */
    if (old)
        *old = current->sigaction[sig];
    if (act) {
        current->sigaction[sig] = *act;
        current->sigaction[sig].sa_mask &= ~UNBLOCKABLE;
        /* POSIX: setting SIG_IGN discards a pending one */
        if (act->sa_handler == SIG_IGN)
            current->pending &= ~sigmask(sig);
    }
    return 0;
}

long sys_rt_sigaction(int sig, const struct sigaction *uact, struct sigaction *uold,
                      size_t setsize)
{
    struct sigaction act, old;

    if (setsize != sizeof(sigset_t))
        return -EINVAL;
    if (uact && copy_from_user(&act, uact, sizeof(act)) < 0)
        return -EFAULT;
    if (uold && verify_area(uold, sizeof(old), 1) < 0)
        return -EFAULT;
    int err = do_sigaction(sig, uact ? &act : NULL, &old);
    if (err == 0 && uold)
        copy_to_user(uold, &old, sizeof(old));
    return err;
}

long sys_sigaction(int sig, const struct old_sigaction *uact, struct old_sigaction *uold)
{
    struct old_sigaction oact;
    struct sigaction act, old;

    if (uact) {
        if (copy_from_user(&oact, uact, sizeof(oact)) < 0)
            return -EFAULT;
        act = (struct sigaction){ .sa_handler = oact.sa_handler, .sa_flags = oact.sa_flags,
                                  .sa_restorer = oact.sa_restorer, .sa_mask = oact.sa_mask };
    }
    if (uold && verify_area(uold, sizeof(oact), 1) < 0)
        return -EFAULT;
    int err = do_sigaction(sig, uact ? &act : NULL, &old);
    if (err == 0 && uold) {
        oact = (struct old_sigaction){ old.sa_handler, (unsigned long)old.sa_mask,
                                       old.sa_flags, old.sa_restorer };
        copy_to_user(uold, &oact, sizeof(oact));
    }
    return err;
}

/* signal(): the oldest interface.  As in Linux, the handler is reset to
 * SIG_DFL when it runs and the signal is not blocked meanwhile (the C
 * library's signal() uses sigaction instead and keeps the handler). */
long sys_signal(int sig, sighandler_t handler)
{
    struct sigaction act = { .sa_handler = handler, .sa_flags = SA_RESETHAND | SA_NODEFER }, old;
    int err = do_sigaction(sig, &act, &old);

    return err < 0 ? err : (long)old.sa_handler;
}

static int change_mask(int how, sigset_t set)
{
    switch (how) {
    case SIG_BLOCK:   current->blocked |= set; break;
    case SIG_UNBLOCK: current->blocked &= ~set; break;
    case SIG_SETMASK: current->blocked = set; break;
    default:          return -EINVAL;
    }
    current->blocked &= ~UNBLOCKABLE;
    return 0;
}

long sys_rt_sigprocmask(int how, const sigset_t *uset, sigset_t *uold, size_t setsize)
{
    sigset_t set, old = current->blocked;

    if (setsize != sizeof(sigset_t))
        return -EINVAL;
    if (uset && copy_from_user(&set, uset, sizeof(set)) < 0)
        return -EFAULT;
    if (uold && verify_area(uold, sizeof(old), 1) < 0)
        return -EFAULT;
    if (uset) {
        int err = change_mask(how, set);
        if (err < 0)
            return err;
    }
    if (uold)
        copy_to_user(uold, &old, sizeof(old));
    return 0;                /* an unblocked pending signal comes on the way out */
}

long sys_sigprocmask(int how, const unsigned long *uset, unsigned long *uold)
{
    unsigned long set, old = (unsigned long)current->blocked;

    if (uset && copy_from_user(&set, uset, sizeof(set)) < 0)
        return -EFAULT;
    if (uold && verify_area(uold, sizeof(old), 1) < 0)
        return -EFAULT;
    if (uset) {
        /* the old call sees only signals 1..32 */
        sigset_t high = current->blocked & ~0xffffffffull;
        sigset_t s = set;
        if (how == SIG_SETMASK)
            s |= high;
        int err = change_mask(how, s);
        if (err < 0)
            return err;
    }
    if (uold)
        copy_to_user(uold, &old, sizeof(old));
    return 0;
}

long sys_rt_sigpending(sigset_t *uset, size_t setsize)
{
    sigset_t set = current->pending & current->blocked;

    if (setsize != sizeof(sigset_t))
        return -EINVAL;
    return copy_to_user(uset, &set, sizeof(set));
}

/* A wait with a temporary mask (sigsuspend, ppoll, pselect6): the old mask
 * is kept in saved_mask, and comes back after the handler of the signal
 * that ends the wait (do_signal saves it in the handler's frame), or when
 * the call ends without one (restore_saved_mask). */
int set_temporary_mask(const sigset_t *umask, size_t setsize)
{
    sigset_t mask;

    if (setsize != sizeof(sigset_t))
        return -EINVAL;
    if (copy_from_user(&mask, umask, sizeof(mask)) < 0)
        return -EFAULT;
    current->saved_mask = current->blocked;
    current->restore_mask = 1;
    current->blocked = mask & ~UNBLOCKABLE;
    return 0;
}

void restore_saved_mask(void)
{
    current->blocked = current->saved_mask;
    current->restore_mask = 0;
}

/* Wait for a signal with a temporary mask.  Only a handler ends the wait:
 * after a stop and SIGCONT, or a signal that was ignored, ERESTARTNOHAND
 * starts it again. */
long sys_rt_sigsuspend(const sigset_t *umask, size_t setsize)
{
    int err = set_temporary_mask(umask, setsize);

    if (err < 0)
        return err;
    while (sleep_on(&current->saved_mask) == 0)
        ;                                   /* only a signal ends the wait */
    return request_restart(-ERESTARTNOHAND);
}

long sys_pause(void)
{
    while (sleep_on(&current->pending) == 0)
        ;
    return request_restart(-ERESTARTNOHAND);   /* EINTR once a handler has run */
}

/* The longest alarm: jiffies compare by their signed difference
 * (time_after_eq), so a due time must lie less than 2^31 ticks ahead. */
#define MAX_ALARM_SECONDS (0x7fffffffu / HZ - 1)   /* about 248 days */

/* alarm(seconds): SIGALRM later (do_timer sends it); returns the seconds
 * that were left of the previous alarm. */
long sys_alarm(unsigned int seconds)
{
    unsigned long left = 0;

    if (current->alarm && time_after_eq(current->alarm, jiffies))
        left = (current->alarm - jiffies + HZ - 1) / HZ;
    if (seconds > MAX_ALARM_SECONDS)
        seconds = MAX_ALARM_SECONDS;
    current->alarm = seconds ? jiffies + seconds * HZ : 0;
    return left;
}

long sys_sgetmask(void)
{
    return (long)current->blocked;
}

long sys_ssetmask(long mask)
{
    long old = (long)current->blocked;

    current->blocked = ((current->blocked & ~0xffffffffull) | (unsigned long)mask) & ~UNBLOCKABLE;
    return old;
}
