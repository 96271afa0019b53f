/* The position in a stream: fseek, ftell, rewind, ungetc, feof, and the
 * switch between reading and writing on one stream. */
#include <errno.h>
#include <fcntl.h>
#include <minnow/test.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char path[64];

/* The file's whole contents ("" if it cannot be read). */
static const char *contents(void)
{
    static char buf[64];

    read_file(path, buf, sizeof(buf));
    return buf;
}

static void seek_and_tell(FILE *f)
{
    int c = fgetc(f);
    check(c == '0' && ftell(f) == 1, "ftell_after_read", "c=%c tell=%ld", c, ftell(f));
    fseek(f, 5, SEEK_SET);
    c = fgetc(f);
    check(c == '5' && ftell(f) == 6, "fseek_set", "c=%c tell=%ld", c, ftell(f));
    fseek(f, -2, SEEK_CUR);
    c = fgetc(f);
    check(c == '4', "fseek_cur", "c=%c", c);
    fseek(f, -1, SEEK_END);
    c = fgetc(f);
    check(c == '9' && ftell(f) == 10, "fseek_end", "c=%c tell=%ld", c, ftell(f));
    c = fgetc(f);
    check(c == EOF && feof(f) && !ferror(f), "feof", "c=%d feof=%d", c, feof(f));
    fseek(f, 0, SEEK_SET);
    check(!feof(f) && fgetc(f) == '0', "fseek_clears_eof", "still at EOF");
    rewind(f);
    check(ftell(f) == 0, "rewind", "tell=%ld", ftell(f));
}

static void unget(FILE *f)
{
    rewind(f);
    int c = fgetc(f);
    check(ungetc('y', f) == 'y' && ftell(f) == 0, "ungetc_tell", "tell=%ld", ftell(f));
    c = fgetc(f);
    int next = fgetc(f);
    check(c == 'y' && next == '1', "ungetc", "c=%c next=%c", c, next);
    check(ungetc(EOF, f) == EOF, "ungetc_eof", "ungetc(EOF) succeeded");
    fseek(f, 0, SEEK_END);
    fgetc(f);
    ungetc('z', f);
    check(!feof(f) && fgetc(f) == 'z' && fgetc(f) == EOF, "ungetc_clears_eof", "wrong");
}

/* r+: read two, seek (required between reading and writing), write two. */
static void read_then_write(void)
{
    FILE *f = fopen(path, "r+");
    if (!f)
        return;
    fgetc(f);
    fgetc(f);
    fseek(f, 0, SEEK_CUR);
    fputs("AB", f);
    check(ftell(f) == 4, "ftell_while_writing", "tell=%ld", ftell(f));
    fseek(f, 0, SEEK_CUR);
    int c = fgetc(f);
    fclose(f);
    check(c == '4' && !strcmp(contents(), "01AB456789"), "fseek_read_write",
          "c=%c file \"%s\"", c, contents());
}

static void pipes_do_not_seek(void)
{
    int p[2];

    pipe(p);
    FILE *f = fdopen(p[0], "r");
    errno = 0;
    check(fseek(f, 0, SEEK_SET) == -1 && errno == ESPIPE, "fseek_pipe", "errno %d", errno);
    fclose(f);
    close(p[1]);
}

int main(void)
{
    snprintf(path, sizeof(path), "/tmp/test_seek.%d", getpid());
    FILE *f = fopen(path, "w+");
    if (!f) {
        check(0, "seek_setup", "%s", strerror(errno));
        return test_exit_code();
    }
    fputs("0123456789", f);
    check(ftell(f) == 10, "ftell_end_of_writes", "tell=%ld", ftell(f));
    rewind(f);
    seek_and_tell(f);
    unget(f);
    fclose(f);
    read_then_write();
    pipes_do_not_seek();
    unlink(path);
    return test_exit_code();
}
