/* pmap: the areas of a process in /proc/PID/maps's format.  pmap run on
 * itself must show its text (r-x, from /bin/pmap), [heap] and [stack]
 * (rw-); pmap of this test shows a mapping the test just made, with the
 * right bounds and rights; pmap of a pid nobody has fails cleanly. */
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include <minnow/test.h>

static char out[16384], err[512];

/* Runs pmap with arg (NULL: none); returns its exit status (-1: it died). */
static int pmap(const char *arg)
{
    char *argv[] = { "pmap", (char *)arg, NULL };
    int status = run_captured(argv, NULL, out, sizeof(out), err, sizeof(err));
    return status >= 0 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* The line of out whose name (after the inode) is name, and its rights
 * in perms ("r-xp"); 0 if there is none. */
static int find_area(const char *name, char perms[5], unsigned long *start,
                     unsigned long *end)
{
    for (char *line = out; *line; ) {
        char *nl = strchr(line, '\n');
        char rights[5] = "", rest[64] = "";
        unsigned long s, e, off, ino;
        unsigned major, minor;
        if (sscanf(line, "%lx-%lx %4s %lx %x:%x %lu %63s", &s, &e, rights, &off, &major,
                   &minor, &ino, rest) == 8 && strcmp(rest, name) == 0) {
            strcpy(perms, rights);
            if (start)
                *start = s;
            if (end)
                *end = e;
            return 1;
        }
        if (!nl)
            break;
        line = nl + 1;
    }
    return 0;
}

static void pmap_itself(void)
{
    char perms[5] = "";
    int s = pmap(NULL);

    check(s == 0 && find_area("/bin/pmap", perms, NULL, NULL) && strcmp(perms, "r-xp") == 0,
          "pmap_self_text", "status %d, perms \"%s\", out \"%s\"", s, perms, out);
    check(find_area("[heap]", perms, NULL, NULL) && strcmp(perms, "rw-p") == 0,
          "pmap_self_heap", "perms \"%s\"", perms);
    check(find_area("[stack]", perms, NULL, NULL) && strcmp(perms, "rw-p") == 0,
          "pmap_self_stack", "perms \"%s\"", perms);
    check(strncmp(out, "08048000-", 9) == 0 && strstr(out, "\n total ") &&
          strstr(out, "K  resident "), "pmap_format", "\"%s\"", out);
}

/* A fresh mapping of this test shows in pmap PID with its exact bounds. */
static void pmap_other(void)
{
    char pid[16], perms[5] = "", line[64];
    void *p = mmap(NULL, 3 * 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

    snprintf(pid, sizeof(pid), "%d", getpid());
    int s = pmap(pid);
    check(s == 0 && find_area("/usr/libexec/minnow/test_pmap", perms, NULL, NULL) &&
          strcmp(perms, "r-xp") == 0, "pmap_pid_text", "status %d, \"%s\"", s, out);
    snprintf(line, sizeof(line), "%08lx-%08lx r--p 00000000 00:00 0 \n", (unsigned long)p,
             (unsigned long)p + 3 * 4096);
    check(p != MAP_FAILED && strstr(out, line), "pmap_pid_mmap", "no \"%s\" in \"%s\"", line,
          out);
    munmap(p, 3 * 4096);
}

static void pmap_errors(void)
{
    int s = pmap("99999");
    check(s == 1 && strstr(err, "No such process"), "pmap_no_such_pid", "status %d, \"%s\"",
          s, err);
    s = pmap("abc");
    check(s == 1 && err[0], "pmap_bad_pid", "status %d, \"%s\"", s, err);
}

int main(void)
{
    pmap_itself();
    pmap_other();
    pmap_errors();
    return test_exit_code();
}
