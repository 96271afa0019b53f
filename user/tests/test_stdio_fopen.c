/* Each fopen mode on real files in /tmp, as POSIX's table says:
 *   r  read, the file must exist        r+  read/write, keep the contents
 *   w  create or empty, write           w+  create or empty, read/write
 *   a  create, every write at the end   a+  read anywhere, write at the end */
#include <errno.h>
#include <fcntl.h>
#include <minnow/test.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char path[64];

/* The file's whole contents, read with plain system calls. */
static const char *contents(void)
{
    static char buf[128];

    return read_file(path, buf, sizeof(buf)) < 0 ? "(no file)" : buf;
}

static void make_file(const char *text)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    write(fd, text, strlen(text));
    close(fd);
}

static void mode_w(void)
{
    unlink(path);
    FILE *f = fopen(path, "w");
    check(f != NULL, "fopen_w_creates", "%s", strerror(errno));
    if (!f)
        return;
    fputs("hello", f);
    check(fgetc(f) == EOF && ferror(f), "fopen_w_no_read", "could read a \"w\" stream");
    fclose(f);
    check(!strcmp(contents(), "hello"), "fopen_w_writes", "file \"%s\"", contents());

    make_file("a much longer old content");
    f = fopen(path, "w");
    fputs("new", f);
    fclose(f);
    check(!strcmp(contents(), "new"), "fopen_w_truncates", "file \"%s\"", contents());
}

static void mode_r(void)
{
    char buf[16] = "";

    make_file("read me");
    FILE *f = fopen(path, "r");
    check(f && fgets(buf, sizeof(buf), f) && !strcmp(buf, "read me"), "fopen_r_reads",
          "read \"%s\"", buf);
    if (f) {
        check(fputc('x', f) == EOF && ferror(f), "fopen_r_no_write", "could write");
        fclose(f);
    }
    check(!strcmp(contents(), "read me"), "fopen_r_unchanged", "file \"%s\"", contents());
    unlink(path);
    errno = 0;
    check(fopen(path, "r") == NULL && errno == ENOENT, "fopen_r_missing", "errno %d", errno);
    check(fopen(path, "r+") == NULL && errno == ENOENT, "fopen_rplus_missing", "errno %d", errno);
}

/* "a": every write at the end, even after fseek to the start. */
static void mode_a(void)
{
    make_file("hello");
    FILE *f = fopen(path, "a");
    if (!f) {
        check(0, "fopen_a", "%s", strerror(errno));
        return;
    }
    fputs(" world", f);
    fseek(f, 0, SEEK_SET);
    fputs("!", f);
    fclose(f);
    check(!strcmp(contents(), "hello world!"), "fopen_a_appends", "file \"%s\"", contents());
    unlink(path);
    f = fopen(path, "a");
    check(f != NULL, "fopen_a_creates", "%s", strerror(errno));
    if (f)
        fclose(f);
}

/* "r+": no truncation; writes overwrite in place. */
static void mode_r_plus(void)
{
    char buf[16] = "";

    make_file("hello");
    FILE *f = fopen(path, "r+");
    if (!f) {
        check(0, "fopen_rplus", "%s", strerror(errno));
        return;
    }
    check(!strcmp(contents(), "hello"), "fopen_rplus_keeps", "file \"%s\"", contents());
    fputc('J', f);
    fseek(f, 0, SEEK_SET);
    size_t n = fread(buf, 1, 5, f);
    fclose(f);
    check(n == 5 && !strcmp(buf, "Jello") && !strcmp(contents(), "Jello"),
          "fopen_rplus_overwrites", "read \"%s\", file \"%s\"", buf, contents());
}

/* "w+": empties the file, then what was written can be read back. */
static void mode_w_plus(void)
{
    char buf[16] = "";

    make_file("old old old");
    FILE *f = fopen(path, "w+");
    if (!f) {
        check(0, "fopen_wplus", "%s", strerror(errno));
        return;
    }
    fputs("abc", f);
    rewind(f);
    size_t n = fread(buf, 1, sizeof(buf) - 1, f);
    check(n == 3 && !strcmp(buf, "abc") && feof(f), "fopen_wplus_reads_back",
          "read %u \"%s\"", (unsigned)n, buf);
    fclose(f);
    check(!strcmp(contents(), "abc"), "fopen_wplus_truncates", "file \"%s\"", contents());
}

/* "a+": reads start at the beginning, writes go to the end. */
static void mode_a_plus(void)
{
    char buf[16] = "";

    make_file("12345");
    FILE *f = fopen(path, "a+");
    if (!f) {
        check(0, "fopen_aplus", "%s", strerror(errno));
        return;
    }
    fseek(f, 0, SEEK_SET);
    check(fgets(buf, 3, f) && !strcmp(buf, "12"), "fopen_aplus_reads", "read \"%s\"", buf);
    fseek(f, 1, SEEK_SET);
    fputs("X", f);
    fclose(f);
    check(!strcmp(contents(), "12345X"), "fopen_aplus_appends", "file \"%s\"", contents());
}

static void other_modes(void)
{
    FILE *f = fopen(path, "rb");
    check(f != NULL, "fopen_rb", "%s", strerror(errno));
    if (f)
        fclose(f);
    f = fopen(path, "r+b");
    check(f != NULL, "fopen_r_plus_b", "%s", strerror(errno));
    if (f)
        fclose(f);
    f = fopen(path, "wb+");
    check(f != NULL && !strcmp(contents(), ""), "fopen_wb_plus", "file \"%s\"", contents());
    if (f)
        fclose(f);
    errno = 0;
    check(fopen(path, "q") == NULL && errno == EINVAL, "fopen_bad_mode", "errno %d", errno);
    errno = 0;
    check(fopen(path, "wx") == NULL && errno == EEXIST, "fopen_wx_exists", "errno %d", errno);
}

/* fdopen: a stream on a descriptor from pipe(). */
static void from_descriptor(void)
{
    int p[2];
    char buf[16] = "";

    pipe(p);
    FILE *w = fdopen(p[1], "w");
    FILE *r = fdopen(p[0], "r");
    check(w && r && fileno(w) == p[1] && fileno(r) == p[0], "fdopen_fileno", "wrong fd");
    if (!w || !r)
        return;
    fprintf(w, "through %s\n", "a pipe");
    fclose(w);
    check(fgets(buf, sizeof(buf), r) && !strcmp(buf, "through a pipe\n"), "fdopen_pipe",
          "read \"%s\"", buf);
    check(fgetc(r) == EOF && feof(r), "fdopen_pipe_eof", "no EOF after the writer closed");
    fclose(r);
    errno = 0;
    check(fdopen(1000, "r") == NULL && errno == EBADF, "fdopen_bad_fd", "errno %d", errno);
}

int main(void)
{
    snprintf(path, sizeof(path), "/tmp/test_fopen.%d", getpid());
    mode_w();
    mode_r();
    mode_a();
    mode_r_plus();
    mode_w_plus();
    mode_a_plus();
    other_modes();
    from_descriptor();
    unlink(path);
    struct stat st;
    check(stat(path, &st) < 0, "fopen_cleanup", "%s still exists", path);
    return test_exit_code();
}
