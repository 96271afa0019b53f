/* kill -l prints the signal table exactly as bash's `kill -l` does on
 * Linux (the table of the lecture), and kill -l translates one signal
 * between number and name. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <minnow/test.h>

/* Copied from bash 5 on Linux: `bash -c 'kill -l'`. */
static const char expected[] =
    " 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 4) SIGILL\t 5) SIGTRAP\n"
    " 6) SIGABRT\t 7) SIGBUS\t 8) SIGFPE\t 9) SIGKILL\t10) SIGUSR1\n"
    "11) SIGSEGV\t12) SIGUSR2\t13) SIGPIPE\t14) SIGALRM\t15) SIGTERM\n"
    "16) SIGSTKFLT\t17) SIGCHLD\t18) SIGCONT\t19) SIGSTOP\t20) SIGTSTP\n"
    "21) SIGTTIN\t22) SIGTTOU\t23) SIGURG\t24) SIGXCPU\t25) SIGXFSZ\n"
    "26) SIGVTALRM\t27) SIGPROF\t28) SIGWINCH\t29) SIGIO\t30) SIGPWR\n"
    "31) SIGSYS\t34) SIGRTMIN\t35) SIGRTMIN+1\t36) SIGRTMIN+2\t37) SIGRTMIN+3\n"
    "38) SIGRTMIN+4\t39) SIGRTMIN+5\t40) SIGRTMIN+6\t41) SIGRTMIN+7\t42) SIGRTMIN+8\n"
    "43) SIGRTMIN+9\t44) SIGRTMIN+10\t45) SIGRTMIN+11\t46) SIGRTMIN+12\t47) SIGRTMIN+13\n"
    "48) SIGRTMIN+14\t49) SIGRTMIN+15\t50) SIGRTMAX-14\t51) SIGRTMAX-13\t52) SIGRTMAX-12\n"
    "53) SIGRTMAX-11\t54) SIGRTMAX-10\t55) SIGRTMAX-9\t56) SIGRTMAX-8\t57) SIGRTMAX-7\n"
    "58) SIGRTMAX-6\t59) SIGRTMAX-5\t60) SIGRTMAX-4\t61) SIGRTMAX-3\t62) SIGRTMAX-2\n"
    "63) SIGRTMAX-1\t64) SIGRTMAX\t\n";

static char out[4096];

/* Runs /bin/kill with the arguments, its output into out; returns its
 * exit status. */
static int run_kill(char *arg1, char *arg2)
{
    int p[2];
    pipe(p);
    pid_t pid = fork();
    if (pid == 0) {
        char *argv[] = { "kill", arg1, arg2, NULL };
        dup2(p[1], 1);
        close(p[0]);
        close(p[1]);
        alarm(5);
        execv("/bin/kill", argv);
        _exit(126);
    }
    close(p[1]);
    size_t len = 0;
    ssize_t n;
    while (len < sizeof(out) - 1 && (n = read(p[0], out + len, sizeof(out) - 1 - len)) > 0)
        len += n;
    out[len] = '\0';
    close(p[0]);
    int status;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* Where two strings first differ, to make a failure readable. */
static size_t first_difference(const char *a, const char *b)
{
    size_t i = 0;
    while (a[i] && a[i] == b[i])
        i++;
    return i;
}

int main(void)
{
    int s = run_kill("-l", NULL);
    size_t at = first_difference(out, expected);
    check(s == 0 && strcmp(out, expected) == 0, "kill_l_table_as_bash",
          "status %d, differs at byte %u: \"%.20s\"", s, (unsigned)at, out + at);

    s = run_kill("-l", "9");
    check(s == 0 && strcmp(out, "KILL\n") == 0, "kill_l_number", "\"%s\"", out);
    s = run_kill("-l", "INT");
    check(s == 0 && strcmp(out, "2\n") == 0, "kill_l_name", "\"%s\"", out);
    s = run_kill("-l", "SIGRTMIN+1");
    check(s == 0 && strcmp(out, "35\n") == 0, "kill_l_rtmin_plus", "\"%s\"", out);
    return test_exit_code();
}
