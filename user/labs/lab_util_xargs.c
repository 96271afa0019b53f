/* Grader of the lab "Utilities with pipes" (docs/labs/util.md): xargs_lab.
 *
 * `xargs_lab [-P N] COMMAND [ARG...]` runs COMMAND ARG... once for each
 * non-empty line of its input, with the line's words added; up to N runs
 * at once (1 if not given).  Exit status 0 if every run exited with 0,
 * else 123.  A run's stdin is /dev/null, and it has fds 0, 1 and 2 only.
 *
 * The commands it runs for the last two checks are this program again:
 *   lab_util_xargs stdin WORD       says what its stdin is and its open fds
 *   lab_util_xargs busy DIR WORD    is busy for a while, and says how many
 *                                   runs were busy at the same time */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "lab_run.h"

#define SECONDS 10
#define SELF "/usr/libexec/minnow/lab_util_xargs"
#define BUSY_DIR "/tmp/lab_xargs"
#define PARALLEL 3
#define BUSY_RUNS 6

/* Entries in dir (not . and ..), or -1. */
static int count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;

    if (!d)
        return -1;
    while ((e = readdir(d)) != NULL)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return n;
}

/* ---------------------------------------------------------------- the runs */

/* "WORD: stdin /dev/null, 3 fds" or "WORD: stdin not /dev/null, 4 fds" */
static int show_stdin(const char *word)
{
    struct stat in, null;
    int is_null = fstat(0, &in) == 0 && stat("/dev/null", &null) == 0 &&
                  S_ISCHR(in.st_mode) && in.st_rdev == null.st_rdev;
    int fds = count_entries("/proc/self/fd") - 1;     /* opendir's own fd */

    printf("%s: stdin %s/dev/null, %d fds\n", word, is_null ? "" : "not ", fds);
    return 0;
}

/* Marks itself busy (a file in dir), counts the busy ones, stays busy for
 * 0.3 s, and prints the count it saw. */
static int busy(const char *dir, const char *word)
{
    char mark[128];

    snprintf(mark, sizeof(mark), "%s/%s", dir, word);
    int fd = open(mark, O_CREAT | O_WRONLY, 0644);
    int seen = count_entries(dir);
    usleep(300000);
    close(fd);
    unlink(mark);
    printf("busy %s %d\n", word, seen);
    return 0;
}

/* ---------------------------------------------------------------- checks */

static int check_runs(void)
{
    char *echo[] = { "xargs_lab", "echo", "word:", NULL };
    char *fail[] = { "xargs_lab", "false", NULL };
    struct run r;

    run_program(echo, "a b\n\nc\n", SECONDS, 0, &r);
    clean_up(&r);
    if (strcmp(r.out, "word: a b\nword: c\n") != 0 || !exited_with(&r, 0)) {
        check(0, "xargs_runs", "printf 'a b\\n\\nc\\n' | xargs_lab echo word: printed \"%s\" "
              "and ended with %s; want \"word: a b\\nword: c\\n\" (one run a line, an empty "
              "line none) and exit status 0", one_line(r.out), how_it_ended(&r, SECONDS));
        return 0;
    }
    run_program(fail, "1\n2\n", SECONDS, 0, &r);
    clean_up(&r);
    check(exited_with(&r, 123), "xargs_runs", "printf '1\\n2\\n' | xargs_lab false: %s, "
          "want 123 (a run failed)", how_it_ended(&r, SECONDS));
    return exited_with(&r, 123);
}

static void check_stdin(void)
{
    char *argv[] = { "xargs_lab", SELF, "stdin", NULL };
    const char *want = "x: stdin /dev/null, 3 fds\ny: stdin /dev/null, 3 fds\n";
    struct run r;

    run_program(argv, "x\ny\n", SECONDS, 0, &r);
    clean_up(&r);
    check(strcmp(r.out, want) == 0 && exited_with(&r, 0), "xargs_stdin",
          "the runs said \"%s\" (%s); want \"WORD: stdin /dev/null, 3 fds\" each: in the "
          "child, /dev/null as fd 0 (dup2), and only fds 0-2 open", one_line(r.out),
          how_it_ended(&r, SECONDS));
}

static void check_parallel(void)
{
    char *argv[] = { "xargs_lab", "-P", "3", SELF, "busy", BUSY_DIR, NULL };
    char input[64] = "", *line = input;
    struct run r;
    int runs = 0, most = 0;

    mkdir(BUSY_DIR, 0755);
    for (int i = 0; i < BUSY_RUNS; i++)
        line += sprintf(line, "w%d\n", i);
    run_program(argv, input, SECONDS, 0, &r);
    clean_up(&r);
    rmdir(BUSY_DIR);
    for (const char *p = r.out; (p = strstr(p, "busy ")) != NULL; p++) {
        int seen;
        if (sscanf(p, "busy w%*d %d", &seen) == 1) {
            runs++;
            most = seen > most ? seen : most;
        }
    }
    if (runs != BUSY_RUNS || !exited_with(&r, 0))
        check(0, "xargs_parallel", "xargs_lab -P %d with %d lines: %d runs, %s; want %d and "
              "exit status 0 (stderr \"%s\")", PARALLEL, BUSY_RUNS, runs,
              how_it_ended(&r, SECONDS), BUSY_RUNS, one_line(r.err));
    else if (most < 2)
        check(0, "xargs_parallel", "xargs_lab -P %d: the runs never overlapped; start up to "
              "%d before waiting for one (wait() for any child)", PARALLEL, PARALLEL);
    else
        check(most <= PARALLEL, "xargs_parallel", "xargs_lab -P %d: %d runs were busy at the "
              "same time; at most %d", PARALLEL, most, PARALLEL);
}

int main(int argc, char *argv[])
{
    static const char *const names[] = { "xargs_runs", "xargs_stdin", "xargs_parallel" };

    if (argc == 3 && strcmp(argv[1], "stdin") == 0)
        return show_stdin(argv[2]);
    if (argc == 4 && strcmp(argv[1], "busy") == 0)
        return busy(argv[2], argv[3]);
    if (!program_exists("xargs_lab", "util", names, 3))
        return test_exit_code();
    if (!check_runs()) {
        check(0, "xargs_stdin", "needs xargs_runs first");
        check(0, "xargs_parallel", "needs xargs_runs first");
        return test_exit_code();
    }
    check_stdin();
    check_parallel();
    return test_exit_code();
}
