/* Grader of the lab "A shell with job control" (docs/labs/jobshell.md).
 *
 * The grader plays the user at the terminal, as user/tests/test_sh_jobs.c
 * does for sh: /bin/jsh gets the console as its stdin, and the grader
 * "types" into the console with ioctl TIOCSTI -- command lines, Ctrl-C
 * (\x03), Ctrl-Z (\x1a).  A key goes in only once the terminal's
 * foreground group (tcgetpgrp) is the job's: a key meant for a job must
 * never reach the shell, nor the grader.  What jsh prints comes back
 * through a pipe; what its jobs are -- their process groups, whether they
 * are stopped -- the grader reads from the kernel (getprocs).
 *
 * The session:
 *   sleep 10                  own group, the terminal, then Ctrl-C
 *   sleep 10 | sleep 11       Ctrl-Z: both stop, "[1] Stopped  ..."
 *   sleep 12 &                "[2] PGID", the prompt at once
 *   jobs                      both listed
 *   bg %1                     job 1 runs again, in the background
 *   fg %1                     job 1 gets the terminal; Ctrl-C
 *   sleep 1 &                 then an empty line: "[N] Done  sleep 1 &"
 *   exit
 * When the shell does not do something (the skeleton does none of it),
 * the grader kills what it started itself and goes on. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <minnow/sysinfo.h>
#include <minnow/syscalls.h>
#include <minnow/test.h>
#include "lab_run.h"

#define TRIES 300                       /* 10 ms each: 3 s to see a change */

static pid_t me, shell;
static int shell_out;                   /* jsh's stdout and stderr */
static char out[8192];                  /* all it printed so far */
static size_t out_len, mark;            /* mark: where the last command's output starts */
static int prompts_seen;                /* of "jsh$ " in out, those already waited for */

/* ---------------------------------------------------------------- the shell's side */

/* Types s into the console, as if at the keyboard. */
static void type(const char *s)
{
    for (; *s; s++)
        ioctl(0, TIOCSTI, (char *)s);
}

/* Adds to out what jsh printed since the last look, without waiting. */
static void read_output(void)
{
    struct pollfd pfd = { shell_out, POLLIN, 0 };

    while (out_len < sizeof(out) - 1 && poll(&pfd, 1, 0) > 0) {
        ssize_t n = read(shell_out, out + out_len, sizeof(out) - 1 - out_len);
        if (n <= 0)
            break;
        out_len += n;
        out[out_len] = '\0';
    }
}

static int count_prompts(void)
{
    int n = 0;

    for (const char *p = out; (p = strstr(p, "jsh$ ")) != NULL; p++)
        n++;
    return n;
}

/* Waits (up to 3 s) for a prompt after the last one waited for. */
static int wait_prompt(void)
{
    for (int i = 0; i < TRIES; i++) {
        read_output();
        if (count_prompts() > prompts_seen) {
            prompts_seen = count_prompts();
            return 1;
        }
        usleep(10000);
    }
    return 0;
}

/* Types a command line; printed() is then what jsh printed after it. */
static void command(const char *line)
{
    read_output();
    mark = out_len;
    type(line);
}

static const char *printed(void)
{
    read_output();
    return out + mark;
}

/* ---------------------------------------------------------------- processes */

static struct procinfo procs[128];
static int nprocs;

static struct procinfo *proc(pid_t pid)
{
    nprocs = getprocs(procs, 128);
    for (int i = 0; i < nprocs; i++)
        if (procs[i].pid == pid)
            return &procs[i];
    return NULL;
}

static int alive(pid_t pid)
{
    struct procinfo *p = proc(pid);

    return p && p->state != 'Z';
}

static pid_t pgid_of(pid_t pid)
{
    struct procinfo *p = proc(pid);

    return p ? p->pgid : -1;
}

static int known(pid_t pid, const pid_t pids[], int n)
{
    for (int i = 0; i < n; i++)
        if (pids[i] == pid)
            return 1;
    return 0;
}

/* Waits (up to 3 s) for `count` live sleep processes of the shell that
 * are not in old[]; their pids go into pids.  Returns 1 if they came. */
static int new_sleeps(int count, pid_t pids[], const pid_t old[], int nold)
{
    for (int t = 0; t < TRIES; t++) {
        int found = 0;
        proc(0);
        for (int i = 0; i < nprocs && found < count; i++)
            if (procs[i].ppid == shell && procs[i].state != 'Z' &&
                strcmp(procs[i].name, "sleep") == 0 && !known(procs[i].pid, old, nold))
                pids[found++] = procs[i].pid;
        if (found == count) {
            usleep(50000);              /* a moment for the rest of a pipeline */
            return 1;
        }
        usleep(10000);
    }
    return 0;
}

/* Waits until none of pids is alive (a zombie has ended). */
static int wait_gone(const pid_t pids[], int n)
{
    for (int t = 0; t < TRIES; t++) {
        int left = 0;
        for (int i = 0; i < n; i++)
            left += alive(pids[i]);
        if (!left)
            return 1;
        usleep(10000);
    }
    return 0;
}

/* Waits until each of pids is alive and stopped (or, stopped = 0, not). */
static int wait_stopped(const pid_t pids[], int n, int stopped)
{
    for (int t = 0; t < TRIES; t++) {
        int right = 0;
        for (int i = 0; i < n; i++) {
            struct procinfo *p = proc(pids[i]);
            right += p && p->state != 'Z' && (p->state == 'T') == stopped;
        }
        if (right == n)
            return 1;
        usleep(10000);
    }
    return 0;
}

static int wait_foreground(pid_t pgid)
{
    for (int t = 0; t < TRIES; t++) {
        if (tcgetpgrp(0) == pgid)
            return 1;
        usleep(10000);
    }
    return 0;
}

/* What the shell did not end, the grader does; then the shell's prompt. */
static void kill_all(const pid_t pids[], int n)
{
    for (int i = 0; i < n; i++)
        if (pids[i] > 0)
            kill(pids[i], SIGKILL);
    wait_gone(pids, n);
    wait_prompt();
}

/* ---------------------------------------------------------------- the session */

static int own_group_ok, ctrl_z_ok, background_ok;
static pid_t job1[2], job2;             /* sleep 10 | sleep 11, sleep 12 & */

/* sleep 10: in a group of its own, with the terminal; Ctrl-C ends it. */
static void foreground_job(void)
{
    pid_t job;

    command("sleep 10\n");
    if (!new_sleeps(1, &job, NULL, 0)) {
        check(0, "jobs_own_group", "after \"sleep 10\", no sleep process of jsh's within 3 s "
              "(jsh printed \"%.60s\")", one_line(printed()));
        check(0, "jobs_terminal", "needs jobs_own_group first");
        check(0, "jobs_ctrl_c", "needs jobs_own_group first");
        wait_prompt();
        return;
    }
    pid_t job_pgid = pgid_of(job), shell_pgid = pgid_of(shell);
    own_group_ok = job_pgid == job && shell_pgid == shell;
    if (job_pgid == shell_pgid)
        check(0, "jobs_own_group", "the job (pid %d) runs in the shell's process group %d: "
              "each job needs a group of its own, named by its first process (setpgid)",
              job, job_pgid);
    else
        check(own_group_ok, "jobs_own_group", "the job %d is in group %d, the shell %d in "
              "group %d: want each in the group its pid names (the shell: setpgid(0, 0) "
              "when it starts)", job, job_pgid, shell, shell_pgid);
    if (!own_group_ok) {
        check(0, "jobs_terminal", "needs jobs_own_group first");
        check(0, "jobs_ctrl_c", "needs jobs_own_group first");
        kill_all(&job, 1);
        return;
    }
    if (!wait_foreground(job)) {
        check(0, "jobs_terminal", "the job in the foreground (group %d) did not get the "
              "terminal: its foreground group is %d (tcsetpgrp)", job, tcgetpgrp(0));
        check(0, "jobs_ctrl_c", "needs jobs_terminal first");
        kill_all(&job, 1);
        return;
    }
    type("\x03");                       /* Ctrl-C */
    int died = wait_gone(&job, 1);
    int back = wait_foreground(shell);
    int prompt = wait_prompt();
    check(back, "jobs_terminal", "after the job ended, the terminal's foreground group is %d, "
          "not the shell's (%d): take it back (tcsetpgrp) once the job has ended or stopped",
          tcgetpgrp(0), shell);
    check(died && prompt && alive(shell), "jobs_ctrl_c", "after Ctrl-C: the job %s, the shell "
          "%s, %s: the shell ignores SIGINT, its children take the default back",
          died ? "ended" : "still runs", alive(shell) ? "lives" : "died",
          prompt ? "a new prompt" : "no new prompt");
    if (!died)
        kill_all(&job, 1);
}

/* sleep 10 | sleep 11: both in one group; Ctrl-Z stops both. */
static void stopped_job(void)
{
    command("sleep 10 | sleep 11\n");
    if (!new_sleeps(2, job1, NULL, 0)) {
        check(0, "jobs_ctrl_z", "after \"sleep 10 | sleep 11\", not two sleep processes within "
              "3 s (jsh printed \"%.60s\")", one_line(printed()));
        kill_all(job1, 2);
        return;
    }
    pid_t group = pgid_of(job1[0]);
    if (!own_group_ok || pgid_of(job1[1]) != group || !wait_foreground(group)) {
        if (own_group_ok)
            check(0, "jobs_ctrl_z", "sleep 10 | sleep 11: groups %d and %d, the terminal's "
                  "%d: both processes of a pipeline in one group, which gets the terminal",
                  group, pgid_of(job1[1]), tcgetpgrp(0));
        else
            check(0, "jobs_ctrl_z", "needs jobs_own_group first");
        kill_all(job1, 2);
        return;
    }
    type("\x1a");                       /* Ctrl-Z */
    int stopped = wait_stopped(job1, 2, 1);
    int back = wait_foreground(shell);
    int prompt = wait_prompt();
    int told = strstr(printed(), "[1] Stopped  sleep 10 | sleep 11\n") != NULL;
    ctrl_z_ok = stopped && back && prompt && told;
    check(ctrl_z_ok, "jobs_ctrl_z", "after Ctrl-Z: the job %s, the terminal %s, %s, %s "
          "(waitpid with WUNTRACED returns when a child stops)",
          stopped ? "stopped" : "not stopped", back ? "the shell's" : "not the shell's",
          prompt ? "a prompt" : "no prompt",
          told ? "its line" : "no line \"[1] Stopped  sleep 10 | sleep 11\"");
    if (!ctrl_z_ok)
        kill_all(job1, 2);
}

/* sleep 12 &: "[N] PGID" and the prompt at once, not in the foreground. */
static void background_job(void)
{
    int id = ctrl_z_ok ? 2 : 1, got_id = 0, got_pgid = 0;

    command("sleep 12 &\n");
    int started = new_sleeps(1, &job2, job1, 2);
    int prompt = wait_prompt();
    if (!started) {
        check(0, "jobs_background", "after \"sleep 12 &\", no new sleep process within 3 s");
        return;
    }
    if (!prompt) {
        check(0, "jobs_background", "after \"sleep 12 &\" the prompt did not come back: a job "
              "in the background is not waited for");
        kill_all(&job2, 1);
        job2 = 0;
        return;
    }
    sscanf(printed(), "[%d] %d", &got_id, &got_pgid);
    background_ok = pgid_of(job2) == job2 && got_id == id && got_pgid == job2 &&
                    tcgetpgrp(0) == shell;
    check(background_ok, "jobs_background", "after \"sleep 12 &\": jsh printed \"%.20s\", the "
          "job %d is in group %d, the terminal's is %d: want \"[%d] %d\", the job in a group "
          "of its own, the terminal kept by the shell (%d)", one_line(printed()), job2,
          pgid_of(job2), tcgetpgrp(0), id, job2, shell);
}

/* jobs: both jobs, with their states. */
static void list_jobs(void)
{
    if (!ctrl_z_ok || !background_ok) {
        check(0, "jobs_list", "needs %s first", ctrl_z_ok ? "jobs_background" : "jobs_ctrl_z");
        return;
    }
    command("jobs\n");
    int prompt = wait_prompt();
    const char *text = printed();
    check(prompt && strstr(text, "[1] Stopped  sleep 10 | sleep 11\n") &&
          strstr(text, "[2] Running  sleep 12 &\n"), "jobs_list", "jobs printed \"%.80s\"; want "
          "the lines \"[1] Stopped  sleep 10 | sleep 11\" and \"[2] Running  sleep 12 &\"",
          one_line(text));
}

/* bg %1: job 1 runs again, in the background. */
static void bg_job(void)
{
    if (!ctrl_z_ok) {
        check(0, "jobs_bg", "needs jobs_ctrl_z first");
        return;
    }
    command("bg %1\n");
    int running = wait_stopped(job1, 2, 0);
    int prompt = wait_prompt();
    check(running && prompt && tcgetpgrp(0) == shell, "jobs_bg", "after \"bg %%1\": the job %s, "
          "%s, the terminal's group %d (the shell: %d): send SIGCONT to the job's group, and "
          "do not wait for it", running ? "runs" : "is still stopped",
          prompt ? "a prompt" : "no prompt", tcgetpgrp(0), shell);
}

/* fg %1: job 1 gets the terminal, and Ctrl-C ends it. */
static void fg_job(void)
{
    if (!ctrl_z_ok) {
        check(0, "jobs_fg", "needs jobs_ctrl_z first");
        return;
    }
    command("fg %1\n");
    if (!wait_foreground(job1[0])) {
        check(0, "jobs_fg", "after \"fg %%1\" the terminal's group is %d, not the job's %d",
              tcgetpgrp(0), job1[0]);
        kill_all(job1, 2);
        return;
    }
    int running = wait_stopped(job1, 2, 0);
    type("\x03");
    int died = wait_gone(job1, 2);
    int back = wait_foreground(shell);
    int prompt = wait_prompt();
    check(running && died && back && prompt, "jobs_fg", "after \"fg %%1\" and Ctrl-C: the job "
          "%s and %s, the terminal %s, %s: fg gives the terminal, sends SIGCONT, and waits",
          running ? "ran" : "did not run", died ? "ended" : "did not end",
          back ? "back with the shell" : "not the shell's", prompt ? "a prompt" : "no prompt");
    if (!died)
        kill_all(job1, 2);
}

/* sleep 1 &, then an empty line after it ended: "[N] Done  sleep 1 &". */
static void done_job(void)
{
    pid_t job = 0, old[3] = { job1[0], job1[1], job2 };
    int id = 0, pgid = 0;

    command("sleep 1 &\n");
    new_sleeps(1, &job, old, 3);
    int prompt = wait_prompt();
    sscanf(printed(), "[%d] %d", &id, &pgid);
    if (!background_ok || !prompt || id <= 0) {
        check(0, "jobs_done", "needs jobs_background first");
        if (job)
            kill_all(&job, 1);
        return;
    }
    wait_gone(&job, 1);
    usleep(200000);
    char want[40];
    snprintf(want, sizeof(want), "[%d] Done  sleep 1 &\n", id);
    command("\n");
    wait_prompt();
    int told = strstr(printed(), want) != NULL;
    check(told && !proc(job), "jobs_done", "a job in the background ended: %s, %s; before the "
          "next prompt, reap it (waitpid with WNOHANG) and say \"%.*s\"",
          told ? "reported" : "not reported", proc(job) ? "a zombie left" : "reaped",
          (int)strlen(want) - 1, want);
}

/* ---------------------------------------------------------------- the grader */

/* /bin/jsh with the console as stdin and a pipe as stdout and stderr,
 * with the signals' default actions (the grader ignores some). */
static pid_t start_shell(void)
{
    char *argv[] = { "jsh", NULL };
    int p[2];

    pipe(p);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(p[1], 1);
        dup2(p[1], 2);
        close(p[0]);
        close(p[1]);
        for (int sig = 1; sig < 32; sig++)
            signal(sig, SIG_DFL);
        alarm(60);                      /* a shell that hangs ends */
        execv("/bin/jsh", argv);
        _exit(126);
    }
    close(p[1]);
    shell_out = p[0];
    return pid;
}

int main(void)
{
    static const char *const all[] = {
        "jobs_own_group", "jobs_terminal", "jobs_ctrl_c", "jobs_ctrl_z", "jobs_background",
        "jobs_list", "jobs_bg", "jobs_fg", "jobs_done",
    };
    struct termios saved, quiet;

    if (access("/bin/jsh", X_OK) < 0) {
        for (unsigned i = 0; i < sizeof(all) / sizeof(all[0]); i++)
            check(0, all[i], "/bin/jsh is missing: it is user/bin/jsh.c, the skeleton");
        return test_exit_code();
    }
    me = getpid();
    signal(SIGINT, SIG_IGN);            /* a key that went astray */
    signal(SIGTSTP, SIG_IGN);
    signal(SIGQUIT, SIG_IGN);
    signal(SIGTTOU, SIG_IGN);
    setpgid(0, 0);
    tcsetpgrp(0, me);
    tcgetattr(0, &saved);
    quiet = saved;
    quiet.c_lflag &= ~(tcflag_t)ECHO;   /* the typed lines stay off the console */
    tcsetattr(0, TCSANOW, &quiet);

    shell = start_shell();
    if (!wait_prompt()) {
        for (unsigned i = 0; i < sizeof(all) / sizeof(all[0]); i++)
            check(0, all[i], "jsh printed no prompt \"jsh$ \" within 3 s (it printed \"%.60s\")",
                  one_line(out));
    } else {
        foreground_job();
        stopped_job();
        background_job();
        list_jobs();
        bg_job();
        fg_job();
        done_job();
        command("exit\n");
    }
    pid_t leftovers[4] = { job1[0], job1[1], job2, shell };
    usleep(200000);
    for (int i = 0; i < 4; i++)
        if (leftovers[i] > 0)
            kill(leftovers[i], SIGKILL);
    waitpid(shell, NULL, 0);
    close(shell_out);
    tcsetpgrp(0, me);                   /* in case jsh did not give it back */
    tcsetattr(0, TCSAFLUSH, &saved);    /* and throw away what it did not read */
    return test_exit_code();
}
