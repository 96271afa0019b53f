/* man: a page is printed as it is when the output is not a terminal and
 * goes through the pager ($MANPAGER, else $PAGER) when it is; man -k
 * searches the NAME lines; no argument, a missing page or a name that is
 * a path fail with a clear message and exit status 1.  (That every
 * program has a page is checked on the host: tools/hosttests/man_pages.sh.) */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <minnow/test.h>

#define PAGES "/usr/share/man/"
#define PAGER_OUT "/tmp/test_man_pager"

static char out[16384], err[512], page[16384];

/* man with argv's words; its wait status, stdout in out, stderr in err. */
static int man(char *arg1, char *arg2)
{
    char *argv[] = { "man", arg1, arg2, NULL };
    return run_captured(argv, NULL, out, sizeof(out), err, sizeof(err));
}

static int exit_status(int status)
{
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void plain_page(void)
{
    /* a pager in the environment must not matter: stdout is a pipe */
    setenv("PAGER", "cat > " PAGER_OUT, 1);
    unlink(PAGER_OUT);
    long len = read_file(PAGES "cat", page, sizeof(page));
    int s = man("cat", NULL);
    check(len > 0 && exit_status(s) == 0 && strcmp(out, page) == 0 && err[0] == '\0',
          "man_prints_page", "status %#x, %ld bytes of page, out \"%.80s\", err \"%s\"", s,
          len, out, err);
    check(access(PAGER_OUT, F_OK) != 0, "man_no_pager_into_pipe",
          "the pager ran although stdout is a pipe");
    unsetenv("PAGER");
}

static void failures(void)
{
    int s = man(NULL, NULL);
    check(exit_status(s) == 1 && out[0] == '\0' && strstr(err, "What manual page do you want?"),
          "man_no_argument", "status %#x, err \"%s\"", s, err);

    s = man("nosuchpage", NULL);
    check(exit_status(s) == 1 && out[0] == '\0' &&
          strcmp(err, "No manual entry for nosuchpage\n") == 0,
          "man_missing_page", "status %#x, err \"%s\"", s, err);

    /* a name is a page's name: no way out of /usr/share/man */
    s = man("../../etc/passwd", NULL);
    check(exit_status(s) == 1 && !strstr(out, "root:") && strstr(err, "No manual entry"),
          "man_name_is_not_a_path", "status %#x, out \"%.80s\", err \"%s\"", s, out, err);

    s = man("-x", NULL);
    check(exit_status(s) == 1 && strstr(err, "usage: man"), "man_bad_option",
          "status %#x, err \"%s\"", s, err);
}

/* Each line of out holds word, ignoring case. */
static int every_line_holds(const char *word)
{
    char copy[sizeof(out)];

    strlcpy(copy, out, sizeof(copy));
    for (char *p = copy; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p += 'a' - 'A';
    for (char *line = strtok(copy, "\n"); line; line = strtok(NULL, "\n"))
        if (!strstr(line, word))
            return 0;
    return 1;
}

static void search(void)
{
    int s = man("-k", "PIPE");
    check(exit_status(s) == 0 && strstr(out, "pipe_single - a pipe inside one process\n") &&
          strstr(out, "sigpipe_demo - ") && every_line_holds("pipe") &&
          !strstr(out, "\nls - "), "man_k_searches_name_lines", "status %#x, out \"%s\"", s,
          out);

    s = man("-k", "zzqqzz");
    check(exit_status(s) == 1 && out[0] == '\0' &&
          strcmp(err, "zzqqzz: nothing appropriate.\n") == 0, "man_k_nothing",
          "status %#x, err \"%s\"", s, err);

    s = man("-k", NULL);
    check(exit_status(s) == 1 && strstr(err, "usage: man"), "man_k_without_word",
          "status %#x, err \"%s\"", s, err);
}

/* man NAME with a terminal as stdout (the console): the page goes to
 * the pager's stdin; the pager here writes it into PAGER_OUT.  Returns
 * man's exit status; its stderr goes to err. */
static int man_on_terminal(char *name)
{
    int tty = open("/dev/console", O_WRONLY);
    int e[2];
    char *argv[] = { "man", name, NULL };

    if (tty < 0 || !isatty(tty) || pipe(e) < 0)
        return -1;
    unlink(PAGER_OUT);
    pid_t pid = spawn(argv, -1, tty, e[1], RUN_TIMEOUT);
    close(tty);
    close(e[1]);
    read_to_end(e[0], err, sizeof(err));
    close(e[0]);
    return exit_status(wait_status(pid));
}

static void pager(void)
{
    read_file(PAGES "sigpipe_demo", page, sizeof(page));

    unsetenv("MANPAGER");
    setenv("PAGER", "cat > " PAGER_OUT, 1);
    int s = man_on_terminal("sigpipe_demo");
    long len = read_file(PAGER_OUT, out, sizeof(out));
    check(s == 0 && len > 0 && strcmp(out, page) == 0, "man_pages_through_pager",
          "status %d, %ld bytes from the pager, err \"%s\"", s, len, err);

    /* MANPAGER comes before PAGER, as in man-db */
    setenv("MANPAGER", "cat > " PAGER_OUT, 1);
    setenv("PAGER", "false", 1);
    s = man_on_terminal("sigpipe_demo");
    len = read_file(PAGER_OUT, out, sizeof(out));
    check(s == 0 && strcmp(out, page) == 0, "man_manpager_first", "status %d, %ld bytes", s,
          len);

    setenv("MANPAGER", "nosuchpager", 1);
    s = man_on_terminal("sigpipe_demo");
    check(s == 1 && strstr(err, "nosuchpager"), "man_missing_pager", "status %d, err \"%s\"",
          s, err);
    unsetenv("MANPAGER");
    unsetenv("PAGER");
    unlink(PAGER_OUT);
}

int main(void)
{
    plain_page();
    failures();
    search();
    pager();
    return test_exit_code();
}
