/* How a program ends: exit runs the atexit functions, last registered
 * first, and writes out stdio buffers; _exit does neither; returning from
 * main is exit.  Each case runs in a child, which reports through a pipe
 * and a file. */
#include <fcntl.h>
#include <minnow/test.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int report_fd;                 /* the child's end of the pipe */
static char file[64];

static void say1(void) { write(report_fd, "1", 1); }
static void say2(void) { write(report_fd, "2", 1); }
static void say3(void) { write(report_fd, "3", 1); }

/* Runs how_to_end in a child with a pipe; returns its exit status and
 * what it wrote to the pipe, in got. */
static int run_child(void (*how_to_end)(void), char *got, size_t size)
{
    int p[2];

    pipe(p);
    pid_t pid = fork();
    if (pid == 0) {
        close(p[0]);
        report_fd = p[1];
        how_to_end();
        _exit(99);                    /* not reached */
    }
    close(p[1]);
    ssize_t n, total = 0;
    while ((n = read(p[0], got + total, size - 1 - (size_t)total)) > 0)
        total += n;
    got[total] = '\0';
    close(p[0]);
    int status = -1;
    waitpid(pid, &status, 0);
    return status;
}

static void buffered_line(void)
{
    FILE *f = fopen(file, "w");       /* a file: fully buffered */
    fprintf(f, "buffered");           /* still in the buffer, not in the file */
}

static void end_with_exit(void)
{
    atexit(say1);
    atexit(say2);
    atexit(say3);
    buffered_line();
    exit(7);
}

static void end_with__exit(void)
{
    atexit(say1);
    buffered_line();
    _exit(8);
}

static void many_handlers(void)
{
    for (int i = 0; i < 32; i++)
        if (atexit(say1) != 0)
            _exit(50);
    exit(0);
}

static void file_contents(char *buf, size_t size)
{
    read_file(file, buf, size);
    unlink(file);
}

int main(void)
{
    char got[64], contents[64];

    snprintf(file, sizeof(file), "/tmp/test_exit.%d", getpid());

    int status = run_child(end_with_exit, got, sizeof(got));
    file_contents(contents, sizeof(contents));
    check(WIFEXITED(status) && WEXITSTATUS(status) == 7, "exit_status", "status 0x%x", status);
    check(!strcmp(got, "321"), "atexit_order", "handlers ran as \"%s\", want \"321\"", got);
    check(!strcmp(contents, "buffered"), "exit_flushes", "file has \"%s\"", contents);

    status = run_child(end_with__exit, got, sizeof(got));
    file_contents(contents, sizeof(contents));
    check(WIFEXITED(status) && WEXITSTATUS(status) == 8, "_exit_status", "status 0x%x", status);
    check(got[0] == '\0', "_exit_no_atexit", "handlers ran: \"%s\"", got);
    check(contents[0] == '\0', "_exit_no_flush", "file has \"%s\"", contents);

    status = run_child(many_handlers, got, sizeof(got));
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0 && strlen(got) == 32,
          "atexit_32", "status 0x%x, %d handlers ran", status, (int)strlen(got));
    return test_exit_code();
}
