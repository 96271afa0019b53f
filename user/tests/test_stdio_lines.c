/* Reading and writing through streams: fgets, getline, getdelim, puts,
 * fgetc/fputc with every byte value, fread/fwrite of records. */
#include <errno.h>
#include <minnow/test.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char path[64];

static FILE *file_with(const char *text)
{
    FILE *f = fopen(path, "w+");
    if (f) {
        fputs(text, f);
        rewind(f);
    }
    return f;
}

static void lines_with_getline(void)
{
    char longline[301];
    memset(longline, 'L', 300);
    longline[300] = '\0';
    char text[400];
    snprintf(text, sizeof(text), "one\n\n%s\nlast", longline);
    FILE *f = file_with(text);
    if (!f) {
        check(0, "getline", "cannot create %s", path);
        return;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n1 = getline(&line, &cap, f);
    int ok1 = n1 == 4 && !strcmp(line, "one\n");
    ssize_t n2 = getline(&line, &cap, f);
    int ok2 = n2 == 1 && !strcmp(line, "\n");
    ssize_t n3 = getline(&line, &cap, f);
    int ok3 = n3 == 301 && !strncmp(line, longline, 300) && cap > 301;
    ssize_t n4 = getline(&line, &cap, f);
    int ok4 = n4 == 4 && !strcmp(line, "last");
    ssize_t n5 = getline(&line, &cap, f);
    check(ok1 && ok2, "getline", "n1=%ld n2=%ld", (long)n1, (long)n2);
    check(ok3, "getline_long", "n3=%ld cap=%u", (long)n3, (unsigned)cap);
    check(ok4 && n5 == -1 && feof(f), "getline_last", "n4=%ld n5=%ld", (long)n4, (long)n5);
    fclose(f);

    f = file_with("a,bb,ccc");
    ssize_t d1 = getdelim(&line, &cap, ',', f);
    int okd = d1 == 2 && !strcmp(line, "a,");
    getdelim(&line, &cap, ',', f);
    ssize_t d3 = getdelim(&line, &cap, ',', f);
    check(okd && d3 == 3 && !strcmp(line, "ccc"), "getdelim", "d1=%ld d3=%ld", (long)d1, (long)d3);
    free(line);
    fclose(f);
}

static void lines_with_fgets(void)
{
    char buf[8];
    FILE *f = file_with("0123456789\nab\n");
    if (!f)
        return;
    char *r1 = fgets(buf, sizeof(buf), f);
    int ok1 = r1 == buf && !strcmp(buf, "0123456");          /* 7 + '\0' */
    fgets(buf, sizeof(buf), f);
    int ok2 = !strcmp(buf, "789\n");
    fgets(buf, sizeof(buf), f);
    int ok3 = !strcmp(buf, "ab\n");
    check(ok1 && ok2 && ok3, "fgets", "last \"%s\"", buf);
    check(fgets(buf, sizeof(buf), f) == NULL, "fgets_eof", "not NULL at the end");
    fclose(f);
}

static void every_byte(void)
{
    FILE *f = fopen(path, "w+");
    if (!f)
        return;
    for (int c = 0; c < 256; c++)
        fputc(c, f);
    rewind(f);
    int ok = 1;
    for (int c = 0; c < 256; c++)
        if (fgetc(f) != c)              /* 255 must not look like EOF */
            ok = 0;
    check(ok && fgetc(f) == EOF, "fgetc_all_bytes", "a byte came back wrong");
    fclose(f);
}

struct record {
    int id;
    char name[12];
    short flags;
};

static void records(void)
{
    struct record out[50], in[50];

    memset(out, 0, sizeof(out));
    for (int i = 0; i < 50; i++) {
        out[i].id = i * 7;
        snprintf(out[i].name, sizeof(out[i].name), "rec%d", i);
    }
    FILE *f = fopen(path, "w+");
    if (!f)
        return;
    size_t w = fwrite(out, sizeof(out[0]), 50, f);
    rewind(f);
    size_t r = fread(in, sizeof(in[0]), 50, f);
    check(w == 50 && r == 50 && !memcmp(in, out, sizeof(out)), "fread_fwrite",
          "wrote %u read %u", (unsigned)w, (unsigned)r);
    r = fread(in, sizeof(in[0]), 1, f);
    check(r == 0 && feof(f), "fread_eof", "read %u at the end", (unsigned)r);
    clearerr(f);
    check(!feof(f) && !ferror(f), "clearerr", "flags still set");
    fseek(f, (long)sizeof(out[0]) * 49 + 4, SEEK_SET);
    r = fread(in, sizeof(in[0]), 1, f);           /* only part of a record left */
    check(r == 0, "fread_partial", "read %u whole records", (unsigned)r);
    fclose(f);
}

static void puts_newline(void)
{
    char buf[32] = "";
    FILE *f = fopen(path, "w+");
    if (!f)
        return;
    fputs("a", f);
    fputs("b\n", f);
    fprintf(f, "%s|", "c");
    rewind(f);
    size_t n = fread(buf, 1, sizeof(buf) - 1, f);
    check(n == 5 && !strcmp(buf, "ab\nc|"), "fputs", "got \"%s\"", buf);
    fclose(f);
}

int main(void)
{
    snprintf(path, sizeof(path), "/tmp/test_lines.%d", getpid());
    lines_with_getline();
    lines_with_fgets();
    every_byte();
    records();
    puts_newline();
    unlink(path);
    return test_exit_code();
}
