/* The differential test: Minnow's C library against glibc.
 *
 * Every program of user/lecture/ and ten tools of user/bin/ are built
 * twice: with Minnow's C library into /bin, and with glibc 2.36 for i386
 * (i686-linux-gnu-gcc -static, the Makefile's "glibc builds") into
 * /usr/libexec/minnow/glibc/.  Here both builds run on Minnow's kernel
 * with the same arguments, standard input and environment, and must give
 * the same standard output, standard error and wait status (and, for a
 * program that writes a file, the same file).  A difference is a bug in
 * Minnow's C library, or in the kernel when glibc asks it something that
 * Minnow's own library never asks.  One check line per comparison,
 * glibc_diff_NAME; a failure shows the first difference.
 *
 * What may honestly differ is made the same first ("normalised"):
 *  - the program's own path (argv[0], in usage and perror lines) is "$0";
 *  - pids: a number after one of a few words that precede a pid in that
 *    program's output (below) becomes <pid1>, <pid2>... in the order they
 *    first appear, the same number the same name: "child <pid2>: my parent
 *    is <pid1>" still says whose child it is.  0 and 1 stay as they are
 *    (the idle task and init: never the pid of a program started here);
 *  - where two processes print without waiting for each other, the order
 *    of their lines is the scheduler's choice: the lines are sorted by
 *    their first word ("parent", "child"), each process's own in order;
 *  - how far stdio reads ahead (fread_read_mix, below).
 *
 * The programs, how they run, and what is normalised:
 *   pipe_single, pipe_parent_child, signal_ignore, sigpipe_demo   nothing
 *   pipe_child_parent     pids ("child N")
 *   fork_demo             pids ("pid N", "returned N", "parent is N"), order
 *   orphan_demo           pids ("parent N", "child N", "parent is N",
 *                         "now N"), order
 *   minishell             a script of commands on stdin; pids ("[pid N")
 *   signal_handler        gets SIGINT, SIGQUIT, SIGINT from this test,
 *                         each after the last one's message; pid ("(pid N")
 *   signal_ignore wait    SIGINT during its 5-second sleep, which it ignores
 *   copy_char, copy_block copy a file of every byte value (the copy is
 *                         compared too); a missing file, no arguments, a
 *                         directory to copy into
 *   fread_read_mix        without a file (the demo file it writes is
 *                         compared too) and with a 16 KiB file.  stdio's
 *                         read-ahead is the library's choice: Minnow's
 *                         buffers are BUFSIZ = 1024 bytes, glibc's are
 *                         st_blksize (4096) with BUFSIZ 8192.  So the
 *                         descriptor's offset R and BUFSIZ are not
 *                         compared; the kernel's part is: read() must give
 *                         the file's own bytes at offset R, checked here
 *   echoserver, echoclient  each build's server serves each build's
 *                         client; the clients against one server, and the
 *                         two servers, are compared; a client with no server
 *   echoserver_fork       the same, pids ("echoserver_fork[N")
 *   echoserver_tcp, echoclient_tcp   the same over TCP, port 7007 on
 *                         127.0.0.1; a client with nobody on the port
 *   buffering             sleeps 11 seconds: both builds run in the
 *                         background while the rest runs
 *   cat echo head tail wc sort uniq grep ls stat   nothing: files, stdin,
 *                         errors (missing files, a directory), and a
 *                         140 KB file, which glibc's malloc maps (mmap)
 * No lecture program is left out. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <minnow/test.h>

#define GLIBC_DIR "/usr/libexec/minnow/glibc/"
#define D "/tmp/glibc_diff"              /* this test's files */
#define SOCK D "/echo.sock"
#define SLOW_TIMEOUT 30                  /* seconds, for buffering */
#define BIG_LINES 20000                  /* lines of D/big: 140 KB */

enum { MINNOW, GLIBC, BUILDS };
static const char *const build_name[BUILDS] = { "minnow", "glibc" };

/* What one build of a program did. */
struct result {
    char out[8192];                      /* stdout */
    char err[1024];                      /* stderr */
    size_t out_len;                      /* (read_until's count) */
    int status;                          /* its wait status */
    char file[20000];                    /* the file it wrote, if any */
    long file_len;                       /* -1: none */
};

/* One comparison. */
struct diff_case {
    const char *name;                    /* the check is glibc_diff_<name> */
    const char *prog;
    const char *args[6];                 /* after argv[0]; NULL-ended */
    const char *input;                   /* stdin; NULL: empty */
    const char *made;                    /* a file it writes: compared too */
    const char *pid_marks[5];            /* words before a pid; NULL-ended */
    int by_speaker;                      /* two processes print unordered */
    int no_path;                         /* run with PATH unset */
    /* a run of its own (NULL: to its end, with input on stdin) */
    void (*run)(const struct diff_case *c, const char *path, struct result *r);
    void (*fix)(const struct diff_case *c, struct result *r);   /* more normalising */
};

static struct result results[BUILDS];

static void program_path(char *buf, size_t size, int build, const char *prog)
{
    snprintf(buf, size, "%s%s", build == MINNOW ? "/bin/" : GLIBC_DIR, prog);
}

/* ---------------------------------------------------------------- text */

/* Replaces every `old` in s (a string in a buffer of size bytes) by `new`;
 * what no longer fits is cut. */
static void replace_all(char *s, size_t size, const char *old, const char *new)
{
    static char tmp[sizeof(results[0].out)];
    size_t o = 0, old_len = strlen(old), new_len = strlen(new);

    for (const char *p = s; *p && o < size - 1;) {
        if (strncmp(p, old, old_len) == 0 && o + new_len < size) {
            memcpy(tmp + o, new, new_len);
            o += new_len;
            p += old_len;
        } else {
            tmp[o++] = *p++;
        }
    }
    tmp[o] = '\0';
    memcpy(s, tmp, o + 1);
}

/* The number right after the first `mark` in s becomes `text`. */
static void replace_number_after(char *s, size_t size, const char *mark, const char *text)
{
    char *p = strstr(s, mark);
    if (!p)
        return;
    p += strlen(mark);
    char *end = p;
    while (*end >= '0' && *end <= '9')
        end++;
    size_t tail = strlen(end), text_len = strlen(text);
    if ((size_t)(p - s) + text_len + tail >= size)
        return;
    memmove(p + text_len, end, tail + 1);
    memcpy(p, text, text_len);
}

/* The pids (see the top): each number after one of marks, except 0 and
 * 1, becomes <pidK>, K counting the different pids in order. */
static void rename_pids(char *s, size_t size, const char *const marks[])
{
    static char tmp[sizeof(results[0].out)];
    long pids[32];
    int npids = 0;
    size_t o = 0;

    for (const char *p = s; *p && o < size - 16;) {
        const char *number = NULL;
        for (int m = 0; marks[m] && !number; m++) {
            size_t n = strlen(marks[m]);
            if (strncmp(p, marks[m], n) == 0 && p[n] >= '0' && p[n] <= '9')
                number = p + n;
        }
        if (!number) {
            tmp[o++] = *p++;
            continue;
        }
        memcpy(tmp + o, p, (size_t)(number - p));
        o += (size_t)(number - p);
        char *end;
        long pid = strtol(number, &end, 10);
        if (pid <= 1) {
            memcpy(tmp + o, number, (size_t)(end - number));
            o += (size_t)(end - number);
        } else {
            int k = 0;
            while (k < npids && pids[k] != pid)
                k++;
            if (k == npids && npids < 32)
                pids[npids++] = pid;
            o += (size_t)snprintf(tmp + o, size - o, "<pid%d>", k + 1);
        }
        p = end;
    }
    tmp[o] = '\0';
    memcpy(s, tmp, o + 1);
}

/* How long a line's first word is (up to a space or a colon). */
static size_t first_word(const char *line)
{
    return strcspn(line, " :\n");
}

/* Two processes' lines in the order of the first word, stably: each
 * process's own lines keep their order. */
static void group_by_speaker(char *s)
{
    static char tmp[sizeof(results[0].out)];
    const char *lines[256];
    size_t lens[256];
    int n = 0;

    strcpy(tmp, s);
    for (const char *p = tmp; *p; n++) {
        if (n == 256)
            return;                              /* too long: left as it is */
        lines[n] = p;
        lens[n] = strcspn(p, "\n");
        lens[n] += p[lens[n]] == '\n';          /* with its newline */
        p += lens[n];
    }
    for (int i = 1; i < n; i++) {                /* insertion sort: stable */
        const char *line = lines[i];
        size_t len = lens[i], word = first_word(line);
        int j = i;
        for (; j > 0; j--) {
            size_t other = first_word(lines[j - 1]);
            int cmp = strncmp(lines[j - 1], line, word < other ? word : other);
            if (cmp < 0 || (cmp == 0 && other <= word))
                break;
            lines[j] = lines[j - 1];
            lens[j] = lens[j - 1];
        }
        lines[j] = line;
        lens[j] = len;
    }
    for (int i = 0; i < n; i++) {
        memcpy(s, lines[i], lens[i]);
        s += lens[i];
    }
    *s = '\0';
}

/* ---------------------------------------------------------------- comparing */

/* A wait status in words, into buf. */
static const char *describe(int status, char *buf, size_t size)
{
    if (status == -1)
        snprintf(buf, size, "did not start");
    else if (WIFEXITED(status))
        snprintf(buf, size, "exit %d", WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        snprintf(buf, size, "signal %d", WTERMSIG(status));
    else
        snprintf(buf, size, "status %#x", status);
    return buf;
}

/* Up to 40 bytes of s from i on, with newlines and other control bytes
 * written as C escapes, into buf: a difference fits on one line. */
static const char *excerpt(const char *s, size_t len, size_t i, char *buf)
{
    size_t o = 0;

    for (size_t end = i + 40; i < len && i < end; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n')
            o += (size_t)sprintf(buf + o, "\\n");
        else if (c == '"' || c == '\\')
            o += (size_t)sprintf(buf + o, "\\%c", c);
        else if (c < ' ' || c > '~')
            o += (size_t)sprintf(buf + o, "\\x%02x", c);
        else
            buf[o++] = (char)c;
    }
    buf[o] = '\0';
    return buf;
}

/* If a and b differ, says where, into why; returns 1 if they did. */
static int differ(const char *what, const char *a, size_t a_len, const char *b, size_t b_len,
                  char *why, size_t size)
{
    char ea[200], eb[200];
    size_t i = 0;

    while (i < a_len && i < b_len && a[i] == b[i])
        i++;
    if (i == a_len && i == b_len)
        return 0;
    size_t from = i > 8 ? i - 8 : 0;         /* a little of what came before */
    snprintf(why, size, "%s at byte %zu: minnow \"%s\" glibc \"%s\"", what, i,
             excerpt(a, a_len, from, ea), excerpt(b, b_len, from, eb));
    return 1;
}

/* One check: the two builds' results, after normalising, are the same. */
static void compare(const char *name, const struct result *a, const struct result *b)
{
    char check_name[64], why[256] = "", sa[32], sb[32];

    snprintf(check_name, sizeof(check_name), "glibc_diff_%s", name);
    /* two builds that both hang, or both cannot start, are no success */
    const struct result *r[BUILDS] = { a, b };
    for (int i = 0; i < BUILDS && !why[0]; i++) {
        int s = r[i]->status;
        if (WIFSIGNALED(s) && WTERMSIG(s) == SIGALRM)
            snprintf(why, sizeof(why), "the %s build hung (killed after its time limit)",
                     build_name[i]);
        else if (s == -1 || (WIFEXITED(s) && WEXITSTATUS(s) == 126 &&
                             strncmp(r[i]->err, "cannot exec", 11) == 0))
            snprintf(why, sizeof(why), "the %s build did not start: %s", build_name[i],
                     r[i]->err);
    }
    if (!why[0] && a->status != b->status)
        snprintf(why, sizeof(why), "wait status: minnow %s, glibc %s",
                 describe(a->status, sa, sizeof(sa)), describe(b->status, sb, sizeof(sb)));
    if (!why[0] &&
        !differ("stdout", a->out, strlen(a->out), b->out, strlen(b->out), why, sizeof(why)) &&
        !differ("stderr", a->err, strlen(a->err), b->err, strlen(b->err), why, sizeof(why))) {
        if (a->file_len != b->file_len)
            snprintf(why, sizeof(why), "the file it wrote: minnow %ld bytes, glibc %ld",
                     a->file_len, b->file_len);
        else if (a->file_len > 0)
            differ("the file it wrote", a->file, (size_t)a->file_len, b->file,
                   (size_t)b->file_len, why, sizeof(why));
    }
    check(!why[0], check_name, "%s", why);
}

/* ---------------------------------------------------------------- running */

/* Runs one build of c, to its end, into r. */
static void run_to_end(const struct diff_case *c, const char *path, struct result *r)
{
    char *argv[8] = { (char *)path };

    char saved_path[256] = "";

    for (int i = 0; c->args[i]; i++)
        argv[i + 1] = (char *)c->args[i];
    if (c->no_path) {                    /* the program inherits our environment */
        snprintf(saved_path, sizeof(saved_path), "%s", getenv("PATH") ? getenv("PATH") : "");
        unsetenv("PATH");
    }
    r->status = run_captured(argv, c->input, r->out, sizeof(r->out), r->err, sizeof(r->err));
    if (c->no_path)
        setenv("PATH", saved_path, 1);
}

static void normalise(const struct diff_case *c, const char *path, struct result *r)
{
    replace_all(r->out, sizeof(r->out), path, "$0");
    replace_all(r->err, sizeof(r->err), path, "$0");
    if (c->by_speaker)
        group_by_speaker(r->out);
    if (c->pid_marks[0]) {
        rename_pids(r->out, sizeof(r->out), c->pid_marks);
        rename_pids(r->err, sizeof(r->err), c->pid_marks);
    }
    if (c->fix)
        c->fix(c, r);
}

/* Both builds of c, one after the other, then the check. */
static void diff(const struct diff_case *c)
{
    for (int b = 0; b < BUILDS; b++) {
        struct result *r = &results[b];
        char path[128];

        program_path(path, sizeof(path), b, c->prog);
        memset(r, 0, sizeof(*r));
        if (c->made)
            unlink(c->made);
        (c->run ? c->run : run_to_end)(c, path, r);
        r->file_len = c->made ? read_file(c->made, r->file, sizeof(r->file)) : -1;
        normalise(c, path, r);
    }
    compare(c->name, &results[MINNOW], &results[GLIBC]);
}

/* signal_handler: SIGINT, SIGQUIT and SIGINT again, each once the message
 * of the one before has come (two pending signals would merge into one);
 * the third makes it say goodbye and end. */
static void run_signal_handler(const struct diff_case *c, const char *path, struct result *r)
{
    char *argv[] = { (char *)path, NULL };
    const int sigs[] = { SIGINT, SIGQUIT, SIGINT };
    int out, err;

    (void)c;
    pid_t pid = start_captured(argv, NULL, &out, &err, RUN_TIMEOUT);
    if (pid < 0) {
        r->status = -1;
        return;
    }
    read_until(out, r->out, sizeof(r->out), &r->out_len, "press Ctrl-C", 1);
    for (int i = 0; i < 3; i++) {
        kill(pid, sigs[i]);
        read_until(out, r->out, sizeof(r->out), &r->out_len, " caught.\n", i + 1);
    }
    read_until(out, r->out, sizeof(r->out), &r->out_len, NULL, 0);
    read_to_end(err, r->err, sizeof(r->err));
    close(out);
    close(err);
    r->status = wait_status(pid);
}

/* fread_read_mix (see the top): R, the descriptor's offset after the
 * first fread, and BUFSIZ are the library's; read() at R must give the
 * file's bytes at R, and that line is then written without R. */
static void fix_read_ahead(const struct diff_case *c, struct result *r)
{
    static char file[sizeof(r->file)];
    char want[64], *p = strstr(r->out, "SEEK_CUR) = ");

    long len = read_file(c->made ? c->made : c->args[0], file, sizeof(file));
    if (!p || len < 0)
        return;
    long ahead = strtol(p + strlen("SEEK_CUR) = "), NULL, 10);
    long n = ahead >= 0 && ahead <= len ? (len - ahead < 10 ? len - ahead : 10) : 0;
    int o = snprintf(want, sizeof(want), "read(fd, 10) gave %ld bytes: \"", n);
    for (long i = 0; i < n; i++)
        want[o++] = file[ahead + i] == '\n' ? '|' : file[ahead + i];
    strcpy(want + o, "\"\n");
    replace_all(r->out, sizeof(r->out), want, "read(fd, 10) gave the file's bytes at R\n");
    replace_number_after(r->out, sizeof(r->out), "SEEK_CUR) = ", "R");
    replace_number_after(r->out, sizeof(r->out), "BUFSIZ = ", "BUFSIZ");
}

static const struct diff_case cases[] = {
    /* the lecture */
    { .name = "pipe_single", .prog = "pipe_single" },
    { .name = "pipe_parent_child", .prog = "pipe_parent_child" },
    { .name = "pipe_child_parent", .prog = "pipe_child_parent", .pid_marks = { "child " } },
    { .name = "sigpipe_demo", .prog = "sigpipe_demo" },
    { .name = "fork_demo", .prog = "fork_demo",
      .pid_marks = { "pid ", "returned ", "parent is " }, .by_speaker = 1 },
    { .name = "orphan_demo", .prog = "orphan_demo",
      .pid_marks = { "parent ", "child ", "parent is ", "now " }, .by_speaker = 1 },
    /* a command, a failure, one not found, an empty line, a script
     * without #! (execvp runs it with sh), a directory (EACCES) */
    { .name = "minishell", .prog = "minishell",
      .input = "echo hello from minishell\nfalse\nnosuchprogram\n\npwd\n"
               D "/script with args\n" D "/tree\nexit\n",
      .pid_marks = { "[pid " } },
    /* without PATH, execvp looks where the system keeps programs: /bin,
     * and /usr/bin, where busybox's are */
    { .name = "minishell_no_path", .prog = "minishell", .input = "ls /hello.txt\nbasename /a/b\n",
      .pid_marks = { "[pid " }, .no_path = 1 },
    { .name = "signal_ignore", .prog = "signal_ignore" },
    { .name = "signal_handler", .prog = "signal_handler", .pid_marks = { "(pid " },
      .run = run_signal_handler },
    { .name = "copy_char", .prog = "copy_char", .args = { D "/bytes", D "/copy" },
      .made = D "/copy" },
    { .name = "copy_block", .prog = "copy_block", .args = { D "/bytes", D "/copy" },
      .made = D "/copy" },
    { .name = "copy_char_missing", .prog = "copy_char", .args = { D "/none", D "/copy" } },
    { .name = "copy_block_usage", .prog = "copy_block" },
    { .name = "copy_block_to_directory", .prog = "copy_block", .args = { D "/bytes", D "/tree" } },
    { .name = "fread_read_mix", .prog = "fread_read_mix", .made = "/tmp/fread_read_mix.txt",
      .fix = fix_read_ahead },
    { .name = "fread_read_mix_16k", .prog = "fread_read_mix", .args = { D "/offsets" },
      .fix = fix_read_ahead },
    { .name = "echoclient_no_server", .prog = "echoclient", .args = { D "/none.sock" },
      .input = "hello\n" },
    { .name = "echoclient_tcp_no_server", .prog = "echoclient_tcp", .args = { "127.0.0.1", "7008" },
      .input = "hello\n" },
    /* the tools */
    { .name = "cat_files", .prog = "cat", .args = { "/etc/motd", "/hello.txt" } },
    { .name = "cat_stdin", .prog = "cat", .input = "one\ntwo\n\nthree, no newline" },
    { .name = "cat_missing", .prog = "cat", .args = { "/hello.txt", D "/none" } },
    { .name = "cat_directory", .prog = "cat", .args = { D "/tree" } },
    { .name = "echo", .prog = "echo", .args = { "-n", "two  words", "", "end" } },
    { .name = "head", .prog = "head", .args = { "-n", "3", D "/offsets" } },
    { .name = "head_stdin", .prog = "head", .args = { "-2" }, .input = "first\nsecond\nthird\n" },
    { .name = "tail", .prog = "tail", .args = { "-n", "2", D "/offsets" } },
    { .name = "tail_from", .prog = "tail", .args = { "-n", "+510", D "/offsets" } },
    { .name = "tail_big", .prog = "tail", .args = { "-n", "3", D "/big" } },
    { .name = "wc", .prog = "wc", .args = { D "/offsets", D "/words" } },
    { .name = "wc_stdin", .prog = "wc", .args = { "-w" },
      .input = "  several words\ton\n two lines " },
    { .name = "sort", .prog = "sort", .args = { D "/words" } },
    { .name = "sort_big", .prog = "sort", .args = { "-n", "-r", D "/big" } },
    { .name = "sort_numeric_reverse", .prog = "sort", .args = { "-n", "-r" },
      .input = "10 ten\n9 nine\n100 hundred\n-1 minus\n" },
    { .name = "uniq", .prog = "uniq", .args = { "-c" }, .input = "a\na\nb\na\nc\nc\nc\n" },
    { .name = "grep", .prog = "grep", .args = { "-n", "-i", "^the", D "/words" } },
    { .name = "grep_no_match", .prog = "grep", .args = { "zebra", D "/words" } },
    { .name = "grep_missing", .prog = "grep", .args = { "x", D "/none" } },
    { .name = "ls", .prog = "ls", .args = { "-l", D "/tree" } },
    { .name = "ls_all", .prog = "ls", .args = { "-a", D "/tree", D "/none" } },
    { .name = "stat", .prog = "stat",
      .args = { D "/tree/file", D "/tree", D "/tree/link", "/dev/null", D "/none" } },
};

/* ---------------------------------------------------------------- the pairs */

/* The echo server of each build, serving the client of each build in
 * turn; then the server is ended with SIGTERM, once it has printed
 * `served` (if not NULL) after each client.  Compared: the two clients
 * against each server, and the two servers. */
static void echo_pair_with(const char *server, const char *served, const char *pid_mark,
                           const char *where, const struct diff_case client)
{
    static struct result servers[BUILDS], clients[BUILDS][BUILDS];
    const struct diff_case server_case = { .prog = server, .pid_marks = { pid_mark } };

    for (int s = 0; s < BUILDS; s++) {
        struct result *r = &servers[s];
        char path[128];
        int out, err;

        memset(r, 0, sizeof(*r));
        program_path(path, sizeof(path), s, server);
        char *argv[] = { path, (char *)where, NULL };
        pid_t pid = start_captured(argv, NULL, &out, &err, 2 * RUN_TIMEOUT);
        if (pid < 0) {
            r->status = -1;
            continue;
        }
        read_until(out, r->out, sizeof(r->out), &r->out_len, "listening on", 1);
        for (int c = 0; c < BUILDS; c++) {
            char client_path[128];
            program_path(client_path, sizeof(client_path), c, client.prog);
            memset(&clients[s][c], 0, sizeof(clients[s][c]));
            run_to_end(&client, client_path, &clients[s][c]);
            clients[s][c].file_len = -1;
            normalise(&client, client_path, &clients[s][c]);
        }
        if (served)
            read_until(out, r->out, sizeof(r->out), &r->out_len, served, BUILDS);
        kill(pid, SIGTERM);
        read_until(out, r->out, sizeof(r->out), &r->out_len, NULL, 0);
        read_to_end(err, r->err, sizeof(r->err));
        close(out);
        close(err);
        r->status = wait_status(pid);
        r->file_len = -1;
        normalise(&server_case, path, r);
    }
    char name[64];
    for (int s = 0; s < BUILDS; s++) {
        snprintf(name, sizeof(name), "echoclient_to_%s_%s", build_name[s], server);
        compare(name, &clients[s][MINNOW], &clients[s][GLIBC]);
    }
    compare(server, &servers[MINNOW], &servers[GLIBC]);
}

/* The AF_UNIX servers, on SOCK. */
static void echo_pair(const char *server, const char *served, const char *pid_mark)
{
    const struct diff_case client = { .prog = "echoclient", .args = { SOCK },
                                      .input = "hello, server\n\na second line\n" };

    echo_pair_with(server, served, pid_mark, SOCK, client);
}

/* ---------------------------------------------------------------- the slow ones */

/* The slow ones (they sleep) run while everything else does. */
struct background {
    const struct diff_case c;
    const char *ready;           /* when this has come, send signal */
    int signal;
    pid_t pid[BUILDS];
    int out[BUILDS], err[BUILDS];
    struct result r[BUILDS];
};

static struct background slow[] = {
    { .c = { .name = "buffering", .prog = "buffering" } },
    /* SIGINT is ignored through its sleep: it says "still here" */
    { .c = { .name = "signal_ignore_wait", .prog = "signal_ignore", .args = { "wait" } },
      .ready = "press Ctrl-C", .signal = SIGINT },
};

static void start_slow(struct background *s)
{
    for (int b = 0; b < BUILDS; b++) {
        char path[128];
        program_path(path, sizeof(path), b, s->c.prog);
        char *argv[] = { path, (char *)s->c.args[0], NULL };
        s->pid[b] = start_captured(argv, NULL, &s->out[b], &s->err[b], SLOW_TIMEOUT);
        if (s->pid[b] > 0 && s->ready) {
            struct result *r = &s->r[b];
            read_until(s->out[b], r->out, sizeof(r->out), &r->out_len, s->ready, 1);
            kill(s->pid[b], s->signal);
        }
    }
}

static void finish_slow(struct background *s)
{
    for (int b = 0; b < BUILDS; b++) {
        struct result *r = &s->r[b];
        char path[128];

        program_path(path, sizeof(path), b, s->c.prog);
        if (s->pid[b] < 0) {
            r->status = -1;
            continue;
        }
        /* to the end: read_until() would give up while it sleeps */
        r->out_len += read_to_end(s->out[b], r->out + r->out_len, sizeof(r->out) - r->out_len);
        read_to_end(s->err[b], r->err, sizeof(r->err));
        close(s->out[b]);
        close(s->err[b]);
        r->status = wait_status(s->pid[b]);
        r->file_len = -1;
        normalise(&s->c, path, r);
    }
    compare(s->c.name, &s->r[MINNOW], &s->r[GLIBC]);
}

/* ---------------------------------------------------------------- files */

static void write_bytes(const char *path, const char *data, size_t len)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

    if (fd < 0 || write(fd, data, len) != (ssize_t)len)
        check(0, "glibc_diff_setup", "cannot write %s: %s", path, strerror(errno));
    close(fd);
}

/* The files the programs read: every byte value, a file whose lines say
 * their own offsets, words, and a small tree for ls and stat. */
static void make_files(void)
{
    static char data[16384];

    mkdir(D, 0755);
    for (int i = 0; i < 10000; i++)
        data[i] = (char)(i * 7 + i / 256);   /* 7 is odd: all 256 values come */
    write_bytes(D "/bytes", data, 10000);
    for (int off = 0; off < 16384; off += 32)
        snprintf(data + off, 33, "offset %05d: .................\n", off);
    write_bytes(D "/offsets", data, 16384);
    const char *words = "the quick brown fox\nThe lazy dog\njumps\nover\nthe end\n"
                        "apple\nZebra\n\nbanana split\n";
    write_bytes(D "/words", words, strlen(words));
    /* big enough for glibc's malloc to map it (mmap, mremap) */
    static char big[BIG_LINES * 7];
    for (int i = 0; i < BIG_LINES; i++)
        snprintf(big + 7 * i, 8, "%06d\n", (i * 7919) % 1000000);
    write_bytes(D "/big", big, sizeof(big));
    const char *script = "echo from a script without #!, run by sh\n";
    write_bytes(D "/script", script, strlen(script));
    chmod(D "/script", 0755);
    mkdir(D "/tree", 0755);
    mkdir(D "/tree/sub", 0700);
    write_bytes(D "/tree/file", "twelve bytes", 12);
    write_bytes(D "/tree/.hidden", "", 0);
    symlink("file", D "/tree/link");
}

static void remove_files(void)
{
    const char *files[] = { D "/bytes", D "/offsets", D "/words", D "/big", D "/script",
                            D "/copy", SOCK,
                            D "/tree/file", D "/tree/.hidden", D "/tree/link",
                            "/tmp/fread_read_mix.txt" };
    for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
        unlink(files[i]);
    rmdir(D "/tree/sub");
    rmdir(D "/tree");
    rmdir(D);
}

int main(void)
{
    const int nslow = (int)(sizeof(slow) / sizeof(slow[0]));

    make_files();
    for (int i = 0; i < nslow; i++)
        start_slow(&slow[i]);
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        diff(&cases[i]);
    echo_pair("echoserver", "client closed the connection", NULL);
    echo_pair("echoserver_fork", NULL, "echoserver_fork[");
    const struct diff_case tcp_client = { .prog = "echoclient_tcp", .args = { "127.0.0.1", "7007" },
                                          .input = "hello, server\n\na second line\n" };
    echo_pair_with("echoserver_tcp", NULL, NULL, "7007", tcp_client);
    for (int i = 0; i < nslow; i++)
        finish_slow(&slow[i]);
    remove_files();
    return test_exit_code();
}
