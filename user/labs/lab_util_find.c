/* Grader of the lab "Utilities with pipes" (docs/labs/util.md): find_lab.
 *
 * `find_lab DIR NAME` prints the path of every file, directory or link
 * under DIR whose name is NAME, in any order, and exits with 0; it does
 * not follow symbolic links (this tree has one that loops); a DIR that
 * does not exist is an error on stderr and a non-zero status; and it
 * closes each directory it opened, so that a wide tree does not need more
 * than a few open files. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "lab_run.h"

#define SECONDS 10
#define TREE "/tmp/lab_find"
#define WIDE "/tmp/lab_find_wide"
#define WIDE_DIRS 30
#define FD_LIMIT 10

static void make_tree(void)
{
    static const char *const dirs[] = {
        TREE, TREE "/a", TREE "/a/b", TREE "/a/b/c", TREE "/a/b/c/d",
        TREE "/a/b/c/d/target", TREE "/e",
    };
    for (unsigned i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
        mkdir(dirs[i], 0755);
    write_file(TREE "/target", "top\n");
    write_file(TREE "/a/target", "a\n");
    write_file(TREE "/a/other", "not this one\n");
    write_file(TREE "/a/b/target", "b\n");
    write_file(TREE "/a/b/targets", "not this one either\n");
    write_file(TREE "/a/b/c/d/target/target", "inside the directory target\n");
    symlink("..", TREE "/a/up");             /* a/up/a/up/a/up/...: a loop */
    symlink("/etc", TREE "/e/target");       /* a link is found, not followed */
}

/* What find_lab TREE target must print, in any order. */
static const char *const expected[] = {
    TREE "/target", TREE "/a/target", TREE "/a/b/target", TREE "/a/b/c/d/target",
    TREE "/a/b/c/d/target/target", TREE "/e/target",
};
#define EXPECTED (int)(sizeof(expected) / sizeof(expected[0]))

/* Whether out has line as one of its lines. */
static int has_line(const char *out, const char *line)
{
    size_t len = strlen(line);

    for (const char *p = out; (p = strstr(p, line)) != NULL; p++)
        if ((p == out || p[-1] == '\n') && p[len] == '\n')
            return 1;
    return 0;
}

/* The first expected line missing from out, or NULL; *missing: how many. */
static const char *first_missing(const char *out, int *missing)
{
    const char *first = NULL;

    *missing = 0;
    for (int i = 0; i < EXPECTED; i++)
        if (!has_line(out, expected[i])) {
            first = first ? first : expected[i];
            ++*missing;
        }
    return first;
}

/* The first line of out that is not expected (into line), or 0. */
static int first_extra(const char *out, char *line, size_t size)
{
    for (const char *p = out; *p;) {
        size_t len = strcspn(p, "\n");
        int known = 0;
        for (int i = 0; i < EXPECTED; i++)
            known |= strlen(expected[i]) == len && strncmp(expected[i], p, len) == 0;
        if (!known) {
            snprintf(line, size, "%.*s", (int)len, p);
            return 1;
        }
        p += len + (p[len] == '\n');
    }
    return 0;
}

static void remove_tree(const char *path)
{
    char *argv[] = { "rm", "-rf", (char *)path, NULL };
    struct run r;

    run_program(argv, NULL, SECONDS, 0, &r);
}

static int check_names(void)
{
    char *argv[] = { "find_lab", TREE, "target", NULL };
    struct run r;

    make_tree();
    run_program(argv, NULL, SECONDS, 0, &r);
    clean_up(&r);
    remove_tree(TREE);
    if (r.timed_out) {
        check(0, "find_names", "find_lab %s target was still running after %d s (killed), "
              "having printed \"%s\": %s/a/up is a symbolic link to ..: is it followed "
              "(stat instead of lstat), or are . and .. walked into?", TREE, SECONDS,
              one_line(r.out), TREE);
        return 0;
    }
    int missing, lines = 0;
    const char *absent = first_missing(r.out, &missing);
    char extra[128];
    for (const char *p = r.out; (p = strchr(p, '\n')) != NULL; p++)
        lines++;
    if (first_extra(r.out, extra, sizeof(extra))) {
        check(0, "find_names", "find_lab %s target printed %s, which it should not%s", TREE,
              extra, strstr(extra, "/up/") ? ": a/up is a symbolic link to .., which a walk "
              "must not follow (lstat, not stat)" : " (only paths whose last part is target)");
        return 0;
    }
    if (absent) {
        check(0, "find_names", "find_lab %s target did not print %s (%d of the %d paths are "
              "missing)", TREE, absent, missing, EXPECTED);
        return 0;
    }
    if (lines != EXPECTED) {
        check(0, "find_names", "find_lab %s target printed %d lines for %d paths: one line "
              "a path, each path once", TREE, lines, EXPECTED);
        return 0;
    }
    check(exited_with(&r, 0), "find_names", "the right paths, but %s, want 0 (stderr \"%s\")",
          how_it_ended(&r, SECONDS), one_line(r.err));
    return exited_with(&r, 0);
}

static void check_errors(void)
{
    char *argv[] = { "find_lab", "/no/such/dir", "x", NULL };
    struct run r;

    run_program(argv, NULL, SECONDS, 0, &r);
    clean_up(&r);
    check(!r.timed_out && r.status >= 0 && !(WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0) &&
          r.err[0] && !r.out[0], "find_errors",
          "find_lab /no/such/dir x: %s, %d bytes on stdout, stderr \"%s\"; want a message "
          "on stderr (strerror(errno) says why), nothing on stdout, an exit status other "
          "than 0", how_it_ended(&r, SECONDS), (int)strlen(r.out), one_line(r.err));
}

static void check_fds(void)
{
    char *argv[] = { "find_lab", WIDE, "x", NULL };
    char path[64];
    struct run r;

    mkdir(WIDE, 0755);
    for (int i = 0; i < WIDE_DIRS; i++) {
        snprintf(path, sizeof(path), WIDE "/d%02d", i);
        mkdir(path, 0755);
        strcat(path, "/x");
        write_file(path, "x\n");
    }
    run_program(argv, NULL, SECONDS, FD_LIMIT, &r);
    clean_up(&r);
    remove_tree(WIDE);
    int lines = 0;
    for (const char *p = r.out; (p = strchr(p, '\n')) != NULL; p++)
        lines++;
    check(lines == WIDE_DIRS && exited_with(&r, 0), "find_fds",
          "%d directories side by side, %d open files at most (RLIMIT_NOFILE): %d paths of "
          "%d found, %s: close each directory when done with it (stderr \"%.60s\")",
          WIDE_DIRS, FD_LIMIT, lines, WIDE_DIRS, how_it_ended(&r, SECONDS), one_line(r.err));
}

int main(void)
{
    static const char *const names[] = { "find_names", "find_errors", "find_fds" };

    if (!program_exists("find_lab", "util", names, 3))
        return test_exit_code();
    int names_right = check_names();
    check_errors();
    if (names_right)
        check_fds();
    else
        check(0, "find_fds", "needs find_names first");
    return test_exit_code();
}
