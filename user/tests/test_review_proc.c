/* A second reader's checks of processes, signals and the trap path; each
 * one was a bug once.
 *   - the direction flag: a program's "std" must not reach the kernel's
 *     string instructions (clang's rep movsl: a panic), nor a handler;
 *   - sigreturn must not "restart" a context that merely held -512 in eax;
 *   - fork copies the x87 state the parent has now, not an old one;
 *   - pause, sigsuspend and nanosleep go on sleeping after stop/continue
 *     or an ignored SIGCONT (Linux's ERESTARTNOHAND), and nanosleep only
 *     for the time that was left;
 *   - a parent that ignores SIGCHLD leaves no zombies;
 *   - WCONTINUED: not after a new stop, not for SIGKILL; SA_NOCLDSTOP
 *     silences continues too;
 *   - int3 is SIGTRAP;
 *   - orphaned process groups: stopped jobs get SIGHUP and SIGCONT, and
 *     SIGTSTP does not stop them;
 *   - alarm and nanosleep with huge times wait, not fire at once. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <minnow/syscalls.h>
#include <minnow/sysinfo.h>
#include <minnow/test.h>

static volatile int caught;
static volatile unsigned handler_eflags;

static void on_signal(int sig)
{
    (void)sig;
    unsigned f;
    __asm__ volatile("pushf; pop %0" : "=r"(f));
    handler_eflags = f;
    caught++;
}

static long elapsed_ms(struct timeval *t0)
{
    struct timeval t1;
    gettimeofday(&t1, NULL);
    return (t1.tv_sec - t0->tv_sec) * 1000 + (t1.tv_usec - t0->tv_usec) / 1000;
}

/* ------------------------------------------------ the direction flag */

/* fork with DF set: the kernel copies pt_regs with whatever the compiler
 * chose (clang: rep movsl), which must go forwards. */
static void fork_with_df_set(void)
{
    long r;
    __asm__ volatile("std\n\tint $0x80\n\tcld" : "=a"(r) : "a"(__NR_fork) : "memory");
    if (r == 0)
        _exit(42);
    int status = 0;
    pid_t w = waitpid((pid_t)r, &status, 0);
    check(r > 0 && w == r && WIFEXITED(status) && WEXITSTATUS(status) == 42,
          "review_fork_with_df_set", "fork %ld, wait %d, status %#x", r, w, status);
}

/* A handler starts with DF clear (the ABI says so at every call). */
static void handler_df_clear(void)
{
    caught = 0;
    install_handler(SIGUSR1, on_signal, 0);
    long pid = getpid();
    long r;
    __asm__ volatile("std\n\tint $0x80\n\tcld"
                     : "=a"(r) : "a"(__NR_kill), "b"(pid), "c"(SIGUSR1) : "memory");
    check(r == 0 && caught == 1 && !(handler_eflags & (1u << 10)),
          "review_handler_df_clear", "kill %ld, caught %d, eflags %#x", r, caught,
          handler_eflags);
    install_handler(SIGUSR1, SIG_DFL, 0);
}

/* ------------------------------------------------ sigreturn and restarts */

static volatile int spin_flag;
static void stop_spin(int sig) { (void)sig; spin_flag = 1; }

/* A handler interrupts user code (a timer tick) while eax holds -512, the
 * kernel's ERESTARTSYS; after sigreturn the code must go on untouched. */
static void sigreturn_keeps_eax(void)
{
    pid_t pid = fork();
    if (pid == 0) {
        install_handler(SIGUSR1, stop_spin, 0);
        long eax;
        __asm__ volatile("mov $-512, %%eax\n"
                         "1:\tcmpl $0, %1\n\t"
                         "je 1b"
                         : "=&a"(eax) : "m"(spin_flag) : "memory", "cc");
        _exit(eax == -512 ? 0 : 1);
    }
    usleep(30000);                           /* let it spin in user mode */
    kill(pid, SIGUSR1);
    int status = 0;
    waitpid(pid, &status, 0);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "review_sigreturn_no_restart",
          "status %#x", status);
}

/* ------------------------------------------------ x87 state across fork */

static void fork_copies_fpu_now(void)
{
    unsigned short cw = 0x0f7f, old, got = 0;  /* round toward zero, all masked */
    __asm__ volatile("fnstcw %0" : "=m"(old));
    __asm__ volatile("fldcw %0" : : "m"(cw));
    int p[2];
    pipe(p);
    pid_t pid = fork();
    if (pid == 0) {
        unsigned short c;
        __asm__ volatile("fnstcw %0" : "=m"(c));
        write(p[1], &c, sizeof(c));
        _exit(0);
    }
    __asm__ volatile("fldcw %0" : : "m"(old));
    read(p[0], &got, sizeof(got));
    close(p[0]);
    close(p[1]);
    waitpid(pid, NULL, 0);
    check(got == cw, "review_fork_fpu_control_word", "child has %#x, parent set %#x", got, cw);
}

/* ------------------------------------------------ sleeping through stop/continue */

/* Starts a child that sleeps in fn and exits 7 when fn returns. */
static pid_t sleeper(void (*fn)(void))
{
    pid_t pid = fork();
    if (pid == 0) {
        fn();
        _exit(7);
    }
    usleep(30000);                           /* until it sleeps */
    return pid;
}

static int still_sleeping(pid_t pid)
{
    usleep(50000);
    int status;
    int r = waitpid(pid, &status, WNOHANG);
    if (r == 0) {
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
    }
    return r == 0;
}

static void stop_and_continue(pid_t pid)
{
    int status = 0;
    kill(pid, SIGSTOP);
    waitpid(pid, &status, WUNTRACED);
    kill(pid, SIGCONT);
}

static void do_pause(void) { pause(); }
static void do_sleep(void) { sleep(30); }
static void do_sigsuspend(void)
{
    sigset_t none;
    sigemptyset(&none);
    sigsuspend(&none);
}

static void pause_through_stop(void)
{
    pid_t pid = sleeper(do_pause);
    stop_and_continue(pid);
    check(still_sleeping(pid), "review_pause_survives_stop", "pause returned after SIGCONT");

    pid = sleeper(do_pause);
    kill(pid, SIGCONT);                      /* not stopped: nothing to do */
    check(still_sleeping(pid), "review_pause_survives_sigcont", "pause returned");

    pid = sleeper(do_sigsuspend);
    stop_and_continue(pid);
    check(still_sleeping(pid), "review_sigsuspend_survives_stop", "sigsuspend returned");

    pid = sleeper(do_sleep);
    stop_and_continue(pid);
    check(still_sleeping(pid), "review_nanosleep_survives_stop", "sleep returned");
}

/* nanosleep restarted after stop/continue sleeps only what was left. */
static void nanosleep_restart_remainder(void)
{
    struct timeval t0;
    gettimeofday(&t0, NULL);
    pid_t pid = fork();
    if (pid == 0) {
        struct timespec req = { 0, 300000000 };   /* 300 ms */
        _exit(nanosleep(&req, NULL) == 0 ? 0 : 1);
    }
    usleep(150000);
    stop_and_continue(pid);
    int status = 0;
    waitpid(pid, &status, 0);
    long ms = elapsed_ms(&t0);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0 && ms >= 290 && ms < 420,
          "review_nanosleep_restart_remainder", "status %#x after %ld ms", status, ms);
}

/* A handler still ends them with EINTR. */
static void pause_handler_eintr(void)
{
    install_handler(SIGUSR1, on_signal, 0);
    pid_t pid = fork();
    if (pid == 0) {
        int r = pause();
        _exit(r == -1 && errno == EINTR ? 0 : 1);
    }
    usleep(30000);
    kill(pid, SIGUSR1);
    int status = 0;
    waitpid(pid, &status, 0);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "review_pause_handler_eintr",
          "status %#x", status);
    install_handler(SIGUSR1, SIG_DFL, 0);
}

/* ------------------------------------------------ SIGCHLD ignored */

static int zombies_of(pid_t ppid)
{
    struct procinfo p[128];
    int n = getprocs(p, 128), z = 0;

    for (int i = 0; i < n; i++)
        if (p[i].state == 'Z' && p[i].ppid == ppid)
            z++;
    return z;
}

static void sigchld_ignored_no_zombie(void)
{
    install_handler(SIGCHLD, SIG_IGN, 0);
    pid_t pid = fork();
    if (pid == 0)
        _exit(0);
    usleep(50000);
    int z = zombies_of(getpid());
    int status;
    pid_t w = wait(&status);                 /* no child left: ECHILD */
    int e = errno;
    install_handler(SIGCHLD, SIG_DFL, 0);
    check(z == 0 && w == -1 && e == ECHILD, "review_sigchld_ign_no_zombie",
          "%d zombies, wait %d errno %d", z, w, e);
}

/* ------------------------------------------------ WCONTINUED */

static void wcontinued_after_restop(void)
{
    pid_t pid = sleeper(do_pause);
    int status = 0;
    stop_and_continue(pid);
    usleep(30000);                           /* it runs, and sleeps again */
    kill(pid, SIGSTOP);
    int r1 = waitpid(pid, &status, WUNTRACED);
    int s1 = status;
    int r2 = waitpid(pid, &status, WCONTINUED | WNOHANG);
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    check(r1 == pid && WIFSTOPPED(s1) && r2 == 0, "review_wcontinued_after_restop",
          "stopped: %d %#x, then continued: %d", r1, s1, r2);
}

/* A pending x87 exception (unmasked divide by zero) when the handler
 * returns: sigreturn's frstor must not trap in the kernel. */
static void fpu_trap(int sig)
{
    (void)sig;
    unsigned short cw = 0x037b;              /* ZM cleared: divide by zero traps */
    __asm__ volatile("fldcw %0\n\tfldz\n\tfld1\n\tfdivp" : : "m"(cw));
}

static void raise_fpu_trap(void)
{
    install_handler(SIGUSR1, fpu_trap, 0);
    raise(SIGUSR1);
}

static void fpu_pending_at_sigreturn(void)
{
    int status = 0;
    pid_t pid = run_in_child(raise_fpu_trap, &status);
    check(pid > 0 && status != -1, "review_fpu_pending_sigreturn", "status %#x", status);
}

/* SIGKILL ends a stopped child; that is not a "continued". */
static void sigkill_stopped_not_continued(void)
{
    pid_t pid = sleeper(do_pause);
    int status = 0;
    kill(pid, SIGSTOP);
    waitpid(pid, &status, WUNTRACED);
    kill(pid, SIGKILL);
    pid_t r = waitpid(pid, &status, WCONTINUED);
    check(r == pid && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
          "review_sigkill_stopped_not_continued", "waitpid %d status %#x", r, status);
}

/* SA_NOCLDSTOP: no SIGCHLD for a stop, nor for a continue. */
static void nocldstop_continue(void)
{
    caught = 0;
    install_handler(SIGCHLD, on_signal, SA_NOCLDSTOP);
    pid_t pid = sleeper(do_pause);
    stop_and_continue(pid);
    usleep(20000);
    int on_cont = caught;
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    install_handler(SIGCHLD, SIG_DFL, 0);
    check(on_cont == 0 && caught == 1, "review_nocldstop_continue",
          "%d SIGCHLD for stop/continue, %d in all", on_cont, caught);
}

/* int3, a debugger's breakpoint, is SIGTRAP (not a protection fault). */
static void do_int3(void) { __asm__ volatile("int3"); }

static void int3_sigtrap(void)
{
    int status = child_status(do_int3);
    check(WIFSIGNALED(status) && WTERMSIG(status) == SIGTRAP, "review_int3_sigtrap",
          "status %#x", status);
}

/* ------------------------------------------------ orphaned process groups */

static int hup_pipe[2];
static void on_hup(int sig)
{
    (void)sig;
    write(hup_pipe[1], "H", 1);
    _exit(0);
}

/* A stopped job whose group loses its last link to the session's shell
 * gets SIGHUP and SIGCONT (POSIX), instead of staying stopped for ever. */
static void orphaned_stopped_gets_hup(void)
{
    int ready[2];
    pipe(hup_pipe);
    pipe(ready);
    pid_t pid = fork();
    if (pid == 0) {
        setpgid(0, 0);                       /* a job of its own... */
        pid_t g = fork();
        if (g == 0) {
            install_handler(SIGHUP, on_hup, 0);
            pid_t me = getpid();
            write(ready[1], &me, sizeof(me));
            raise(SIGSTOP);                  /* ...with a stopped member */
            _exit(1);
        }
        pid_t me;
        read(ready[0], &me, sizeof(me));
        write(ready[1], &me, sizeof(me));    /* for the test, too */
        usleep(20000);
        _exit(0);                            /* the group's link goes */
    }
    close(hup_pipe[1]);
    close(ready[1]);
    waitpid(pid, NULL, 0);
    pid_t g = 0;
    read(ready[0], &g, sizeof(g));
    close(ready[0]);
    usleep(50000);
    char c = 0;
    fcntl(hup_pipe[0], F_SETFL, O_NONBLOCK);
    int n = read(hup_pipe[0], &c, 1);
    if (n != 1 && g > 0)
        kill(g, SIGKILL);                    /* the HUP did not come: end it */
    close(hup_pipe[0]);
    check(n == 1 && c == 'H', "review_orphaned_stopped_gets_hup", "read %d '%c'", n, c);
}

/* SIGTSTP does not stop a member of an orphaned group (nobody would
 * continue it); SIGSTOP still does. */
static void orphaned_ignores_tstp(void)
{
    pid_t pid = fork();
    if (pid == 0) {
        setsid();                            /* its group: orphaned */
        raise(SIGTSTP);
        _exit(5);
    }
    int status = 0;
    pid_t r = waitpid(pid, &status, WUNTRACED);
    if (WIFSTOPPED(status)) {
        kill(pid, SIGKILL);
        waitpid(pid, NULL, 0);
    }
    check(r == pid && WIFEXITED(status) && WEXITSTATUS(status) == 5,
          "review_orphaned_ignores_tstp", "status %#x", status);
}

/* ------------------------------------------------ huge times */

static void huge_times(void)
{
    caught = 0;
    install_handler(SIGALRM, on_signal, 0);
    alarm(30000000);                         /* a year: seconds * HZ > 2^31 */
    usleep(50000);
    unsigned left = alarm(0);
    check(caught == 0 && left > 1000000, "review_alarm_huge", "caught %d, left %u", caught,
          left);
    install_handler(SIGALRM, SIG_DFL, 0);

    pid_t pid = fork();
    if (pid == 0) {
        struct timespec req = { 25000000, 0 };   /* ten months */
        nanosleep(&req, NULL);
        _exit(7);
    }
    check(still_sleeping(pid), "review_nanosleep_huge", "nanosleep returned at once");
}

int main(void)
{
    fork_with_df_set();
    handler_df_clear();
    sigreturn_keeps_eax();
    fork_copies_fpu_now();
    pause_through_stop();
    nanosleep_restart_remainder();
    pause_handler_eintr();
    sigchld_ignored_no_zombie();
    wcontinued_after_restop();
    fpu_pending_at_sigreturn();
    sigkill_stopped_not_continued();
    nocldstop_continue();
    int3_sigtrap();
    orphaned_stopped_gets_hup();
    orphaned_ignores_tstp();
    huge_times();
    return test_exit_code();
}
