/* /proc: the kernel's tables as files, in Linux's formats (docs/proc.md).
 * Each check reads what a process did (stopped, blocked a signal, exec'd
 * with arguments) back out of /proc. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <minnow/test.h>

static char text[8192];

/* The whole file, read in pieces of `piece` bytes; its length, or -errno. */
static int slurp(const char *path, int piece)
{
    int fd = open(path, O_RDONLY), n = 0, got;
    if (fd < 0)
        return -errno;
    while (n < (int)sizeof(text) - 1 && (got = read(fd, text + n, piece)) > 0)
        n += got;
    int err = got < 0 ? -errno : 0;
    close(fd);
    text[n] = '\0';
    return err ? err : n;
}

static int has_pid_dir(pid_t pid)
{
    char name[16];
    snprintf(name, sizeof(name), "%d", pid);
    DIR *d = opendir("/proc");
    struct dirent *e;
    int found = 0;
    while (d && (e = readdir(d)))
        found |= strcmp(e->d_name, name) == 0;
    if (d)
        closedir(d);
    return found;
}

/* A line "Name:\tvalue" of a status file, or "". */
static const char *field(const char *name)
{
    static char value[128];
    size_t len = strlen(name);
    for (const char *p = text; *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : p + strlen(p))
        if (strncmp(p, name, len) == 0 && p[len] == ':') {
            const char *v = p + len + 1;
            while (*v == '\t' || *v == ' ')
                v++;
            size_t n = strcspn(v, "\n");
            snprintf(value, sizeof(value), "%.*s", (int)n, v);
            return value;
        }
    return "";
}

static void listing(void)
{
    check(has_pid_dir(getpid()) && has_pid_dir(1), "proc_lists_processes", "no /proc/%d or /proc/1", getpid());
    pid_t pid = fork();
    if (pid == 0)
        _exit(0);
    waitpid(pid, NULL, 0);
    check(!has_pid_dir(pid), "proc_reaped_process_gone", "/proc/%d still there", pid);
}

/* A child that blocks SIGUSR1, gets SIGUSR1 (pending), ignores SIGUSR2,
 * catches SIGHUP, and is then stopped. */
static void on_hup(int sig) { (void)sig; }

static void status_of_stopped_child(void)
{
    int p[2];
    pipe(p);
    pid_t pid = fork();
    if (pid == 0) {
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, SIGUSR1);
        sigprocmask(SIG_BLOCK, &set, NULL);
        signal(SIGUSR2, SIG_IGN);
        signal(SIGHUP, on_hup);
        kill(getpid(), SIGUSR1);
        write(p[1], "r", 1);
        for (;;)
            pause();
    }
    char c;
    read(p[0], &c, 1);
    kill(pid, SIGSTOP);
    usleep(20000);
    char path[64];
    snprintf(path, sizeof(path), "/proc/%d/status", pid);
    int n = slurp(path, 4096);
    char want[32];
    snprintf(want, sizeof(want), "%d", pid);
    check(n > 0 && strcmp(field("Pid"), want) == 0 && strcmp(field("Name"), "test_proc") == 0,
          "proc_status_names_it", "n %d Pid '%s' Name '%s'", n, field("Pid"), field("Name"));
    snprintf(want, sizeof(want), "%d", getpid());
    check(strcmp(field("PPid"), want) == 0, "proc_status_ppid", "PPid '%s'", field("PPid"));
    check(strcmp(field("State"), "T (stopped)") == 0, "proc_status_stopped", "State '%s'", field("State"));
    /* bit n-1 for signal n: SIGUSR1 10 -> 0x200, SIGUSR2 12 -> 0x800, SIGHUP 1 -> 0x1 */
    check(strcmp(field("SigBlk"), "0000000000000200") == 0 &&
          strcmp(field("SigPnd"), "0000000000000200") == 0, "proc_status_blocked_and_pending",
          "SigBlk '%s' SigPnd '%s'", field("SigBlk"), field("SigPnd"));
    check(strcmp(field("SigIgn"), "0000000000000800") == 0 &&
          strcmp(field("SigCgt"), "0000000000000001") == 0, "proc_status_ignored_and_caught",
          "SigIgn '%s' SigCgt '%s'", field("SigIgn"), field("SigCgt"));

    snprintf(path, sizeof(path), "/proc/%d/stat", pid);
    slurp(path, 4096);
    int spid = 0, sppid = 0;
    char comm[32] = "", state = '?';
    sscanf(text, "%d (%31[^)]) %c %d", &spid, comm, &state, &sppid);
    check(spid == pid && strcmp(comm, "test_proc") == 0 && state == 'T' && sppid == getpid(),
          "proc_stat_fields", "\"%.60s\"", text);
    int fields = 0;
    for (char *t = strtok(text, " \n"); t; t = strtok(NULL, " \n"))
        fields++;
    check(fields == 52, "proc_stat_52_fields", "%d fields", fields);

    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    close(p[0]);
    close(p[1]);
}

static void cmdline_and_maps(void)
{
    int p[2];
    pipe(p);
    pid_t pid = fork();
    if (pid == 0) {
        close(p[1]);
        dup2(p[0], 0);
        char *argv[] = { "test_proc", "wait", "two words", NULL };
        execv("/usr/libexec/minnow/test_proc", argv);
        _exit(127);
    }
    close(p[0]);
    usleep(50000);                       /* exec is done: it waits on stdin */
    char path[64];
    snprintf(path, sizeof(path), "/proc/%d/cmdline", pid);
    int n = slurp(path, 4096);
    static const char want[] = "test_proc\0wait\0two words";
    check(n == sizeof(want) && memcmp(text, want, sizeof(want)) == 0, "proc_cmdline_is_argv",
          "%d bytes: \"%s\"", n, text);
    snprintf(path, sizeof(path), "/proc/%d/maps", pid);
    slurp(path, 4096);
    check(strstr(text, "08048000-") && strstr(text, "r-xp") && strstr(text, "[stack]"),
          "proc_maps_text_and_stack", "\"%.200s\"", text);
    close(p[1]);                         /* end of file: it exits */
    waitpid(pid, NULL, 0);
}

static void snapshot_in_small_reads(void)
{
    char whole[8192];
    int a = slurp("/proc/1/status", 4096);
    memcpy(whole, text, sizeof(whole));
    int b = slurp("/proc/1/status", 1);
    check(a > 0 && a == b && strcmp(whole, text) == 0, "proc_small_reads_same_text", "%d vs %d bytes", a, b);
}

static void system_files(void)
{
    struct sysinfo si;
    sysinfo(&si);
    slurp("/proc/meminfo", 4096);
    unsigned long total = strtoul(field("MemTotal"), NULL, 10);
    unsigned long free_kb = strtoul(field("MemFree"), NULL, 10);
    check(total == si.totalram * 4 && free_kb <= total && free_kb + 400 >= si.freeram * 4 &&
          strstr(field("MemTotal"), " kB"), "proc_meminfo", "MemTotal %lu MemFree %lu, sysinfo %lu/%lu pages",
          total, free_kb, (unsigned long)si.totalram, (unsigned long)si.freeram);
    /* "12.34 10.01": seconds up, seconds idle, in hundredths */
    unsigned long s1 = 0, c1 = 0, s2 = 0, c2 = 0, is = 0, ic = 0;
    slurp("/proc/uptime", 4096);
    int got = sscanf(text, "%lu.%lu %lu.%lu", &s1, &c1, &is, &ic);
    usleep(50000);
    slurp("/proc/uptime", 4096);
    sscanf(text, "%lu.%lu", &s2, &c2);
    unsigned long up1 = s1 * 100 + c1, up2 = s2 * 100 + c2, idle = is * 100 + ic;
    check(got == 4 && up1 > 0 && up2 > up1 && idle <= up1, "proc_uptime",
          "%lu then %lu hundredths, idle %lu", up1, up2, idle);
    unsigned long a[6];
    int running = 0, all = 0, last = 0;
    slurp("/proc/loadavg", 4096);
    got = sscanf(text, "%lu.%lu %lu.%lu %lu.%lu %d/%d %d", &a[0], &a[1], &a[2], &a[3], &a[4], &a[5],
                 &running, &all, &last);
    check(got == 9 && a[1] < 100 && running >= 1 && all >= running && last >= getpid(), "proc_loadavg",
          "\"%s\"", text);
    slurp("/proc/mounts", 4096);
    check(strstr(text, " /proc proc ") != NULL, "proc_mounts", "\"%s\"", text);
    slurp("/proc/cpuinfo", 4096);
    check(strstr(text, "vendor_id") && strstr(text, " fpu"), "proc_cpuinfo", "\"%.100s\"", text);
    slurp("/proc/stat", 4096);
    check(strncmp(text, "cpu  ", 5) == 0 && strstr(text, "\nbtime "), "proc_stat", "\"%.100s\"", text);
    /* intr: the total, then line by line; the timer's line 0 keeps counting */
    unsigned long intr1 = 0, intr2 = 0, timer1 = 0, sum = 0, n;
    char *p = strstr(text, "\nintr ");
    int used = 0, lines = 0;
    if (p && sscanf(p, "\nintr %lu%n", &intr1, &used) == 1)
        for (p += used; sscanf(p, " %lu%n", &n, &used) == 1; p += used, lines++) {
            sum += n;
            if (lines == 0)
                timer1 = n;
        }
    usleep(30000);
    slurp("/proc/stat", 4096);
    p = strstr(text, "\nintr ");
    if (p)
        sscanf(p, "\nintr %lu", &intr2);
    check(lines == 16 && sum == intr1 && timer1 > 0 && intr2 > intr1, "proc_stat_intr",
          "%d lines, total %lu, sum %lu, then %lu", lines, intr1, sum, intr2);
    /* make test boots with test=NAME; the line ends as Linux's does */
    got = slurp("/proc/cmdline", 7);
    check(got > 0 && strstr(text, "test=") && text[got - 1] == '\n' && !strchr(text, '\n')[1],
          "proc_cmdline_file", "\"%s\"", text);
}

static void read_only(void)
{
    check(open("/proc/meminfo", O_WRONLY) < 0 && errno == EACCES, "proc_files_read_only", "errno %d", errno);
    check(open("/proc/new", O_CREAT | O_WRONLY, 0644) < 0 && errno == EACCES, "proc_no_new_files",
          "errno %d", errno);
    check(mkdir("/proc/1/x", 0755) < 0, "proc_no_mkdir", "mkdir worked");
}

/* The links: self names the reader, fd/N each open file, exe the program. */
static void links(void)
{
    char target[256], want[64];
    int n = readlink("/proc/self", target, sizeof(target) - 1);
    target[n > 0 ? n : 0] = '\0';
    snprintf(want, sizeof(want), "%d", getpid());
    check(n > 0 && strcmp(target, want) == 0, "proc_self_is_the_reader", "\"%s\", pid %s", target, want);
    int p[2];
    pipe(p);
    int fd = open("/etc/motd", O_RDONLY);
    snprintf(want, sizeof(want), "/proc/self/fd/%d", fd);
    n = readlink(want, target, sizeof(target) - 1);
    target[n > 0 ? n : 0] = '\0';
    check(n > 0 && strcmp(target, "/etc/motd") == 0, "proc_fd_names_the_file", "\"%s\"", target);
    snprintf(want, sizeof(want), "/proc/self/fd/%d", p[0]);
    n = readlink(want, target, sizeof(target) - 1);
    target[n > 0 ? n : 0] = '\0';
    check(n > 0 && strncmp(target, "pipe:[", 6) == 0, "proc_fd_pipe", "\"%s\"", target);
    snprintf(want, sizeof(want), "/proc/self/fd/%d", fd);
    close(fd);
    check(readlink(want, target, sizeof(target)) < 0 && errno == ENOENT, "proc_fd_closed_is_gone",
          "readlink worked, errno %d", errno);
    close(p[0]);
    close(p[1]);
    n = readlink("/proc/self/exe", target, sizeof(target) - 1);
    target[n > 0 ? n : 0] = '\0';
    check(n > 0 && strcmp(target, "/usr/libexec/minnow/test_proc") == 0, "proc_exe", "\"%s\"", target);
    /* following self: the same status as by the pid */
    int a = slurp("/proc/self/status", 4096);
    char pid_line[32];
    snprintf(pid_line, sizeof(pid_line), "%d", getpid());
    check(a > 0 && strcmp(field("Pid"), pid_line) == 0, "proc_self_status", "Pid '%s'", field("Pid"));
}

static void gone_while_open(void)
{
    pid_t pid = fork();
    if (pid == 0) {
        pause();
        _exit(0);
    }
    char path[64];
    snprintf(path, sizeof(path), "/proc/%d/status", pid);
    int fd = open(path, O_RDONLY);
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    char buf[64];
    int n = read(fd, buf, sizeof(buf));
    check(fd >= 0 && n == -1 && errno == ESRCH, "proc_read_after_exit_esrch", "fd %d n %d errno %d", fd, n, errno);
    close(fd);
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "wait") == 0) {
        char c;
        while (read(0, &c, 1) > 0)
            ;
        return 0;
    }
    check_group(listing, "proc_listing");
    check_group(status_of_stopped_child, "proc_status");
    check_group(cmdline_and_maps, "proc_cmdline");
    check_group(snapshot_in_small_reads, "proc_snapshot");
    check_group(system_files, "proc_system");
    check_group(read_only, "proc_read_only");
    check_group(gone_while_open, "proc_gone");
    check_group(links, "proc_links");
    return test_exit_code();
}
