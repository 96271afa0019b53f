/* Orphans: a process whose parent exits is adopted by init (pid 1), which
 * reaps it when it ends, so no zombie is left behind. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <minnow/syscalls.h>
#include <minnow/sysinfo.h>
#include <minnow/test.h>

static int zombies_with_parent(pid_t ppid, pid_t *first)
{
    struct procinfo p[128];
    int n = getprocs(p, 128), z = 0;

    for (int i = 0; i < n; i++)
        if (p[i].state == 'Z' && (ppid == 0 || p[i].ppid == ppid)) {
            z++;
            *first = p[i].pid;
        }
    return z;
}

int main(void)
{
    int fds[2];
    pipe(fds);
    pid_t child = fork();
    if (child == 0) {
        pid_t grandchild = fork();
        if (grandchild == 0) {
            close(fds[0]);
            usleep(200000);                  /* outlive the parent */
            pid_t ppid = getppid();
            write(fds[1], &ppid, sizeof(ppid));
            _exit(0);
        }
        _exit(0);                            /* leave the grandchild an orphan */
    }
    close(fds[1]);
    waitpid(child, NULL, 0);
    pid_t adopted_by = 0;
    read(fds[0], &adopted_by, sizeof(adopted_by));
    close(fds[0]);
    check(adopted_by == 1, "orphan_adopted_by_init", "new parent is %d", adopted_by);

    pid_t z = 0;
    int left = 1;
    for (int i = 0; i < 20 && left; i++) {   /* init reaps it a moment later */
        usleep(20000);
        left = zombies_with_parent(1, &z);
    }
    check(left == 0, "orphan_reaped_by_init", "zombie %d is still there", z);

    /* our own zombie stays until we wait for it */
    pid_t pid = fork();
    if (pid == 0)
        _exit(3);
    usleep(100000);
    check(zombies_with_parent(getpid(), &z) == 1 && z == pid, "zombie_until_wait",
          "no zombie for child %d", pid);
    int status;
    waitpid(pid, &status, 0);
    check(zombies_with_parent(getpid(), &z) == 0 && WEXITSTATUS(status) == 3, "zombie_reaped",
          "status %#x", status);
    return test_exit_code();
}
