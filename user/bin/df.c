/* df: how full each mounted file system is.
 *
 *   df [-h] [FILE...]     every mount (from /proc/mounts), or those holding FILEs
 *
 * For each one it asks the kernel (statfs64) for the size and the free
 * space, and prints them in 1K blocks -- or, with -h, in K, M and G --
 * like GNU df. */
#include <stdio.h>
#include <string.h>
#include <sys/statfs.h>

static int human;

/* 1K blocks, or -h's "12K", "3.4M", "1.2G". */
static void print_size(unsigned long long bytes)
{
    static const char units[] = "KMGT";
    double v = bytes / 1024.0;
    int u = 0;

    if (!human) {
        printf(" %9llu", (bytes + 1023) / 1024);
        return;
    }
    while (v >= 1024 && u < 3) {
        v /= 1024;
        u++;
    }
    if (v < 10 && u > 0)
        printf(" %4.1f%c", v, units[u]);
    else
        printf(" %4.0f%c", v, units[u]);
}

static int show(const char *source, const char *target)
{
    struct statfs64 st;

    if (statfs64(target, &st) < 0) {
        perror(target);
        return 1;
    }
    unsigned long long size = st.f_blocks * st.f_bsize;
    unsigned long long used = (st.f_blocks - st.f_bfree) * st.f_bsize;
    unsigned long long avail = st.f_bavail * st.f_bsize;
    int percent = used + avail ? (int)((used * 100 + used + avail - 1) / (used + avail)) : 0;

    printf("%-14s", source);
    print_size(size);
    print_size(used);
    print_size(avail);
    if (st.f_blocks)
        printf(" %3d%%", percent);
    else
        printf("    -");
    printf(" %s\n", target);
    return 0;
}

int main(int argc, char *argv[])
{
    char source[256], target[256];
    int i = 1, status = 0;

    if (i < argc && strcmp(argv[i], "-h") == 0) {
        human = 1;
        i++;
    }
    printf("Filesystem     %s      Used Available Use%% Mounted on\n", human ? " Size" : "1K-blocks");
    if (i < argc) {
        for (; i < argc; i++)
            status |= show(argv[i], argv[i]);
        return status;
    }
    FILE *f = fopen("/proc/mounts", "r");
    if (!f) {
        perror("df: /proc/mounts");
        return 1;
    }
    while (fscanf(f, "%255s %255s %*s %*s %*d %*d", source, target) == 2)
        status |= show(source, target);
    fclose(f);
    return status;
}
