/* Job control, the way a person at the terminal uses it.
 *
 * The test plays the user: it starts an interactive /bin/sh whose stdin is
 * the console, and "types" into the console with ioctl TIOCSTI -- command
 * lines, Ctrl-C (\x03) and Ctrl-Z (\x1a).  The keys must reach the job
 * and never the shell, so before pressing one the test waits until the
 * terminal's foreground group (tcgetpgrp) is the job's, not the shell's.
 * The shell's stdout and stderr (prompts, "[1]+  Stopped ...") come back
 * through a pipe.  Echo is turned off meanwhile, to keep the console quiet. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <minnow/test.h>

static pid_t me, shell;

static void type(const char *s)
{
    for (; *s; s++)
        ioctl(0, TIOCSTI, (char *)s);
}

/* Waits (up to 3 s) until a job of the shell -- not the shell, not us --
 * has the terminal.  Returns its group, or 0.  The shell gives the job the
 * terminal after its first fork(): a moment more, and the other commands
 * of a pipeline are started too (a key pressed earlier would miss them,
 * in any shell). */
static pid_t wait_for_job_in_foreground(void)
{
    for (int i = 0; i < 300; i++) {
        pid_t fg = tcgetpgrp(0);
        if (fg > 0 && fg != me && fg != shell) {
            usleep(50000);
            return fg;
        }
        usleep(10000);
    }
    return 0;
}

/* Waits (up to 3 s) until the shell has taken the terminal back. */
static int wait_for_shell_in_foreground(void)
{
    for (int i = 0; i < 300; i++) {
        if (tcgetpgrp(0) == shell)
            return 1;
        usleep(10000);
    }
    return 0;
}

/* An interactive /bin/sh: its stdin is the console (ours), its stdout
 * and stderr a pipe whose read end goes to *out. */
static pid_t start_shell(int *out)
{
    char *argv[] = { "sh", "-i", NULL };    /* stdout is a pipe: say "a person types" */
    int p[2];

    pipe(p);
    pid_t pid = spawn(argv, -1, p[1], p[1], 10);   /* if it hangs, it ends */
    close(p[1]);
    *out = p[0];
    return pid;
}

/* The session, step by step; every key waits for the right moment.  In
 * between only built-ins run (s1=$? is one), so that the job in the
 * foreground is always the sleep the key is meant for. */
static void play(void)
{
    type("sleep 5\n");
    pid_t job = wait_for_job_in_foreground();
    check(job > 0 && job != shell, "sh_job_gets_terminal", "foreground group %d", tcgetpgrp(0));
    check(getpgid(shell) == shell, "sh_own_process_group", "shell %d in group %d", shell, getpgid(shell));
    type("\x03");                                   /* Ctrl-C: the job dies, the shell lives */
    check(wait_for_shell_in_foreground(), "sh_takes_terminal_back", "foreground group %d", tcgetpgrp(0));
    type("s1=$?\n");

    type("sleep 5 | sleep 6\n");
    wait_for_job_in_foreground();
    type("\x1a");                                   /* Ctrl-Z: the job stops */
    wait_for_shell_in_foreground();
    type("jobs\n");
    type("fg %1\n");
    wait_for_job_in_foreground();
    type("\x03");
    wait_for_shell_in_foreground();
    type("s2=$?\n");

    type("sleep 5 &\n");
    type("kill -STOP %1\n");
    type("sleep 0.3\n");                        /* the stop takes effect when sleep next runs */
    type("bg %1\n");
    type("kill %1\n");
    type("wait\n");
    type("echo status=$s1 after-fg=$s2\n");
    type("exit 4\n");
}

int main(void)
{
    struct termios saved, quiet;
    char out[4096], history[256];
    int fd, status;

    /* the shell keeps the lines typed in $HOME/.sh_history: a file the
     * suite did not have before is removed again */
    snprintf(history, sizeof(history), "%s/.sh_history", getenv("HOME") ? getenv("HOME") : "/");
    struct stat st;
    int had_history = stat(history, &st) == 0;

    me = getpid();
    setpgid(0, 0);
    tcsetpgrp(0, me);
    tcgetattr(0, &saved);
    quiet = saved;
    quiet.c_lflag &= ~(tcflag_t)ECHO;
    tcsetattr(0, TCSANOW, &quiet);

    shell = start_shell(&fd);
    play();
    read_to_end(fd, out, sizeof(out));
    close(fd);
    waitpid(shell, &status, 0);
    tcsetpgrp(0, me);                   /* in case the shell did not give it back */
    tcsetattr(0, TCSAFLUSH, &saved);    /* and throw away what it did not read */
    if (!had_history)
        unlink(history);

    check(WIFEXITED(status) && WEXITSTATUS(status) == 4, "sh_interactive_exit", "status %#x out \"%s\"", status, out);
    check(strstr(out, "minnow:") != NULL, "sh_prompt", "out \"%s\"", out);
    check(strstr(out, "status=130") != NULL, "sh_ctrl_c_kills_job", "out \"%s\"", out);
    check(strstr(out, "[1]+  Stopped                 sleep 5 | sleep 6") != NULL, "sh_ctrl_z_stops_job", "out \"%s\"", out);
    check(strstr(out, "after-fg=130") != NULL, "sh_fg_resumes_job", "out \"%s\"", out);
    check(strstr(out, "[1]+ sleep 5 &") && strstr(out, "Terminated"), "sh_bg_and_kill", "out \"%s\"", out);
    return test_exit_code();
}
