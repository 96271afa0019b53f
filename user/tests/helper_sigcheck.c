/* A helper of test_signal: reports, in its exit status, what exec kept.
 *   bit 0: SIGUSR1 is still ignored        bit 1: SIGUSR2 is back to SIG_DFL
 *   bit 2: SIGTERM is still blocked         bit 3: SIGTERM is still pending */
#include <signal.h>

int main(void)
{
    struct sigaction sa;
    sigset_t set;
    int r = 0;

    sigaction(SIGUSR1, NULL, &sa);
    r |= sa.sa_handler == SIG_IGN;
    sigaction(SIGUSR2, NULL, &sa);
    r |= (sa.sa_handler == SIG_DFL) << 1;
    sigprocmask(SIG_BLOCK, NULL, &set);
    r |= sigismember(&set, SIGTERM) << 2;
    sigpending(&set);
    r |= sigismember(&set, SIGTERM) << 3;
    return r;
}
