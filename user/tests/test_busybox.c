/* Debian's busybox (static glibc, i386), unmodified, on Minnow: its shell
 * and its tools, each script's output compared with what the same busybox
 * printed on Linux (tools/busybox-cases.py made the table).  Then the
 * tools that read /proc or the clock, checked against what Minnow knows.
 * Without /bin/busybox in the image (tools/deps.sh could not fetch it),
 * every case says "skip". */
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

#define BUSYBOX "/bin/busybox"
#define ERRFILE "/tmp/test_busybox.err"
#define SECONDS 20                   /* a case that takes longer is stuck */

struct bb_case {
    const char *name;
    const char *script;              /* run as busybox sh -c SCRIPT, in / */
    const char *expect;              /* its standard output on Linux */
};

static const struct bb_case cases[] = {
    { "sh_if_for_while",
      "x=3; if [ $x -gt 2 ]; then echo big; else echo small; fi; for i in a b c; do printf \"%s,\" $i; done; echo; n=0; while [ $n -lt 3 ]; do n=$((n+1)); done; echo $n",
      "big\na,b,c,\n3\n" },
    { "sh_case_function",
      "f() { case \"$1\" in a*) echo \"A:$1\";; *) echo \"other:$1\";; esac; }; f apple; f pear; echo \"$(f art | wc -c)\"",
      "A:apple\nother:pear\n6\n" },
    { "sh_heredoc_subst",
      "cat <<END\none $((2+3))\ntwo $(echo nested) `echo back`\nEND\ncat <<'Q'\nno $expansion here\nQ",
      "one 5\ntwo nested back\nno $expansion here\n" },
    { "sh_pipes_and_status",
      "echo hello | tr a-z A-Z | rev; false || echo \"false gave $?\"; (exit 3); echo \"sub $?\"; echo $(( $(echo 6) * 7 ))",
      "OLLEH\nfalse gave 1\nsub 3\n42\n" },
    { "sh_script_file_args",
      "printf '#!/bin/busybox sh\\necho \"$# args: $1 $2\"\\nshift\\necho \"now $*\"\\n' > /tmp/bbs.sh && sh /tmp/bbs.sh x \"y z\"; rm -f /tmp/bbs.sh",
      "2 args: x y z\nnow y z\n" },
    { "sh_redirect_and_fd",
      "echo out > /tmp/bbr; echo more >> /tmp/bbr; cat < /tmp/bbr; ls /nonexistent 2>/dev/null || echo \"ls failed\"; exec 3>/tmp/bbr; echo three >&3; exec 3>&-; cat /tmp/bbr; rm /tmp/bbr",
      "out\nmore\nls failed\nthree\n" },
    { "awk_sum",
      "printf '3 x\\n4 y\\n5 z\\n' | awk '{ s += $1; n[$2] = $1 } END { print s, n[\"y\"], NR }'",
      "12 4 3\n" },
    { "awk_fields_printf",
      "echo 'root:x:0:0:root:/root:/bin/sh' | awk -F: '{ printf \"%s has uid %d and shell %s\\n\", $1, $3, $NF }'",
      "root has uid 0 and shell /bin/sh\n" },
    { "sed_edit",
      "printf 'cat\\ndog\\ncow\\n' | sed -e 's/c/k/' -e '/dog/d' -e '$a end'",
      "kat\nkow\nend\n" },
    { "grep_E",
      "printf 'a1\\nb22\\nc\\n' | grep -E '[0-9]{2}|^c$'; printf 'x\\n' | grep -c y; echo \"status $?\"",
      "b22\nc\n0\nstatus 1\n" },
    { "sort_n_uniq_c",
      "printf '10\\n9\\n10\\n100\\n9\\n' | sort -n | uniq -c; printf 'b 2\\na 10\\nc 1\\n' | sort -k2 -n",
      "      2 9\n      2 10\n      1 100\nc 1\nb 2\na 10\n" },
    { "find_xargs",
      "rm -rf /tmp/bbf && mkdir -p /tmp/bbf/a/b && echo x > /tmp/bbf/a/one.txt && echo y > /tmp/bbf/a/b/two.txt && touch /tmp/bbf/three.c && find /tmp/bbf -name '*.txt' | sort | xargs cat; find /tmp/bbf -type d | sort; find /tmp/bbf -type f | wc -l; rm -rf /tmp/bbf",
      "y\nx\n/tmp/bbf\n/tmp/bbf/a\n/tmp/bbf/a/b\n3\n" },
    { "tar_roundtrip",
      "rm -rf /tmp/bbt1 /tmp/bbt2 && mkdir -p /tmp/bbt1/d /tmp/bbt2 && echo hi > /tmp/bbt1/d/f && echo there > /tmp/bbt1/g && cd /tmp/bbt1 && tar cf /tmp/bbt.tar d g && cd /tmp/bbt2 && tar xf /tmp/bbt.tar && cat d/f g && tar tf /tmp/bbt.tar | sort; cd /; rm -rf /tmp/bbt1 /tmp/bbt2 /tmp/bbt.tar",
      "hi\nthere\nd/\nd/f\ng\n" },
    { "od_bytes",
      "printf 'AB\\001\\n' | od -An -c; printf '\\377' | od -An -tx1",
      "   A   B 001  \\n\n ff\n" },
    { "wc_cut_tr_head_tail",
      "printf 'one two\\nthree four five\\n' > /tmp/bbw; wc -lw < /tmp/bbw; cut -d' ' -f2 /tmp/bbw; tr -d 'e' < /tmp/bbw | head -1; seq 10 | tail -3 | tr '\\n' ' '; echo; rm /tmp/bbw",
      "        2         5\ntwo\nfour\non two\n8 9 10 \n" },
    { "seq_expr_test",
      "seq 3 | while read n; do expr $n \\* 2; done; test -d / && echo dir; [ -e /nonexistent ] || echo absent",
      "2\n4\n6\ndir\nabsent\n" },
    { "basename_dirname_printf",
      "basename /a/b/c.txt .txt; dirname /a/b/c.txt; printf '%05d|%-4s|%x\\n' 42 ab 255",
      "c\n/a/b\n00042|ab  |ff\n" },
    { "ls_mkdir_mv_rm",
      "rm -rf /tmp/bbl && mkdir /tmp/bbl && cd /tmp/bbl && touch b a && mkdir c && mv a z && ls; ls -d c; rm -r /tmp/bbl; ls /tmp/bbl 2>&1 | grep -c 'No such file'",
      "b\nc\nz\nc\n1\n" },
    { "cp_cmp_diff",
      "printf 'l1\\nl2\\n' > /tmp/bbc1; cp /tmp/bbc1 /tmp/bbc2; cmp /tmp/bbc1 /tmp/bbc2 && echo same; echo l3 >> /tmp/bbc2; diff /tmp/bbc1 /tmp/bbc2 | tail -1; rm /tmp/bbc1 /tmp/bbc2",
      "same\n+l3\n" },
    { "ln_s_readlink",
      "rm -f /tmp/bbln; ln -s /etc/passwd /tmp/bbln; readlink /tmp/bbln; test -L /tmp/bbln && echo link; rm /tmp/bbln",
      "/etc/passwd\nlink\n" },

};

static char out[16384];

static void on_alarm(int sig) { (void)sig; }

/* Runs the script; its standard output goes to out[], its standard error
 * to ERRFILE.  Returns the exit status (wait's), or -1 if it got stuck. */
static int run(const char *script)
{
    int p[2];
    pipe(p);
    pid_t pid = fork();
    if (pid == 0) {
        int err = open(ERRFILE, O_CREAT | O_TRUNC | O_WRONLY, 0644);
        dup2(p[1], 1);
        dup2(err, 2);
        close(p[0]);
        close(p[1]);
        chdir("/");
        char *argv[] = { "busybox", "sh", "-c", (char *)script, NULL };
        char *envp[] = { "PATH=/nonexistent", "HOME=/", NULL };
        execve(BUSYBOX, argv, envp);
        _exit(127);
    }
    close(p[1]);
    signal(SIGALRM, on_alarm);
    alarm(SECONDS);
    int n = 0, got;
    while (n < (int)sizeof(out) - 1 && (got = read(p[0], out + n, sizeof(out) - 1 - n)) > 0)
        n += got;
    out[n] = '\0';
    int stuck = got < 0 && errno == EINTR;
    if (stuck)
        kill(pid, SIGKILL);
    alarm(0);
    close(p[0]);
    int status;
    waitpid(pid, &status, 0);
    return stuck ? -1 : status;
}

/* s on one line ("\n" for a newline), for a failure's message. */
static const char *oneline(const char *s)
{
    static char line[400];
    size_t n = 0;
    for (; *s && n < sizeof(line) - 3; s++) {
        if (*s == '\n') {
            line[n++] = '\\';
            line[n++] = 'n';
        } else {
            line[n++] = *s;
        }
    }
    line[n] = '\0';
    return line;
}

/* The first line busybox wrote to standard error, for a failure's message. */
static const char *first_error(void)
{
    static char line[120];
    int fd = open(ERRFILE, O_RDONLY);
    int n = fd >= 0 ? read(fd, line, sizeof(line) - 1) : 0;
    if (fd >= 0)
        close(fd);
    line[n > 0 ? n : 0] = '\0';
    line[strcspn(line, "\n")] = '\0';
    return line;
}

static void scripted_cases(void)
{
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char name[64];
        snprintf(name, sizeof(name), "busybox_%s", cases[i].name);
        int status = run(cases[i].script);
        check(status >= 0 && strcmp(out, cases[i].expect) == 0, name,
              "%s; printed \"%s\"; stderr \"%s\"", status < 0 ? "stuck" : "wrong output",
              oneline(out), first_error());
    }
}

/* sha256sum of a file against the digest the host computed at build time. */
static void sha256(void)
{
    int status = run("sha256sum -c /usr/libexec/minnow/sha256sums");
    check(status == 0 && strstr(out, ": OK") != NULL, "busybox_sha256sum_matches_host",
          "status %#x, \"%s\" %s", status, oneline(out), first_error());
}

/* ps reads /proc: it must show init, and itself. */
static void ps(void)
{
    run("ps");
    check(strstr(out, "init") && strstr(out, "ps"), "busybox_ps_shows_init_and_itself",
          "\"%s\" %s", oneline(out), first_error());
}

/* free reads /proc/meminfo: the total is Minnow's. */
static void free_mem(void)
{
    struct sysinfo si;
    sysinfo(&si);
    run("free | awk '/^Mem:/ { print $2 }'");
    unsigned long total = strtoul(out, NULL, 10);
    check(total == si.totalram * (si.mem_unit / 1024), "busybox_free_total",
          "free says %lu kB, sysinfo %lu pages", total, (unsigned long)si.totalram);
}

static void uptime_date(void)
{
    run("uptime");
    check(strstr(out, "up ") && strstr(out, "load average:"), "busybox_uptime", "\"%s\" %s",
          oneline(out), first_error());
    run("date +%Y");
    int year = atoi(out);
    check(year >= 2024 && year < 2200, "busybox_date_year", "\"%s\" %s", oneline(out), first_error());
    time_t before = time(NULL);
    run("date +%s");
    long when = atol(out);
    check(when >= before && when <= before + 5, "busybox_date_is_minnows_clock",
          "busybox %ld, Minnow %ld", when, (long)before);
}

int main(void)
{
    if (access(BUSYBOX, X_OK) != 0) {
        printf("skip busybox: no %s in the image (see build/busybox/unavailable)\n", BUSYBOX);
        return 0;
    }
    scripted_cases();
    sha256();
    ps();
    free_mem();
    uptime_date();
    unlink(ERRFILE);
    return test_exit_code();
}
