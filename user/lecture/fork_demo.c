/* fork_demo: fork() returns twice.
 *
 * What you should see (the pids will differ):
 *     before fork: I am pid 7
 *     parent: fork returned 8, the child's pid; I am still pid 7
 *     child: fork returned 0; I am pid 8, my parent is 7
 *     child: x = 2 in my copy
 *     parent: x = 1 in mine -- the child changed only its own copy
 *
 * fork() makes a copy of the calling process: same program, same
 * variables, same open files, continuing from the same point -- the
 * return from fork.  The only difference is the value fork returns:
 * the new child's pid in the parent, 0 in the child.  (The copy is made
 * lazily: the two share every page until one of them writes to it, and
 * that write copies the page -- copy-on-write, docs/vm.md.)
 *
 * Try: remove the waitpid() -- the parent's last line may now come
 * before the child's.  Which process runs first is the scheduler's
 * choice. */
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void)
{
    int x = 1;

    printf("before fork: I am pid %d\n", getpid());
    fflush(stdout);                      /* or the buffered line is copied too */

    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return 1;
    }
    if (pid == 0) {
        printf("child: fork returned 0; I am pid %d, my parent is %d\n", getpid(), getppid());
        x = 2;
        printf("child: x = %d in my copy\n", x);
        return 0;
    }
    printf("parent: fork returned %d, the child's pid; I am still pid %d\n", pid, getpid());
    fflush(stdout);
    waitpid(pid, NULL, 0);
    printf("parent: x = %d in mine -- the child changed only its own copy\n", x);
    return 0;
}
