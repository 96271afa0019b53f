/* signal_ignore: what a child keeps of its parent's signal settings.
 *
 * What you should see:
 *     parent: SIGINT is ignored, SIGQUIT has a handler
 *     after fork: SIGINT is ignored, SIGQUIT has a handler
 *     after exec: SIGINT is ignored, SIGQUIT is default
 *
 * fork copies everything, the signal dispositions too.  exec replaces
 * the program's code, so a handler -- an address in the old program --
 * means nothing any more: the kernel resets it to the default.  But
 * "ignore" (SIG_IGN) is not an address, and it stays.  That is how
 * `nohup` works, and why a background job started by a shell without
 * job control ignores Ctrl-C.
 *
 * Try: after it runs, press Ctrl-C while `signal_ignore wait` sleeps for
 * 5 seconds with SIGINT ignored -- nothing happens. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

static void handler(int sig)
{
    (void)sig;
}

static const char *disposition(int sig)
{
    struct sigaction now;

    sigaction(sig, NULL, &now);          /* NULL: only ask, change nothing */
    if (now.sa_handler == SIG_IGN)
        return "is ignored";
    if (now.sa_handler == SIG_DFL)
        return "is default";
    return "has a handler";
}

static void report(const char *when)
{
    printf("%s: SIGINT %s, SIGQUIT %s\n", when, disposition(SIGINT), disposition(SIGQUIT));
    fflush(stdout);
}

int main(int argc, char *argv[])
{
    if (argc > 1 && strcmp(argv[1], "exec") == 0) {
        report("after exec");            /* we are the new program */
        return 0;
    }
    if (argc > 1 && strcmp(argv[1], "wait") == 0) {
        signal(SIGINT, SIG_IGN);
        printf("SIGINT ignored for 5 seconds: press Ctrl-C...\n");
        fflush(stdout);
        sleep(5);
        printf("still here\n");
        return 0;
    }

    signal(SIGINT, SIG_IGN);
    signal(SIGQUIT, handler);
    report("parent");

    pid_t pid = fork();
    if (pid == 0) {
        report("after fork");
        char *again[] = { argv[0], "exec", NULL };
        execvp(argv[0], again);          /* run this same program anew */
        perror("exec");
        _exit(127);
    }
    waitpid(pid, NULL, 0);
    return 0;
}
