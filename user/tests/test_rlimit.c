/* Resource limits: getrlimit/setrlimit/prlimit64 read and set Linux's
 * sixteen limits with Linux's rules; fork passes them on; RLIMIT_NOFILE
 * is enforced (an fd at or above it cannot be had: EMFILE). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <minnow/syscall_nr.h>
#include <minnow/test.h>

#define TABLE 32                 /* Minnow's fd table (NR_OPEN) */

static void defaults(void)
{
    struct rlimit r = { 0, 0 };

    check(getrlimit(RLIMIT_STACK, &r) == 0 && r.rlim_cur == 8u << 20 && r.rlim_max == RLIM_INFINITY,
          "rlimit_stack_8mib", "%lu %lu", r.rlim_cur, r.rlim_max);
    check(getrlimit(RLIMIT_NOFILE, &r) == 0 && r.rlim_cur == TABLE && r.rlim_max == TABLE,
          "rlimit_nofile_is_table", "%lu %lu", r.rlim_cur, r.rlim_max);
    check(getrlimit(RLIMIT_AS, &r) == 0 && r.rlim_cur == RLIM_INFINITY, "rlimit_as_infinite", "%lu",
          r.rlim_cur);
    check(getrlimit(RLIMIT_CORE, &r) == 0 && r.rlim_cur == 0, "rlimit_core_0", "%lu", r.rlim_cur);
    /* the old call (76) says infinity as 0x7fffffff */
    check(syscall(__NR_getrlimit, RLIMIT_AS, &r) == 0 && r.rlim_cur == 0x7fffffff,
          "old_getrlimit_clamps", "%lu", r.rlim_cur);
    check(getrlimit(RLIM_NLIMITS, &r) < 0 && errno == EINVAL, "getrlimit_bad_resource_einval",
          "errno %d", errno);
    check(getrlimit(-1, &r) < 0 && errno == EINVAL, "getrlimit_negative_einval", "errno %d", errno);
    check(getrlimit(RLIMIT_CPU, (void *)0xC0000000) < 0 && errno == EFAULT, "getrlimit_efault",
          "errno %d", errno);
}

static void setting(void)
{
    struct rlimit r = { 1000, 2000 }, got = { 0, 0 };

    check(setrlimit(RLIMIT_CPU, &r) == 0 && getrlimit(RLIMIT_CPU, &got) == 0 &&
          got.rlim_cur == 1000 && got.rlim_max == 2000, "setrlimit_kept", "%lu %lu", got.rlim_cur,
          got.rlim_max);
    r = (struct rlimit){ 3000, 2000 };
    check(setrlimit(RLIMIT_CPU, &r) < 0 && errno == EINVAL, "setrlimit_cur_above_max_einval",
          "errno %d", errno);
    r = (struct rlimit){ TABLE + 1, TABLE + 1 };
    check(setrlimit(RLIMIT_NOFILE, &r) < 0 && errno == EPERM, "setrlimit_nofile_above_table_eperm",
          "errno %d", errno);
    check(setrlimit(RLIMIT_CPU, (void *)1) < 0 && errno == EFAULT, "setrlimit_efault", "errno %d", errno);

    struct rlimit64 n = { 5, ~0ull }, o = { 0, 0 };
    check(prlimit64(0, RLIMIT_CPU, &n, &o) == 0 && o.rlim_cur == 1000 && o.rlim_max == 2000,
          "prlimit64_old", "%llu %llu", o.rlim_cur, o.rlim_max);
    check(getrlimit(RLIMIT_CPU, &got) == 0 && got.rlim_cur == 5 && got.rlim_max == RLIM_INFINITY,
          "prlimit64_new_infinity", "%lu %lu", got.rlim_cur, got.rlim_max);
    check(prlimit64(0, RLIMIT_CPU, NULL, &o) == 0 && o.rlim_max == ~0ull, "prlimit64_reads_infinity",
          "%llu", o.rlim_max);
    check(prlimit64(getppid(), RLIMIT_STACK, NULL, &o) == 0 && o.rlim_cur == 8u << 20,
          "prlimit64_other_process", "%llu", o.rlim_cur);
    check(prlimit64(32000, RLIMIT_CPU, NULL, &o) < 0 && errno == ESRCH, "prlimit64_no_process_esrch",
          "errno %d", errno);

    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0)
        _exit(getrlimit(RLIMIT_CPU, &got) == 0 && got.rlim_cur == 5 ? 0 : 1);
    check(wait_status(pid) == 0, "rlimit_inherited_by_fork", "child saw another limit");
}

static void nofile(void)
{
    struct rlimit r = { 5, TABLE };
    int fds[TABLE], n = 0;

    check(setrlimit(RLIMIT_NOFILE, &r) == 0, "rlimit_nofile_lowered", "errno %d", errno);
    int fd;
    while ((fd = open("/dev/null", O_RDONLY)) >= 0 && n < TABLE)
        fds[n++] = fd;
    check(fd < 0 && errno == EMFILE && fds[n - 1] == 4, "rlimit_nofile_enforced",
          "last fd %d, errno %d", fds[n - 1], errno);
    int p[2];
    check(pipe(p) < 0 && errno == EMFILE, "rlimit_nofile_pipe_emfile", "errno %d", errno);
    for (int i = 0; i < n; i++)
        close(fds[i]);
    r.rlim_cur = TABLE;
    check(setrlimit(RLIMIT_NOFILE, &r) == 0 && (fd = open("/dev/null", O_RDONLY)) >= 0,
          "rlimit_nofile_raised_again", "errno %d", errno);
    close(fd);
}

int main(void)
{
    defaults();
    setting();
    nofile();
    return test_exit_code();
}
