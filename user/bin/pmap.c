/* pmap: the memory map of a process, one line an area.
 *
 *   pmap         this very process (pmap itself)
 *   pmap PID     process PID
 *
 * A process's address space is not one block of memory but a list of
 * areas (the kernel's vm_area_struct), each a range of pages with the
 * same rights and the same source:
 *   text    the program's code, read and execute (r-x), from its file
 *   data    its initialised globals, read-write (rw-), also from the file
 *   bss     the globals that start at zero: rw-, anonymous (no file)
 *   heap    what brk/sbrk (small mallocs) add: rw-, "[heap]"
 *   stack   rw-, "[stack]"; it grows down when touched below its end
 *   mmap    whatever mmap made: large mallocs, shared memory, mapped files
 * Every page fault looks up the area of the address first: no area is a
 * SIGSEGV, an area that forbids the access too, anything else brings the
 * page in.  docs/vm.md tells the whole story.
 *
 * The lines have the format of Linux's /proc/PID/maps:
 *   08048000-0804c000 r-xp 00000000 00:01 107        /bin/cat
 *   start-end, rights (r w x, then p private or s shared), offset in the
 *   file, device (00:01 the RAM file system, 00:00 none), inode, name.
 * The last line adds up the sizes: all of it, and what is resident (the
 * pages present in memory now; the rest comes in on first touch). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>

/* Linux's maps puts the name in this column (32-bit addresses). */
#define NAME_COLUMN 48
#define PAGE_KIB 4                          /* a page is 4 KiB */

/* The areas of pid (0: this process), in a malloc'ed array; *count gets
 * how many.  getvmas returns how many areas there are even when they do
 * not all fit, so: ask, make room, and ask again until they fit (the
 * process may map more in between). */
static struct vma_info *get_areas(pid_t pid, int *count)
{
    struct vma_info *areas = NULL;
    int room = 0;

    for (;;) {
        int n = getvmas(pid, areas, room);
        if (n < 0 || n <= room) {
            *count = n;
            return areas;
        }
        room = n + 4;
        free(areas);
        areas = malloc(room * sizeof(*areas));
        if (!areas) {
            *count = -1;
            return NULL;
        }
    }
}

/* The path to show for an area of a file.  getvmas names only the
 * program's own file, by its name; the program is usually in /bin, so
 * that path is shown if the inode there is the same one. */
static void file_name(const struct vma_info *a, char *buf, size_t size)
{
    static const char *const dirs[] = { "/bin/", "/usr/libexec/minnow/" };
    struct stat st;

    snprintf(buf, size, "%s", a->name);
    if (a->ino == 0 || a->name[0] == '\0' || a->name[0] == '[')
        return;
    for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
        snprintf(buf, size, "%s%s", dirs[i], a->name);
        if (stat(buf, &st) == 0 && st.st_ino == a->ino)
            return;
    }
    snprintf(buf, size, "%s", a->name);
}

static void print_area(const struct vma_info *a)
{
    char line[80], name[64];

    snprintf(line, sizeof(line), "%08lx-%08lx %c%c%c%c %08lx %s %lu ", a->start, a->end,
             a->flags & VMI_READ ? 'r' : '-', a->flags & VMI_WRITE ? 'w' : '-',
             a->flags & VMI_EXEC ? 'x' : '-', a->flags & VMI_SHARED ? 's' : 'p',
             a->offset, a->ino ? "00:01" : "00:00", a->ino);
    file_name(a, name, sizeof(name));
    if (name[0])
        printf("%-*s %s\n", NAME_COLUMN, line, name);
    else
        printf("%s\n", line);                  /* as Linux: no padding, no name */
}

int main(int argc, char *argv[])
{
    pid_t pid = 0;

    if (argc > 2) {
        fprintf(stderr, "usage: pmap [PID]\n");
        return 1;
    }
    if (argc == 2) {
        char *end;
        long n = strtol(argv[1], &end, 10);
        if (*argv[1] == '\0' || *end != '\0' || n <= 0 || n > 0x7fffffff) {
            fprintf(stderr, "pmap: %s: not a process id\n", argv[1]);
            return 1;
        }
        pid = (pid_t)n;
    }

    int n;
    struct vma_info *areas = get_areas(pid, &n);
    if (n < 0) {
        fprintf(stderr, "pmap: %s: %s\n", argc == 2 ? argv[1] : "self", strerror(errno));
        return 1;
    }
    unsigned long total = 0, resident = 0;
    for (int i = 0; i < n; i++) {
        print_area(&areas[i]);
        total += areas[i].end - areas[i].start;
        resident += areas[i].resident;
    }
    printf(" total %8luK  resident %8luK\n", total / 1024, resident * PAGE_KIB);
    free(areas);
    return 0;
}
