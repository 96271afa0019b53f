/* Buffering, made visible: whether bytes are in the file yet (stat's
 * st_size) after each stdio call, in each buffering mode. */
#include <errno.h>
#include <fcntl.h>
#include <minnow/test.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <stdlib.h>
#include <unistd.h>

static char path[64];

/* How many bytes the kernel has: what other programs would see. */
static long in_file(void)
{
    struct stat st;

    return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

static void fully_buffered(void)
{
    FILE *f = fopen(path, "w");
    fputs("abc\n", f);
    check(in_file() == 0, "full_buffer_holds", "%ld bytes already in the file", in_file());
    fflush(f);
    check(in_file() == 4, "full_buffer_fflush", "%ld bytes after fflush", in_file());

    char block[BUFSIZ];
    memset(block, 'x', sizeof(block));
    fwrite(block, 1, BUFSIZ - 1, f);
    check(in_file() == 4, "full_buffer_almost_full", "%ld bytes", in_file());
    fputc('y', f);                         /* the buffer is full now */
    check(in_file() == 4 + BUFSIZ, "full_buffer_full", "%ld bytes, want %d", in_file(),
          4 + BUFSIZ);
    fclose(f);
}

static void unbuffered(void)
{
    FILE *f = fopen(path, "w");
    setvbuf(f, NULL, _IONBF, 0);
    fputs("abc", f);
    check(in_file() == 3, "unbuffered_at_once", "%ld bytes", in_file());
    fprintf(f, "%d", 42);
    check(in_file() == 5, "unbuffered_printf", "%ld bytes", in_file());
    fclose(f);
}

static void line_buffered(void)
{
    FILE *f = fopen(path, "w");
    setvbuf(f, NULL, _IOLBF, 0);
    fputs("no newline", f);
    check(in_file() == 0, "line_buffer_holds", "%ld bytes", in_file());
    fputs(" yet\n", f);
    check(in_file() == 15, "line_buffer_newline", "%ld bytes", in_file());
    fclose(f);
}

static void own_buffer(void)
{
    char buf[16];
    FILE *f = fopen(path, "w");
    check(setvbuf(f, buf, _IOFBF, sizeof(buf)) == 0, "setvbuf_own", "failed");
    fputs("0123456789", f);
    check(in_file() == 0, "setvbuf_own_holds", "%ld bytes", in_file());
    fputs("0123456789", f);                /* 20 > 16: one bufferful went out */
    check(in_file() == 16, "setvbuf_own_size", "%ld bytes", in_file());
    fclose(f);
    check(in_file() == 20, "fclose_flushes", "%ld bytes", in_file());
    errno = 0;
    f = fopen(path, "w");
    check(setvbuf(f, NULL, 99, 0) == -1, "setvbuf_bad_mode", "accepted mode 99");
    fclose(f);
}

/* fread of 10 bytes reads a whole buffer from the kernel. */
static void read_ahead(void)
{
    char block[3000], small[10];

    memset(block, 'r', sizeof(block));
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    write(fd, block, sizeof(block));
    close(fd);
    FILE *f = fopen(path, "r");
    fread(small, 1, sizeof(small), f);
    long fd_offset = lseek(fileno(f), 0, SEEK_CUR);
    check(fd_offset == BUFSIZ && ftell(f) == 10, "read_ahead", "fd at %ld, stream at %ld",
          fd_offset, ftell(f));
    fflush(f);                             /* gives the read-ahead back */
    fd_offset = lseek(fileno(f), 0, SEEK_CUR);
    check(fd_offset == 10, "fflush_input", "fd at %ld", fd_offset);
    fclose(f);
}

/* In a child with fd 1 on a file: stdout is fully buffered there, and
 * reading stdin (a pipe) first writes out a line-buffered stdout. */
static int child_checks(int stdin_pipe)
{
    int failed = 0;

    printf("partial");
    if (in_file() != 0)
        failed |= 1;                       /* not a terminal: fully buffered */
    fflush(stdout);
    if (in_file() != 7)
        failed |= 2;
    setvbuf(stdout, NULL, _IOLBF, 0);
    printf("prompt> ");
    dup2(stdin_pipe, 0);
    getchar();                             /* flushes stdout first */
    if (in_file() != 15)
        failed |= 4;
    fprintf(stderr, "e");                  /* stderr (also the file): unbuffered */
    if (in_file() != 16)
        failed |= 8;
    printf("end");
    return failed;                         /* exit writes out "end" */
}

static void standard_streams(void)
{
    int p[2];

    pipe(p);
    write(p[1], "x", 1);
    pid_t pid = fork();
    if (pid == 0) {
        int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(fd, 1);
        dup2(fd, 2);
        close(fd);
        exit(child_checks(p[0]));
    }
    int status = -1;
    waitpid(pid, &status, 0);
    int bits = WIFEXITED(status) ? WEXITSTATUS(status) : 255;
    check(!(bits & 1), "stdout_file_buffered", "stdout wrote before fflush");
    check(!(bits & 2), "stdout_fflush", "fflush(stdout) did not write");
    check(!(bits & 4), "stdin_flushes_stdout", "prompt not written before reading stdin");
    check(!(bits & 8), "stderr_unbuffered", "stderr held its output");
    check(in_file() == 19, "exit_flushes_stdout", "file has %ld bytes", in_file());
    close(p[0]);
    close(p[1]);
}

int main(void)
{
    snprintf(path, sizeof(path), "/tmp/test_buffer.%d", getpid());
    fully_buffered();
    unbuffered();
    line_buffered();
    own_buffer();
    read_ahead();
    standard_streams();
    unlink(path);
    return test_exit_code();
}
