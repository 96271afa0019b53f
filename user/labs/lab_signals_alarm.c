/* Grader of the lab "A CPU-time alarm" (docs/labs/signals.md):
 *
 *     sigalarm(ticks, handler)    every `ticks` timer ticks of the caller's
 *                                 CPU time, handler() runs; sigalarm(0, 0): never
 *     sigalarm_return()           the handler's last call: back to where
 *                                 it interrupted, every register intact
 *
 * CPU time is read with times() (tms_utime: the ticks the kernel charged
 * to this process).  The calls are made by number, so this builds before
 * they exist. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/times.h>
#include <sys/wait.h>
#include "lab.h"

#ifndef __NR_sigalarm
#define __NR_sigalarm 512           /* the numbers the handout asks for */
#endif
#ifndef __NR_sigalarm_return
#define __NR_sigalarm_return 513
#endif

static long set_alarm(int ticks, void (*handler)(void))
{
    return syscall(__NR_sigalarm, ticks, handler);
}

static long alarm_return(void)
{
    return syscall(__NR_sigalarm_return);
}

/* CPU ticks this process has used. */
static unsigned long cpu(void)
{
    struct tms t;

    times(&t);
    return t.tms_utime + t.tms_stime;
}

/* Computes (no system calls) until `ticks` more ticks of CPU time are used. */
static void spin(unsigned long ticks)
{
    unsigned long end = cpu() + ticks;

    while (cpu() < end)
        for (volatile int i = 0; i < 10000; i++)
            ;
}

static volatile int calls;

static void count(void)
{
    calls++;
    alarm_return();
}

/* ---------------------------------------------------------------- how often */

static void how_often(void)
{
    calls = 0;
    unsigned long start = cpu();
    set_alarm(3, count);
    while (cpu() < start + 30)
        ;
    set_alarm(0, NULL);
    check(calls >= 9 && calls <= 11, "sigalarm_calls", "with sigalarm(3, handler), the handler"
          " ran %d times in 30 ticks of CPU time; want 10", calls);
}

/* ---------------------------------------------------------------- registers */

/* spin_registers(n): n rounds of a loop that keeps known values in every
 * register and checks them at each round.  Returns 0 if they all stayed,
 * else which one changed: 1 eax, 2 ebx, 3 ecx, 4 edx, 5 esi, 6 edi, 7 ebp,
 * 8 esp. */
int spin_registers(unsigned rounds);
unsigned spin_saved_esp;        /* spin_registers's esp, to compare */
__asm__(
    ".text\n"
    ".globl spin_registers\n"
    "spin_registers:\n"
    "    push %ebp\n"
    "    push %ebx\n"
    "    push %esi\n"
    "    push %edi\n"
    "    push 20(%esp)\n"               /* the count of rounds, at (%esp) */
    "    mov %esp, spin_saved_esp\n"
    "    mov $0x11111111, %eax\n"
    "    mov $0x22222222, %ebx\n"
    "    mov $0x33333333, %ecx\n"
    "    mov $0x44444444, %edx\n"
    "    mov $0x55555555, %esi\n"
    "    mov $0x66666666, %edi\n"
    "    mov $0x77777777, %ebp\n"
    "1:  cmp $0x11111111, %eax\n"
    "    jne 11f\n"
    "    cmp $0x22222222, %ebx\n"
    "    jne 12f\n"
    "    cmp $0x33333333, %ecx\n"
    "    jne 13f\n"
    "    cmp $0x44444444, %edx\n"
    "    jne 14f\n"
    "    cmp $0x55555555, %esi\n"
    "    jne 15f\n"
    "    cmp $0x66666666, %edi\n"
    "    jne 16f\n"
    "    cmp $0x77777777, %ebp\n"
    "    jne 17f\n"
    "    cmp spin_saved_esp, %esp\n"
    "    jne 18f\n"
    "    decl (%esp)\n"
    "    jnz 1b\n"
    "    xor %eax, %eax\n"
    "    jmp 2f\n"
    "11: mov $1, %eax\n    jmp 2f\n"
    "12: mov $2, %eax\n    jmp 2f\n"
    "13: mov $3, %eax\n    jmp 2f\n"
    "14: mov $4, %eax\n    jmp 2f\n"
    "15: mov $5, %eax\n    jmp 2f\n"
    "16: mov $6, %eax\n    jmp 2f\n"
    "17: mov $7, %eax\n    jmp 2f\n"
    "18: mov spin_saved_esp, %esp\n    mov $8, %eax\n"
    "2:  add $4, %esp\n"
    "    pop %edi\n"
    "    pop %esi\n"
    "    pop %ebx\n"
    "    pop %ebp\n"
    "    ret\n");

/* A handler that leaves every register it can reach changed. */
static void clobber(void)
{
    calls++;
    __asm__ volatile("mov $0xdead0001, %%eax\n\t"
                     "mov $0xdead0002, %%ebx\n\t"
                     "mov $0xdead0003, %%ecx\n\t"
                     "mov $0xdead0004, %%edx\n\t"
                     "mov $0xdead0005, %%esi\n\t"
                     "mov $0xdead0006, %%edi\n\t"
                     "std\n\t"              /* the direction flag too */
                     ::: "eax", "ebx", "ecx", "edx", "esi", "edi", "cc", "memory");
    __asm__ volatile("cld");
    alarm_return();
}

/* A computation whose result depends on every step. */
static unsigned checksum(unsigned rounds)
{
    unsigned h = 2166136261u;

    for (unsigned i = 0; i < rounds; i++)
        h = (h ^ i) * 16777619u;
    return h;
}

static void registers(void)
{
    static const char *const names[] = { "", "eax", "ebx", "ecx", "edx", "esi", "edi",
                                         "ebp", "esp" };
    unsigned rounds = 50000;

    /* as many rounds as take 20 ticks or so, without the alarm */
    for (;;) {
        unsigned long start = cpu();
        spin_registers(rounds);
        if (cpu() - start >= 4)
            break;
        rounds *= 2;
    }
    rounds *= 5;
    unsigned want = checksum(rounds);

    calls = 0;
    set_alarm(1, clobber);
    int bad = spin_registers(rounds);
    int in_loop = calls;
    unsigned got = checksum(rounds);
    set_alarm(0, NULL);
    if (bad)
        check(0, "sigalarm_registers", "%s changed while a loop ran and the handler (which"
              " changes every register) interrupted it %d times: sigalarm_return must put"
              " back every register as it was", names[bad], in_loop);
    else if (in_loop < 3)
        check(0, "sigalarm_registers", "the handler ran only %d times in the loop (%u rounds);"
              " want many", in_loop, rounds);
    else
        check(got == want, "sigalarm_registers", "a computation interrupted by the handler"
              " gave 0x%x, without it 0x%x", got, want);
}

/* ---------------------------------------------------------------- no re-entry */

static volatile int inside, reentered;
static volatile unsigned long progress, progress_at_last_call;
static volatile int no_progress;

static void slow(void)
{
    if (inside)
        reentered = 1;
    inside = 1;
    calls++;
    if (calls > 1 && progress == progress_at_last_call)
        no_progress = 1;
    spin(6);                        /* longer than the interval */
    progress_at_last_call = progress;
    inside = 0;
    alarm_return();
}

static void no_reentry(void)
{
    calls = 0;
    progress = 0;
    unsigned long start = cpu();
    set_alarm(2, slow);
    while (calls < 4 && cpu() < start + 100)
        progress++;
    set_alarm(0, NULL);
    if (reentered)
        check(0, "sigalarm_no_reentry", "the handler was entered again while it ran:"
              " no new call until sigalarm_return()");
    else if (calls < 4)
        check(0, "sigalarm_no_reentry", "a handler that takes 6 ticks, every 2 ticks: only"
              " %d calls in %lu ticks of CPU time", calls, cpu() - start);
    else
        check(!no_progress, "sigalarm_no_reentry", "the handler ran again at once after"
              " sigalarm_return(), the interrupted loop never went on: the handler's own"
              " time must not count");
}

/* ---------------------------------------------------------------- CPU time only */

static void cpu_time_only(void)
{
    calls = 0;
    set_alarm(1, count);
    usleep(300000);                 /* 30 ticks asleep: no CPU time */
    int asleep = calls;
    set_alarm(0, NULL);
    check(asleep <= 1, "sigalarm_cpu_time", "the handler ran %d times while the process"
          " slept for 30 ticks; want none: count the ticks charged to the process,"
          " not the clock's", asleep);
}

/* ---------------------------------------------------------------- turning it off */

static void stop(void)
{
    calls = 0;
    set_alarm(1, count);
    spin(5);
    int on = calls;
    set_alarm(0, NULL);
    spin(10);
    int off = calls - on;
    if (on < 3)
        check(0, "sigalarm_stop", "sigalarm(1, handler): only %d calls in 5 ticks", on);
    else
        check(off == 0, "sigalarm_stop", "after sigalarm(0, 0) the handler still ran %d"
              " times in 10 ticks", off);
}

/* ---------------------------------------------------------------- fork and exec */

static void fork_exec(const char *self)
{
    calls = 0;
    set_alarm(1, count);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        calls = 0;
        spin(5);
        _exit(calls > 100 ? 100 : calls);
    }
    int status = wait_status(pid);
    int child_calls = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    pid = fork();
    if (pid == 0) {                 /* a new program: the old handler's address means nothing */
        execl(self, self, "spin", (char *)NULL);
        _exit(127);
    }
    int exec_status = wait_status(pid);
    set_alarm(0, NULL);
    if (child_calls != 0)
        check(0, "sigalarm_fork_exec", "a child made by fork ran the handler %d times in 5"
              " ticks; want none: like alarm(), a sigalarm is not inherited", child_calls);
    else
        check(WIFEXITED(exec_status) && WEXITSTATUS(exec_status) == 0, "sigalarm_fork_exec",
              "after execve, a program that never asked for sigalarm ended with %s %d: exec"
              " must clear the old program's handler",
              WIFSIGNALED(exec_status) ? "signal" : "status",
              WIFSIGNALED(exec_status) ? WTERMSIG(exec_status) : WEXITSTATUS(exec_status));
}

/* ---------------------------------------------------------------- misuse */

static void misuse(void)
{
    errno = 0;
    long a = set_alarm(-1, count);
    int ea = errno;
    errno = 0;
    long b = alarm_return();
    int eb = errno;
    check(a == -1 && ea == EINVAL && b == -1 && eb == EINVAL, "sigalarm_misuse",
          "sigalarm(-1, handler) returned %ld (%s), and sigalarm_return() with no handler"
          " running %ld (%s); want -1 EINVAL for both", a, strerror(ea), b, strerror(eb));
}

static void (*child_fn)(void);

static void child_with_time_limit(void)
{
    alarm(20);
    child_fn();
}

/* Runs fn in a child, and fails check_name if the child was killed. */
static void in_child(void (*fn)(void), const char *check_name)
{
    int status;

    child_fn = fn;
    run_in_child(child_with_time_limit, &status);
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM)
        check(0, check_name, "the process did not finish in 20 s: is the handler called"
              " again and again, or does the interrupted code not go on where it was?");
    else if (WIFSIGNALED(status))
        check(0, check_name, "the process was killed by signal %d (%s): after"
              " sigalarm_return() it must go on exactly where it was (eip, esp, ...)",
              WTERMSIG(status), strsignal(WTERMSIG(status)));
}

int main(int argc, char *argv[])
{
    static const char *const later[] = {
        "sigalarm_calls", "sigalarm_registers", "sigalarm_no_reentry", "sigalarm_cpu_time",
        "sigalarm_stop", "sigalarm_fork_exec", "sigalarm_misuse",
    };

    if (argc > 1 && strcmp(argv[1], "spin") == 0) {   /* fork_exec's new program */
        spin(5);
        return 0;
    }
    long r = set_alarm(0, NULL);
    if (!syscall_exists("sigalarm", __NR_sigalarm, r, later, 7))
        return test_exit_code();
    /* each in a child: a kernel that gets it wrong kills only that one */
    in_child(how_often, "sigalarm_calls");
    in_child(registers, "sigalarm_registers");
    in_child(no_reentry, "sigalarm_no_reentry");
    in_child(cpu_time_only, "sigalarm_cpu_time");
    in_child(stop, "sigalarm_stop");
    fork_exec(argv[0]);
    misuse();
    return test_exit_code();
}
