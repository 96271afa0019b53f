/* Nothing a program does may crash the kernel.  A child calls system
 * calls at random -- every number from 0 to 520, with arguments that are
 * kernel addresses, NULL, -1, huge sizes, or pointers to junk -- and the
 * kernel must answer each with a result or an errno.  Calls that would end
 * or stop the caller, or disturb other processes, are left out. */
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
    __NR_setsid, __NR_chdir,
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
 * before and removes the new ones afterwards. */
#define MAX_PATHS 512
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

int main(void)
{
    walk("/", 1);
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
    check(write(1, "", 0) == 0 && getpid() > 0, "fuzz_kernel_alive", "the kernel stopped answering");
    walk("/", 0);
    long after = free_pages();
    check(after == before, "fuzz_no_page_leak", "%ld pages free before, %ld after", before, after);
    return test_exit_code();
}
