/* signal_handler: a program that catches signals instead of dying.
 *
 * What to do: run it and press Ctrl-C.  Normally Ctrl-C ends a program
 * (the default action of SIGINT); here each press prints
 *     HELLO! Signal 2 caught.
 * and the program goes on.  Ctrl-\ sends SIGQUIT:
 *     HELLO! Signal 3 caught.
 * After the third signal it says goodbye and exits by itself.
 *
 * Also try, from another terminal (or after Ctrl-Z and `bg`):
 *     kill -INT PID      the same as Ctrl-C
 *     kill PID           SIGTERM has no handler here: the program dies
 *     kill -9 PID        SIGKILL can never be caught
 *
 * How it works: signal() tells the kernel "when SIGINT comes, call
 * catch()".  The kernel notes a pending signal in the task; on its way
 * back to user mode it builds a frame on the user stack and enters
 * catch() as if it had been called; when catch() returns, the
 * sigreturn system call puts the interrupted program back as it was. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t caught;     /* changed by the handler */

/* A handler may interrupt the program anywhere -- even inside printf,
 * in the middle of changing stdout's buffer.  So it uses only write(),
 * a system call that shares nothing with the interrupted code. */
static void catch(int sig)
{
    char msg[64];

    snprintf(msg, sizeof(msg), "HELLO! Signal %d caught.\n", sig);
    write(STDOUT_FILENO, msg, strlen(msg));
    caught++;
}

int main(void)
{
    signal(SIGINT, catch);
    signal(SIGQUIT, catch);

    printf("signal_handler (pid %d): press Ctrl-C or Ctrl-\\ (three signals end it)\n",
           getpid());
    fflush(stdout);

    while (caught < 3)
        pause();                          /* sleep until a signal comes */

    printf("Three signals caught: goodbye.\n");
    return 0;
}
