/* Robustness: a long console write must not keep everyone else off the
 * CPU. */
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <minnow/test.h>

/* ------------------------------------------------- a long console write */

#define BIG_WRITE (1024 * 1024)
#define NAPS 5                   /* 10 ms sleeps measured while it writes */

static long now_us(void)
{
    struct timeval tv;
    gettimeofday(&tv, NULL);
    return tv.tv_sec * 1000000L + tv.tv_usec;
}

/* The child: one write() of a megabyte to the console.  Its bytes are a
 * short label and then only spaces, so that the serial log gets one long
 * blank line, which can never look like an "ok"/"FAIL" line (the parent
 * ends it with a newline). */
static void write_megabyte(int console, int ready)
{
    static const char label[] = "(test_robust: a long console write) ";
    char *buf = malloc(BIG_WRITE);

    if (!buf)
        _exit(3);
    memset(buf, ' ', BIG_WRITE);
    memcpy(buf, label, sizeof(label) - 1);
    write(ready, "x", 1);                    /* "I am about to write" */
    write(console, buf, BIG_WRITE);
    _exit(0);
}

/* While one process is in a long write() to the console, another one's
 * 10 ms sleep must take about 10 ms, not until the write is over (13 s):
 * the writer gives up the CPU when its time slice is spent. */
static void long_console_write(void)
{
    int console = open("/dev/console", O_WRONLY);
    int ready[2];
    char c;

    if (console < 0 || pipe(ready) < 0) {
        check(0, "tty_long_write_lets_others_run", "no /dev/console or pipe");
        return;
    }
    pid_t writer = fork();
    if (writer == 0)
        write_megabyte(console, ready[1]);
    close(ready[1]);
    read(ready[0], &c, 1);
    close(ready[0]);

    /* the worst gap between two clock readings, naps included: a starved
     * process sees it wherever it was held up */
    long worst = 0, last = now_us();
    for (int i = 0; i < NAPS; i++) {
        usleep(10000);
        long t = now_us();
        if (t - last > worst)
            worst = t - last;
        last = t;
    }
    /* the measurement counts only if the write was still going on; had it
     * ended first, we were kept off the CPU for all of it */
    int status = 0;
    int still_writing = waitpid(writer, &status, WNOHANG) == 0;
    if (still_writing) {
        kill(writer, SIGKILL);               /* a signal ends the write early */
        status = wait_status(writer);
    }
    write(console, "\n", 1);                 /* ends the line of spaces */
    close(console);

    check(still_writing && worst < 100000, "tty_long_write_lets_others_run",
          "a 10 ms sleep took up to %ld ms (writer %s)", worst / 1000,
          still_writing ? "still writing" : "had finished");
    check(still_writing && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
          "tty_long_write_killable", "status %#x", status);
}

int main(void)
{
    long_console_write();
    return test_exit_code();
}
