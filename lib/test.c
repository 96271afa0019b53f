/* The helper of Minnow's in-OS test programs: check() prints one line per
 * check, "ok NAME" or "FAIL NAME: reason", which the test runner reads.
 *
 * Each line is built in memory and written with a single write(), after
 * stdout's own buffer was flushed: lines from the test and from check()
 * never cut into each other, even when a forked child also prints. */
#include <minnow/test.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/sysinfo.h>
#include <unistd.h>

static int failures;

void check(int cond, const char *name, const char *fmt, ...)
{
    char line[256];
    const int room = (int)sizeof(line) - 1;   /* the last byte is for '\n' */
    int len;

    if (cond) {
        len = snprintf(line, (size_t)room, "ok %s", name);
    } else {
        va_list ap;
        failures++;
        len = snprintf(line, (size_t)room, "FAIL %s: ", name);
        va_start(ap, fmt);
        if (len < room)
            len += vsnprintf(line + len, (size_t)(room - len), fmt, ap);
        va_end(ap);
    }
    if (len > room - 1)                       /* too long: cut */
        len = room - 1;
    line[len++] = '\n';
    fflush(stdout);
    write(STDOUT_FILENO, line, (size_t)len);
}

int test_failures(void)
{
    return failures;
}

int test_exit_code(void)
{
    return failures ? 1 : 0;
}

/* sysinfo counts memory in units of mem_unit bytes (Minnow: pages). */
long free_pages(void)
{
    struct sysinfo si;

    if (sysinfo(&si) < 0)
        return -1;
    unsigned long unit = si.mem_unit ? si.mem_unit : 1;
    if (unit >= 4096)
        return (long)(si.freeram * (unit / 4096));
    return (long)(si.freeram / (4096 / unit));
}
