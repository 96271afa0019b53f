/* The programs of /bin, run the way a shell runs them: fork, exec, and
 * the output read back through a pipe.  Each check runs a command line
 * on a small case (files under /tmp/cu) and compares what it printed,
 * its exit status and what it left in the file system. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <minnow/test.h>

#define DIR "/tmp/cu"

static char out[8192];           /* what the last command wrote on stdout */
static char err[1024];           /* ... and on stderr */

/* Cuts a command line into words at the spaces (no quoting). */
static void split(char *line, char *argv[], int max)
{
    int n = 0;
    for (char *w = strtok(line, " "); w && n < max - 1; w = strtok(NULL, " "))
        argv[n++] = w;
    argv[n] = NULL;
}

/* Runs cmdline with input on standard input (NULL: nothing) and fills
 * out and err.  Returns the exit status, or 128 + N if signal N killed
 * the program (after RUN_TIMEOUT seconds, SIGALRM: a program that hangs). */
static int run(const char *cmdline, const char *input)
{
    char line[256], *argv[32];

    strlcpy(line, cmdline, sizeof(line));
    split(line, argv, 32);
    int status = run_captured(argv, input, out, sizeof(out), err, sizeof(err));
    if (status < 0)
        return -1;
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}

/* The file's contents in buf ("" if it cannot be read). */
static char *file_text(const char *path, char *buf, size_t size)
{
    read_file(path, buf, size);
    return buf;
}

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* ------------------------------------------------------------------ */

static void test_echo_true_false(void)
{
    int s = run("echo hello world", NULL);
    check(s == 0 && strcmp(out, "hello world\n") == 0, "echo", "status %d, \"%s\"", s, out);
    s = run("echo -n no newline", NULL);
    check(s == 0 && strcmp(out, "no newline") == 0, "echo_n", "\"%s\"", out);
    s = run("echo", NULL);
    check(s == 0 && strcmp(out, "\n") == 0, "echo_empty", "\"%s\"", out);
    check(run("true", NULL) == 0, "true_status_0", "not 0");
    check(run("false", NULL) == 1, "false_status_1", "not 1");
}

static void test_cat(void)
{
    write_file(DIR "/a", "first\nsecond\n");
    write_file(DIR "/b", "third\n");
    int s = run("cat " DIR "/a", NULL);
    check(s == 0 && strcmp(out, "first\nsecond\n") == 0, "cat_file", "status %d, \"%s\"", s, out);
    s = run("cat " DIR "/a " DIR "/b", NULL);
    check(s == 0 && strcmp(out, "first\nsecond\nthird\n") == 0, "cat_two_files", "\"%s\"", out);
    s = run("cat", "from stdin\n");
    check(s == 0 && strcmp(out, "from stdin\n") == 0, "cat_stdin", "\"%s\"", out);
    s = run("cat " DIR "/a - " DIR "/b", "middle\n");
    check(strcmp(out, "first\nsecond\nmiddle\nthird\n") == 0, "cat_dash_is_stdin", "\"%s\"", out);
    s = run("cat " DIR "/nope " DIR "/b", NULL);
    check(s == 1 && strcmp(out, "third\n") == 0 &&
          strcmp(err, "cat: " DIR "/nope: No such file or directory\n") == 0,
          "cat_missing_file", "status %d, out \"%s\", err \"%s\"", s, out, err);
    s = run("cat " DIR, NULL);
    check(s == 1 && strstr(err, "Is a directory"), "cat_directory", "status %d, err \"%s\"", s, err);
}

static void test_ls(void)
{
    mkdir(DIR "/ls", 0755);
    write_file(DIR "/ls/beta", "12345");
    write_file(DIR "/ls/alpha", "");
    write_file(DIR "/ls/.hidden", "");
    mkdir(DIR "/ls/sub", 0755);

    int s = run("ls " DIR "/ls", NULL);
    check(s == 0 && strcmp(out, "alpha\nbeta\nsub\n") == 0, "ls_sorted_no_hidden", "\"%s\"", out);
    s = run("ls -a " DIR "/ls", NULL);
    check(s == 0 && strcmp(out, ".\n..\n.hidden\nalpha\nbeta\nsub\n") == 0, "ls_a", "\"%s\"", out);

    s = run("ls -l " DIR "/ls", NULL);
    char *beta = strstr(out, "-rw-r--r--");
    char *sub = strstr(out, "\ndrwxr-xr-x");
    check(s == 0 && beta && strstr(out, " 5 ") && strstr(out, " beta\n") && sub &&
          strstr(out, " sub\n") && !strstr(out, ".hidden"),
          "ls_l", "\"%s\"", out);

    s = run("ls " DIR "/ls/beta " DIR "/ls/sub " DIR "/ls", NULL);
    check(s == 0 && strcmp(out, DIR "/ls/beta\n\n" DIR "/ls/sub:\n\n" DIR "/ls:\nalpha\nbeta\nsub\n") == 0,
          "ls_several", "\"%s\"", out);

    s = run("ls " DIR "/ls/none", NULL);
    check(s == 1 && strcmp(err, "ls: " DIR "/ls/none: No such file or directory\n") == 0,
          "ls_missing", "status %d, err \"%s\"", s, err);
    s = run("ls -Z", NULL);
    check(s == 1 && strstr(err, "usage"), "ls_bad_option", "status %d, err \"%s\"", s, err);
}

static void test_mkdir_rmdir(void)
{
    int s = run("mkdir " DIR "/d1 " DIR "/d2", NULL);
    check(s == 0 && is_dir(DIR "/d1") && is_dir(DIR "/d2"), "mkdir", "status %d", s);
    s = run("mkdir " DIR "/d1", NULL);
    check(s == 1 && strcmp(err, "mkdir: " DIR "/d1: File exists\n") == 0, "mkdir_exists",
          "status %d, err \"%s\"", s, err);
    s = run("mkdir " DIR "/x/y", NULL);
    check(s == 1 && strstr(err, "No such file or directory"), "mkdir_no_parent", "err \"%s\"", err);
    s = run("mkdir -p " DIR "/p/q/r", NULL);
    check(s == 0 && is_dir(DIR "/p/q/r"), "mkdir_p", "status %d, err \"%s\"", s, err);
    s = run("mkdir -p " DIR "/p/q", NULL);
    check(s == 0, "mkdir_p_existing", "status %d, err \"%s\"", s, err);

    s = run("rmdir " DIR "/d1 " DIR "/d2", NULL);
    check(s == 0 && !exists(DIR "/d1") && !exists(DIR "/d2"), "rmdir", "status %d", s);
    s = run("rmdir " DIR "/p", NULL);
    check(s == 1 && strcmp(err, "rmdir: " DIR "/p: Directory not empty\n") == 0 && is_dir(DIR "/p"),
          "rmdir_not_empty", "status %d, err \"%s\"", s, err);
}

static void test_rm(void)
{
    write_file(DIR "/gone", "x");
    int s = run("rm " DIR "/gone", NULL);
    check(s == 0 && !exists(DIR "/gone"), "rm", "status %d", s);
    s = run("rm " DIR "/gone", NULL);
    check(s == 1 && strcmp(err, "rm: " DIR "/gone: No such file or directory\n") == 0,
          "rm_missing", "status %d, err \"%s\"", s, err);
    s = run("rm -f " DIR "/gone", NULL);
    check(s == 0 && err[0] == '\0', "rm_f_missing_quiet", "status %d, err \"%s\"", s, err);
    s = run("rm " DIR "/p", NULL);
    check(s == 1 && strstr(err, "Is a directory") && is_dir(DIR "/p"), "rm_dir_needs_r",
          "status %d, err \"%s\"", s, err);
    write_file(DIR "/p/q/file", "data");
    s = run("rm -r " DIR "/p", NULL);
    check(s == 0 && !exists(DIR "/p"), "rm_r_tree", "status %d, err \"%s\"", s, err);
}

static void test_mv_cp_ln(void)
{
    char buf[64];
    struct stat a, b;

    write_file(DIR "/m1", "moved\n");
    int s = run("mv " DIR "/m1 " DIR "/m2", NULL);
    check(s == 0 && !exists(DIR "/m1") && strcmp(file_text(DIR "/m2", buf, sizeof(buf)), "moved\n") == 0,
          "mv_rename", "status %d, \"%s\"", s, buf);
    mkdir(DIR "/into", 0755);
    s = run("mv " DIR "/m2 " DIR "/into", NULL);
    check(s == 0 && !exists(DIR "/m2") && exists(DIR "/into/m2"), "mv_into_dir", "status %d", s);
    s = run("mv " DIR "/none " DIR "/m3", NULL);
    check(s == 1 && strstr(err, "mv: " DIR "/none: No such file"), "mv_missing", "err \"%s\"", err);

    write_file(DIR "/c1", "copy me\n");
    s = run("cp " DIR "/c1 " DIR "/c2", NULL);
    stat(DIR "/c1", &a);
    stat(DIR "/c2", &b);
    check(s == 0 && strcmp(file_text(DIR "/c2", buf, sizeof(buf)), "copy me\n") == 0 &&
          a.st_ino != b.st_ino, "cp", "status %d, \"%s\"", s, buf);
    s = run("cp " DIR "/c1 " DIR "/into", NULL);
    check(s == 0 && strcmp(file_text(DIR "/into/c1", buf, sizeof(buf)), "copy me\n") == 0,
          "cp_into_dir", "status %d, \"%s\"", s, buf);
    s = run("cp " DIR "/into " DIR "/into2", NULL);
    check(s == 1 && !exists(DIR "/into2"), "cp_dir_needs_r", "status %d", s);
    s = run("cp -r " DIR "/into " DIR "/into2", NULL);
    check(s == 0 && strcmp(file_text(DIR "/into2/c1", buf, sizeof(buf)), "copy me\n") == 0 &&
          exists(DIR "/into2/m2"), "cp_r", "status %d, err \"%s\"", s, err);

    s = run("ln " DIR "/c1 " DIR "/l1", NULL);
    stat(DIR "/c1", &a);
    stat(DIR "/l1", &b);
    check(s == 0 && a.st_ino == b.st_ino && a.st_nlink == 2, "ln_hard_link",
          "status %d, ino %lu/%lu, nlink %u", s, a.st_ino, b.st_ino, a.st_nlink);
    s = run("ln " DIR "/c1 " DIR "/l1", NULL);
    check(s == 1 && strstr(err, "File exists"), "ln_exists", "status %d, err \"%s\"", s, err);
}

static void test_touch(void)
{
    char buf[64];
    int s = run("touch " DIR "/t1", NULL);
    struct stat st;
    check(s == 0 && stat(DIR "/t1", &st) == 0 && st.st_size == 0, "touch_creates", "status %d", s);
    write_file(DIR "/t2", "keep");
    s = run("touch " DIR "/t2", NULL);
    check(s == 0 && strcmp(file_text(DIR "/t2", buf, sizeof(buf)), "keep") == 0,
          "touch_keeps_contents", "\"%s\"", buf);
    s = run("touch " DIR "/no/t3", NULL);
    check(s == 1 && strstr(err, "No such file"), "touch_bad_dir", "status %d", s);
}

static void test_pwd(void)
{
    chdir(DIR);
    int s = run("pwd", NULL);
    chdir("/");
    check(s == 0 && strcmp(out, DIR "\n") == 0, "pwd", "\"%s\"", out);
}

static void test_wc(void)
{
    write_file(DIR "/w", "one two\nthree\n  four  five six\n");
    int s = run("wc " DIR "/w", NULL);
    check(s == 0 && strcmp(out, "      3       6      31 " DIR "/w\n") == 0, "wc", "\"%s\"", out);
    s = run("wc -l " DIR "/w", NULL);
    check(strcmp(out, "3 " DIR "/w\n") == 0, "wc_l", "\"%s\"", out);
    s = run("wc -w", "a b  c\n");
    check(strcmp(out, "3\n") == 0, "wc_w_stdin", "\"%s\"", out);
    s = run("wc -c", "12345");
    check(strcmp(out, "5\n") == 0, "wc_c", "\"%s\"", out);
    s = run("wc -l " DIR "/w " DIR "/w", NULL);
    check(strcmp(out, "3 " DIR "/w\n3 " DIR "/w\n6 total\n") == 0, "wc_total", "\"%s\"", out);
    s = run("wc " DIR "/none", NULL);
    check(s == 1 && strstr(err, "wc: " DIR "/none: No such file"), "wc_missing", "err \"%s\"", err);
}

static void test_grep(void)
{
    const char *text = "apple pie\nBanana\ncherry\npineapple\n";
    int s = run("grep apple", text);
    check(s == 0 && strcmp(out, "apple pie\npineapple\n") == 0, "grep", "\"%s\"", out);
    s = run("grep -v apple", text);
    check(strcmp(out, "Banana\ncherry\n") == 0, "grep_v", "\"%s\"", out);
    s = run("grep -i BANANA", text);
    check(strcmp(out, "Banana\n") == 0, "grep_i", "\"%s\"", out);
    s = run("grep -c e", text);
    check(strcmp(out, "3\n") == 0, "grep_c", "\"%s\"", out);
    s = run("grep -n rr", text);
    check(strcmp(out, "3:cherry\n") == 0, "grep_n", "\"%s\"", out);
    s = run("grep ^p", text);
    check(strcmp(out, "pineapple\n") == 0, "grep_caret", "\"%s\"", out);
    s = run("grep e$", text);
    check(strcmp(out, "apple pie\npineapple\n") == 0, "grep_dollar", "\"%s\"", out);
    s = run("grep ^c.*y$", text);
    check(strcmp(out, "cherry\n") == 0, "grep_dot_star", "\"%s\"", out);
    s = run("grep zebra", text);
    check(s == 1 && out[0] == '\0', "grep_no_match_status_1", "status %d", s);
    write_file(DIR "/g", "one\ntwo\n");
    s = run("grep o " DIR "/g " DIR "/none", NULL);
    check(s == 2 && strcmp(out, DIR "/g:one\n" DIR "/g:two\n") == 0 &&
          strstr(err, "grep: " DIR "/none: No such file"), "grep_files",
          "status %d, out \"%s\", err \"%s\"", s, out, err);
}

static void test_head_tail(void)
{
    const char *twelve = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";
    int s = run("head", twelve);
    check(s == 0 && strcmp(out, "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n") == 0, "head_10", "\"%s\"", out);
    s = run("head -n 2", twelve);
    check(strcmp(out, "1\n2\n") == 0, "head_n", "\"%s\"", out);
    s = run("head -3", twelve);
    check(strcmp(out, "1\n2\n3\n") == 0, "head_old_form", "\"%s\"", out);
    s = run("tail -n 2", twelve);
    check(s == 0 && strcmp(out, "11\n12\n") == 0, "tail_n", "\"%s\"", out);
    s = run("tail", twelve);
    check(strcmp(out, "3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n") == 0, "tail_10", "\"%s\"", out);
    s = run("tail -n 1", "a\nno newline");
    check(strcmp(out, "no newline") == 0, "tail_last_line_unterminated", "\"%s\"", out);
    s = run("tail -n +11", twelve);
    check(strcmp(out, "11\n12\n") == 0, "tail_plus", "\"%s\"", out);
    s = run("head -n x", twelve);
    check(s == 1 && strstr(err, "invalid"), "head_bad_count", "status %d, err \"%s\"", s, err);
}

static void test_sort_uniq(void)
{
    int s = run("sort", "pear\napple\nfig\n");
    check(s == 0 && strcmp(out, "apple\nfig\npear\n") == 0, "sort", "\"%s\"", out);
    s = run("sort -r", "pear\napple\nfig\n");
    check(strcmp(out, "pear\nfig\napple\n") == 0, "sort_r", "\"%s\"", out);
    s = run("sort -n", "10\n9\n100\n-1\n");
    check(strcmp(out, "-1\n9\n10\n100\n") == 0, "sort_n", "\"%s\"", out);
    s = run("sort -rn", "10\n9\n100\n");
    check(strcmp(out, "100\n10\n9\n") == 0, "sort_rn", "\"%s\"", out);
    s = run("uniq", "a\na\nb\na\n");
    check(s == 0 && strcmp(out, "a\nb\na\n") == 0, "uniq", "\"%s\"", out);
    s = run("uniq -c", "a\na\nb\n");
    check(strcmp(out, "      2 a\n      1 b\n") == 0, "uniq_c", "\"%s\"", out);
}

static void test_tee(void)
{
    char buf[64];
    int s = run("tee " DIR "/tee1", "through tee\n");
    check(s == 0 && strcmp(out, "through tee\n") == 0 &&
          strcmp(file_text(DIR "/tee1", buf, sizeof(buf)), "through tee\n") == 0,
          "tee", "out \"%s\", file \"%s\"", out, buf);
    s = run("tee -a " DIR "/tee1", "more\n");
    check(s == 0 && strcmp(file_text(DIR "/tee1", buf, sizeof(buf)), "through tee\nmore\n") == 0,
          "tee_a", "file \"%s\"", buf);
}

/* A child that just waits to be killed. */
static pid_t victim(void)
{
    pid_t pid = fork();
    if (pid == 0) {
        alarm(5);
        for (;;)
            pause();
    }
    return pid;
}

static void test_kill(void)
{
    char cmd[64];
    int status;

    pid_t pid = victim();
    snprintf(cmd, sizeof(cmd), "kill %d", pid);
    int s = run(cmd, NULL);
    waitpid(pid, &status, 0);
    check(s == 0 && WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM, "kill_default_term",
          "status %d, child %#x", s, status);

    /* Four ways to say SIGKILL. */
    const char *forms[] = { "kill -9 %d", "kill -KILL %d", "kill -SIGKILL %d", "kill -s KILL %d" };
    const char *names[] = { "kill_9", "kill_KILL", "kill_SIGKILL", "kill_s_KILL" };
    for (int i = 0; i < 4; i++) {
        pid = victim();
        snprintf(cmd, sizeof(cmd), forms[i], pid);
        s = run(cmd, NULL);
        waitpid(pid, &status, 0);
        check(s == 0 && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, names[i],
              "%s: status %d, child %#x", cmd, s, status);
    }
    s = run("kill -INT 30000", NULL);
    check(s == 1 && strcmp(err, "kill: (30000) - No such process\n") == 0, "kill_no_such_process",
          "status %d, err \"%s\"", s, err);
    s = run("kill -NOPE 1", NULL);
    check(s == 1 && strcmp(err, "kill: NOPE: invalid signal specification\n") == 0,
          "kill_bad_signal", "status %d, err \"%s\"", s, err);
    s = run("kill abc", NULL);
    check(s == 1 && strstr(err, "kill: abc: arguments must be process"), "kill_bad_pid",
          "status %d, err \"%s\"", s, err);
}

/* ps -v (or BSD's ps v): this process with its resident pages and page
 * faults; it has taken some (demand paging) and, having forked, copied
 * pages on write (copy-on-write). */
static void ps_v(const char *cmdline, const char *name)
{
    int s = run(cmdline, NULL);
    int found = 0;
    char *line = strchr(out, '\n');
    while (line && line[1]) {
        int pid;
        char state, comm[32];
        unsigned long mins, secs, rss, minflt, cow;
        if (sscanf(line + 1, "%d %c %lu:%lu %lu %lu %lu %31s", &pid, &state, &mins, &secs,
                   &rss, &minflt, &cow, comm) == 8 && pid == getpid() &&
            strcmp(comm, "test_coreutils") == 0 && rss > 0 && minflt > 0 && cow > 0)
            found = 1;
        line = strchr(line + 1, '\n');
    }
    check(s == 0 && strncmp(out, "  PID STAT   TIME   RSS   MINFLT      COW NAME\n", 47) == 0 &&
          found, name, "pid %d not found in \"%s\"", getpid(), out);
}

/* ps must list this very process, with its parent and its name. */
static void test_ps(void)
{
    int s = run("ps", NULL);
    int found = 0;
    char *line = strchr(out, '\n');
    while (line && line[1]) {
        int pid, ppid, pgid;
        char state, name[32];
        if (sscanf(line + 1, "%d %d %d %c %31s", &pid, &ppid, &pgid, &state, name) == 5 &&
            pid == getpid() && ppid == getppid() && strcmp(name, "test_coreutils") == 0)
            found = 1;
        line = strchr(line + 1, '\n');
    }
    check(s == 0 && strncmp(out, "  PID  PPID  PGID STAT NAME\n", 28) == 0 && found,
          "ps_shows_self", "pid %d not found in \"%s\"", getpid(), out);
    s = run("ps -l", NULL);
    check(s == 0 && strstr(out, "PAGES") && strstr(out, "test_coreutils"), "ps_l", "\"%s\"", out);
    ps_v("ps -v", "ps_v");
    ps_v("ps v", "ps_v_bsd");
}

static void test_sleep(void)
{
    struct tms t;
    clock_t before = times(&t);
    int s = run("sleep 0.3", NULL);
    long ticks = times(&t) - before;
    check(s == 0 && ticks >= 25 && ticks < 200, "sleep_fraction", "status %d, %ld ticks", s, ticks);
    s = run("sleep soon", NULL);
    check(s == 1 && strstr(err, "invalid"), "sleep_bad_argument", "status %d, err \"%s\"", s, err);
}

static void test_env(void)
{
    setenv("CU_COLOUR", "blue", 1);
    int s = run("env", NULL);
    check(s == 0 && strstr(out, "CU_COLOUR=blue\n"), "env_inherited", "\"%s\"", out);
    s = run("env -i ONLY=this env", NULL);
    check(s == 0 && strcmp(out, "ONLY=this\n") == 0, "env_i_command", "status %d, \"%s\"", s, out);
    unsetenv("CU_COLOUR");
}

static void test_stat(void)
{
    write_file(DIR "/st", "12345");
    int s = run("stat " DIR "/st", NULL);
    check(s == 0 && strstr(out, "Size: 5 ") && strstr(out, "regular file") &&
          strstr(out, "Links: 1") && strstr(out, "(0644/-rw-r--r--)"), "stat", "\"%s\"", out);
    s = run("stat " DIR, NULL);
    check(s == 0 && strstr(out, "directory"), "stat_dir", "\"%s\"", out);
    s = run("stat " DIR "/none", NULL);
    check(s == 1 && strstr(err, "No such file"), "stat_missing", "status %d", s);
}

/* yes | head -n 3: head exits after 3 lines, then yes dies of SIGPIPE. */
static void test_yes_head(void)
{
    int p[2], o[2];
    pipe(p);
    pipe(o);
    char *yes_argv[] = { "yes", NULL }, *head_argv[] = { "head", "-n", "3", NULL };
    pid_t yes = spawn(yes_argv, -1, p[1], -1, 5);
    pid_t head = spawn(head_argv, p[0], o[1], -1, 5);
    close(p[0]);
    close(p[1]);
    close(o[1]);
    read_to_end(o[0], out, sizeof(out));
    close(o[0]);
    int ys, hs;
    waitpid(head, &hs, 0);
    waitpid(yes, &ys, 0);
    check(strcmp(out, "y\ny\ny\n") == 0 && WIFEXITED(hs) && WEXITSTATUS(hs) == 0,
          "yes_head", "\"%s\", head %#x", out, hs);
    check(WIFSIGNALED(ys) && WTERMSIG(ys) == SIGPIPE, "yes_dies_of_sigpipe", "yes %#x", ys);
}

static void test_others(void)
{
    int s = run("uname", NULL);
    check(s == 0 && strcmp(out, "Minnow\n") == 0, "uname", "\"%s\"", out);
    s = run("uname -a", NULL);
    check(s == 0 && strncmp(out, "Minnow minnow ", 14) == 0, "uname_a", "\"%s\"", out);
    s = run("free", NULL);
    check(s == 0 && strstr(out, "pages:"), "free", "\"%s\"", out);
    unsigned long total, used, freep, shared;
    char *pages = strstr(out, "pages:");
    check(s == 0 && strstr(out, " shared\n") && pages &&
          sscanf(pages, "pages: %lu %lu %lu %lu", &total, &used, &freep, &shared) == 4 &&
          shared > 0 && shared < used, "free_shared", "\"%s\"", out);
    s = run("xargs echo", "a b\nc\n");
    check(s == 0 && strcmp(out, "a b c\n") == 0, "xargs", "\"%s\"", out);
    s = run("xargs -n 2", "a b\nc\n");
    check(s == 0 && strcmp(out, "a b\nc\n") == 0, "xargs_n", "\"%s\"", out);
    s = run("clear", NULL);
    check(s == 0 && strcmp(out, "\033[2J\033[H") == 0, "clear", "wrong escape sequence");
    s = run("more " DIR "/st", NULL);
    check(s == 0 && strcmp(out, "12345") == 0, "more_not_a_tty_copies", "\"%s\"", out);
}

/* Wrong usage: a message on stderr and a failing exit status, never a
 * crash (a status of 128 or more means a signal killed the program). */
static void test_bad_usage(void)
{
    const char *commands[] = {
        "ls -Z", "mkdir", "mkdir -Z d", "rmdir", "rm", "rm -Z x", "mv", "mv " DIR,
        "cp", "cp -Z a b", "cp " DIR "/none " DIR "/x", "ln", "ln " DIR "/none " DIR "/x",
        "touch", "wc -Z", "grep", "grep -Z x", "head -n", "head -n -3", "tail -n",
        "tail -n x", "sort -Z", "uniq -Z", "uniq " DIR "/none", "tee -Z", "kill", "kill -s",
        "kill -l 99", "ps -Z", "sleep", "sleep -1", "env " DIR "/none", "stat", "uname -Z",
        "xargs -Z", "xargs " DIR "/none", "head " DIR "/none", "tail " DIR "/none",
        "sort " DIR "/none", "wc " DIR, "grep x " DIR, "sort " DIR,
    };
    int n = sizeof(commands) / sizeof(commands[0]), bad = 0;
    char first_bad[160] = "";

    for (int i = 0; i < n; i++) {
        int s = run(commands[i], "some input\n");
        if (s <= 0 || s >= 128 || err[0] == '\0') {
            if (!bad++)
                snprintf(first_bad, sizeof(first_bad), "\"%s\": status %d, err \"%s\"",
                         commands[i], s, err);
        }
    }
    check(bad == 0, "bad_usage_fails_cleanly", "%d of %d, first %s", bad, n, first_bad);
}

int main(void)
{
    signal(SIGPIPE, SIG_IGN);            /* a program that exits without reading its input */
    chdir("/");
    run("rm -rf " DIR, NULL);            /* left over from an earlier run? */
    if (mkdir(DIR, 0755) < 0) {
        check(0, "coreutils_setup", "mkdir %s: %s", DIR, strerror(errno));
        return test_exit_code();
    }

    test_echo_true_false();
    test_cat();
    test_ls();
    test_mkdir_rmdir();
    test_rm();
    test_mv_cp_ln();
    test_touch();
    test_pwd();
    test_wc();
    test_grep();
    test_head_tail();
    test_sort_uniq();
    test_tee();
    test_kill();
    test_ps();
    test_sleep();
    test_env();
    test_stat();
    test_yes_head();
    test_others();
    test_bad_usage();

    int s = run("rm -r " DIR, NULL);
    check(s == 0 && !exists(DIR), "cleanup_rm_r", "status %d, err \"%s\"", s, err);
    return test_exit_code();
}
