/* system(command): run a command line with the shell and wait for it.
 *
 * It is fork + exec("/bin/sh", "-c", command) + waitpid, the pattern of
 * the lecture.  While the command runs, Ctrl-C and Ctrl-\ are meant for
 * the command, so the caller ignores SIGINT and SIGQUIT; SIGCHLD is
 * blocked so that a handler of the caller does not reap our child. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define SHELL "/bin/sh"

int system(const char *command)
{
    if (!command)                          /* is there a shell? */
        return access(SHELL, X_OK) == 0;

    struct sigaction ignore = { .sa_handler = SIG_IGN }, old_int, old_quit;
    sigset_t chld, old_mask;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, &old_mask);
    sigaction(SIGINT, &ignore, &old_int);
    sigaction(SIGQUIT, &ignore, &old_quit);

    int status = -1;
    pid_t pid = fork();
    if (pid == 0) {
        /* The child: the caller's signal settings, then the shell. */
        sigaction(SIGINT, &old_int, NULL);
        sigaction(SIGQUIT, &old_quit, NULL);
        sigprocmask(SIG_SETMASK, &old_mask, NULL);
        execl(SHELL, "sh", "-c", command, (char *)NULL);
        _exit(127);                          /* no shell */
    }
    if (pid > 0) {
        while (waitpid(pid, &status, 0) < 0) {
            if (errno != EINTR) {
                status = -1;
                break;
            }
        }
    }
    int saved = errno;
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGQUIT, &old_quit, NULL);
    sigprocmask(SIG_SETMASK, &old_mask, NULL);
    errno = saved;
    return status;
}
