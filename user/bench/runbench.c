/* runbench: `make bench` boots a kernel with this program as its first
 * process (Minnow with init=/usr/libexec/minnow/runbench; Linux through a
 * small /init, tools/bench-linux-init.c).  It runs every bench_* program
 * of /usr/libexec/minnow/ in name order (each prints "bench NAME CYCLES
 * cycles" lines), ROUNDS times over in the same boot, so that a kernel
 * that slows down as processes come and go shows it, then powers the
 * machine off. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/reboot.h>
#include <sys/wait.h>

#define BENCH_DIR "/usr/libexec/minnow"    /* outside the user's PATH */
#define ROUNDS 3
#define MAX_PROGRAMS 64

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void run(const char *name)
{
    char path[300];
    snprintf(path, sizeof(path), BENCH_DIR "/%s", name);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        char *argv[] = { path, NULL };
        execv(path, argv);
        _exit(127);
    }
    while (wait(NULL) != pid)           /* as the first process, reap orphans too */
        ;
}

int main(void)
{
    char *names[MAX_PROGRAMS];
    int n = 0;
    DIR *d = opendir(BENCH_DIR);
    struct dirent *e;

    printf("runbench: start\n");
    while (d && (e = readdir(d)) && n < MAX_PROGRAMS)
        if (strncmp(e->d_name, "bench_", 6) == 0)
            names[n++] = strdup(e->d_name);
    if (d)
        closedir(d);
    qsort(names, n, sizeof(names[0]), by_name);
    for (int round = 1; round <= ROUNDS; round++) {
        printf("round %d\n", round);
        for (int i = 0; i < n; i++)
            run(names[i]);
    }
    printf("runbench: done\n");
    fflush(stdout);
    reboot(RB_POWER_OFF);
    return 0;
}
