/* pwd: print the current working directory.
 *
 * The kernel keeps each process's current directory (cwd in its
 * task_struct); getcwd() asks for its path.  A child inherits it at fork,
 * which is why `cd` has to be built into the shell: a /bin/cd would change
 * only its own directory, then exit. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
    char path[PATH_MAX];

    if (!getcwd(path, sizeof(path))) {
        fprintf(stderr, "pwd: %s\n", strerror(errno));
        return 1;
    }
    printf("%s\n", path);
    return 0;
}
