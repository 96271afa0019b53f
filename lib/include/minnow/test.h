/* The helper of Minnow's in-OS test programs (lib/test.c).
 *
 *   check(n == 3, "count", "got %d", n);
 *
 * prints "ok count", or "FAIL count: got 2", as one line on stdout, and
 * counts the failures; main ends with  return test_exit_code();
 *
 * Below that, what several tests need and each used to write again:
 * children that run a function, signal handlers and time limits on calls
 * that block, programs run with their output captured, files and pipes
 * read to their end, and the CPU time the kernel charged to a process. */
#ifndef _MINNOW_TEST_H
#define _MINNOW_TEST_H

#include <stddef.h>
#include <sys/types.h>
#include <netinet/in.h>

void check(int cond, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int test_exit_code(void);      /* 0 if every check passed, else 1 */
int test_failures(void);       /* how many checks failed so far */
long free_pages(void);         /* free memory, in 4096-byte pages (sysinfo) */

/* ---------------------------------------------------------------- children */

/* waitpid(pid, &status, 0), again when a signal interrupts it (EINTR).
 * Returns the wait status, or -1 (errno set) if there is no such child. */
int wait_status(pid_t pid);

/* Runs fn in a forked child, which ends with _exit(0) when fn returns (a
 * test checks how fn ends: a signal, or an _exit of its own), and waits
 * for it.  stdout is flushed before the fork, so nothing buffered prints
 * twice; the child's stdio is not flushed (check() writes at once).
 * Returns the child's pid (-1: fork failed); its wait status goes to
 * *status unless status is NULL. */
pid_t run_in_child(void (*fn)(void), int *status);

/* run_in_child's wait status alone: how fn's child ended (-1 if it could
 * not fork or wait).  For example, a child killed by SIGSEGV:
 *   int s = child_status(write_null);
 *   check(WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV, ...); */
int child_status(void (*fn)(void));

/* A group of checks in a child: runs fn as run_in_child() does, then
 * checks that the child ended normally (NAME_group_ended; its failures
 * printed their own lines) and that every page came back (NAME_no_leak:
 * free pages after equal free pages before). */
void check_group(void (*fn)(void), const char *name);

/* ---------------------------------------------------------------- signals */

/* sigaction(sig) with handler (or SIG_DFL, SIG_IGN), sa_flags = flags
 * (SA_RESTART, SA_NOCLDSTOP... or 0) and an empty mask.  Returns what
 * sigaction returned. */
int install_handler(int sig, void (*handler)(int), int flags);

/* A time limit for a call that may block for good:
 *   alarm_interrupt(1);
 *   int r = accept(l, NULL, NULL);      (-1 and EINTR after a second)
 *   alarm_restore();
 * alarm_interrupt(s) sets SIGALRM to a handler that does nothing, without
 * SA_RESTART, and alarm(s): the blocked call fails with EINTR instead of
 * the test being killed.  alarm_restore() puts back the alarm that was set
 * before (the test runner's timeout), less the s seconds, and then the old
 * SIGALRM action; it keeps errno.  One at a time, not nested. */
void alarm_interrupt(unsigned seconds);
void alarm_restore(void);

/* ---------------------------------------------------------------- programs */

/* Starts argv[0] (looked up in PATH, like the shell: execvp) in a child.
 * Its stdin, stdout and stderr become the fds in, out and err (-1: keeps
 * ours); every other fd is closed in it, so that a pipe's end it does not
 * use cannot hold off end of file.  It gets SIGPIPE's default action (a
 * test may ignore SIGPIPE; programs must not), and alarm(timeout) unless
 * timeout is 0: a program that hangs is killed.  If exec fails, it says so
 * on its stderr and exits with 126.  Returns its pid, or -1. */
pid_t spawn(char *const argv[], int in, int out, int err, unsigned timeout);

/* spawn() with pipes: its stdin is `input` (NULL: nothing, end of file at
 * once), its stdout the pipe whose read end goes to *out, its stderr
 * another pipe whose read end goes to *err (err NULL: our stderr).  The
 * caller reads them and closes them.  Returns the pid, or -1. */
pid_t start_captured(char *const argv[], const char *input, int *out, int *err,
                     unsigned timeout);

/* Runs argv to its end, as start_captured() with a timeout of
 * RUN_TIMEOUT seconds: stdin is `input`; what it writes on stdout is put
 * in out (a string of at most out_size - 1 bytes, the rest dropped), on
 * stderr in err (err NULL: stderr is ours).  stdout is read to its end
 * before stderr: a program that writes more than a pipe holds (4096 bytes)
 * on stderr while its stdout is open waits until it is killed.  Returns
 * the wait status (for WIFEXITED...), or -1 if it could not start. */
#define RUN_TIMEOUT 5
int run_captured(char *const argv[], const char *input, char *out, size_t out_size,
                 char *err, size_t err_size);

/* ---------------------------------------------------------------- reading */

/* Reads fd to its end (end of file, or an error) into buf, as a string:
 * the first size - 1 bytes are kept, the rest read and dropped.  Returns
 * the length kept.  Does not close fd. */
size_t read_to_end(int fd, char *buf, size_t size);

/* Reads fd into buf, after the *len bytes already there (buf stays a
 * string of at most size - 1 bytes; *len follows), until want occurs
 * `times` times in buf -- or, for want NULL, until end of file.  For a
 * program that answers as it goes (a server, a program waiting for
 * signals): gives up after READ_UNTIL_SECONDS without anything to read.
 * Returns 1 if want came (want NULL: end of file came), else 0. */
#define READ_UNTIL_SECONDS 3
int read_until(int fd, char *buf, size_t size, size_t *len, const char *want, int times);

/* The file at path into buf, as read_to_end() puts it.  Returns the
 * length, or -1 (buf "") if the file cannot be opened. */
long read_file(const char *path, char *buf, size_t size);

/* path made (or emptied) and filled with text; with size bytes of fill. */
void write_file(const char *path, const char *text);
void fill_file(const char *path, char fill, size_t size);

/* ---------------------------------------------------------------- sockets */

/* The AF_INET address ip ("127.0.0.1"), port. */
struct sockaddr_in inet_address(const char *ip, int port);

/* A TCP listener on 127.0.0.1:port (SO_REUSEADDR, so that a test may run
 * again at once), or -1 with errno set. */
int tcp_listener(int port, int backlog);

/* A TCP socket (type flags: SOCK_NONBLOCK...) connecting to
 * 127.0.0.1:port; a nonblocking connect in progress counts as made.
 * The fd, or -1 with errno set. */
int tcp_connect(int port, int flags);

/* A connected TCP pair over lo through port: *client and *server.
 * 0, or -1 with errno set (nothing left open). */
int tcp_pair(int port, int *client, int *server);

/* ---------------------------------------------------------------- the CPU */

/* The CPU time the kernel charged to process pid so far, in timer ticks
 * (getprocs, as ps shows it); 0 if there is no such process. */
unsigned long cpu_ticks(pid_t pid);

#endif
