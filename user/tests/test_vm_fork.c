/* Virtual memory across fork (docs/vm.md): each process sees only its own
 * writes -- to data, bss, heap, stack and a MAP_PRIVATE file mapping --
 * while a MAP_SHARED anonymous mapping is one memory for both.  Each
 * group runs in a child of its own, and gives back every page it took.
 * The groups about copy-on-write are the lab cow's (docs/labs/cow.md):
 * the student's tree starts without them. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <minnow/sysinfo.h>
#include <minnow/test.h>

#define PAGE 4096

static int gdata = 1;                  /* .data */
static int gbss;                       /* .bss */

static void wait_byte(int fd)
{
    char c;
    while (read(fd, &c, 1) < 0 && errno == EINTR)
        ;
}

/* ---------------------------------------------------------------- private */

/* Both sides write their own value to each place, wait until the other
 * side wrote too, and then must still see their own. */
struct places {
    int *heap;                         /* malloc */
    int *brk;                          /* sbrk */
    volatile int *stack;
    char *file;                        /* MAP_PRIVATE file mapping */
};

static void write_all(struct places *p, int v)
{
    gdata = v;
    gbss = v;
    *p->heap = v;
    *p->brk = v;
    *p->stack = v;
    p->file[10] = (char)v;
}

/* a bit set for each place that does not hold v */
static int wrong(struct places *p, int v)
{
    return (gdata != v) | (gbss != v) << 1 | (*p->heap != v) << 2 | (*p->brk != v) << 3 |
           (*p->stack != v) << 4 | (p->file[10] != (char)v) << 5;
}

static void private_writes(void)
{
    volatile int local = 0;
    struct places p = { malloc(sizeof(int)), sbrk(PAGE), &local, NULL };
    int to_child[2], to_parent[2];

    fill_file("/tmp/vm_fork_priv", 'f', 2 * PAGE);
    int fd = open("/tmp/vm_fork_priv", O_RDWR);
    p.file = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    check(p.file != MAP_FAILED, "vm_fork_private_file_mmap", "errno %d", errno);
    if (p.file == MAP_FAILED)
        return;
    write_all(&p, 5);                  /* present (and private) before the fork */
    pipe(to_child);
    pipe(to_parent);
    pid_t pid = fork();
    if (pid == 0) {
        write_all(&p, 7);
        write(to_parent[1], "w", 1);
        wait_byte(to_child[0]);
        _exit(wrong(&p, 7));
    }
    write_all(&p, 9);
    write(to_child[1], "w", 1);
    wait_byte(to_parent[0]);
    int bad = wrong(&p, 9), status = wait_status(pid);
    int cbad = WIFEXITED(status) ? WEXITSTATUS(status) : 0x3f;
    static const char *names[] = {
        "vm_fork_private_data", "vm_fork_private_bss", "vm_fork_private_malloc",
        "vm_fork_private_sbrk", "vm_fork_private_stack", "vm_fork_private_file_map",
    };
    for (int i = 0; i < 6; i++)
        check(!(bad & 1 << i) && !(cbad & 1 << i), names[i],
              "parent %s, child %s", bad & 1 << i ? "wrong" : "right",
              cbad & 1 << i ? "wrong" : "right");
    /* neither side's write reached the file */
    char c = 0;
    lseek(fd, 10, SEEK_SET);
    read(fd, &c, 1);
    check(c == 'f', "vm_fork_private_file_untouched", "read() gives %#x", c);
    close(fd);
    munmap(p.file, 2 * PAGE);
    unlink("/tmp/vm_fork_priv");
    sbrk(-PAGE);
}

/* ---------------------------------------------------------------- shared */

static void shared_anonymous(void)
{
    char *m = mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    check(m != MAP_FAILED, "vm_shared_anon_mmap", "errno %d", errno);
    if (m == MAP_FAILED)
        return;
    m[0] = 1;                          /* one page there before the fork, */
    pid_t pid = fork();                /* three that come in after it */
    if (pid == 0) {
        int saw = m[0];
        m[0] = 42;
        m[3 * PAGE + 5] = 43;
        _exit(saw == 1 ? 0 : 1);
    }
    int status = wait_status(pid);
    check(m[0] == 42 && m[3 * PAGE + 5] == 43, "vm_shared_anon_child_writes_seen",
          "parent sees %d and %d", m[0], m[3 * PAGE + 5]);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "vm_shared_anon_parent_write_seen",
          "status %#x", status);
    /* and after fork the other way round: a write in the parent */
    int go[2];
    pipe(go);
    pid = fork();
    if (pid == 0) {
        wait_byte(go[0]);
        _exit(m[2 * PAGE] == 77 ? 0 : 1);
    }
    m[2 * PAGE] = 77;
    write(go[1], "g", 1);
    status = wait_status(pid);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "vm_shared_anon_parent_later_write",
          "the child did not see the parent's write after fork (status %#x)", status);
    munmap(m, 4 * PAGE);
}
/* LAB(cow) BEGIN */

/* ---------------------------------------------------------------- copy-on-write */

/* A fork costs page tables, not pages (visible in getprocs' counts), and
 * a 64 MiB process forks a hundred times on a 128 MiB machine. */

#define COW_PAGES 64

static int procinfo_of(pid_t pid, struct procinfo *out)
{
    static struct procinfo p[128];
    int n = getprocs(p, 128);

    for (int i = 0; i < n; i++)
        if (p[i].pid == pid) {
            *out = p[i];
            return 1;
        }
    return 0;
}

static void cow_counts(void)
{
    char *m = mmap(NULL, COW_PAGES * PAGE, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    int go[2], done[2];

    memset(m, 0x11, COW_PAGES * PAGE);
    pipe(go);
    pipe(done);
    procinfo_of(getpid(), &(struct procinfo){0});   /* its static buffer: in now */
    long before = free_pages();
    pid_t pid = fork();
    if (pid == 0) {
        close(go[1]);                  /* so that the parent's close is end of file */
        wait_byte(go[0]);
        for (int i = 0; i < COW_PAGES; i++)
            m[i * PAGE] = 0x22;
        write(done[1], "d", 1);
        wait_byte(go[0]);              /* end of file: the parent read our counts */
        _exit(m[0] == 0x22 ? 0 : 1);
    }
    long during = free_pages();
    check(before - during < COW_PAGES / 4, "vm_cow_fork_takes_few_pages",
          "fork of %d touched pages took %ld pages", COW_PAGES, before - during);
    write(go[1], "g", 1);
    wait_byte(done[0]);
    struct procinfo info = { 0 };
    int found = procinfo_of(pid, &info);
    check(found && info.cow_copies >= COW_PAGES, "vm_cow_copies_counted",
          "found %d, cow_copies %lu after writing %d pages", found, info.cow_copies, COW_PAGES);
    check(found && info.min_flt >= info.cow_copies, "vm_cow_min_flt_counted",
          "min_flt %lu, cow_copies %lu", info.min_flt, info.cow_copies);
    long copied = free_pages();
    check(during - copied >= COW_PAGES, "vm_cow_write_takes_pages",
          "writing %d pages took %ld", COW_PAGES, during - copied);
    close(go[1]);
    int status = wait_status(pid);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0 && m[0] == 0x11,
          "vm_cow_both_sides_keep_theirs", "status %#x, parent sees %#x", status, m[0]);
    close(go[0]);                      /* the pipes' pages go back too */
    close(done[0]);
    close(done[1]);
    check(free_pages() >= before, "vm_cow_child_exit_frees", "%ld free before the fork, %ld after",
          before, free_pages());
    munmap(m, COW_PAGES * PAGE);
}

/* ---------------------------------------------------------------- big forks */

#define BIG (64u << 20)

static void big_forks(void)
{
    long start = free_pages();
    char *m = mmap(NULL, BIG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    check(m != MAP_FAILED, "vm_big_mmap_64m", "errno %d", errno);
    if (m == MAP_FAILED)
        return;
    memset(m, 0x5a, BIG);
    int forked = 0, ok = 0;
    for (int i = 0; i < 100; i++) {
        pid_t pid = fork();
        if (pid == 0) {
            if (i & 1)
                m[(i * 97 % (BIG / PAGE)) * PAGE] = 1;   /* one page copied */
            _exit(m[BIG - 1] == 0x5a ? 0 : 1);
        }
        if (pid < 0)
            break;
        forked++;
        int status = wait_status(pid);
        ok += WIFEXITED(status) && WEXITSTATUS(status) == 0;
    }
    check(forked == 100 && ok == 100, "vm_big_fork_100_times",
          "%d forks of a 64 MiB process, %d children ended well (errno %d)", forked, ok, errno);
    check(m[0] == 0x5a && m[BIG - 1] == 0x5a && m[97 * PAGE] == 0x5a, "vm_big_fork_parent_intact",
          "the parent's memory changed");
    munmap(m, BIG);
    long end = free_pages();
    check(end >= start, "vm_big_pages_back", "%ld free at the start, %ld after munmap", start, end);
}

/* A 64 MiB heap (malloc, through brk or mmap) forks as cheaply. */
static void big_malloc_forks(void)
{
    char *m = malloc(BIG);
    check(m != NULL, "vm_big_malloc_64m", "malloc failed");
    if (!m)
        return;
    memset(m, 0x3c, BIG);
    int ok = 0;
    for (int i = 0; i < 100; i++) {
        pid_t pid = fork();
        if (pid == 0)
            _exit(m[i * PAGE] == 0x3c ? 0 : 1);
        if (pid < 0)
            break;
        int status = wait_status(pid);
        ok += WIFEXITED(status) && WEXITSTATUS(status) == 0;
    }
    check(ok == 100, "vm_big_malloc_fork_100_times", "%d of 100 children ended well", ok);
    free(m);
}
/* LAB(cow) END */

int main(void)
{
    free_pages();                      /* stdio and sysinfo's pages: in now */
    check_group(private_writes, "vm_fork_private");
    check_group(shared_anonymous, "vm_shared_anon");
    /* LAB(cow) BEGIN */
    check_group(cow_counts, "vm_cow");
    check_group(big_forks, "vm_big");
    check_group(big_malloc_forks, "vm_big_malloc");
    /* LAB(cow) END */
    return test_exit_code();
}
