/* mount: put a file system into the tree of names.
 *
 *   mount                              what is mounted (from /proc/mounts)
 *   mount [-t TYPE] [-r] SOURCE DIR    e.g. mount /dev/hda /home,
 *                                      mount -t ramfs none /mnt
 *
 * After it, DIR shows the root of the file system: the files that were in
 * DIR are hidden until umount.  A /dev/ source is taken to be ext2 when
 * no TYPE is given; -r (or -o ro) mounts read-only. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>

/* The mount table, as util-linux's mount prints it. */
static int list_mounts(void)
{
    char source[256], target[256], type[64], options[128];
    FILE *f = fopen("/proc/mounts", "r");

    if (!f) {
        perror("mount: /proc/mounts");
        return 1;
    }
    while (fscanf(f, "%255s %255s %63s %127s %*d %*d", source, target, type, options) == 4)
        printf("%s on %s type %s (%s)\n", source, target, type, options);
    fclose(f);
    return 0;
}

static int usage(void)
{
    fprintf(stderr, "usage: mount [-t TYPE] [-r | -o ro] SOURCE DIR\n");
    return 1;
}

int main(int argc, char *argv[])
{
    const char *type = NULL;
    unsigned long flags = 0;
    int i = 1;

    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "-t") == 0 && i + 1 < argc)
            type = argv[++i];
        else if (strcmp(argv[i], "-r") == 0)
            flags |= MS_RDONLY;
        else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc && strcmp(argv[i + 1], "ro") == 0)
            flags |= MS_RDONLY, i++;
        else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc && strcmp(argv[i + 1], "rw") == 0)
            i++;
        else
            return usage();
    }
    if (i == argc)
        return list_mounts();
    if (argc - i != 2)
        return usage();
    if (!type)
        type = strncmp(argv[i], "/dev/", 5) == 0 ? "ext2" : NULL;
    if (!type) {
        fprintf(stderr, "mount: %s: say which file system it is (-t TYPE)\n", argv[i]);
        return 1;
    }
    if (mount(argv[i], argv[i + 1], type, flags, NULL) < 0) {
        fprintf(stderr, "mount: %s on %s: %s\n", argv[i], argv[i + 1],
                errno == ENODEV ? "unknown file system type" : strerror(errno));
        return 1;
    }
    return 0;
}
