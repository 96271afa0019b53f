/* runbench: `make bench` boots Minnow with init=/bin/runbench, so this is
 * pid 1.  It runs every /bin/bench_* program in name order (each prints
 * "bench NAME VALUE UNIT" lines), then powers the machine off. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/reboot.h>
#include <sys/wait.h>

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(void)
{
    char *names[64];
    int n = 0;
    DIR *d = opendir("/bin");
    struct dirent *e;

    while (d && (e = readdir(d)) && n < 64)
        if (strncmp(e->d_name, "bench_", 6) == 0)
            names[n++] = strdup(e->d_name);
    if (d)
        closedir(d);
    qsort(names, n, sizeof(names[0]), by_name);
    for (int i = 0; i < n; i++) {
        char path[64];
        snprintf(path, sizeof(path), "/bin/%s", names[i]);
        fflush(stdout);
        pid_t pid = fork();
        if (pid == 0) {
            char *argv[] = { path, NULL };
            execv(path, argv);
            _exit(127);
        }
        while (wait(NULL) != pid)       /* as init, reap orphans too */
            ;
    }
    printf("runbench: done\n");
    fflush(stdout);
    reboot(RB_POWER_OFF);
    return 0;
}
