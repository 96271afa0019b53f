/* mount: put a file system into the tree of names.
 *
 *   mount                              what is mounted (from /proc/mounts)
 *   mount [-t TYPE] [-r] SOURCE DIR    e.g. mount /dev/hda /home,
 *                                      mount -t ramfs none /mnt
 *   mount -o loop FILE DIR             a file system image in a file: FILE
 *                                      goes to a free /dev/loopN first
 *
 * After it, DIR shows the root of the file system: the files that were in
 * DIR are hidden until umount.  A /dev/ source is taken to be ext2 when
 * no TYPE is given; -r (or -o ro) mounts read-only. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <minnow/blkdev.h>

static char loop_name[16];

/* -o loop: the first loop device that takes the file (LOOP_SET_FD) is the
 * disk to mount.  Returns its name, or NULL. */
static const char *attach_loop(const char *file)
{
    int fd = open(file, O_RDWR);

    if (fd < 0) {
        fprintf(stderr, "mount: %s: %s\n", file, strerror(errno));
        return NULL;
    }
    for (int i = 0; i < 8; i++) {
        snprintf(loop_name, sizeof(loop_name), "/dev/loop%d", i);
        int dev = open(loop_name, O_RDWR);
        if (dev < 0)
            break;
        int err = ioctl(dev, LOOP_SET_FD, (void *)(long)fd);
        close(dev);
        if (err == 0) {
            close(fd);
            return loop_name;
        }
    }
    close(fd);
    fprintf(stderr, "mount: no free loop device for %s\n", file);
    return NULL;
}

static void detach_loop(const char *dev_name)
{
    int dev = open(dev_name, O_RDWR);
    if (dev >= 0) {
        ioctl(dev, LOOP_CLR_FD, 0);
        close(dev);
    }
}

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
    fprintf(stderr, "usage: mount [-t TYPE] [-r | -o ro | -o loop] SOURCE DIR\n");
    return 1;
}

int main(int argc, char *argv[])
{
    const char *type = NULL, *source;
    unsigned long flags = 0;
    int i = 1, loop = 0;

    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "-t") == 0 && i + 1 < argc)
            type = argv[++i];
        else if (strcmp(argv[i], "-r") == 0)
            flags |= MS_RDONLY;
        else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc && strcmp(argv[i + 1], "ro") == 0)
            flags |= MS_RDONLY, i++;
        else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc && strcmp(argv[i + 1], "rw") == 0)
            i++;
        else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc && strcmp(argv[i + 1], "loop") == 0)
            loop = 1, i++;
        else
            return usage();
    }
    if (i == argc)
        return list_mounts();
    if (argc - i != 2)
        return usage();
    source = loop ? attach_loop(argv[i]) : argv[i];
    if (!source)
        return 1;
    if (!type)
        type = strncmp(source, "/dev/", 5) == 0 ? "ext2" : NULL;
    if (!type) {
        fprintf(stderr, "mount: %s: say which file system it is (-t TYPE)\n", source);
        return 1;
    }
    if (mount(source, argv[i + 1], type, flags, NULL) < 0) {
        fprintf(stderr, "mount: %s on %s: %s\n", argv[i], argv[i + 1],
                errno == ENODEV ? "unknown file system type" : strerror(errno));
        if (loop)
            detach_loop(source);
        return 1;
    }
    return 0;
}
