/* Grader of the lab "Add a system call" (docs/labs/syscall.md), part 2:
 * kinfo(info), which fills a struct kinfo (include/minnow/kinfo.h) with
 * the free and total memory in pages, the number of processes, and the
 * number of system calls the caller has made.
 *
 * The numbers are checked against what they must do, not against values
 * written here: memory touched for the first time takes free pages,
 * children and zombies are processes until they are reaped, and every
 * call counts.  It calls kinfo by number, so it builds before the call
 * exists. */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <minnow/kinfo.h>
#include "lab.h"

#ifndef __NR_kinfo
#define __NR_kinfo 511              /* the number the handout asks for */
#endif

static long do_kinfo(void *info)
{
    return syscall(__NR_kinfo, info);
}

/* free_pages and total_pages: what sysinfo() says too, when nothing
 * changed in between; and pages touched for the first time are taken. */
static void memory(void)
{
    struct kinfo k = { 0 }, k2 = { 0 };
    struct sysinfo s1, s2;
    int tries = 0;

    do {
        sysinfo(&s1);
        do_kinfo(&k);
        sysinfo(&s2);
    } while (s1.freeram != s2.freeram && ++tries < 5);
    if (k.total_pages != s1.totalram || k.free_pages != s1.freeram) {
        check(0, "kinfo_memory", "free_pages %lu, total_pages %lu; sysinfo says %lu free of %lu"
              " (mm/page_alloc.h counts them)", k.free_pages, k.total_pages,
              s1.freeram, s1.totalram);
        return;
    }

    enum { PAGES = 64 };
    char *p = sbrk(PAGES * 4096);
    if (p == (char *)-1) {
        check(0, "kinfo_memory", "sbrk failed: %s", strerror(errno));
        return;
    }
    do_kinfo(&k);
    for (int i = 0; i < PAGES; i++)
        p[i * 4096] = 1;                        /* a page fault takes a page */
    do_kinfo(&k2);
    long taken = (long)k.free_pages - (long)k2.free_pages;
    check(taken >= PAGES && taken <= PAGES + 4, "kinfo_memory",
          "touching %d new pages changed free_pages from %lu to %lu, want %d to %d fewer",
          PAGES, k.free_pages, k2.free_pages, PAGES, PAGES + 4);
}

static int procs(void)
{
    struct kinfo k = { 0 };

    do_kinfo(&k);
    return k.procs;
}

/* Three children count, as zombies too, until wait() reaps them. */
static void processes(void)
{
    int go[2], done[2];
    pid_t kids[3];
    int before = procs(), with, zombies, after;

    if (pipe(go) < 0 || pipe(done) < 0) {
        check(0, "kinfo_procs", "pipe failed: %s", strerror(errno));
        return;
    }
    for (int i = 0; i < 3; i++) {
        kids[i] = fork();
        if (kids[i] == 0) {                     /* wait for "go", then exit */
            char c;
            close(go[1]);
            close(done[0]);
            read(go[0], &c, 1);
            _exit(0);
        }
    }
    close(go[0]);
    close(done[1]);
    with = procs();
    close(go[1]);                               /* go: they exit... */
    char c;
    read(done[0], &c, 1);                       /* ...end of file once all three have */
    close(done[0]);
    zombies = procs();
    for (int i = 0; i < 3; i++)
        waitpid(kids[i], NULL, 0);
    after = procs();
    if (with != before + 3)
        check(0, "kinfo_procs", "procs was %d, then %d with 3 more children; want %d",
              before, with, before + 3);
    else if (zombies != before + 3)
        check(0, "kinfo_procs", "procs: %d with 3 more children, %d once they exited;"
              " a zombie is still a process until wait() (want %d)", with, zombies, with);
    else
        check(after == before, "kinfo_procs", "procs: %d before 3 children, %d after"
              " wait() reaped them", before, after);
}

static void child_first_call(void)
{
    struct kinfo k = { 0 };

    do_kinfo(&k);
    _exit(k.syscalls > 255 ? 255 : (int)k.syscalls);
}

/* Every call counts, this one included; a child starts again from 0. */
static void syscall_count(void)
{
    struct kinfo k1 = { 0 }, k2 = { 0 };

    do_kinfo(&k1);
    syscall(__NR_getpid);
    syscall(__NR_getpid);
    syscall(__NR_getppid);
    do_kinfo(&k2);
    if (k2.syscalls != k1.syscalls + 4) {
        check(0, "kinfo_syscalls", "kinfo, getpid, getpid, getppid, kinfo: syscalls went"
              " from %lu to %lu, want %lu (the dispatcher sees every call)",
              k1.syscalls, k2.syscalls, k1.syscalls + 4);
        return;
    }
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0)
        child_first_call();
    int status = wait_status(pid);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 1, "kinfo_syscalls",
          "a child's first call, kinfo, said syscalls = %d; want 1 (a new process"
          " starts from 0: fork gives the child its own count)",
          WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

/* Pointers the caller may not write: EFAULT, and the caller lives on.
 * In a child, so that a kernel that kills it cannot stop this grader. */
static void bad_pointers(void)
{
    static void *const bad[] = { NULL, (void *)0xc0000000, (void *)bad_pointers };
    static const char *const what[] = { "NULL", "0xc0000000 (the kernel's)",
                                         "the program's code (read-only)" };

    for (int i = 0; i < 3; i++) {
        errno = 0;
        long r = do_kinfo(bad[i]);
        if (r != -1 || errno != EFAULT) {
            check(0, "kinfo_efault", "kinfo(%s) returned %ld (%s), want -1 EFAULT",
                  what[i], r, r < 0 ? strerror(errno) : "no error");
            return;
        }
    }
    check(1, "kinfo_efault", "-");
}

int main(void)
{
    static const char *const later[] = {
        "kinfo_memory", "kinfo_procs", "kinfo_syscalls", "kinfo_efault",
    };
    struct kinfo k;

    long r = do_kinfo(&k);
    if (!syscall_call_exists("kinfo", "kinfo(&info)", __NR_kinfo, r, later, 4))
        return test_exit_code();
    memory();
    processes();
    syscall_count();
    int status;
    run_in_child(bad_pointers, &status);
    if (WIFSIGNALED(status))
        check(0, "kinfo_efault", "a bad pointer killed the caller with signal %d (%s):"
              " check it (copy_to_user) before writing", WTERMSIG(status),
              strsignal(WTERMSIG(status)));
    return test_exit_code();
}
