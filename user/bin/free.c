/* free: how much memory is in use.
 *
 *   free
 *
 * The kernel's page allocator hands out memory in 4 KiB pages; sysinfo()
 * tells how many there are and how many are still free.  Start a few
 * programs in the background and run free again to watch them take
 * pages; end them and the pages come back.
 *
 * shared counts the pages that more than one holder uses at once: after
 * fork, parent and child share every page until one of them writes to it
 * (copy-on-write), and a program's text pages are the RAM file system's
 * own pages, held by the file and by every process that runs it.  A
 * shared page is counted once in used. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/sysinfo.h>

int main(void)
{
    struct sysinfo info;

    if (sysinfo(&info) < 0) {
        fprintf(stderr, "free: %s\n", strerror(errno));
        return 1;
    }
    unsigned long unit_kib = info.mem_unit / 1024;   /* a page is 4 KiB */
    unsigned long total = info.totalram, freeram = info.freeram, shared = info.sharedram;

    printf("%-8s %10s %10s %10s %10s\n", "", "total", "used", "free", "shared");
    printf("%-8s %10lu %10lu %10lu %10lu\n", "KiB:", total * unit_kib,
           (total - freeram) * unit_kib, freeram * unit_kib, shared * unit_kib);
    printf("%-8s %10lu %10lu %10lu %10lu\n", "pages:", total, total - freeram, freeram,
           shared);
    printf("%u processes, up %ld seconds\n", info.procs, info.uptime);
    return 0;
}
