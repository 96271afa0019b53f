/* orphan_demo: a child that outlives its parent is adopted by init.
 *
 * What you should see (the pids will differ):
 *     parent 7: started child 8, now exiting
 *     child 8: my parent is 7
 *     child 8: my parent is now 1 -- init adopted me
 *
 * The shell's prompt may come back between the lines: the shell waits
 * only for the parent, and the parent ends at once.
 *
 * Every process has a parent, which must wait() for it so that its exit
 * status is collected and its task slot freed.  When a parent exits
 * first, the kernel hands its children to init (pid 1), whose endless
 * wait() loop reaps them.  Otherwise they would stay zombies forever. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    pid_t parent = getpid();

    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return 1;
    }
    if (pid > 0) {
        printf("parent %d: started child %d, now exiting\n", parent, pid);
        fflush(stdout);
        usleep(200000);                  /* time for the child's first line */
        return 0;
    }

    printf("child %d: my parent is %d\n", getpid(), getppid());
    fflush(stdout);
    /* Wait (at most 3 seconds) until the parent has gone. */
    for (int i = 0; i < 300 && getppid() == parent; i++)
        usleep(10000);
    printf("child %d: my parent is now %d%s\n", getpid(), getppid(),
           getppid() == 1 ? " -- init adopted me" : "");
    return 0;
}
