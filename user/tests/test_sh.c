/* The shell, driven as a program: sh -c 'commands', sh script-file, and
 * commands on a pipe.  Each run's stdout and stderr come back through
 * pipes, and its exit status through waitpid.
 * (Job control at the terminal is in test_sh_jobs.c.)  Uses /bin/cat,
 * echo, grep, wc, sleep, true, false, env and head. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <minnow/test.h>

static char out[4096], err[4096];     /* what the last run printed */
static pid_t last_pid;                /* and its pid */

/* Runs /bin/sh with argv; stdin is `input` through a pipe (NULL: empty).
 * Returns the waitpid status; out and err hold what it printed. */
static int run_sh(char *const argv[], const char *input)
{
    int o, e;

    last_pid = start_captured(argv, input, &o, &e, 10);   /* a hung shell ends */
    if (last_pid < 0)
        return -1;
    read_to_end(o, out, sizeof(out));
    close(o);
    read_to_end(e, err, sizeof(err));
    close(e);
    return wait_status(last_pid);
}

/* sh -c 'line': returns the exit code ($?), or 1000 + signal. */
static int sh(const char *line)
{
    char *argv[] = { "sh", "-c", (char *)line, NULL };
    int status = run_sh(argv, NULL);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1000 + WTERMSIG(status);
}

static void test_pipelines(void)
{
    sh("cat /hello.txt | grep World | wc -l");
    check(atoi(out) == 1, "sh_pipeline", "out \"%s\" err \"%s\"", out, err);
    sh("cat /hello.txt | cat | cat | cat | cat | cat | cat | grep World | wc -l");
    check(atoi(out) == 1, "sh_long_pipeline", "out \"%s\" err \"%s\"", out, err);
    sh("echo hello | cat; echo after");
    check(strcmp(out, "hello\nafter\n") == 0, "sh_pipeline_then_next", "out \"%s\"", out);
}

static void test_redirections(void)
{
    sh("echo one > /tmp/sh_t1; echo two >> /tmp/sh_t1; cat < /tmp/sh_t1");
    check(strcmp(out, "one\ntwo\n") == 0, "sh_redirect_out_append_in", "out \"%s\" err \"%s\"", out, err);
    sh("echo a long line > /tmp/sh_t1; echo x >/tmp/sh_t1; cat /tmp/sh_t1");
    check(strcmp(out, "x\n") == 0, "sh_redirect_truncates", "out \"%s\"", out);
    sh("nosuchcmd 2> /tmp/sh_t2; echo rc=$?; cat /tmp/sh_t2");
    check(strstr(out, "rc=127") && strstr(out, "nosuchcmd: command not found") && !err[0],
          "sh_redirect_stderr", "out \"%s\" err \"%s\"", out, err);
    sh("nosuchcmd 2>&1 | wc -l; echo both > /tmp/sh_t2 2>&1; cat /tmp/sh_t2");
    check(atoi(out) == 1 && strstr(out, "both") && !err[0], "sh_redirect_2_to_1", "out \"%s\" err \"%s\"", out, err);
    int rc = sh("cat < /nonexistent; echo rc=$?");
    check(strcmp(out, "rc=1\n") == 0 && strstr(err, "/nonexistent: No such file") && rc == 0,
          "sh_redirect_missing_input", "out \"%s\" err \"%s\"", out, err);
    sh("cd /tmp; pwd > /tmp/sh_t3; echo stdout-is-back; cat /tmp/sh_t3");
    check(strcmp(out, "stdout-is-back\n/tmp\n") == 0, "sh_builtin_redirect_restored", "out \"%s\"", out);
}

static void test_lists_and_status(void)
{
    sh("true && echo a; false && echo b; false || echo c; true || echo d; echo e");
    check(strcmp(out, "a\nc\ne\n") == 0, "sh_and_or_semicolon", "out \"%s\"", out);
    sh("false; echo $?; true; echo $?; nosuchcmd; echo $?");
    check(strcmp(out, "1\n0\n127\n") == 0, "sh_status_var", "out \"%s\"", out);
    check(sh("exit 7") == 7, "sh_exit_code", "out \"%s\"", out);
    check(sh("true; false") == 1, "sh_c_status_is_last", "out \"%s\"", out);
    int rc = sh("nosuchcmd");
    check(rc == 127 && strstr(err, "sh: nosuchcmd: command not found"), "sh_not_found_127",
          "rc %d err \"%s\"", rc, err);
    /* POSIX 2024's pipefail (not in dash 0.5.12: tested here, not in the script suite) */
    sh("set -o pipefail; (exit 3) | (exit 4) | true; echo $?; set +o pipefail; false | true; echo $?");
    check(strcmp(out, "4\n0\n") == 0, "sh_pipefail", "out \"%s\" err \"%s\"", out, err);
    rc = sh("set -euo pipefail; false | true; echo not here");
    check(rc == 1 && !out[0], "sh_set_euo_pipefail", "rc %d out \"%s\" err \"%s\"", rc, out, err);
    rc = sh("/hello.txt");
    check(rc == 126 && strstr(err, "Permission denied"), "sh_permission_denied_126", "rc %d err \"%s\"", rc, err);
    rc = sh("");
    check(rc == 0 && !out[0] && !err[0], "sh_empty_command", "rc %d", rc);
}

static void test_variables_and_quotes(void)
{
    sh("X=World; echo \"Hello $X\" 'no $X' \\$X \"a\\\"b\" ${X}s # a comment");
    check(strcmp(out, "Hello World no $X $X a\"b Worlds\n") == 0, "sh_vars_and_quotes", "out \"%s\"", out);
    sh("X='a   b'; echo $X; echo \"$X\"; echo '' x");
    check(strcmp(out, "a b\na   b\n x\n") == 0, "sh_word_splitting", "out \"%s\"", out);
    sh("A=local; export B=exported; sh -c 'echo \"[$A][$B]\"'");
    check(strcmp(out, "[][exported]\n") == 0, "sh_export", "out \"%s\"", out);
    sh("C=one env | grep C=; echo \"[$C]\"; unset B; export D=2; unset D; echo \"[$D]\"");
    check(strcmp(out, "C=one\n[]\n[]\n") == 0, "sh_assignment_for_one_command", "out \"%s\"", out);
    sh("echo $$");
    check(atoi(out) == last_pid, "sh_dollar_dollar", "out \"%s\", pid %d", out, last_pid);
    sh("set -x; echo hi; x=7 PS4='[$x] '; echo there");
    check(strcmp(out, "hi\nthere\n") == 0 && strstr(err, "+ echo hi\n") && strstr(err, "[7] echo there\n"),
          "sh_xtrace_ps4", "out \"%s\" err \"%s\"", out, err);
}

static void test_background(void)
{
    sh("sleep 1 & jobs; wait; echo waited");
    check(strstr(out, "[1]+  Running") && strstr(out, "sleep 1 &") && strstr(out, "waited"),
          "sh_background_jobs", "out \"%s\" err \"%s\"", out, err);
    sh("sleep 5 & kill %1; wait %1; echo rc=$?");
    check(strstr(out, "rc=143") && strstr(err, "Terminated") && strstr(err, "sleep 5"),
          "sh_kill_job_term", "out \"%s\" err \"%s\"", out, err);
    /* POSIX: without job control, "cmd &" ignores SIGINT (Ctrl-C is the script's) */
    sh("sleep 1 & kill -INT %1; wait %1; echo rc=$?");
    check(strstr(out, "rc=0") && !err[0], "sh_background_ignores_int", "out \"%s\" err \"%s\"", out, err);
    sh("sh -c 'kill -INT $$'; echo rc=$?");
    check(strstr(out, "rc=130") != NULL, "sh_kill_int", "out \"%s\" err \"%s\"", out, err);
    sh("sleep 5 & kill -9 $!; wait $!; echo rc=$?");
    check(strstr(out, "rc=137") && strstr(err, "Killed"), "sh_kill_pid", "out \"%s\" err \"%s\"", out, err);
    sh("true && echo in-background & wait");
    check(strcmp(out, "in-background\n") == 0, "sh_and_or_background", "out \"%s\"", out);
    sh("kill -l | head -1; kill -l 9; kill -l 130; kill %3");
    check(strncmp(out, " 1) SIGHUP\t 2) SIGINT\t", 21) == 0 && strstr(out, "\nKILL\nINT\n") && strstr(err, "no such job"),
          "sh_kill_l", "out \"%s\"", out);
}

static void test_signal_reports(void)
{
    int rc = sh("sh -c 'kill -9 $$'; echo after $?");
    check(rc == 0 && strcmp(out, "after 137\n") == 0 && strstr(err, "Killed"), "sh_report_killed",
          "out \"%s\" err \"%s\"", out, err);
    rc = sh("sh -c 'kill -SEGV $$'");
    check(rc == 139 && strstr(err, "Segmentation fault (core dumped)"), "sh_report_segfault",
          "rc %d err \"%s\"", rc, err);
}

/* A syntax error prints where and what, and ends a script with status 2
 * (POSIX: a non-interactive shell exits); the lines before it ran. */
static void test_malformed(void)
{
    static const struct { const char *line, *message; } bad[] = {
        { "echo \"unclosed", "unterminated \"" },
        { "echo a | ;", "near unexpected token `;'" },
        { "echo >", "near unexpected token `newline'" },
        { ";;", "near unexpected token `;;'" },
        { "| cat", "near unexpected token `|'" },
        { "ls ; ;", "near unexpected token `;'" },
        { "if true; then echo x", "unexpected end of file" },
        { "echo ${", "unterminated ${" },
        { "( echo a", "unexpected end of file" },
        { "f() echo", "near unexpected token `echo'" },
    };
    int ok = 1;

    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        char text[128];
        snprintf(text, sizeof(text), "echo before\n%s\necho after\n", bad[i].line);
        write_file("/tmp/sh_bad", text);
        char *argv[] = { "sh", "/tmp/sh_bad", NULL };
        int status = run_sh(argv, NULL);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 2 || strcmp(out, "before\n") != 0 ||
            !strstr(err, bad[i].message) || !strstr(err, "line ")) {
            check(0, "sh_malformed_lines", "%s: status %#x out \"%s\" err \"%s\"", bad[i].line, status, out, err);
            ok = 0;
        }
    }
    if (ok)
        check(1, "sh_malformed_lines", "%d kinds", (int)(sizeof(bad) / sizeof(bad[0])));
    /* the line number counts from the start of the script, not of the command */
    write_file("/tmp/sh_bad", "echo 1\n\necho \"two\nlines\"\ncat <<E\nbody\nE\nfi\n");
    char *argv[] = { "sh", "/tmp/sh_bad", NULL };
    int status = run_sh(argv, NULL);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 2 && strstr(err, "line 8: syntax error"),
          "sh_syntax_error_line_number", "status %#x err \"%s\"", status, err);
}

/* Other errors that end a script with status 2, as POSIX says (2.8.1) and
 * dash does (bash --posix goes on after some: so they are tested here, not
 * in the script suite). */
static void test_errors_that_end_a_script(void)
{
    static const char *const fatal[] = {
        ": > /nonexistent/f",                   /* a special builtin's redirection */
        "exec 3< /nonexistent/f",
        "set -- a; shift 2",                    /* a special builtin's error */
        "set -o nosuchoption",
        "export 1x=2",
        "readonly r=1; unset r",
        "f() { shift 3; }; f",
        "readonly r=1; r=2 true",               /* an assignment error, for any command */
        "readonly r=1; r=2 cat /dev/null",
        "eval 'echo \"x'",                      /* a syntax error, also in eval and trap */
        "trap 'if' USR1; kill -USR1 $$",
    };
    int ok = 1;

    for (size_t i = 0; i < sizeof(fatal) / sizeof(fatal[0]); i++) {
        char line[128];
        snprintf(line, sizeof(line), "%s; echo after", fatal[i]);
        int rc = sh(line);
        if (rc != 2 || out[0] || !err[0]) {
            check(0, "sh_errors_end_script", "%s: rc %d out \"%s\" err \"%s\"", fatal[i], rc, out, err);
            ok = 0;
        }
    }
    if (ok)
        check(1, "sh_errors_end_script", "%d kinds", (int)(sizeof(fatal) / sizeof(fatal[0])));
    /* "command" makes a special builtin an ordinary one: it only fails */
    int rc = sh("command shift 3; echo after $?; command : > /nonexistent/f; echo after $?");
    check(rc == 0 && strcmp(out, "after 1\nafter 1\n") == 0, "sh_command_builtin_error_goes_on",
          "rc %d out \"%s\"", rc, out);
}

static void test_scripts(void)
{
    write_file("/tmp/sh_script", "# a script\necho \"$0 $1 $#\"\ncd /tmp\npwd\nfalse\n");
    char *argv[] = { "sh", "/tmp/sh_script", "arg1", NULL };
    int status = run_sh(argv, NULL);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 1 && strcmp(out, "/tmp/sh_script arg1 1\n/tmp\n") == 0,
          "sh_script_file", "status %#x out \"%s\" err \"%s\"", status, out, err);

    char *stdin_argv[] = { "sh", NULL };
    status = run_sh(stdin_argv, "echo from stdin\nfalse\nexit 3\necho not here\n");
    check(WIFEXITED(status) && WEXITSTATUS(status) == 3 && strcmp(out, "from stdin\n") == 0 && !strstr(err, "minnow:"),
          "sh_commands_on_stdin", "status %#x out \"%s\" err \"%s\"", status, out, err);

    char *dash_s[] = { "sh", "-s", "hello", "world", NULL };
    status = run_sh(dash_s, "echo \"[$1] [$#]\"\n");
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0 && strcmp(out, "[hello] [2]\n") == 0,
          "sh_dash_s_args", "status %#x out \"%s\" err \"%s\"", status, out, err);

    char *missing[] = { "sh", "/tmp/no_such_script", NULL };
    status = run_sh(missing, NULL);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 127 && strstr(err, "no_such_script"),
          "sh_missing_script", "status %#x", status);

    sh("cd /tmp; pwd; cd /nonexistent; echo $?; cd; pwd");
    check(strcmp(out, "/tmp\n1\n/home/user\n") == 0, "sh_cd_pwd", "out \"%s\"", out);
}

int main(void)
{
    test_pipelines();
    test_redirections();
    test_lists_and_status();
    test_variables_and_quotes();
    test_background();
    test_signal_reports();
    test_malformed();
    test_errors_that_end_a_script();
    test_scripts();
    unlink("/tmp/sh_t1");
    unlink("/tmp/sh_t2");
    unlink("/tmp/sh_t3");
    unlink("/tmp/sh_bad");
    unlink("/tmp/sh_script");
    return test_exit_code();
}
