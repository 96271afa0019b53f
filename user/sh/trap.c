/* trap.c: the trap built-in -- commands that run when a signal comes.
 *
 * The lecture's signal handler, done the safe way: the handler itself
 * only notes that the signal came (pending[sig] = 1).  The shell looks at
 * the notes between commands (run_pending_traps) and runs the trap's
 * command then, when nothing is half done.  A blocking read() or wait()
 * is interrupted by the signal (the handler has no SA_RESTART), so a
 * trap runs even while the shell waits.
 *
 *   trap 'cmd' INT TERM     cmd runs when SIGINT or SIGTERM comes
 *   trap '' INT             SIGINT is ignored (and stays so in children)
 *   trap - INT              the default again
 *   trap 'cmd' EXIT         cmd runs when the shell ends
 *
 * The signals a shell treats specially are here too: an interactive
 * shell ignores SIGTERM, SIGQUIT and the job-control stops, and catches
 * SIGINT to give a fresh prompt.  Its children get the defaults back. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"

static char *actions[NSIG];                 /* NULL: none; "": ignore; [0]: EXIT */
static volatile sig_atomic_t pending[NSIG];
static volatile sig_atomic_t any_pending;
static int running_trap;                    /* a signal's trap: no other one meanwhile */
static int in_action, status_before;        /* running an action; $? before it */

static void note_signal(int sig)
{
    pending[sig] = 1;
    any_pending = 1;
}

/* The signals an interactive shell handles itself, not its children. */
static const int shell_signals[] = { SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGTTIN, SIGTTOU };

static int is_shell_signal(int sig)
{
    for (size_t i = 0; i < sizeof(shell_signals) / sizeof(shell_signals[0]); i++)
        if (shell_signals[i] == sig)
            return 1;
    return 0;
}

static void set_handler(int sig, void (*handler)(int))
{
    struct sigaction sa = { .sa_handler = handler };    /* no SA_RESTART: wait() returns */
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

/* What a signal does when no trap is set for it. */
static void shell_default(int sig)
{
    if (is_interactive() && sig == SIGINT)
        set_handler(sig, note_signal);              /* a fresh prompt, no trap command */
    else if (is_interactive() && is_shell_signal(sig))
        set_handler(sig, SIG_IGN);
    else
        set_handler(sig, SIG_DFL);
}

void trap_init(void)
{
    for (size_t i = 0; i < sizeof(shell_signals) / sizeof(shell_signals[0]); i++)
        shell_default(shell_signals[i]);
}

/* "INT", "SIGINT", "int", "2", "EXIT", "0". */
int parse_signal(const char *s)
{
    char upper[32];
    int sig;
    size_t i;

    for (i = 0; s[i] && i < sizeof(upper) - 1; i++)
        upper[i] = (char)(s[i] >= 'a' && s[i] <= 'z' ? s[i] - 32 : s[i]);
    upper[i] = '\0';
    if (strcmp(upper, "EXIT") == 0 || strcmp(upper, "0") == 0)
        return 0;
    const char *name = strncmp(upper, "SIG", 3) == 0 ? upper + 3 : upper;
    if (str2sig(name, &sig) == 0 && sig > 0 && sig < NSIG)
        return sig;
    return -1;
}

static void set_trap(int sig, const char *action)
{
    free(actions[sig]);
    actions[sig] = action && strcmp(action, "-") != 0 ? strdup(action) : NULL;
    if (sig == 0)
        return;
    pending[sig] = 0;
    if (!actions[sig])
        shell_default(sig);
    else if (!*actions[sig])
        set_handler(sig, SIG_IGN);
    else
        set_handler(sig, note_signal);
}

static void print_traps(void)
{
    for (int sig = 0; sig < NSIG; sig++) {
        char name[SIG2STR_MAX] = "EXIT";
        if (!actions[sig] || (sig && sig2str(sig, name) < 0))
            continue;
        printf("trap -- ");
        print_quoted(actions[sig]);
        printf(" %s\n", name);
    }
}

static int is_number(const char *s)
{
    return *s && strspn(s, "0123456789") == strlen(s);
}

int builtin_trap(int argc, char **argv)
{
    int i = 1, status = 0;

    if (i < argc && strcmp(argv[i], "--") == 0)
        i++;
    if (i >= argc) {
        print_traps();
        return 0;
    }
    /* "trap 2 INT" would be a trap command "2": POSIX says a number first
     * means every operand is a signal to reset. */
    const char *action = is_number(argv[i]) ? "-" : argv[i++];
    if (i >= argc) {
        complain("trap: usage: trap [action] signal...");
        return 2;
    }
    for (; i < argc; i++) {
        int sig = parse_signal(argv[i]);
        if (sig < 0 || sig == SIGKILL || sig == SIGSTOP) {
            complain("trap: %s: bad signal", argv[i]);
            status = 1;
            continue;
        }
        set_trap(sig, action);
    }
    return status;
}

int pending_trap_signal(void)
{
    for (int sig = 1; any_pending && sig < NSIG; sig++)
        if (pending[sig] && actions[sig] && *actions[sig])
            return sig;
    return 0;
}

/* exit and return without a number: $? -- but in a trap's action, $? from
 * before the trap, as POSIX says, not the action's own last status. */
int status_for_exit(void)
{
    return in_action ? status_before : get_last_status();
}

/* A trap's action: afterwards $? is what it was, since the trap came
 * between two commands. */
static void run_action(const char *action)
{
    int outer_in = in_action, outer_status = status_before;
    char *cmd = strdup(action);                 /* the action may change the trap */

    if (!cmd)
        return;
    status_before = get_last_status();
    in_action = 1;
    run_string(cmd);
    free(cmd);
    set_last_status(status_before);
    in_action = outer_in;
    status_before = outer_status;
}

/* Between commands: the traps of the signals that came. */
void run_pending_traps(void)
{
    if (!any_pending || running_trap)
        return;
    any_pending = 0;
    running_trap = 1;
    for (int sig = 1; sig < NSIG; sig++) {
        if (!pending[sig])
            continue;
        pending[sig] = 0;
        if (actions[sig] && *actions[sig])
            run_action(actions[sig]);
    }
    running_trap = 0;
}

void run_exit_trap(void)
{
    char *cmd = actions[0];

    if (!cmd)
        return;
    actions[0] = NULL;                      /* an exit in the trap ends for good */
    run_action(cmd);
    free(cmd);
}

/* A subshell keeps ignored signals ignored; caught ones go back to the
 * default, and the EXIT trap is the parent's, not its own. */
void reset_traps_in_subshell(void)
{
    free(actions[0]);
    actions[0] = NULL;
    for (int sig = 1; sig < NSIG; sig++) {
        if (actions[sig] && !*actions[sig])
            continue;
        int caught = actions[sig] != NULL;
        free(actions[sig]);
        actions[sig] = NULL;
        pending[sig] = 0;
        if (caught || is_shell_signal(sig))
            set_handler(sig, SIG_DFL);
    }
    any_pending = 0;
}
