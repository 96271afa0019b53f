/* The POSIX system interface: file descriptors, processes, the file system.
 *
 * Every system call the C library wraps directly is declared in the
 * generated <minnow/syscalls.h> (made from kernel/syscall.list), so a new
 * system call added to that list can be called from any program that
 * includes <unistd.h>.  The functions below are the ones the C library
 * writes by hand because they do more than one trap. */
#ifndef _UNISTD_H
#define _UNISTD_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <minnow/syscalls.h>

#define STDIN_FILENO  0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

/* access() modes */
#define F_OK 0
#define X_OK 1
#define W_OK 2
#define R_OK 4

/* lseek() origins (the same values as in <stdio.h> and <fcntl.h>) */
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

/* The environment: "NAME=value" strings, NULL-terminated (lib/env.c). */
extern char **environ;

/* Processes */
_Noreturn void _exit(int status);
int execv(const char *path, char *const argv[]);
int execvp(const char *file, char *const argv[]);
int execl(const char *path, const char *arg0, ...);
int execlp(const char *file, const char *arg0, ...);
int execle(const char *path, const char *arg0, ...);
unsigned int sleep(unsigned int seconds);
int usleep(useconds_t usec);

/* Memory: move the end of the data segment (malloc's source of memory) */
int brk(void *addr);
void *sbrk(intptr_t increment);

/* Files and terminals */
char *getcwd(char *buf, size_t size);
ssize_t pread(int fd, void *buf, size_t count, off_t offset);
ssize_t pwrite(int fd, const void *buf, size_t count, off_t offset);
/* flags: AT_EACCESS, AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH */
int faccessat(int dirfd, const char *path, int mode, int flags);
/* Minnow has one user, root: the owner and group can be 0 or -1 (unchanged) */
int chown(const char *path, uid_t owner, gid_t group);
int fchown(int fd, uid_t owner, gid_t group);
int lchown(const char *path, uid_t owner, gid_t group);
int isatty(int fd);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);

/* Command-line options (lib/getopt.c) */
int getopt(int argc, char *const argv[], const char *optstring);
extern char *optarg;
extern int optind, opterr, optopt;

/* Any system call by its number (see <sys/syscall.h>) */
long syscall(long nr, ...);

#endif
