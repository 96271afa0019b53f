/* runtests: the test runner inside Minnow (init starts it under `make test`).
 *
 *   runtests all      every test_* program, in name order
 *   runtests NAME     just test_NAME
 *   runtests lab:LAB  every lab_LAB_* program: a lab's grader (make grade)
 *
 * The programs are in /usr/libexec/minnow/, next to the runner and outside
 * the user's PATH; each can also be run by hand from the shell:
 *   /usr/libexec/minnow/test_pipe
 *
 * A test program prints its own "ok CHECK" / "FAIL CHECK: why" lines and
 * exits with 0 (all passed) or 1 (it printed its failures).  The runner adds
 * a FAIL line when a program ends any other way: killed by a signal, timed
 * out, or another exit status.  With "all" it finally checks that the
 * whole suite gave back every page of memory it took. */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <minnow/test.h>

#define TEST_DIR "/usr/libexec/minnow"    /* the tests and lab programs */
#define TIMEOUT 60               /* seconds a test program may take */
#define MAX_TESTS 200

static char *names[MAX_TESTS];
static int count;

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void find_tests(const char *prefix)
{
    DIR *d = opendir(TEST_DIR);
    struct dirent *e;

    if (!d) {
        perror("runtests: " TEST_DIR);
        exit(1);
    }
    while ((e = readdir(d)) && count < MAX_TESTS)
        if (strncmp(e->d_name, prefix, strlen(prefix)) == 0)
            names[count++] = strdup(e->d_name);
    closedir(d);
    qsort(names, count, sizeof(names[0]), by_name);
}

static void run(const char *name)
{
    char path[128];
    snprintf(path, sizeof(path), TEST_DIR "/%s", name);
    fflush(stdout);

    pid_t pid = fork();
    if (pid == 0) {
        char *argv[] = { path, NULL };
        setpgid(0, 0);                   /* a job of its own, like the shell does */
        alarm(TIMEOUT);                  /* an alarm survives exec: the timeout */
        execv(path, argv);
        printf("FAIL %s: cannot exec: %s\n", name, strerror(errno));
        exit(2);
    }
    if (pid < 0) {
        printf("FAIL %s: fork: %s\n", name, strerror(errno));
        return;
    }
    int status;
    while (waitpid(pid, &status, 0) < 0)
        ;
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM)
        printf("FAIL %s: no result after %d seconds (killed)\n", name, TIMEOUT);
    else if (WIFSIGNALED(status))
        printf("FAIL %s: killed by signal %d (%s)\n", name, WTERMSIG(status),
               strsignal(WTERMSIG(status)));
    else if (WEXITSTATUS(status) > 1)
        printf("FAIL %s: exit status %d\n", name, WEXITSTATUS(status));
    fflush(stdout);
}

/* Orphans of the tests are reaped by init, a moment later: allow for that. */
static long settled_free_pages(long want)
{
    long now = free_pages();

    for (int i = 0; i < 20 && now != want; i++) {
        usleep(50000);
        now = free_pages();
    }
    return now;
}

/* A lab's grader: its programs print ok/FAIL lines like tests do. */
static int run_lab(const char *lab)
{
    char prefix[64];

    snprintf(prefix, sizeof(prefix), "lab_%s_", lab);
    find_tests(prefix);
    printf("runtests: %d programs for lab %s\n", count, lab);
    if (count == 0) {
        printf("no lab named %s\n", lab);
        return 1;
    }
    for (int i = 0; i < count; i++)
        run(names[i]);
    return 0;
}

int main(int argc, char *argv[])
{
    const char *which = argc > 1 ? argv[1] : "all";
    char wanted[64];

    if (strncmp(which, "lab:", 4) == 0)
        return run_lab(which + 4);
    find_tests("test_");
    snprintf(wanted, sizeof(wanted), "test_%s", which);
    printf("runtests: %d test programs in " TEST_DIR "\n", count);
    long before = free_pages();
    int ran = 0;
    for (int i = 0; i < count; i++) {
        if (strcmp(which, "all") == 0 || strcmp(names[i], wanted) == 0) {
            run(names[i]);
            ran++;
        }
    }
    if (ran == 0 && strcmp(which, "all") != 0) {
        printf("no test named %s\n", which);
        return 1;
    }
    if (strcmp(which, "all") == 0) {
        long after = settled_free_pages(before);
        check(after == before, "suite_no_page_leak", "%ld pages free before the suite, %ld after",
              before, after);
    }
    return 0;
}
