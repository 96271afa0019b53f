/* clone(), vfork() and set_tid_address(): what glibc's fork() and
 * posix_spawn() use.  clone with fork's flags makes a child like fork's;
 * CLONE_CHILD_SETTID writes the child's tid into its memory and
 * CLONE_PARENT_SETTID into the parent's; the exit signal is clone's
 * choice (0: none, and only __WALL/__WCLONE waits see the child); a new
 * stack pointer is the child's.  vfork's parent sleeps until the child
 * has exec'd or exited, with its signals held until then.  Everything
 * that would share memory or tables (threads) is EINVAL, and makes no
 * child. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>
#include <sched.h>
#include <sys/wait.h>
#include <minnow/syscall_nr.h>
#include <minnow/test.h>

static long clone5(unsigned long flags, void *sp, pid_t *ptid, void *tls, pid_t *ctid)
{
    fflush(stdout);
    return syscall(__NR_clone, flags, sp, ptid, tls, ctid);
}

static void like_fork(void)
{
    long pid = clone5(SIGCHLD, NULL, NULL, NULL, NULL);
    if (pid == 0)
        _exit(12);
    int status = wait_status(pid);
    check(pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 12, "clone_sigchld_is_fork",
          "pid %ld status %#x", pid, status);
}

/* glibc's fork(): clone(CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID |
 * SIGCHLD, 0, NULL, NULL, &tid). */
static void glibc_fork(void)
{
    static pid_t tid = -5;
    long pid = clone5(CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | SIGCHLD, NULL, NULL, NULL, &tid);
    if (pid == 0)
        _exit(tid == getpid() ? 0 : 1);
    int status = wait_status(pid);
    check(pid > 0 && status == 0, "clone_child_settid_in_child", "status %#x", status);
    check(tid == -5, "clone_child_settid_not_in_parent", "parent's tid word %d", tid);

    static pid_t ptid = -5;
    pid = clone5(CLONE_PARENT_SETTID | SIGCHLD, NULL, &ptid, NULL, NULL);
    if (pid == 0)
        _exit(0);
    wait_status(pid);
    check(pid > 0 && ptid == pid, "clone_parent_settid", "ptid %d pid %ld", ptid, pid);

    /* a bad address is ignored, as in Linux: the child runs */
    pid = clone5(CLONE_CHILD_SETTID | SIGCHLD, NULL, NULL, NULL, (pid_t *)0xC0000000);
    if (pid == 0)
        _exit(3);
    status = wait_status(pid);
    check(pid > 0 && WEXITSTATUS(status) == 3, "clone_child_settid_bad_address", "status %#x", status);
}

static volatile int chld, usr1;
static void on_chld(int sig) { (void)sig; chld++; }
static void on_usr1(int sig) { (void)sig; usr1++; }

static void exit_signal(void)
{
    install_handler(SIGCHLD, on_chld, SA_RESTART);
    install_handler(SIGUSR1, on_usr1, SA_RESTART);

    chld = 0;
    long pid = clone5(0, NULL, NULL, NULL, NULL);       /* no exit signal */
    if (pid == 0)
        _exit(4);
    struct timespec t = { 0, 100000000 };
    nanosleep(&t, NULL);                                 /* it has exited by now */
    int r = waitpid(pid, NULL, WNOHANG);
    check(pid > 0 && r < 0 && errno == ECHILD, "clone_no_signal_child_hidden_from_waitpid",
          "waitpid %d errno %d", r, errno);
    int status;
    r = waitpid(pid, &status, __WALL);
    check(r == pid && WEXITSTATUS(status) == 4 && chld == 0, "clone_no_signal_wall_reaps",
          "waitpid %d status %#x sigchld %d", r, status, chld);

    usr1 = 0;
    pid = clone5(SIGUSR1, NULL, NULL, NULL, NULL);
    if (pid == 0)
        _exit(5);
    while (!usr1)
        pause();
    r = waitpid(pid, &status, __WCLONE);
    check(r == pid && WEXITSTATUS(status) == 5 && chld == 0, "clone_exit_signal_sigusr1",
          "waitpid %d status %#x sigusr1 %d sigchld %d", r, status, usr1, chld);
    install_handler(SIGCHLD, SIG_DFL, 0);
    install_handler(SIGUSR1, SIG_DFL, 0);
}

/* A child on a stack of its own: it checks that esp is the new stack,
 * pushes and pops there, and exits with 42 (41 if esp was wrong) without
 * returning from anything -- the parent's frames are not on its stack. */
static long clone_on_stack(unsigned long flags, void *sp)
{
    long ret;

    fflush(stdout);
    __asm__ volatile("int $0x80\n\t"
                     "test %%eax, %%eax\n\t"
                     "jnz 1f\n\t"
                     "xor %%ebx, %%ebx\n\t"
                     "cmp %%esp, %%ecx\n\t"
                     "sete %%bl\n\t"
                     "push %%ebx\n\t"
                     "pop %%ebx\n\t"
                     "add $41, %%ebx\n\t"
                     "mov $1, %%eax\n\t"
                     "int $0x80\n"
                     "1:"
                     : "=a"(ret)
                     : "a"(__NR_clone), "b"(flags), "c"(sp), "d"(0), "S"(0), "D"(0)
                     : "memory");
    return ret;
}

static char stack[4096] __attribute__((aligned(16)));

static void new_stack(void)
{
    long pid = clone_on_stack(SIGCHLD, stack + sizeof(stack));
    int status = pid > 0 ? wait_status(pid) : -1;
    check(pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 42, "clone_newsp",
          "pid %ld status %#x", pid, status);

    /* posix_spawn's way: CLONE_VM | CLONE_VFORK on a stack of its own */
    pid = clone_on_stack(CLONE_VM | CLONE_VFORK | SIGCHLD, stack + sizeof(stack));
    status = waitpid(pid, &status, WNOHANG) == pid ? status : -1;
    check(pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 42, "clone_vm_vfork_newsp",
          "pid %ld status %#x (the parent must wake only after the child exited)", pid, status);
}

static void refused(void)
{
    static const struct { unsigned long flags; const char *name; } bad[] = {
        { CLONE_VM | SIGCHLD, "vm" },
        { CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM |
          CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID, "pthread_create" },
        { CLONE_FILES | SIGCHLD, "files" },
        { CLONE_SIGHAND | SIGCHLD, "sighand" },
        { CLONE_NEWPID | SIGCHLD, "newpid" },
        { 65, "exit_signal_65" },
        { 0xff, "exit_signal_255" },
    };
    long before = free_pages();
    int wrong = 0;
    char what[64] = "";

    for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        long r = clone5(bad[i].flags, NULL, NULL, NULL, NULL);
        if (r == 0)
            _exit(99);                       /* must not happen */
        if (!(r == -1 && errno == EINVAL)) {
            wrong++;
            snprintf(what, sizeof(what), "%s: %ld errno %d", bad[i].name, r, errno);
            if (r > 0)
                waitpid(r, NULL, __WALL);
        }
    }
    check(wrong == 0, "clone_refused_flags_einval", "%s", what);
    /* CLONE_SETTLS is allowed (test_tls), but its descriptor is checked
     * before anything is made */
    long r = clone5(CLONE_SETTLS | SIGCHLD, NULL, NULL, (void *)8, NULL);
    check(r == -1 && errno == EFAULT, "clone_settls_bad_pointer_efault", "%ld errno %d", r, errno);
    check(waitpid(-1, NULL, __WALL | WNOHANG) < 0 && errno == ECHILD && free_pages() == before,
          "clone_refused_makes_no_child", "a child or pages were left");
}

static void tid_address(void)
{
    static pid_t word;
    long r = syscall(__NR_set_tid_address, &word);
    check(r == getpid(), "set_tid_address_returns_tid", "got %ld", r);
    /* the word becomes 0 when the process exits; with no one sharing the
     * memory, exiting with a junk pointer there must just work */
    pid_t pid = fork();
    if (pid == 0) {
        syscall(__NR_set_tid_address, (void *)0xC0000000);
        _exit(6);
    }
    check(WEXITSTATUS(wait_status(pid)) == 6, "set_tid_address_bad_pointer_exit", "odd exit");
}

/* ---------------------------------------------------------------- vfork */

static int written_by_child;

static void vfork_waits_for_exit(void)
{
    int p[2];
    pipe(p);
    fcntl(p[0], F_SETFL, O_NONBLOCK);
    fflush(stdout);
    pid_t pid = vfork();
    if (pid == 0) {
        struct timespec t = { 0, 200000000 };
        nanosleep(&t, NULL);                 /* the parent must not run meanwhile */
        write(p[1], "x", 1);
        written_by_child = 1;
        _exit(7);
    }
    char c = 0;
    int n = read(p[0], &c, 1);
    check(pid > 0 && n == 1 && c == 'x', "vfork_parent_waits_for_child_exit", "read %d", n);
    int status;
    check(waitpid(pid, &status, WNOHANG) == pid && WEXITSTATUS(status) == 7, "vfork_child_status",
          "status %#x", status);
    /* Minnow copies the memory (docs/fork.md): on Linux this would read 1 */
    check(written_by_child == 0, "vfork_child_memory_is_its_own", "parent saw the child's write");
    close(p[0]);
    close(p[1]);
}

static void vfork_waits_for_exec(void)
{
    fflush(stdout);
    time_t start = time(NULL);
    pid_t pid = vfork();
    if (pid == 0) {
        char *argv[] = { "sleep", "2", NULL };
        execv("/bin/sleep", argv);
        _exit(127);
    }
    int r = waitpid(pid, NULL, WNOHANG);
    check(pid > 0 && r == 0 && time(NULL) - start < 2, "vfork_parent_wakes_at_exec",
          "waitpid %d after %ld s", r, (long)(time(NULL) - start));
    kill(pid, SIGKILL);
    wait_status(pid);

    pid = vfork();
    if (pid == 0) {
        execl("/no/such/program", "x", (char *)NULL);   /* fails: still the child */
        _exit(8);
    }
    check(pid > 0 && WEXITSTATUS(wait_status(pid)) == 8, "vfork_failed_exec_then_exit", "odd");
}

static void vfork_holds_signals(void)
{
    install_handler(SIGUSR1, on_usr1, SA_RESTART);
    usr1 = 0;
    pid_t parent = getpid();
    fflush(stdout);
    pid_t pid = vfork();
    if (pid == 0) {
        kill(parent, SIGUSR1);
        struct timespec t = { 0, 100000000 };
        nanosleep(&t, NULL);
        _exit(usr1);                         /* the child's own counter: 0 */
    }
    int status;
    check(pid > 0 && waitpid(pid, &status, WNOHANG) == pid && usr1 == 1,
          "vfork_signal_waits_until_child_exits", "pid %d usr1 %d", pid, usr1);

    /* a child that dies by a signal also lets the parent go on */
    pid = vfork();
    if (pid == 0) {
        kill(getpid(), SIGKILL);
        _exit(0);
    }
    status = wait_status(pid);
    check(pid > 0 && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "vfork_child_killed",
          "status %#x", status);
    install_handler(SIGUSR1, SIG_DFL, 0);
}

int main(void)
{
    like_fork();
    glibc_fork();
    exit_signal();
    new_stack();
    refused();
    tid_address();
    vfork_waits_for_exit();
    vfork_waits_for_exec();
    vfork_holds_signals();
    check_group(glibc_fork, "clone_glibc_fork");
    check_group(vfork_waits_for_exit, "vfork");
    return test_exit_code();
}
