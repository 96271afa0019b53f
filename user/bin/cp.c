/* cp: copy files.
 *
 *   cp [-r] FROM TO         copy the file FROM to the file TO
 *   cp [-r] FILE... DIR     copy the files into the directory DIR
 *     -r   copy directories too, with everything in them
 *
 * Unlike mv and ln, cp makes a new inode and copies the bytes: read a
 * block from one file descriptor, write it to the other, until read()
 * returns 0 (end of file). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

static int recursive;
static int status;

static void complain(const char *path)
{
    fprintf(stderr, "cp: %s: %s\n", path, strerror(errno));
    status = 1;
}

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Writes all n bytes; write() may take fewer than asked. */
static int write_all(int fd, const char *buf, ssize_t n)
{
    while (n > 0) {
        ssize_t done = write(fd, buf, n);
        if (done < 0)
            return -1;
        buf += done;
        n -= done;
    }
    return 0;
}

static void copy_file(const char *from, const char *to, mode_t mode)
{
    int in = open(from, O_RDONLY);
    if (in < 0) {
        complain(from);
        return;
    }
    int out = open(to, O_WRONLY | O_CREAT | O_TRUNC, mode & 0777);
    if (out < 0) {
        complain(to);
        close(in);
        return;
    }

    char buf[4096];
    ssize_t n;
    while ((n = read(in, buf, sizeof(buf))) > 0) {
        if (write_all(out, buf, n) < 0) {
            complain(to);
            break;
        }
    }
    if (n < 0)
        complain(from);
    close(in);
    close(out);
}

static void copy(const char *from, const char *to);

/* cp -r: make the directory, then copy each entry into it. */
static void copy_dir(const char *from, const char *to, mode_t mode)
{
    if (mkdir(to, mode & 0777) < 0 && !(errno == EEXIST && is_dir(to))) {
        complain(to);
        return;
    }
    DIR *d = opendir(from);
    if (!d) {
        complain(from);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char src[PATH_MAX], dst[PATH_MAX];
        snprintf(src, sizeof(src), "%s/%s", from, e->d_name);
        snprintf(dst, sizeof(dst), "%s/%s", to, e->d_name);
        copy(src, dst);
    }
    closedir(d);
}

static void copy(const char *from, const char *to)
{
    struct stat st;

    if (stat(from, &st) < 0) {
        complain(from);
        return;
    }
    if (!S_ISDIR(st.st_mode)) {
        copy_file(from, to, st.st_mode);
    } else if (recursive) {
        copy_dir(from, to, st.st_mode);
    } else {
        fprintf(stderr, "cp: %s: is a directory (use -r)\n", from);
        status = 1;
    }
}

int main(int argc, char *argv[])
{
    int c;

    while ((c = getopt(argc, argv, "rR")) != -1) {
        if (c == 'r' || c == 'R') {
            recursive = 1;
        } else {
            fprintf(stderr, "usage: cp [-r] FROM TO  or  cp [-r] FILE... DIR\n");
            return 1;
        }
    }
    int n = argc - optind;
    if (n < 2) {
        fprintf(stderr, "usage: cp [-r] FROM TO  or  cp [-r] FILE... DIR\n");
        return 1;
    }
    const char *target = argv[argc - 1];
    int into_dir = is_dir(target);
    if (n > 2 && !into_dir) {
        fprintf(stderr, "cp: %s: %s\n", target, strerror(ENOTDIR));
        return 1;
    }
    for (int i = optind; i < argc - 1; i++) {
        char dest[PATH_MAX];
        if (into_dir) {
            const char *slash = strrchr(argv[i], '/');
            snprintf(dest, sizeof(dest), "%s/%s", target, slash ? slash + 1 : argv[i]);
        } else {
            strlcpy(dest, target, sizeof(dest));
        }
        copy(argv[i], dest);
    }
    return status;
}
