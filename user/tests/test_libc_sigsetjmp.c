/* sigsetjmp and siglongjmp: the POSIX way out of a signal handler.
 *
 * While a handler for SIGSEGV runs, the kernel blocks SIGSEGV (and the
 * handler's sa_mask); it unblocks them when the handler returns.  A
 * handler that jumps out never returns, so only sigsetjmp(env, 1) and
 * siglongjmp put the mask back -- with savemask 0 the mask stays as the
 * handler left it, as setjmp/longjmp leave it on Linux.
 *
 * Each case runs in a child of its own: a case that went wrong ends in a
 * second SIGSEGV while SIGSEGV is blocked, which kills the process. */
#include <setjmp.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <minnow/test.h>

static sigjmp_buf env;
static volatile int faults;              /* SIGSEGVs the handler saw */

/* Page 0 is never mapped.  The pointer is volatile: a store through a
 * constant NULL is undefined behaviour, which the compiler may drop. */
static int *volatile nowhere;

static void fault(void)
{
    *nowhere = 1;
}

static void jump_out(int sig)
{
    (void)sig;
    faults++;
    siglongjmp(env, faults);
}

/* SIGSEGV's handler is jump_out, with SIGUSR1 in its sa_mask: the mask
 * while it runs is then SIGSEGV + SIGUSR1. */
static void catch_faults(void)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = jump_out;
    sigemptyset(&sa.sa_mask);
    sigaddset(&sa.sa_mask, SIGUSR1);
    sigaction(SIGSEGV, &sa, NULL);
    faults = 0;
}

static int blocked(int sig)
{
    sigset_t now;

    sigprocmask(SIG_BLOCK, NULL, &now);
    return sigismember(&now, sig);
}

static void return_values(void)
{
    volatile int second = 0;
    int r = sigsetjmp(env, 1);

    if (!second) {
        check(r == 0, "sigsetjmp_first_returns_0", "r=%d", r);
        second = 1;
        siglongjmp(env, 0);                          /* 0 becomes 1 */
    }
    check(r == 1, "siglongjmp_zero_becomes_1", "r=%d", r);
}

/* savemask 1: after the jump the mask is what it was at sigsetjmp, so
 * a second fault is caught like the first. */
static void recover_with_mask(void)
{
    catch_faults();
    int r = sigsetjmp(env, 1);
    if (r == 0)
        fault();
    check(r == 1 && faults == 1, "sigsetjmp_recovers_from_sigsegv", "r=%d faults=%d", r,
          faults);
    check(!blocked(SIGSEGV) && !blocked(SIGUSR1), "siglongjmp_restores_mask",
          "SIGSEGV blocked %d, SIGUSR1 blocked %d", blocked(SIGSEGV), blocked(SIGUSR1));

    r = sigsetjmp(env, 1);
    if (r == 0)
        fault();                                     /* the second fault */
    check(r == 2 && faults == 2, "sigsetjmp_second_fault_caught", "r=%d faults=%d", r,
          faults);
}

/* savemask 0: the jump leaves the mask as the handler had it. */
static void recover_without_mask(void)
{
    catch_faults();
    int r = sigsetjmp(env, 0);
    if (r == 0)
        fault();
    check(r == 1 && faults == 1, "sigsetjmp_nosave_recovers", "r=%d faults=%d", r, faults);
    check(blocked(SIGSEGV) && blocked(SIGUSR1), "sigsetjmp_nosave_keeps_handler_mask",
          "SIGSEGV blocked %d, SIGUSR1 blocked %d", blocked(SIGSEGV), blocked(SIGUSR1));
}

/* A mask changed after sigsetjmp, outside any handler, is undone too. */
static void mask_changed_later(void)
{
    sigset_t usr2;

    sigemptyset(&usr2);
    sigaddset(&usr2, SIGUSR2);
    if (sigsetjmp(env, 1) == 0) {
        sigprocmask(SIG_BLOCK, &usr2, NULL);
        siglongjmp(env, 1);
    }
    check(!blocked(SIGUSR2), "siglongjmp_undoes_later_block", "SIGUSR2 still blocked");
}

static void run_case(void (*fn)(void), const char *name)
{
    int status = child_status(fn);

    check(WIFEXITED(status) && WEXITSTATUS(status) == 0, name, "the child's status %#x",
          status);
}

int main(void)
{
    run_case(return_values, "sigsetjmp_values_ended");
    run_case(recover_with_mask, "sigsetjmp_mask_case_ended");
    run_case(recover_without_mask, "sigsetjmp_nosave_case_ended");
    run_case(mask_changed_later, "sigsetjmp_later_block_case_ended");
    return test_exit_code();
}
