/* mmap and its relatives, as Linux and POSIX specify them (docs/vm.md):
 * file mappings shared and private, SIGBUS past the end of a file,
 * mprotect and munmap with SIGSEGV, mremap, madvise, mincore, MAP_FIXED
 * and MAP_FIXED_NOREPLACE, MAP_GROWSDOWN, the old mmap (90), and the
 * errno of each wrong call.  Each group runs in a child of its own and
 * gives back every page it took. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <minnow/syscall_nr.h>
#include <minnow/test.h>

#define PAGE 4096
#define RW (PROT_READ | PROT_WRITE)
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)

static char byte_at(int fd, off_t off)
{
    char c = 0;
    lseek(fd, off, SEEK_SET);
    read(fd, &c, 1);
    return c;
}

/* ---------------------------------------------------------------- touching in a child */

static volatile char *target;          /* what touch_read/touch_write touch */

static void touch_read(void)  { _exit(*target == 0x7f ? 2 : 0); }
static void touch_write(void) { *target = 1; _exit(0); }

/* how a child that touched addr ended: 0 if it lived, else the signal */
static int touch(void *addr, void (*how)(void))
{
    target = addr;
    int s = child_status(how);
    return WIFSIGNALED(s) ? WTERMSIG(s) : 0;
}

/* ---------------------------------------------------------------- shared files */

static void shared_file(void)
{
    fill_file("/tmp/vm_shared", 'a', 2 * PAGE);
    int fd = open("/tmp/vm_shared", O_RDWR);
    char *p = mmap(NULL, 2 * PAGE, RW, MAP_SHARED, fd, 0);
    char *q = mmap(NULL, 2 * PAGE, RW, MAP_SHARED, fd, 0);
    check(p != MAP_FAILED && q != MAP_FAILED && p != q, "vm_shared_file_mmap",
          "%p %p errno %d", p, q, errno);
    if (p == MAP_FAILED || q == MAP_FAILED)
        return;
    p[0] = 'X';
    p[PAGE + 100] = 'Y';
    check(byte_at(fd, 0) == 'X' && byte_at(fd, PAGE + 100) == 'Y', "vm_shared_file_read_sees_write",
          "read() gives %c %c", byte_at(fd, 0), byte_at(fd, PAGE + 100));
    check(q[0] == 'X' && q[PAGE + 100] == 'Y', "vm_shared_file_second_mapping_sees",
          "second mapping has %c %c", q[0], q[PAGE + 100]);
    q[1] = 'Z';
    check(p[1] == 'Z', "vm_shared_file_second_mapping_writes", "first mapping has %c", p[1]);
    lseek(fd, 200, SEEK_SET);
    write(fd, "W", 1);
    check(p[200] == 'W', "vm_shared_file_write_seen_by_map", "mapping has %c", p[200]);
    check(msync(p, 2 * PAGE, MS_SYNC) == 0, "vm_msync_ok", "errno %d", errno);

    /* another process maps it on its own */
    pid_t pid = fork();
    if (pid == 0) {
        int cfd = open("/tmp/vm_shared", O_RDWR);
        char *c = mmap(NULL, 2 * PAGE, RW, MAP_SHARED, cfd, 0);
        if (c == MAP_FAILED)
            _exit(2);
        int saw = c[0] == 'X' && c[1] == 'Z';
        c[2] = 'C';
        c[PAGE + 2] = 'D';
        _exit(saw ? 0 : 1);
    }
    int status = wait_status(pid);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "vm_shared_file_other_process_sees",
          "status %#x", status);
    check(p[2] == 'C' && p[PAGE + 2] == 'D' && byte_at(fd, 2) == 'C',
          "vm_shared_file_other_process_writes", "we see %c %c", p[2], p[PAGE + 2]);

    /* MAP_PRIVATE: the write is this mapping's own */
    char *r = mmap(NULL, 2 * PAGE, RW, MAP_PRIVATE, fd, 0);
    check(r != MAP_FAILED && r[0] == 'X', "vm_private_file_reads_file", "errno %d", errno);
    if (r != MAP_FAILED) {
        r[0] = 'P';
        check(byte_at(fd, 0) == 'X' && p[0] == 'X' && r[0] == 'P', "vm_private_file_write_not_in_file",
              "read() gives %c, shared mapping %c", byte_at(fd, 0), p[0]);
        /* and a page it did not write still follows the file? POSIX leaves
         * it unspecified; only the written page is checked */
        madvise(r, PAGE, MADV_DONTNEED);
        check(r[0] == 'X', "vm_madvise_private_file_rereads", "got %c", r[0]);
        munmap(r, 2 * PAGE);
    }
    munmap(p, 2 * PAGE);
    munmap(q, 2 * PAGE);
    close(fd);
    unlink("/tmp/vm_shared");
}

/* Unlinked and closed: the mapping holds the file. */
static void unlinked_file(void)
{
    fill_file("/tmp/vm_unlinked", 'u', 3 * PAGE);
    int fd = open("/tmp/vm_unlinked", O_RDWR);
    char *p = mmap(NULL, 3 * PAGE, RW, MAP_SHARED, fd, 0);
    close(fd);
    unlink("/tmp/vm_unlinked");
    check(p != MAP_FAILED && p[0] == 'u' && p[3 * PAGE - 1] == 'u', "vm_unlinked_file_readable",
          "mapping lost the file");
    if (p == MAP_FAILED)
        return;
    p[PAGE] = 'v';
    pid_t pid = fork();
    if (pid == 0)
        _exit(p[PAGE] == 'v' ? 0 : 1);
    int status = wait_status(pid);
    check(p[PAGE] == 'v' && WIFEXITED(status) && WEXITSTATUS(status) == 0,
          "vm_unlinked_file_writable", "status %#x", status);
    munmap(p, 3 * PAGE);
}

/* The last page of a file is zeroes past its end; a page wholly past it
 * is SIGBUS. */
static void past_end(void)
{
    fill_file("/tmp/vm_short", 's', PAGE + 904);
    int fd = open("/tmp/vm_short", O_RDWR);
    char *p = mmap(NULL, 4 * PAGE, RW, MAP_SHARED, fd, 0);
    char *r = mmap(NULL, 4 * PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
    check(p != MAP_FAILED && r != MAP_FAILED, "vm_short_file_mmap", "errno %d", errno);
    if (p == MAP_FAILED || r == MAP_FAILED)
        return;
    int zeroes = 1;
    for (int i = 904; i < PAGE; i++)
        zeroes &= p[PAGE + i] == 0 && r[PAGE + i] == 0;
    check(p[PAGE + 903] == 's' && zeroes, "vm_last_page_zero_past_eof",
          "byte 903 %#x, the rest zero: %d", p[PAGE + 903], zeroes);
    int sig = touch(p + 2 * PAGE, touch_read);
    check(sig == SIGBUS, "vm_past_eof_read_sigbus", "signal %d", sig);
    sig = touch(p + 3 * PAGE + 17, touch_write);
    check(sig == SIGBUS, "vm_past_eof_write_sigbus", "signal %d", sig);
    sig = touch(r + 2 * PAGE, touch_read);
    check(sig == SIGBUS, "vm_past_eof_private_sigbus", "signal %d", sig);
    p[PAGE + 1000] = 'x';              /* in the page, past the end: not in the file */
    check(lseek(fd, 0, SEEK_END) == PAGE + 904, "vm_past_eof_write_keeps_size",
          "size %ld", (long)lseek(fd, 0, SEEK_END));
    munmap(p, 4 * PAGE);
    munmap(r, 4 * PAGE);
    close(fd);
    unlink("/tmp/vm_short");
}

/* The file shrinks under a shared mapping: the pages it let go of are
 * gone from the mapping too (SIGBUS, as in Linux), and when it grows
 * again the mapping and read() see the same bytes. */
static void truncated(void)
{
    fill_file("/tmp/vm_trunc", 't', 3 * PAGE);
    int fd = open("/tmp/vm_trunc", O_RDWR);
    char *p = mmap(NULL, 3 * PAGE, RW, MAP_SHARED, fd, 0);
    check(p != MAP_FAILED, "vm_truncate_mmap", "errno %d", errno);
    if (p == MAP_FAILED)
        return;
    p[2 * PAGE] = 'x';                 /* all three pages present */
    p[PAGE] = 'y';
    ftruncate(fd, PAGE + 10);
    check(p[PAGE + 9] == 't' && p[PAGE + 10] == 0, "vm_truncate_tail_zeroed",
          "bytes %#x %#x", p[PAGE + 9], p[PAGE + 10]);
    int sig = touch(p + 2 * PAGE, touch_read);
    check(sig == SIGBUS, "vm_truncate_cut_page_sigbus", "signal %d", sig);
    ftruncate(fd, 3 * PAGE);
    lseek(fd, 2 * PAGE, SEEK_SET);
    write(fd, "new", 3);
    check(p[2 * PAGE] == 'n', "vm_truncate_regrown_coherent", "mapping has %#x, read() 'n'",
          p[2 * PAGE]);
    p[2 * PAGE + 1] = 'E';
    check(byte_at(fd, 2 * PAGE + 1) == 'E', "vm_truncate_regrown_write_reaches_file",
          "read() gives %#x", byte_at(fd, 2 * PAGE + 1));
    munmap(p, 3 * PAGE);
    close(fd);
    unlink("/tmp/vm_trunc");
}

/* ---------------------------------------------------------------- mprotect, munmap */

static void protect(void)
{
    char *p = mmap(NULL, 2 * PAGE, RW, ANON, -1, 0);
    memset(p, 'm', 2 * PAGE);
    check(mprotect(p, PAGE, PROT_READ) == 0, "vm_mprotect_read_ok", "errno %d", errno);
    int sig = touch(p, touch_write);
    check(sig == SIGSEGV, "vm_mprotect_read_write_segv", "signal %d", sig);
    int zero = open("/dev/zero", O_RDONLY);    /* nor may the kernel write there */
    errno = 0;
    long got = read(zero, p, 16);
    check(got == -1 && errno == EFAULT && p[0] == 'm', "vm_mprotect_read_kernel_write_efault",
          "read gave %ld errno %d", got, errno);
    close(zero);
    sig = touch(p, touch_read);
    check(sig == 0 && p[0] == 'm', "vm_mprotect_read_still_reads", "signal %d", sig);
    sig = touch(p + PAGE, touch_write);
    check(sig == 0, "vm_mprotect_other_page_writable", "signal %d", sig);
    check(mprotect(p, 2 * PAGE, PROT_NONE) == 0, "vm_mprotect_none_ok", "errno %d", errno);
    sig = touch(p + PAGE, touch_read);
    check(sig == SIGSEGV, "vm_mprotect_none_read_segv", "signal %d", sig);
    check(mprotect(p, 2 * PAGE, RW) == 0, "vm_mprotect_back_rw", "errno %d", errno);
    p[0] = 'n';
    p[PAGE] = 'o';
    check(p[0] == 'n' && p[1] == 'm' && p[PAGE] == 'o' && p[PAGE + 1] == 'm',
          "vm_mprotect_rw_again_works", "contents %c%c %c%c", p[0], p[1], p[PAGE], p[PAGE + 1]);
    /* a page shared since fork, made read-only and writable again, is
     * still copy-on-write */
    mprotect(p, PAGE, PROT_READ);
    pid_t pid = fork();
    if (pid == 0) {
        mprotect(p, PAGE, RW);
        p[0] = 'c';
        _exit(p[0] == 'c' ? 0 : 1);
    }
    int status = wait_status(pid);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0 && p[0] == 'n',
          "vm_mprotect_after_fork_still_cow", "status %#x, parent sees %c", status, p[0]);
    munmap(p, 2 * PAGE);
}

static void unmap(void)
{
    char *p = mmap(NULL, 3 * PAGE, RW, ANON, -1, 0);
    memset(p, 'u', 3 * PAGE);
    check(munmap(p + PAGE, PAGE) == 0, "vm_munmap_middle_ok", "errno %d", errno);
    int sig = touch(p + PAGE, touch_read);
    check(sig == SIGSEGV, "vm_munmap_middle_segv", "signal %d", sig);
    p[0] = 'a';
    p[2 * PAGE + 5] = 'b';
    check(p[0] == 'a' && p[1] == 'u' && p[2 * PAGE + 5] == 'b' && p[3 * PAGE - 1] == 'u',
          "vm_munmap_middle_ends_usable", "ends hold %c%c %c%c", p[0], p[1], p[2 * PAGE + 5],
          p[3 * PAGE - 1]);
    check(munmap(p, 3 * PAGE) == 0, "vm_munmap_over_hole_ok", "errno %d", errno);
    sig = touch(p, touch_read);
    int sig2 = touch(p + 2 * PAGE, touch_write);
    check(sig == SIGSEGV && sig2 == SIGSEGV, "vm_after_munmap_segv", "signals %d %d", sig, sig2);
    check(munmap(p, 3 * PAGE) == 0, "vm_munmap_unmapped_ok", "errno %d", errno);
    errno = 0;
    check(munmap(p + 1, PAGE) == -1 && errno == EINVAL, "vm_munmap_unaligned_einval", "errno %d", errno);
    errno = 0;
    check(munmap(p, 0) == -1 && errno == EINVAL, "vm_munmap_len0_einval", "errno %d", errno);
}

/* ---------------------------------------------------------------- mremap */

static void remap(void)
{
    /* grow in place: the space after it is free */
    char *p = mmap(NULL, 4 * PAGE, RW, ANON, -1, 0);
    munmap(p + 2 * PAGE, 2 * PAGE);
    memset(p, 'g', 2 * PAGE);
    char *g = mremap(p, 2 * PAGE, 4 * PAGE, 0);
    check(g == p, "vm_mremap_grow_in_place", "got %p for %p (errno %d)", g, p, errno);
    if (g == p) {
        g[4 * PAGE - 1] = 'e';
        check(g[2 * PAGE - 1] == 'g' && g[2 * PAGE] == 0 && g[4 * PAGE - 1] == 'e',
              "vm_mremap_grow_in_place_contents", "contents lost");
    }
    munmap(p, 4 * PAGE);

    /* part of a bigger area cannot grow in place */
    char *a = mmap(NULL, 4 * PAGE, RW, ANON, -1, 0);
    memset(a, 'k', 4 * PAGE);
    a[0] = 'K';
    errno = 0;
    check(mremap(a, 2 * PAGE, 8 * PAGE, 0) == MAP_FAILED && errno == ENOMEM,
          "vm_mremap_no_room_enomem", "errno %d", errno);
    char *m = mremap(a, 2 * PAGE, 8 * PAGE, MREMAP_MAYMOVE);
    check(m != MAP_FAILED && m != a, "vm_mremap_maymove_moves", "got %p from %p, errno %d", m, a, errno);
    if (m != MAP_FAILED) {
        check(m[0] == 'K' && m[2 * PAGE - 1] == 'k' && m[2 * PAGE] == 0,
              "vm_mremap_maymove_keeps_contents", "contents %c %c %d", m[0], m[2 * PAGE - 1],
              m[2 * PAGE]);
        m[8 * PAGE - 1] = 1;
        int sig = touch(a, touch_read);
        check(sig == SIGSEGV && a[2 * PAGE] == 'k', "vm_mremap_maymove_old_gone",
              "old start: signal %d", sig);
    }

    /* shrink */
    char *s = mremap(m, 8 * PAGE, PAGE, 0);
    check(s == m && s[0] == 'K', "vm_mremap_shrink", "got %p for %p", s, m);
    int sig = touch(m + PAGE, touch_read);
    check(sig == SIGSEGV, "vm_mremap_shrink_rest_gone", "signal %d", sig);

    /* MREMAP_FIXED: onto what is at the target, which it replaces */
    char *t = a + 2 * PAGE;            /* the rest of the first area, still 'k' */
    char *f = mremap(m, PAGE, 2 * PAGE, MREMAP_MAYMOVE | MREMAP_FIXED, t);
    check(f == t && f[0] == 'K' && f[PAGE] == 0, "vm_mremap_fixed", "got %p for %p, f[0] %c",
          f, t, f == t ? f[0] : '?');
    sig = touch(m, touch_read);
    check(sig == SIGSEGV, "vm_mremap_fixed_old_gone", "signal %d", sig);

    /* errors */
    errno = 0;
    check(mremap(t + 1, PAGE, 2 * PAGE, MREMAP_MAYMOVE) == MAP_FAILED && errno == EINVAL,
          "vm_mremap_unaligned_einval", "errno %d", errno);
    errno = 0;
    check(mremap(m, PAGE, 2 * PAGE, MREMAP_MAYMOVE) == MAP_FAILED && errno == EFAULT,
          "vm_mremap_unmapped_efault", "errno %d", errno);
    errno = 0;
    check(mremap(t, PAGE, PAGE, MREMAP_FIXED, m) == MAP_FAILED && errno == EINVAL,
          "vm_mremap_fixed_without_maymove_einval", "errno %d", errno);
    errno = 0;
    check(mremap(t, PAGE, PAGE, 0x40) == MAP_FAILED && errno == EINVAL,
          "vm_mremap_bad_flags_einval", "errno %d", errno);
    errno = 0;
    check(mremap(t, PAGE, 2 * PAGE, MREMAP_MAYMOVE | MREMAP_FIXED, t - PAGE) == MAP_FAILED &&
          errno == EINVAL, "vm_mremap_fixed_overlap_einval", "errno %d", errno);
    munmap(t, 2 * PAGE);
}

/* ---------------------------------------------------------------- madvise, mincore */

static void advise(void)
{
    char *p = mmap(NULL, 4 * PAGE, RW, ANON, -1, 0);
    memset(p, 0x55, 4 * PAGE);
    check(madvise(p + PAGE, 2 * PAGE, MADV_DONTNEED) == 0, "vm_madvise_dontneed_ok", "errno %d", errno);
    check(p[0] == 0x55 && p[PAGE] == 0 && p[3 * PAGE - 1] == 0 && p[3 * PAGE] == 0x55,
          "vm_madvise_dontneed_zeroes", "bytes %#x %#x %#x %#x", p[0], p[PAGE], p[3 * PAGE - 1],
          p[3 * PAGE]);
    errno = 0;
    check(madvise(p, PAGE, 12345) == -1 && errno == EINVAL, "vm_madvise_unknown_einval",
          "errno %d", errno);
    errno = 0;
    check(madvise(p + 1, PAGE, MADV_NORMAL) == -1 && errno == EINVAL,
          "vm_madvise_unaligned_einval", "errno %d", errno);
    check(madvise(p, 4 * PAGE, MADV_WILLNEED) == 0 && p[0] == 0x55, "vm_madvise_willneed_ok",
          "errno %d", errno);
    munmap(p, 4 * PAGE);
    errno = 0;
    check(madvise(p, PAGE, MADV_DONTNEED) == -1 && errno == ENOMEM, "vm_madvise_unmapped_enomem",
          "errno %d", errno);

    unsigned char vec[4] = { 9, 9, 9, 9 };
    char *q = mmap(NULL, 4 * PAGE, RW, ANON, -1, 0);
    q[0] = 1;
    q[2 * PAGE + 7] = 1;
    int r = mincore(q, 4 * PAGE, vec);
    check(r == 0 && (vec[0] & 1) && !(vec[1] & 1) && (vec[2] & 1) && !(vec[3] & 1),
          "vm_mincore_touched_pages", "r %d vec %d %d %d %d", r, vec[0], vec[1], vec[2], vec[3]);
    errno = 0;
    check(mincore(q + 1, PAGE, vec) == -1 && errno == EINVAL, "vm_mincore_unaligned_einval",
          "errno %d", errno);
    errno = 0;
    check(mincore(q, 4 * PAGE, (unsigned char *)0xC0000000) == -1 && errno == EFAULT,
          "vm_mincore_bad_vec_efault", "errno %d", errno);
    munmap(q, 4 * PAGE);
    errno = 0;
    check(mincore(q, PAGE, vec) == -1 && errno == ENOMEM, "vm_mincore_unmapped_enomem",
          "errno %d", errno);
}

/* ---------------------------------------------------------------- MAP_FIXED, MAP_GROWSDOWN */

static void fixed(void)
{
    char *a = mmap(NULL, 2 * PAGE, RW, ANON, -1, 0);
    memset(a, 'a', 2 * PAGE);
    char *b = mmap(a, PAGE, RW, ANON | MAP_FIXED, -1, 0);
    check(b == a && b[0] == 0 && a[PAGE] == 'a', "vm_map_fixed_replaces",
          "got %p for %p, first byte %#x", b, a, b == a ? b[0] : -1);
    errno = 0;
    char *c = mmap(a + PAGE, PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0);
    check(c == MAP_FAILED && errno == EEXIST && a[PAGE] == 'a', "vm_map_fixed_noreplace_eexist",
          "got %p errno %d", c, errno);
    errno = 0;
    c = mmap(a + 1, PAGE, RW, ANON | MAP_FIXED, -1, 0);
    check(c == MAP_FAILED && errno == EINVAL, "vm_map_fixed_unaligned_einval", "errno %d", errno);
    munmap(a, 2 * PAGE);
    c = mmap(a + PAGE, PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0);
    check(c == a + PAGE, "vm_map_fixed_noreplace_free_ok", "got %p for %p (errno %d)", c,
          a + PAGE, errno);
    munmap(c, PAGE);
    /* a hint that is free is taken as it is */
    c = mmap(a, PAGE, RW, ANON, -1, 0);
    check(c == a, "vm_map_hint_taken", "got %p for %p", c, a);
    munmap(c, PAGE);
}

static void growsdown(void)
{
    /* a free stretch of 16 pages, the stack in its upper four */
    char *r = mmap(NULL, 16 * PAGE, PROT_NONE, ANON, -1, 0);
    munmap(r, 16 * PAGE);
    char *s = mmap(r + 12 * PAGE, 4 * PAGE, RW, ANON | MAP_GROWSDOWN, -1, 0);
    check(s == r + 12 * PAGE, "vm_growsdown_mmap", "got %p errno %d", s, errno);
    if (s == MAP_FAILED)
        return;
    s[0] = 1;
    int sig = touch(s - 1, touch_write);
    check(sig == 0, "vm_growsdown_grows_when_touched_below", "signal %d", sig);
    s[-1] = 'g';                       /* and here, in this process */
    s[-PAGE - 5] = 'h';
    struct vma_info v[64];
    int n = getvmas(0, v, 64), found = 0;
    for (int i = 0; i < n && i < 64; i++)
        found |= v[i].end == (unsigned long)(s + 4 * PAGE) &&
                 v[i].start == (unsigned long)(s - 2 * PAGE);
    check(s[-1] == 'g' && found, "vm_growsdown_area_grew", "area found: %d", found);
    munmap(s - 2 * PAGE, 6 * PAGE);
    errno = 0;
    int fd = open("/bin/true", O_RDONLY);
    check(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_GROWSDOWN, fd, 0) == MAP_FAILED &&
          errno == EINVAL, "vm_growsdown_file_einval", "errno %d", errno);
    close(fd);
}

/* ---------------------------------------------------------------- errno */

static long old_mmap(unsigned long addr, unsigned long len, unsigned long prot,
                     unsigned long flags, unsigned long fd, unsigned long offset)
{
    struct mmap_arg_struct a = { addr, len, prot, flags, fd, offset };
    return syscall(__NR_mmap, &a);
}

#define FAILS_WITH(call, err) ((call) == MAP_FAILED && errno == (err))

static void errors(void)
{
    fill_file("/tmp/vm_errors", 'e', 2 * PAGE);
    int rdonly = open("/tmp/vm_errors", O_RDONLY);
    int wronly = open("/tmp/vm_errors", O_WRONLY);
    int rdwr = open("/tmp/vm_errors", O_RDWR);
    int fds[2];
    pipe(fds);

    errno = 0;
    check(FAILS_WITH(mmap(NULL, 0, RW, ANON, -1, 0), EINVAL), "vm_mmap_len0_einval", "errno %d", errno);
    errno = 0;
    check(FAILS_WITH(mmap(NULL, PAGE, RW, MAP_ANONYMOUS, -1, 0), EINVAL),
          "vm_mmap_no_type_einval", "errno %d", errno);
    errno = 0;
    check(FAILS_WITH(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, 99, 0), EBADF),
          "vm_mmap_bad_fd_ebadf", "errno %d", errno);
    errno = 0;
    check(FAILS_WITH(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, -1, 0), EBADF),
          "vm_mmap_fd_minus1_ebadf", "errno %d", errno);
    errno = 0;
    check(FAILS_WITH(mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fds[0], 0), ENODEV),
          "vm_mmap_pipe_enodev", "errno %d", errno);
    errno = 0;
    check(FAILS_WITH(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, wronly, 0), EACCES),
          "vm_mmap_wronly_eacces", "errno %d", errno);
    errno = 0;
    check(FAILS_WITH(mmap(NULL, PAGE, RW, MAP_SHARED, rdonly, 0), EACCES),
          "vm_mmap_shared_write_rdonly_eacces", "errno %d", errno);
    char *ro = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, rdonly, 0);
    check(ro != MAP_FAILED && ro[0] == 'e', "vm_mmap_shared_read_rdonly_ok", "errno %d", errno);
    errno = 0;
    check(mprotect(ro, PAGE, RW) == -1 && errno == EACCES, "vm_mprotect_shared_rdonly_eacces",
          "errno %d", errno);
    char *pr = mmap(NULL, PAGE, RW, MAP_PRIVATE, rdonly, 0);
    check(pr != MAP_FAILED && (pr[0] = 'p') == 'p', "vm_mmap_private_write_rdonly_ok",
          "errno %d", errno);
    char *sw = mmap(NULL, PAGE, RW, MAP_SHARED, rdwr, 0);
    check(sw != MAP_FAILED, "vm_mmap_shared_rdwr_ok", "errno %d", errno);
    errno = 0;
    check(FAILS_WITH(mmap(NULL, PAGE, RW, MAP_PRIVATE, rdwr, 100), EINVAL),
          "vm_mmap_unaligned_offset_einval", "errno %d", errno);
    errno = 0;
    check(FAILS_WITH(mmap(NULL, PAGE, 0x100, ANON, -1, 0), EINVAL), "vm_mmap_bad_prot_einval",
          "errno %d", errno);
    errno = 0;
    check(FAILS_WITH(mmap(NULL, 0xF0000000u, RW, ANON, -1, 0), ENOMEM), "vm_mmap_huge_enomem",
          "errno %d", errno);
    errno = 0;
    check(FAILS_WITH(mmap(NULL, PAGE, RW, MAP_SHARED_VALIDATE | MAP_ANONYMOUS | 0x8000000, -1, 0),
                     EOPNOTSUPP), "vm_mmap_validate_unknown_eopnotsupp", "errno %d", errno);

    char *p = mmap(NULL, 3 * PAGE, RW, ANON, -1, 0);
    munmap(p + PAGE, PAGE);
    errno = 0;
    check(mprotect(p, 3 * PAGE, PROT_READ) == -1 && errno == ENOMEM, "vm_mprotect_hole_enomem",
          "errno %d", errno);
    errno = 0;
    check(mprotect(p + PAGE, PAGE, PROT_READ) == -1 && errno == ENOMEM,
          "vm_mprotect_unmapped_enomem", "errno %d", errno);
    errno = 0;
    check(mprotect(p + 1, PAGE, PROT_READ) == -1 && errno == EINVAL,
          "vm_mprotect_unaligned_einval", "errno %d", errno);
    errno = 0;
    check(msync(p + PAGE, PAGE, MS_SYNC) == -1 && errno == ENOMEM, "vm_msync_unmapped_enomem",
          "errno %d", errno);
    errno = 0;
    check(msync(p, PAGE, MS_SYNC | MS_ASYNC) == -1 && errno == EINVAL, "vm_msync_both_einval",
          "errno %d", errno);
    munmap(p, 3 * PAGE);

    /* the old mmap: its arguments in memory, its offset in bytes */
    long o = old_mmap(0, 2 * PAGE, RW, ANON, -1, 0);
    check(o != -1 && ((char *)o)[2 * PAGE - 1] == 0, "vm_old_mmap_works", "errno %d", errno);
    if (o != -1) {
        ((char *)o)[0] = 'o';
        munmap((void *)o, 2 * PAGE);
    }
    o = old_mmap(0, PAGE, PROT_READ, MAP_PRIVATE, rdonly, PAGE);
    check(o != -1 && ((char *)o)[0] == 'e', "vm_old_mmap_file_offset", "errno %d", errno);
    if (o != -1)
        munmap((void *)o, PAGE);
    errno = 0;
    o = old_mmap(0, PAGE, PROT_READ, MAP_PRIVATE, rdonly, 100);
    check(o == -1 && errno == EINVAL, "vm_old_mmap_unaligned_einval", "got %#lx errno %d", o, errno);
    errno = 0;
    o = syscall(__NR_mmap, (void *)0xC0000000);
    check(o == -1 && errno == EFAULT, "vm_old_mmap_bad_struct_efault", "errno %d", errno);

    munmap(ro, PAGE);
    munmap(pr, PAGE);
    munmap(sw, PAGE);
    close(rdonly);
    close(wronly);
    close(rdwr);
    close(fds[0]);
    close(fds[1]);
    unlink("/tmp/vm_errors");
}

int main(void)
{
    free_pages();                      /* stdio and sysinfo's pages: in now */
    check_group(shared_file, "vm_shared_file");
    check_group(unlinked_file, "vm_unlinked");
    check_group(past_end, "vm_past_eof");
    check_group(truncated, "vm_truncate");
    check_group(protect, "vm_mprotect");
    check_group(unmap, "vm_munmap");
    check_group(remap, "vm_mremap");
    check_group(advise, "vm_madvise");
    check_group(fixed, "vm_map_fixed");
    check_group(growsdown, "vm_growsdown");
    check_group(errors, "vm_errno");
    return test_exit_code();
}
