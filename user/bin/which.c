/* which: where a command is found in $PATH.
 *
 *   which [-a] NAME...
 *
 * For each NAME, prints the first file dir/NAME that is a regular,
 * executable file, trying the directories of $PATH in their order (an
 * empty entry is the current directory, printed as "./NAME"); with -a,
 * every one.  A NAME with a '/' in it is not searched for: it is printed
 * if it is such a file itself.  The shell finds commands the same way
 * (execvp); builtins and aliases are not files, so which does not know
 * them (the shell's `command -v` does).  The exit status is 0 when every
 * NAME was found, 1 when one was not, 2 for a wrong option. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

static int is_executable_file(const char *path)
{
    struct stat st;

    return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0;
}

/* Prints where name is found; returns how many places. */
static int search(const char *name, const char *path, int all)
{
    int found = 0;
    const char *dir = path;

    for (;;) {
        const char *colon = strchr(dir, ':');
        int len = colon ? (int)(colon - dir) : (int)strlen(dir);
        char candidate[1024];

        int n = snprintf(candidate, sizeof(candidate), "%.*s/%s", len ? len : 1,
                         len ? dir : ".", name);
        if (n < (int)sizeof(candidate) && is_executable_file(candidate)) {
            printf("%s\n", candidate);
            found++;
            if (!all)
                return found;
        }
        if (!colon)
            return found;
        dir = colon + 1;
    }
}

int main(int argc, char **argv)
{
    const char *path = getenv("PATH");
    int all = 0, status = 0, c;

    while ((c = getopt(argc, argv, "a")) != -1) {
        if (c != 'a') {
            fprintf(stderr, "usage: which [-a] NAME...\n");
            return 2;
        }
        all = 1;
    }
    if (optind == argc)
        return 1;
    if (!path)
        path = "/bin:/usr/bin";             /* what execvp uses without a PATH */
    for (int i = optind; i < argc; i++) {
        const char *name = argv[i];
        int found;
        if (strchr(name, '/')) {
            found = is_executable_file(name);
            if (found)
                printf("%s\n", name);
        } else {
            found = search(name, path, all);
        }
        if (!found)
            status = 1;
    }
    return status;
}
