/* man: show the manual page of a program.
 *
 *   man NAME...        the page /usr/share/man/NAME of each NAME
 *   man -k WORD...     the pages whose NAME line holds a WORD (apropos)
 *   man intro          the list of all pages, by group
 *
 * A page is a plain text file.  On a terminal it goes through a pager so
 * that it can be read a screen at a time: $MANPAGER, else $PAGER, else
 * more.  The pager is a shell command (PAGER="more" or PAGER="cat -n"),
 * run with `sh -c` and the page as its standard input.  When the output
 * is not a terminal (man ls | grep -i sort) the page is copied as it is.
 *
 * Exit status: 0, or 1 if a page was not found or the arguments were
 * wrong. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#define MAN_DIR "/usr/share/man"
#define MAX_PAGES 256

static void usage(void)
{
    fprintf(stderr, "usage: man NAME...\n"
                    "       man -k WORD...    (search the pages' NAME lines)\n"
                    "Try 'man intro' for the list of pages.\n");
    exit(1);
}

/* Opens the page of `name`, or says there is none and returns -1. */
static int open_page(const char *name)
{
    char path[256];

    /* a NAME is a page's name, never a path out of MAN_DIR */
    if (name[0] == '\0' || name[0] == '.' || strchr(name, '/')) {
        fprintf(stderr, "No manual entry for %s\n", name);
        return -1;
    }
    snprintf(path, sizeof(path), MAN_DIR "/%s", name);
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        fprintf(stderr, "No manual entry for %s\n", name);
    return fd;
}

/* Copies fd to standard output, as cat does. */
static int copy_page(int fd, const char *name)
{
    char buf[4096];
    ssize_t n;

    while ((n = read(fd, buf, sizeof(buf))) > 0)
        if (fwrite(buf, 1, n, stdout) != (size_t)n)
            break;
    if (n < 0 || fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "man: %s: %s\n", name, strerror(errno));
        return -1;
    }
    return 0;
}

static const char *pager_command(void)
{
    const char *pager = getenv("MANPAGER");

    if (!pager || !*pager)
        pager = getenv("PAGER");
    return pager && *pager ? pager : "more";
}

/* Runs the pager with the page as its standard input and waits for it
 * (the user reads, and quits with q). */
static int page_through_pager(int fd)
{
    const char *pager = pager_command();
    pid_t pid = fork();

    if (pid < 0) {
        perror("man: fork");
        return -1;
    }
    if (pid == 0) {
        dup2(fd, STDIN_FILENO);
        close(fd);
        execl("/bin/sh", "sh", "-c", pager, (char *)NULL);
        fprintf(stderr, "man: cannot run the pager %s: %s\n", pager, strerror(errno));
        _exit(127);
    }
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    /* 127: the shell found no such pager (it said so) */
    return WIFEXITED(status) && WEXITSTATUS(status) == 127 ? -1 : 0;
}

/* Returns 0, or 1 if the page is missing or could not be shown. */
static int show_page(const char *name)
{
    int fd = open_page(name);
    if (fd < 0)
        return 1;
    int r = isatty(STDOUT_FILENO) ? page_through_pager(fd) : copy_page(fd, name);
    close(fd);
    return r < 0;
}

/* ---------------------------------------------------------------- man -k */

/* The line under a page's "NAME" heading, "ls - list directory
 * contents", without its indentation; 0 if the page has none. */
static int name_line(const char *name, char *line, size_t size)
{
    char path[256];
    int under_name = 0;

    snprintf(path, sizeof(path), MAN_DIR "/%s", name);
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    while (fgets(line, size, f)) {
        line[strcspn(line, "\n")] = '\0';
        if (under_name && line[0] != '\0')
            break;
        under_name = strcmp(line, "NAME") == 0;
    }
    fclose(f);
    if (!under_name || line[0] == '\0')
        return 0;
    size_t indent = strspn(line, " \t");
    memmove(line, line + indent, strlen(line + indent) + 1);
    return 1;
}

/* Is word in text, ignoring case?  (apropos matches "Pipe" for pipe) */
static int contains_word(const char *text, const char *word)
{
    size_t len = strlen(word);

    for (; *text; text++) {
        size_t i = 0;
        while (i < len && tolower((unsigned char)text[i]) == tolower((unsigned char)word[i]))
            i++;
        if (i == len)
            return 1;
    }
    return 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names of all pages, sorted; returns how many. */
static int list_pages(char *names[], int max)
{
    DIR *d = opendir(MAN_DIR);
    struct dirent *e;
    int n = 0;

    if (!d) {
        fprintf(stderr, "man: %s: %s\n", MAN_DIR, strerror(errno));
        return 0;
    }
    while ((e = readdir(d)) && n < max)
        if (e->d_name[0] != '.')
            names[n++] = strdup(e->d_name);
    closedir(d);
    qsort(names, n, sizeof(names[0]), by_name);
    return n;
}

static int search(char *words[], int count)
{
    char *names[MAX_PAGES];
    char line[256];
    int n = list_pages(names, MAX_PAGES);
    int found = 0;

    for (int i = 0; i < n; i++) {
        if (!name_line(names[i], line, sizeof(line)))
            continue;
        for (int w = 0; w < count; w++) {
            if (contains_word(line, words[w])) {
                printf("%s\n", line);
                found++;
                break;
            }
        }
    }
    for (int w = 0; w < count && !found; w++)
        fprintf(stderr, "%s: nothing appropriate.\n", words[w]);
    return found ? 0 : 1;
}

int main(int argc, char *argv[])
{
    if (argc < 2) {
        fprintf(stderr, "What manual page do you want?\nFor example, try 'man man'.\n");
        return 1;
    }
    if (strcmp(argv[1], "-k") == 0) {
        if (argc < 3)
            usage();
        return search(argv + 2, argc - 2);
    }
    if (argv[1][0] == '-')
        usage();

    int status = 0;
    for (int i = 1; i < argc; i++)
        status |= show_page(argv[i]);
    return status;
}
