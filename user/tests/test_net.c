/* /proc/net: the network stack's tables, in Linux's formats (docs/net.md).
 * At boot the kernel configured eth0 (the e1000 make test attaches) and,
 * in a full run, its self-tests pinged the gateway; these checks read the
 * files as Linux's tools would, whatever traffic there was. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <minnow/test.h>

static char text[8192];

/* The words of one line, split at blanks: how many. */
static int split(char *line, char **words, int max)
{
    int n = 0;
    for (char *w = strtok(line, " \t"); w && n < max; w = strtok(NULL, " \t"))
        words[n++] = w;
    return n;
}

/* The line that starts with `prefix` (after blanks), copied, or NULL. */
static char *find_line(const char *prefix, int skip)
{
    static char line[1024];
    for (char *p = text; *p; ) {
        size_t n = strcspn(p, "\n");
        char *start = p + strspn(p, " ");
        if (strncmp(start, prefix, strlen(prefix)) == 0 && skip-- == 0) {
            snprintf(line, sizeof(line), "%.*s", (int)(n - (start - p)), start);
            return line;
        }
        p += n + (p[n] == '\n');
    }
    return NULL;
}

static void check_dev(void)
{
    long n = read_file("/proc/net/dev", text, sizeof(text));
    check(n > 0, "net_proc_dev_read", "read gave %ld", n);
    check(strncmp(text, "Inter-|   Receive", 17) == 0 &&
          strstr(text, " face |bytes    packets errs drop fifo frame compressed multicast|"
                       "bytes    packets errs drop fifo colls carrier compressed\n") != NULL,
          "net_proc_dev_header", "not Linux's two header lines: %.80s", text);
    char *line = find_line("eth0:", 0);
    char *words[20];
    int nw = line ? split(line + 5, words, 20) : 0;
    check(nw == 16, "net_proc_dev_eth0", "eth0's line has %d numbers, not 16: %s", nw,
          line ? line : "(no eth0 line)");
}

static void check_arp(void)
{
    long n = read_file("/proc/net/arp", text, sizeof(text));
    check(n > 0 && strncmp(text, "IP address       HW type     Flags       HW address"
                                 "            Mask     Device\n", 80) == 0,
          "net_proc_arp_header", "not Linux's header: %.80s", text);
    /* Every entry: address, 0x1, flags, MAC, *, device. */
    int bad = 0, entries = 0;
    for (char *line = strchr(text, '\n'); line && line[1]; line = strchr(line + 1, '\n')) {
        char copy[128], *w[8];
        snprintf(copy, sizeof(copy), "%.*s", (int)strcspn(line + 1, "\n"), line + 1);
        entries++;
        if (split(copy, w, 8) != 6 || strcmp(w[1], "0x1") != 0 || strlen(w[3]) != 17 ||
            strcmp(w[4], "*") != 0)
            bad++;
    }
    check(bad == 0, "net_proc_arp_entries", "%d of %d entries are not in Linux's form", bad,
          entries);
}

/* Names and values of a protocol's two lines pair up; *values gets the
 * value line. */
static int mib_pairs(const char *proto, char **values_line)
{
    static char values[1024];
    char names[1024], *nw[64], *vw[64];
    char *line = find_line(proto, 0);
    if (!line)
        return -1;
    snprintf(names, sizeof(names), "%s", line);
    line = find_line(proto, 1);
    if (!line)
        return -1;
    snprintf(values, sizeof(values), "%s", line);
    *values_line = values;
    int n = split(names, nw, 64);
    int v = split(line, vw, 64);
    return n == v ? n : -1;
}

static void check_snmp(void)
{
    char *values;
    long n = read_file("/proc/net/snmp", text, sizeof(text));
    check(n > 0, "net_proc_snmp_read", "read gave %ld", n);
    int ip = mib_pairs("Ip:", &values);
    check(ip == 20 && strncmp(values, "Ip: 2 64 ", 9) == 0, "net_proc_snmp_ip",
          "Ip: %d words of names and of values (19 and the label), values '%.40s'", ip,
          ip > 0 ? values : "");
    int icmp = mib_pairs("Icmp:", &values);
    check(icmp == 28, "net_proc_snmp_icmp", "Icmp: %d name/value pairs", icmp);
}

int main(void)
{
    check_dev();
    check_arp();
    check_snmp();
    return test_exit_code();
}
