/* The slowdown after process churn (issue 17): open + close and a 4 KiB
 * file write, timed right after each of four steps that make processes
 * and pages come and go: 200 fork + exit, 100 fork + exec, 8 MiB through
 * a pipe, and a 4 MiB file written and removed.  A kernel whose tables
 * or free lists grow with churn, or that hands out pages the emulator
 * must treat specially, shows it here as rows above bench_fs's. */
#include <fcntl.h>
#include <unistd.h>
#include <sys/wait.h>
#include "bench.h"

#define CHUNK 4096
#define F "/tmp/bench_churn.dat"

static char buf[CHUNK];
static int fd;

static void forks(void)
{
    for (int i = 0; i < 200; i++) {
        pid_t pid = fork();
        if (pid == 0)
            _exit(0);
        waitpid(pid, NULL, 0);
    }
}

static void execs(void)
{
    for (int i = 0; i < 100; i++)
        bench_fork_exec_true();
}

static void pipe_8mib(void)
{
    int p[2];
    pipe(p);
    pid_t pid = fork();
    if (pid == 0) {
        close(p[0]);
        for (int i = 0; i < 8 * 256; i++)
            write(p[1], buf, CHUNK);
        _exit(0);
    }
    close(p[1]);
    while (read(p[0], buf, CHUNK) > 0)
        ;
    close(p[0]);
    waitpid(pid, NULL, 0);
}

static void file_4mib(void)
{
    int big = open("/tmp/bench_churn.big", O_CREAT | O_TRUNC | O_WRONLY, 0644);
    for (int i = 0; i < 4 * 256; i++)
        write(big, buf, CHUNK);
    close(big);
    unlink("/tmp/bench_churn.big");
}

static void op_open_close(void) { close(open(F, O_RDONLY)); }

static void op_write_4kib(void)
{
    if (lseek(fd, 0, SEEK_CUR) >= 256 * CHUNK)
        lseek(fd, 0, SEEK_SET);
    write(fd, buf, CHUNK);
}

int main(void)
{
    static void (*const steps[])(void) = { forks, execs, pipe_8mib, file_4mib };
    static const char *const names[][2] = {
        { "after_fork_open_close", "after_fork_write_4kib" },
        { "after_exec_open_close", "after_exec_write_4kib" },
        { "after_pipe_open_close", "after_pipe_write_4kib" },
        { "after_file_open_close", "after_file_write_4kib" },
    };

    fd = open(F, O_CREAT | O_TRUNC | O_RDWR, 0644);
    for (int i = 0; i < 4; i++) {
        steps[i]();
        bench_row(names[i][0], op_open_close);
        steps[i]();
        bench_row(names[i][1], op_write_4kib);
    }
    close(fd);
    unlink(F);
    return 0;
}
