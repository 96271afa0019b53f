/* Nothing a program does may crash the kernel.  A child calls system
 * calls at random -- every number from 0 to 520, with arguments that are
 * kernel addresses, NULL, -1, huge sizes, or pointers to junk -- and the
 * kernel must answer each with a result or an errno.  Calls that would end
 * or stop the caller, or disturb other processes, are left out (fchmod:
 * its fds are /dev/null, whose mode every later test needs). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <minnow/syscall_nr.h>
#include <minnow/test.h>

#define CALLS 20000

static const int skip[] = {
    __NR_exit, __NR_exit_group, __NR_fork, __NR_execve, __NR_kill, __NR_pause,
    __NR_alarm, __NR_reboot, __NR_sigreturn, __NR_nanosleep, __NR_rt_sigsuspend,
    __NR_signal, __NR_sigaction, __NR_rt_sigaction, __NR_read, __NR_waitpid,
    __NR_setsid, __NR_chdir, __NR_fchdir, __NR_readv, __NR_fchmod,
    /* children, waits and sleeps of any length, other processes' limits
     * and signals: test_proccalls_fuzz calls these with junk it can live
     * through */
    __NR_clone, __NR_vfork, __NR_wait4, __NR_waitid, __NR_rt_sigreturn, __NR_poll, __NR_ppoll,
    __NR_select, __NR__newselect, __NR_pselect6, __NR_ppoll_time64, __NR_pselect6_time64,
    __NR_clock_nanosleep, __NR_clock_nanosleep_time64, __NR_prlimit64, __NR_socketcall,
    __NR_tkill, __NR_tgkill,
    /* LAB(syscall) BEGIN */
    __NR_trace,                  /* its junk masks would flood the console */
    /* LAB(syscall) END */
    /* LAB(signals) BEGIN */
    __NR_sigalarm,               /* a junk handler: the caller jumps anywhere */
    /* LAB(signals) END */
    /* LAB(scheduler) BEGIN */
    __NR_sched_policy,           /* every process's scheduling, for the tests after */
    /* LAB(scheduler) END */
};

static int skipped(int nr)
{
    for (unsigned i = 0; i < sizeof(skip) / sizeof(skip[0]); i++)
        if (skip[i] == nr)
            return 1;
    return 0;
}

static unsigned seed = 20261125;
static unsigned next_random(void)
{
    seed = seed * 1103515245 + 12345;
    return seed >> 8;
}

static char junk[8192];

static long random_arg(void)
{
    static const long values[] = {
        0, 1, 2, 3, -1, 4096, 0x7fffffff, (long)0x80000000, (long)0xC0000000,
        (long)0xC0100000, (long)0xFFFFFFFF, (long)0xBFFFFFF0, 0x08048000, 64, 100000,
    };
    switch (next_random() % 4) {
    case 0:  return values[next_random() % (sizeof(values) / sizeof(values[0]))];
    case 1:  return (long)(junk + next_random() % sizeof(junk));
    case 2:  return next_random() % 64;
    default: return (long)next_random() * 7;
    }
}

static void fuzz(void)
{
    for (unsigned i = 0; i < sizeof(junk); i++)
        junk[i] = (char)next_random();
    int null = open("/dev/null", O_RDWR);      /* no blocking reads of the console, */
    dup2(null, 0);                             /* and no junk on it */
    dup2(null, 1);
    dup2(null, 2);
    for (int i = 0; i < CALLS; i++) {
        int nr = next_random() % 521;
        if (skipped(nr))
            continue;
        syscall(nr, random_arg(), random_arg(), random_arg(), random_arg(), random_arg());
    }
}

/* The fuzzer may create files anywhere it can reach (a junk path can
 * start with "/" or ".."), so the test remembers every path that existed
 * before and removes the new ones afterwards.  A path it could not record
 * would be removed too: the tree holds over 500 paths (the two initrds),
 * so there is room for several times that. */
#define MAX_PATHS 4096
static char *known[MAX_PATHS];
static int nknown;

static int is_known(const char *path)
{
    for (int i = 0; i < nknown; i++)
        if (strcmp(known[i], path) == 0)
            return 1;
    return 0;
}

/* remember: 1 to record the tree, 0 to remove what was not recorded */
static void walk(const char *dir, int remember)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char path[1024];

    while (d && (e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        snprintf(path, sizeof(path), "%s/%s", strcmp(dir, "/") ? dir : "", e->d_name);
        if (strcmp(path, "/proc") == 0)
            continue;                /* made by the kernel, not the fuzzer; and its
                                        fd/ directories change as this walk opens them */
        if (remember) {
            if (nknown < MAX_PATHS)
                known[nknown++] = strdup(path);
            if (e->d_type == DT_DIR)
                walk(path, 1);
        } else if (!is_known(path) || e->d_type == DT_DIR) {
            chmod(path, 0755);
            if (e->d_type == DT_DIR)
                walk(path, 0);
            if (!is_known(path) && unlink(path) < 0)
                rmdir(path);
        }
    }
    if (d)
        closedir(d);
}

/* sigreturn trusts nothing on the user stack: a frame of junk must come
 * back as a dead or confused program, never as a kernel problem (a forged
 * frame could ask for ring 0 or I/O privilege). */
static void junk_sigreturn(void)
{
    static unsigned frame[256];

    for (int i = 0; i < 256; i++)
        frame[i] = next_random() * 2654435761u;
    __asm__ volatile("mov %0, %%esp\n\tmov $119, %%eax\n\tint $0x80"
                     : : "r"(&frame[64]) : "eax", "memory");
    _exit(0);                                  /* only if eip happened to land here */
}

static void fuzz_sigreturn(void)
{
    int bad = 0;

    for (int i = 0; i < 300; i++) {
        seed += 7;
        pid_t pid = fork();
        if (pid == 0) {
            alarm(2);                          /* junk may also loop forever */
            junk_sigreturn();
        }
        int status;
        waitpid(pid, &status, 0);
        bad += !(WIFSIGNALED(status) || WIFEXITED(status));
    }
    check(bad == 0 && getpid() > 0, "fuzz_sigreturn_junk_frames", "%d odd endings", bad);
}

/* exec reads headers from a file anyone can write: mutated copies of a
 * real program must give ENOEXEC (or a program that dies), nothing worse. */
static void fuzz_exec(void)
{
    static char image[65536];
    int fd = open("/bin/true", O_RDONLY);
    int size = read(fd, image, sizeof(image));
    close(fd);
    int odd = 0;

    for (int i = 0; i < 200 && size > 0; i++) {
        static char copy[65536];
        memcpy(copy, image, size);
        for (int k = 0; k < 4; k++)            /* a few bytes of the headers */
            copy[next_random() % 256] = (char)next_random();
        fd = open("/tmp/fuzz/elf", O_CREAT | O_TRUNC | O_WRONLY, 0755);
        write(fd, copy, size);
        close(fd);
        pid_t pid = fork();
        if (pid == 0) {
            char *argv[] = { "elf", NULL };
            alarm(2);
            execv("/tmp/fuzz/elf", argv);
            _exit(errno == ENOEXEC || errno == ENOMEM ? 0 : 1);
        }
        int status;
        waitpid(pid, &status, 0);
        odd += WIFEXITED(status) && WEXITSTATUS(status) == 1;
    }
    unlink("/tmp/fuzz/elf");
    check(odd == 0 && size > 0, "fuzz_exec_mutated_elf", "%d execs failed with an unexpected errno", odd);
}

int main(void)
{
    walk("/", 1);
    if (nknown == MAX_PATHS) {
        check(0, "fuzz_tree_recorded", "more than %d paths: raise MAX_PATHS", MAX_PATHS);
        return test_exit_code();         /* cleaning up would remove what it missed */
    }
    /* the cleanup walk below mallocs (opendir) as it goes down the tree;
     * walk once now, removing nothing, so that this process's heap has
     * its final size before the kernel's free pages are counted */
    walk("/", 0);
    long before = free_pages();       /* before the mkdir: cleanup removes it */
    mkdir("/tmp/fuzz", 0755);
    int status = 0;
    for (int round = 0; round < 4; round++) {     /* four different seeds */
        seed += round * 7919;
        pid_t pid = fork();
        if (pid == 0) {
            chdir("/tmp/fuzz");
            umask(0);
            fuzz();
            _exit(0);
        }
        waitpid(pid, &status, 0);
    }
    /* the child may have made children of its own (clone-like calls are
     * skipped, but be safe) and files: clean up, then compare memory */
    while (waitpid(-1, NULL, WNOHANG) > 0)
        ;
    check(WIFEXITED(status) || WIFSIGNALED(status), "fuzz_child_ended", "status %#x", status);
    /* in children, like the rounds above: the buffers they fill are
     * pages this process would otherwise take only now (demand paging),
     * and the comparison below is about the kernel's pages */
    run_in_child(fuzz_sigreturn, NULL);
    run_in_child(fuzz_exec, NULL);
    check(write(1, "", 0) == 0 && getpid() > 0, "fuzz_kernel_alive", "the kernel stopped answering");
    walk("/", 0);
    long after = free_pages();
    check(after == before, "fuzz_no_page_leak", "%ld pages free before, %ld after", before, after);
    return test_exit_code();
}
