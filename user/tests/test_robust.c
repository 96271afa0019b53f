/* Robustness: a long console write must not keep everyone else off the
 * CPU, and a system call's real result must never be taken for the
 * kernel's "restart me" codes (-512, -514). */
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <minnow/syscall_nr.h>
#include <minnow/test.h>
#include "syscall_raw.h"

/* ------------------------------------------------- a long console write */

#define BIG_WRITE (1024 * 1024)
#define NAPS 5                   /* 10 ms sleeps measured while it writes */

static long now_us(void)
{
    struct timeval tv;
    gettimeofday(&tv, NULL);
    return tv.tv_sec * 1000000L + tv.tv_usec;
}

/* The child: one write() of a megabyte to the console.  Its bytes are a
 * short label and then only spaces, so that the serial log gets one long
 * blank line, which can never look like an "ok"/"FAIL" line (the parent
 * ends it with a newline). */
static void write_megabyte(int console, int ready)
{
    static const char label[] = "(test_robust: a long console write) ";
    char *buf = malloc(BIG_WRITE);

    if (!buf)
        _exit(3);
    memset(buf, ' ', BIG_WRITE);
    memcpy(buf, label, sizeof(label) - 1);
    write(ready, "x", 1);                    /* "I am about to write" */
    write(console, buf, BIG_WRITE);
    _exit(0);
}

/* While one process is in a long write() to the console, another one's
 * 10 ms sleep must take about 10 ms, not until the write is over (13 s):
 * the writer gives up the CPU when its time slice is spent. */
static void long_console_write(void)
{
    int console = open("/dev/console", O_WRONLY);
    int ready[2];
    char c;

    if (console < 0 || pipe(ready) < 0) {
        check(0, "tty_long_write_lets_others_run", "no /dev/console or pipe");
        return;
    }
    pid_t writer = fork();
    if (writer == 0)
        write_megabyte(console, ready[1]);
    close(ready[1]);
    read(ready[0], &c, 1);
    close(ready[0]);

    /* the worst gap between two clock readings, naps included: a starved
     * process sees it wherever it was held up */
    long worst = 0, last = now_us();
    for (int i = 0; i < NAPS; i++) {
        usleep(10000);
        long t = now_us();
        if (t - last > worst)
            worst = t - last;
        last = t;
    }
    /* the measurement counts only if the write was still going on; had it
     * ended first, we were kept off the CPU for all of it */
    int status = 0;
    int still_writing = waitpid(writer, &status, WNOHANG) == 0;
    if (still_writing) {
        kill(writer, SIGKILL);               /* a signal ends the write early */
        status = wait_status(writer);
    }
    write(console, "\n", 1);                 /* ends the line of spaces */
    close(console);

    check(still_writing && worst < 100000, "tty_long_write_lets_others_run",
          "a 10 ms sleep took up to %ld ms (writer %s)", worst / 1000,
          still_writing ? "still writing" : "had finished");
    check(still_writing && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
          "tty_long_write_killable", "status %#x", status);
}

/* ------------------------------------------------- results that look like restart codes */

#define AS_ERESTARTSYS   0xfffffe00L     /* -512 */
#define AS_ERESTARTNOHAND 0xfffffdfeL    /* -514 */

/* The old signal() call (48) returns the previous handler: an address the
 * program chose, which may be -512 or -514 as a number.  The kernel must
 * hand it back, not restart the call (which would then return the handler
 * it had just set).  No signal needs to arrive for that: on every return
 * to user mode handle_restart() restarts a call that returned -512 or -514
 * when no handler runs.  (SIGUSR1 never comes while the bogus address is
 * its handler.)  The raw system call, so that the C library does not take
 * the value for an error. */
static void old_handler_returned(long value, const char *name)
{
    __syscall2(__NR_signal, SIGUSR1, value);
    long old = __syscall2(__NR_signal, SIGUSR1, (long)SIG_DFL);
    check(old == value, name, "signal() returned %#lx instead of %#lx", old, value);
}

static volatile int usr2_caught;

static void on_usr2(int sig)
{
    (void)sig;
    usr2_caught++;
}

/* ssetmask (69) returns the old mask.  Unblocking a pending signal whose
 * handler has SA_RESTART delivers it right on that call's return: the
 * result must still be the old mask.  (No mask can read -512 or -514:
 * those have the SIGSTOP bit set, which the kernel never keeps.) */
static void ssetmask_with_signal(void)
{
    long mask = 1L << (SIGUSR2 - 1) | 1L << (SIGHUP - 1);   /* signal n is bit n-1 */

    install_handler(SIGUSR2, on_usr2, SA_RESTART);
    long saved = __syscall1(__NR_ssetmask, mask);
    kill(getpid(), SIGUSR2);                 /* blocked: stays pending */
    long old = __syscall1(__NR_ssetmask, saved);
    check(old == mask && usr2_caught == 1, "ssetmask_old_mask_with_signal",
          "ssetmask returned %#lx (want %#lx), handler ran %d times", old, mask, usr2_caught);
    install_handler(SIGUSR2, SIG_DFL, 0);
}

int main(void)
{
    old_handler_returned(AS_ERESTARTSYS, "signal_old_handler_like_erestartsys");
    old_handler_returned(AS_ERESTARTNOHAND, "signal_old_handler_like_erestartnohand");
    ssetmask_with_signal();
    long_console_write();
    return test_exit_code();
}
