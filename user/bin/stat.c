/* stat: show what the inode of a file records.
 *
 *   stat FILE...
 *
 * Everything the stat() system call returns: type, size, inode number,
 * link count (how many names the file has), permissions, owner and the
 * times of the last change.  The name is not in the inode -- it is in
 * the directory that leads to it.  As GNU stat, it describes a symbolic
 * link itself (lstat), and shows where it leads: "File: name -> target". */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <limits.h>
#include <sys/stat.h>

static const char *type_name(unsigned mode)
{
    switch (mode & S_IFMT) {
    case S_IFREG:  return "regular file";
    case S_IFDIR:  return "directory";
    case S_IFCHR:  return "character device";
    case S_IFBLK:  return "block device";
    case S_IFIFO:  return "fifo";
    case S_IFSOCK: return "socket";
    case S_IFLNK:  return "symbolic link";
    default:       return "unknown";
    }
}

static void permissions(unsigned mode, char out[11])
{
    const char *rwx = "rwxrwxrwx";

    out[0] = S_ISDIR(mode) ? 'd' : S_ISCHR(mode) ? 'c' : S_ISBLK(mode) ? 'b'
           : S_ISFIFO(mode) ? 'p' : S_ISSOCK(mode) ? 's' : S_ISLNK(mode) ? 'l' : '-';
    for (int i = 0; i < 9; i++)
        out[1 + i] = (mode & (0400 >> i)) ? rwx[i] : '-';
    out[10] = '\0';
}

static void show_time(const char *label, unsigned long when)
{
    time_t t = when;
    char text[32];

    strftime(text, sizeof(text), "%Y-%m-%d %H:%M:%S", gmtime(&t));
    printf("%s: %s\n", label, text);
}

int main(int argc, char *argv[])
{
    int status = 0;

    if (argc < 2) {
        fprintf(stderr, "usage: stat FILE...\n");
        return 1;
    }
    for (int i = 1; i < argc; i++) {
        struct stat st;
        char perms[11];

        if (lstat(argv[i], &st) < 0) {
            fprintf(stderr, "stat: %s: %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        permissions(st.st_mode, perms);
        char target[PATH_MAX];
        ssize_t n = S_ISLNK(st.st_mode) ? readlink(argv[i], target, sizeof(target) - 1) : -1;
        target[n < 0 ? 0 : n] = '\0';
        printf("  File: %s%s%s\n", argv[i], n < 0 ? "" : " -> ", target);
        printf("  Size: %-10lu Type: %s\n", st.st_size, type_name(st.st_mode));
        printf(" Inode: %-10lu Links: %u\n", st.st_ino, st.st_nlink);
        printf("Access: (%04o/%s)  Uid: %u  Gid: %u\n", st.st_mode & 07777, perms,
               st.st_uid, st.st_gid);
        show_time("Access", st.st_atime);
        show_time("Modify", st.st_mtime);
        show_time("Change", st.st_ctime);
    }
    return status;
}
