/* Where signals come from and how they arrive: a handler interrupts a
 * loop that never calls the kernel (delivery at the next timer tick);
 * SIGCHLD, SIGALRM, SIGPIPE; CPU faults that a handler can catch; stop and
 * continue; sigsuspend; EINTR and SA_RESTART; 10,000 signals in a row. */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <minnow/test.h>

static volatile int caught;
static volatile int last_sig;

static void on_signal(int sig)
{
    caught++;
    last_sig = sig;
}

static void interrupts_busy_loop(void)
{
    caught = 0;
    install_handler(SIGALRM, on_signal, 0);
    alarm(1);
    unsigned long spins = 0;
    while (!caught)                          /* no system call in here */
        spins++;
    check(caught == 1 && last_sig == SIGALRM, "alarm_interrupts_busy_loop", "caught %d", caught);
    check(alarm(5) == 0 && alarm(0) >= 4, "alarm_returns_remaining", "wrong remaining time");
}

static void sigchld(void)
{
    caught = 0;
    install_handler(SIGCHLD, on_signal, 0);
    pid_t pid = fork();
    if (pid == 0)
        _exit(0);
    while (!caught)
        pause();
    check(last_sig == SIGCHLD, "sigchld_on_exit", "got signal %d", last_sig);
    waitpid(pid, NULL, 0);
    install_handler(SIGCHLD, SIG_DFL, 0);
}

static void write_to_closed_pipe(void)
{
    int p[2];
    pipe(p);
    close(p[0]);
    write(p[1], "x", 1);                     /* SIGPIPE's default: death */
}

static void exit_handler(int sig) { _exit(100 + sig); }
static void catch_segv(void) { install_handler(SIGSEGV, exit_handler, 0); *(volatile int *)0 = 1; }
static void catch_fpe(void)
{
    install_handler(SIGFPE, exit_handler, 0);
    __asm__ volatile("xor %%ecx, %%ecx\n\tmov $1, %%eax\n\tcltd\n\tidiv %%ecx" ::: "eax", "ecx", "edx");
}
static void catch_ill(void) { install_handler(SIGILL, exit_handler, 0); __asm__ volatile("ud2"); }

static void faults_and_pipes(void)
{
    int st = child_status(write_to_closed_pipe);
    check(WIFSIGNALED(st) && WTERMSIG(st) == SIGPIPE, "sigpipe_kills_writer", "status %#x", st);
    st = child_status(catch_segv);
    check(WIFEXITED(st) && WEXITSTATUS(st) == 100 + SIGSEGV, "sigsegv_caught", "status %#x", st);
    st = child_status(catch_fpe);
    check(WIFEXITED(st) && WEXITSTATUS(st) == 100 + SIGFPE, "sigfpe_caught", "status %#x", st);
    st = child_status(catch_ill);
    check(WIFEXITED(st) && WEXITSTATUS(st) == 100 + SIGILL, "sigill_caught", "status %#x", st);
}

static void stop_and_continue(void)
{
    pid_t pid = fork();
    if (pid == 0)
        for (;;)
            ;
    int status;
    kill(pid, SIGSTOP);
    check(waitpid(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status) && WSTOPSIG(status) == SIGSTOP,
          "sigstop_stops", "status %#x", status);
    kill(pid, SIGCONT);
    check(waitpid(pid, &status, WCONTINUED) == pid && WIFCONTINUED(status), "sigcont_continues",
          "status %#x", status);
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    check(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "stopped_child_killed", "status %#x", status);
}

static void suspend_and_eintr(void)
{
    sigset_t block, old, wait_mask;
    install_handler(SIGUSR1, on_signal, 0);
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigprocmask(SIG_BLOCK, &block, &old);
    caught = 0;
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0) {
        usleep(50000);
        kill(parent, SIGUSR1);
        _exit(0);
    }
    sigemptyset(&wait_mask);
    int r = sigsuspend(&wait_mask);          /* atomically unblock and wait */
    check(r == -1 && errno == EINTR && caught == 1, "sigsuspend_waits", "r %d caught %d", r, caught);
    sigset_t now;
    sigprocmask(SIG_BLOCK, NULL, &now);
    check(sigismember(&now, SIGUSR1), "sigsuspend_restores_mask", "SIGUSR1 no longer blocked");
    sigprocmask(SIG_SETMASK, &old, NULL);
    waitpid(pid, NULL, 0);

    /* a read from an empty pipe, interrupted by a handled signal */
    int p[2];
    char c;
    pipe(p);
    pid = fork();
    if (pid == 0) {
        usleep(50000);
        kill(parent, SIGUSR1);
        _exit(0);
    }
    r = read(p[0], &c, 1);
    check(r == -1 && errno == EINTR, "read_eintr", "read gave %d errno %d", r, errno);
    waitpid(pid, NULL, 0);

    /* with SA_RESTART the read goes on and gets the byte */
    install_handler(SIGUSR1, on_signal, SA_RESTART);
    caught = 0;
    pid = fork();
    if (pid == 0) {
        usleep(50000);
        kill(parent, SIGUSR1);
        usleep(50000);
        write(p[1], "z", 1);
        _exit(0);
    }
    r = read(p[0], &c, 1);
    check(r == 1 && c == 'z' && caught == 1, "read_sa_restart", "read gave %d, caught %d", r, caught);
    waitpid(pid, NULL, 0);
    close(p[0]);
    close(p[1]);
    install_handler(SIGUSR1, SIG_DFL, 0);
}

/* 10,000 signals: parent and child bounce SIGUSR1/SIGUSR2. */
static void ping_pong(void)
{
    enum { ROUNDS = 5000 };
    long before = free_pages();
    sigset_t block, empty;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigaddset(&block, SIGUSR2);
    sigemptyset(&empty);
    sigprocmask(SIG_BLOCK, &block, NULL);
    install_handler(SIGUSR1, on_signal, 0);
    install_handler(SIGUSR2, on_signal, 0);
    caught = 0;
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0) {
        for (int i = 0; i < ROUNDS; i++) {
            while (caught == i)
                sigsuspend(&empty);
            kill(parent, SIGUSR2);
        }
        _exit(caught == ROUNDS ? 0 : 1);
    }
    for (int i = 0; i < ROUNDS; i++) {
        kill(pid, SIGUSR1);
        while (caught == i)
            sigsuspend(&empty);
    }
    int status;
    waitpid(pid, &status, 0);
    check(caught == ROUNDS && WIFEXITED(status) && WEXITSTATUS(status) == 0, "ten_thousand_signals",
          "parent caught %d, child status %#x", caught, status);
    check(free_pages() == before, "signals_no_leak", "%ld -> %ld", before, free_pages());
    sigprocmask(SIG_UNBLOCK, &block, NULL);
}

int main(void)
{
    interrupts_busy_loop();
    sigchld();
    faults_and_pipes();
    stop_and_continue();
    suspend_and_eintr();
    ping_pong();
    return test_exit_code();
}
