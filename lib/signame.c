/* Names and descriptions of signals: "INT" and "Interrupt" for SIGINT.
 * The descriptions are Linux's (what the shell prints when a job dies). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct signal_name {
    const char *name;            /* without "SIG", as kill -l prints it */
    const char *description;     /* strsignal */
};

static const struct signal_name signals[] = {
    [SIGHUP]    = { "HUP",    "Hangup" },
    [SIGINT]    = { "INT",    "Interrupt" },
    [SIGQUIT]   = { "QUIT",   "Quit" },
    [SIGILL]    = { "ILL",    "Illegal instruction" },
    [SIGTRAP]   = { "TRAP",   "Trace/breakpoint trap" },
    [SIGABRT]   = { "ABRT",   "Aborted" },
    [SIGBUS]    = { "BUS",    "Bus error" },
    [SIGFPE]    = { "FPE",    "Floating point exception" },
    [SIGKILL]   = { "KILL",   "Killed" },
    [SIGUSR1]   = { "USR1",   "User defined signal 1" },
    [SIGSEGV]   = { "SEGV",   "Segmentation fault" },
    [SIGUSR2]   = { "USR2",   "User defined signal 2" },
    [SIGPIPE]   = { "PIPE",   "Broken pipe" },
    [SIGALRM]   = { "ALRM",   "Alarm clock" },
    [SIGTERM]   = { "TERM",   "Terminated" },
    [SIGSTKFLT] = { "STKFLT", "Stack fault" },
    [SIGCHLD]   = { "CHLD",   "Child exited" },
    [SIGCONT]   = { "CONT",   "Continued" },
    [SIGSTOP]   = { "STOP",   "Stopped (signal)" },
    [SIGTSTP]   = { "TSTP",   "Stopped" },
    [SIGTTIN]   = { "TTIN",   "Stopped (tty input)" },
    [SIGTTOU]   = { "TTOU",   "Stopped (tty output)" },
    [SIGURG]    = { "URG",    "Urgent I/O condition" },
    [SIGXCPU]   = { "XCPU",   "CPU time limit exceeded" },
    [SIGXFSZ]   = { "XFSZ",   "File size limit exceeded" },
    [SIGVTALRM] = { "VTALRM", "Virtual timer expired" },
    [SIGPROF]   = { "PROF",   "Profiling timer expired" },
    [SIGWINCH]  = { "WINCH",  "Window changed" },
    [SIGIO]     = { "IO",     "I/O possible" },
    [SIGPWR]    = { "PWR",    "Power failure" },
    [SIGSYS]    = { "SYS",    "Bad system call" },
};

#define NAMED (int)(sizeof(signals) / sizeof(signals[0]))

/* "INT" for SIGINT; the real-time signals are RTMIN, RTMIN+1, ...,
 * RTMAX-1, RTMAX (Linux's 32 and 33 have no name). */
int sig2str(int sig, char *str)
{
    if (sig > 0 && sig < NAMED && signals[sig].name) {
        strlcpy(str, signals[sig].name, SIG2STR_MAX);
        return 0;
    }
    if (sig == SIGRTMIN)
        strlcpy(str, "RTMIN", SIG2STR_MAX);
    else if (sig == SIGRTMAX)
        strlcpy(str, "RTMAX", SIG2STR_MAX);
    else if (sig > SIGRTMIN && sig <= (SIGRTMIN + SIGRTMAX) / 2)
        snprintf(str, SIG2STR_MAX, "RTMIN+%d", sig - SIGRTMIN);
    else if (sig > SIGRTMIN && sig < SIGRTMAX)
        snprintf(str, SIG2STR_MAX, "RTMAX-%d", SIGRTMAX - sig);
    else
        return -1;
    return 0;
}

/* "INT", "SIGINT" or "2" -> 2. */
int str2sig(const char *str, int *sig)
{
    char name[SIG2STR_MAX];

    if (str[0] >= '0' && str[0] <= '9') {
        char *end;
        long n = strtol(str, &end, 10);
        if (*end || n < 1 || n >= NSIG)
            return -1;
        *sig = (int)n;
        return 0;
    }
    if (strncmp(str, "SIG", 3) == 0)
        str += 3;
    for (int n = 1; n < NSIG; n++) {
        if (sig2str(n, name) == 0 && strcmp(name, str) == 0) {
            *sig = n;
            return 0;
        }
    }
    return -1;
}

char *strsignal(int sig)
{
    static char buf[32];

    if (sig > 0 && sig < NAMED && signals[sig].description)
        return (char *)signals[sig].description;
    if (sig >= SIGRTMIN && sig <= SIGRTMAX)
        snprintf(buf, sizeof(buf), "Real-time signal %d", sig - SIGRTMIN);
    else
        snprintf(buf, sizeof(buf), "Unknown signal %d", sig);
    return buf;
}

/* "msg: Interrupt" on stderr. */
void psignal(int sig, const char *msg)
{
    if (msg && *msg)
        fprintf(stderr, "%s: %s\n", msg, strsignal(sig));
    else
        fprintf(stderr, "%s\n", strsignal(sig));
}
