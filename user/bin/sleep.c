/* sleep: wait for a while.
 *
 *   sleep SECONDS...      e.g. sleep 2, sleep 0.5 (several are added)
 *
 * The process asks the kernel (nanosleep) to take it off the run queue
 * until the time has passed: a sleeping process uses no CPU at all, as
 * `ps` shows (state S). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* "2.25" -> 2 s + 250000000 ns.  Returns -1 if it is not a number. */
static int parse_time(const char *s, struct timespec *t)
{
    const char *p = s;
    long nsec = 0, scale = 100000000;     /* the first decimal is 1/10 s */
    time_t sec = 0;

    if (*p == '\0')
        return -1;
    while (*p >= '0' && *p <= '9')
        sec = sec * 10 + (*p++ - '0');
    if (*p == '.') {
        for (p++; *p >= '0' && *p <= '9'; p++) {
            nsec += (*p - '0') * scale;
            scale /= 10;
        }
    }
    if (*p != '\0' || strcmp(s, ".") == 0)
        return -1;
    t->tv_sec = sec;
    t->tv_nsec = nsec;
    return 0;
}

int main(int argc, char *argv[])
{
    struct timespec total = { 0, 0 };

    if (argc < 2) {
        fprintf(stderr, "usage: sleep SECONDS...\n");
        return 1;
    }
    for (int i = 1; i < argc; i++) {
        struct timespec t;
        if (parse_time(argv[i], &t) < 0) {
            fprintf(stderr, "sleep: %s: invalid time interval\n", argv[i]);
            return 1;
        }
        total.tv_sec += t.tv_sec;
        total.tv_nsec += t.tv_nsec;
        if (total.tv_nsec >= 1000000000) {
            total.tv_sec++;
            total.tv_nsec -= 1000000000;
        }
    }
    /* A signal with a handler may wake us early: rem says how much is
     * left, and we go back to sleep for that. */
    while (nanosleep(&total, &total) < 0) {
        if (errno != EINTR) {
            fprintf(stderr, "sleep: %s\n", strerror(errno));
            return 1;
        }
    }
    return 0;
}
