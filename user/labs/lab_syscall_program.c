/* Grader of the lab "Add a system call" (docs/labs/syscall.md): the
 * program /bin/trace, which the student writes (user/trace.c).
 *
 *     trace MASK COMMAND [ARG...]
 *
 * runs COMMAND with trace(MASK) in effect, and ends with COMMAND's exit
 * status.  The command here is this program again, with "child": it calls
 * getpid() and exits with status 7. */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "lab.h"

int main(int argc, char *argv[])
{
    if (argc > 1 && strcmp(argv[1], "child") == 0) {
        getpid();
        return 7;
    }
    if (access("/bin/trace", X_OK) < 0) {
        check(0, "trace_program", "/bin/trace is missing: write the program (user/trace.c, say; docs/labs/syscall.md)");
        return test_exit_code();
    }
    char mask[16];
    snprintf(mask, sizeof(mask), "%u", 1u << __NR_getpid);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        execl("/bin/trace", "trace", mask, argv[0], "child", (char *)NULL);
        _exit(127);
    }
    int status = 0;
    if (pid > 0)
        waitpid(pid, &status, 0);
    expect_console("trace_program", "trace: pid %d getpid -> %d", pid, pid);
    check(pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 7, "trace_program",
          "trace %s %s child: exit status %d, want 7 (the command's own)", mask, argv[0],
          WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    return test_exit_code();
}
