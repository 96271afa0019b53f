/* What the labs' graders (user/labs/lab_*.c, run by `make grade`) share.
 *
 * A grader prints "ok CHECK" or "FAIL CHECK: why" with check(), as a test
 * does.  A line that the KERNEL should print to the console (the trace
 * lab's) cannot be seen from inside Minnow, so the grader announces it:
 *
 *     expect CHECK: LINE    the console must show LINE, or CHECK fails
 *     forbid CHECK: LINE    the console must not show LINE
 *
 * and tools/grade.sh looks for LINE in the serial log afterwards.  A
 * note, after a tab, says what the line is, for the message when it
 * fails: expect_console_note(CHECK, "the child's line", FORMAT, ...). */
#ifndef LAB_H
#define LAB_H

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>
#include <minnow/test.h>

static inline void console_says(const char *verb, const char *check_name, const char *note,
                                const char *fmt, ...)
{
    char line[300];
    va_list ap;
    int len = snprintf(line, sizeof(line) - 1, "%s %s: ", verb, check_name);

    va_start(ap, fmt);
    len += vsnprintf(line + len, sizeof(line) - 1 - len, fmt, ap);
    va_end(ap);
    if (note && len < (int)sizeof(line) - 2)
        len += snprintf(line + len, sizeof(line) - 1 - len, "\t%s", note);
    if (len > (int)sizeof(line) - 2)
        len = sizeof(line) - 2;
    line[len++] = '\n';
    fflush(stdout);
    write(STDOUT_FILENO, line, len);       /* one write: no other output cuts in */
}

#define expect_console(check_name, ...) console_says("expect", check_name, NULL, __VA_ARGS__)
#define forbid_console(check_name, ...) console_says("forbid", check_name, NULL, __VA_ARGS__)
#define expect_console_note(check_name, note, ...) \
    console_says("expect", check_name, note, __VA_ARGS__)
#define forbid_console_note(check_name, note, ...) \
    console_says("forbid", check_name, note, __VA_ARGS__)

/* The first check of a lab that adds the system call `name` (number nr):
 * r and errno are what the call `call` (its text, e.g. "kinfo(&info)")
 * just returned, which should be 0.  Checks NAME_exists; while the call is
 * missing (ENOSYS) or wrong, each of the count checks in later[] fails
 * too, with "needs NAME() first".  Returns 1 if it exists. */
static inline int syscall_call_exists(const char *name, const char *call, int nr, long r,
                                      const char *const later[], int count)
{
    int e = errno;
    char why[160] = "", exists[32];

    if (r < 0 && e == ENOSYS)
        snprintf(why, sizeof(why), "%s() returned ENOSYS: add it to kernel/syscall.list"
                 " (number %d) and write sys_%s", name, nr, name);
    else if (r != 0)
        snprintf(why, sizeof(why), "%s returned %ld (errno %d), want 0", call, r, e);
    snprintf(exists, sizeof(exists), "%s_exists", name);
    check(!why[0], exists, "%s", why);
    for (int i = 0; why[0] && i < count; i++)
        check(0, later[i], "needs %s() first (see %s)", name, exists);
    return !why[0];
}

/* The same, for r and errno from name(0). */
static inline int syscall_exists(const char *name, int nr, long r,
                                 const char *const later[], int count)
{
    char call[40];
    int e = errno;

    snprintf(call, sizeof(call), "%s(0)", name);
    errno = e;
    return syscall_call_exists(name, call, nr, r, later, count);
}

#endif
