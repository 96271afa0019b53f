/* Grader of the lab "Copy-on-write fork" (docs/labs/cow.md).
 *
 * A process with 8 MiB of heap, every page touched, forks.  Measured:
 * the free pages the fork took (sysinfo), whether each side's writes stay
 * its own (the parent writes at once after fork, the child later), how
 * many copies a write makes (getprocs' cow_copies), what reading costs,
 * and whether every page comes back once the child has gone.  Then a
 * process that fills most of memory forks and execs, again and again.
 *
 * Each scenario runs in a child of the grader, so that a kernel bug that
 * kills it (a SIGSEGV on a write that should have been copied) costs its
 * checks, not the grader; the results come back in a shared mapping,
 * which is one memory for both whatever fork does with private pages. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "lab_run.h"

#define PAGE 4096
#define HEAP_PAGES 2048                 /* 8 MiB */
#define CHEAP 64                        /* pages a fork may take: tables, stacks */
#define PARENT_PAGE (HEAP_PAGES - 1)    /* the parent writes here at once */
#define CHILD_PAGE 100                  /* the child writes here */
#define TWICE_PAGE 200                  /* the child writes here twice */
#define FORK_EXECS 10

enum stage { STARTED, FORKED, CHILD_READ, CHILD_WROTE, PARENT_WROTE, DONE };

struct results {
    enum stage stage;                   /* how far the scenario got */
    int fork_errno;
    long fork_cost;                     /* free pages the fork took */
    int parent_write_seen;              /* by the child: not private */
    int child_write_seen;               /* by the parent */
    long read_cost;                     /* pages taken since before the fork,
                                           after the child read every page */
    long copies_first, copies_second;   /* cow_copies of the child's two writes */
    long write_cost;                    /* free pages the two writes took */
    long parent_copies;                 /* cow_copies of the parent's write to
                                           the page the child had copied */
    int child_status;
    int forks, execs_ok;                /* the low-memory scenario */
    long used_pages, free_at_fork;
};

static struct results *res;

static unsigned long my_cow_copies(void)
{
    static struct procinfo p[128];
    int n = getprocs(p, 128);

    for (int i = 0; i < n; i++)
        if (p[i].pid == getpid())
            return p[i].cow_copies;
    return 0;
}

static void wait_byte(int fd)
{
    char c;

    while (read(fd, &c, 1) < 0 && errno == EINTR)
        ;
}

/* ---------------------------------------------------------------- the 8 MiB fork */

/* The child: reads everything, writes one page, then another page twice,
 * measuring each step. */
static void child_side(char *heap, long before, int go, int done)
{
    wait_byte(go);                      /* the parent has written its page */
    res->parent_write_seen = heap[PARENT_PAGE * PAGE] != 1;
    unsigned sum = 0;
    for (int i = 0; i < HEAP_PAGES; i++)
        sum += (unsigned char)heap[i * PAGE + 7];
    res->read_cost = before - free_pages() + (sum != HEAP_PAGES);
    res->stage = CHILD_READ;
    heap[CHILD_PAGE * PAGE] = 9;
    my_cow_copies();                    /* its buffer and stack: copied now, */
    unsigned long a = my_cow_copies();  /* not in what is measured */
    long f0 = free_pages();
    heap[TWICE_PAGE * PAGE] = 5;
    unsigned long b = my_cow_copies();
    heap[TWICE_PAGE * PAGE + 1] = 6;
    unsigned long c = my_cow_copies();
    res->write_cost = f0 - free_pages();
    res->copies_first = b - a;
    res->copies_second = c - b;
    res->stage = CHILD_WROTE;
    write(done, "d", 1);
    wait_byte(go);                      /* the parent has looked */
    _exit(0);
}

static void big_fork(void)
{
    char *heap = malloc(HEAP_PAGES * PAGE);
    int go[2], done[2];

    if (!heap || pipe(go) < 0 || pipe(done) < 0)
        return;
    memset(heap, 1, HEAP_PAGES * PAGE);
    free_pages();                       /* its stack and buffers: in now */
    my_cow_copies();
    long before = free_pages();
    pid_t pid = fork();
    if (pid == 0) {
        close(go[1]);
        close(done[0]);
        child_side(heap, before, go[0], done[1]);
    }
    heap[PARENT_PAGE * PAGE] = 2;       /* at once: no system call in between */
    long after = free_pages();
    if (pid < 0) {
        res->fork_errno = errno;
        return;
    }
    res->fork_cost = before - after;
    res->stage = FORKED;
    close(go[0]);
    close(done[1]);
    write(go[1], "g", 1);
    wait_byte(done[0]);                 /* end of file too, if the child died */
    if (res->stage == CHILD_WROTE) {
        res->child_write_seen = heap[CHILD_PAGE * PAGE] != 1;
        unsigned long a = my_cow_copies();
        heap[TWICE_PAGE * PAGE] = 3;    /* the child has its copy: ours alone */
        res->parent_copies = my_cow_copies() - a;
        res->stage = PARENT_WROTE;
    }
    write(go[1], "g", 1);
    res->child_status = wait_status(pid);
    if (res->stage == PARENT_WROTE)
        res->stage = DONE;
}

/* ---------------------------------------------------------------- little memory left */

static void fork_exec_low_memory(void)
{
    long pages = free_pages() * 6 / 10;
    char *big = malloc(pages * PAGE);

    if (!big)
        return;
    memset(big, 1, pages * PAGE);
    res->used_pages = pages;
    res->free_at_fork = free_pages();
    for (int i = 0; i < FORK_EXECS; i++) {
        char *argv[] = { "true", NULL };
        pid_t pid = spawn(argv, -1, -1, -1, 5);
        if (pid < 0) {
            res->fork_errno = errno;
            break;
        }
        res->forks++;
        int status = wait_status(pid);
        res->execs_ok += WIFEXITED(status) && WEXITSTATUS(status) == 0;
    }
}

/* ---------------------------------------------------------------- the checks */

static const char *ended(int status)
{
    static char text[40];

    if (WIFSIGNALED(status))
        snprintf(text, sizeof(text), "was killed by signal %d", WTERMSIG(status));
    else
        snprintf(text, sizeof(text), "exited with %d", WEXITSTATUS(status));
    return text;
}

/* Whether the checks after cow_fork_cheap can say anything; if not, they
 * fail with the reason. */
static int gate(const char *name, int status)
{
    if (res->fork_errno || res->stage < FORKED)
        check(0, name, "needs cow_fork_cheap first");
    else if (res->fork_cost >= CHEAP)
        check(0, name, "needs cow_fork_cheap first: fork still copies every page");
    else if (res->stage < DONE && !WIFEXITED(status))
        check(0, name, "the process that forked %s: a write to a page shared since fork "
              "must be copied, not be a SIGSEGV", ended(status));
    else if (res->stage < DONE && res->child_status && !WIFEXITED(res->child_status))
        check(0, name, "the child of the fork %s: a write to a page shared since fork "
              "must be copied, not be a SIGSEGV", ended(res->child_status));
    else if (res->stage < DONE)
        check(0, name, "the scenario stopped half way (stage %d)", res->stage);
    else
        return 1;
    return 0;
}

static void check_big_fork(void)
{
    int status;
    long before = free_pages();

    run_in_child(big_fork, &status);
    long leaked = before - free_pages();

    if (res->stage < FORKED)
        check(0, "cow_fork_cheap", "fork of a process with %d pages of heap failed (errno "
              "%d, %s)", HEAP_PAGES, res->fork_errno, ended(status));
    else
        check(res->fork_cost < CHEAP, "cow_fork_cheap", "fork of a process with %d touched "
              "pages of heap took %ld free pages, want fewer than %d: share the pages with "
              "the child (fork_page, kernel/mm/mm.c) instead of copying them", HEAP_PAGES,
              res->fork_cost, CHEAP);

    if (gate("cow_child_private", status))
        check(!res->child_write_seen, "cow_child_private", "the child wrote to a page after "
              "fork and the parent saw it: a private page must be read-only in both, so "
              "that the first write faults (fault_in_page) and is copied");
    if (gate("cow_parent_private", status))
        check(!res->parent_write_seen, "cow_parent_private", "the parent wrote to a page at "
              "once after fork and the child saw it: the parent's entry must lose PTE_W, "
              "and its TLB forget the old writable one (write_cr3)");
    if (gate("cow_copy_once", status)) {
        if (res->copies_first != 1 || res->write_cost > 2)
            check(0, "cow_copy_once", "the child's first write to a shared page made %ld "
                  "copies (cow_copies) and took %ld free pages: want one of each",
                  res->copies_first, res->write_cost);
        else if (res->copies_second != 0)
            check(0, "cow_copy_once", "a second write to the page the child had copied "
                  "copied it again (%ld copies): its copy is its own, writable",
                  res->copies_second);
        else
            check(res->parent_copies == 0, "cow_copy_once", "after the child copied a page, "
                  "the parent's write to it made %ld copies: a page with one holder left "
                  "becomes writable without a copy", res->parent_copies);
    }
    if (gate("cow_read_shared", status))
        check(res->read_cost < CHEAP, "cow_read_shared", "the child read all %d pages and "
              "%ld free pages were gone since before the fork: reading a shared page must "
              "not copy it", HEAP_PAGES, res->read_cost);
    if (gate("cow_no_leak", status))
        check(leaked <= 0, "cow_no_leak", "%ld pages fewer free once the child and the "
              "parent had exited than before: each holder of a shared page gives it back "
              "once (free_page), the last one frees it", leaked);
}

static void check_fork_exec(void)
{
    int status;

    memset(res, 0, sizeof(*res));
    run_in_child(fork_exec_low_memory, &status);
    if (!WIFEXITED(status))
        check(0, "cow_fork_exec", "a process using %ld pages (%ld free) that forks and execs "
              "%s (out of memory? see the console)", res->used_pages, res->free_at_fork,
              ended(status));
    else
        check(res->forks == FORK_EXECS && res->execs_ok == FORK_EXECS, "cow_fork_exec",
              "a process using %ld pages, %ld free: %d of %d forks worked (errno %d), %d "
              "runs of true ended well: a fork for exec must not need a copy of the memory",
              res->used_pages, res->free_at_fork, res->forks, FORK_EXECS, res->fork_errno,
              res->execs_ok);
}

int main(void)
{
    res = mmap(NULL, sizeof(*res), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (res == MAP_FAILED) {
        check(0, "cow_fork_cheap", "mmap of a shared page failed (errno %d)", errno);
        return test_exit_code();
    }
    memset(res, 0, sizeof(*res));
    check_big_fork();
    check_fork_exec();
    return test_exit_code();
}
