/* /etc/resolv.conf (resolv.conf(5)): which name servers the resolver
 * asks, and how long it waits.  Minnow reads the keywords a stub
 * resolver needs and ignores the rest (search, domain, sortlist: names
 * are asked as they are given):
 *
 *   nameserver 10.0.2.3            up to RESOLV_MAXNS, in order, IPv4
 *   options timeout:2 attempts:3   seconds per server (1..30), rounds (1..5)
 *
 * A keyword starts its line (a line that starts with a blank has none);
 * a line starting with '#' or ';' is a comment. */
#include <arpa/inet.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <minnow/dns.h>

#define LINE_MAX_LEN 256
#define CONF_MAX_LEN 4096

static void add_server(struct resolv_conf *conf, const char *address)
{
    struct in_addr a;

    if (!address || conf->count == RESOLV_MAXNS || inet_pton(AF_INET, address, &a) != 1)
        return;
    struct sockaddr_in *s = &conf->server[conf->count++];
    memset(s, 0, sizeof(*s));
    s->sin_family = AF_INET;
    s->sin_port = htons(DNS_PORT);
    s->sin_addr = a;
}

/* "NAME:N" with N of 1 to 3 digits, kept within lo..hi; else *value stays. */
static void option_number(const char *option, const char *name, int lo, int hi, int *value)
{
    size_t n = strlen(name);

    if (strncmp(option, name, n) != 0 || option[n] != ':')
        return;
    const char *digits = option + n + 1;
    size_t len = strspn(digits, "0123456789");
    if (len == 0 || len > 3 || digits[len] != '\0')
        return;
    int v = 0;
    for (size_t i = 0; i < len; i++)
        v = v * 10 + (digits[i] - '0');
    *value = v < lo ? lo : v > hi ? hi : v;
}

static void parse_line(char *line, struct resolv_conf *conf)
{
    char *save;

    if (line[0] == ' ' || line[0] == '\t')
        return;                           /* a keyword starts its line */
    char *keyword = strtok_r(line, " \t\r", &save);
    if (!keyword || keyword[0] == '#' || keyword[0] == ';')
        return;
    if (strcmp(keyword, "nameserver") == 0) {
        add_server(conf, strtok_r(NULL, " \t\r", &save));
    } else if (strcmp(keyword, "options") == 0) {
        for (char *o; (o = strtok_r(NULL, " \t\r", &save)) != NULL;) {
            option_number(o, "timeout", 1, 30, &conf->timeout);
            option_number(o, "attempts", 1, 5, &conf->attempts);
        }
    }
}

void resolv_conf_parse(const char *text, struct resolv_conf *conf)
{
    char line[LINE_MAX_LEN];

    conf->count = 0;
    conf->timeout = RESOLV_TIMEOUT;
    conf->attempts = RESOLV_ATTEMPTS;
    while (*text) {
        size_t n = strcspn(text, "\n");
        if (n < sizeof(line)) {           /* a longer line is no line of ours */
            memcpy(line, text, n);
            line[n] = '\0';
            parse_line(line, conf);
        }
        text += n;
        if (*text)
            text++;
    }
    if (conf->count == 0)
        add_server(conf, "127.0.0.1");
}

void resolv_conf_load(const char *path, struct resolv_conf *conf)
{
    char text[CONF_MAX_LEN];
    size_t len = 0;
    int fd = open(path, O_RDONLY);

    if (fd >= 0) {
        ssize_t n;
        while (len < sizeof(text) - 1 &&
               (n = read(fd, text + len, sizeof(text) - 1 - len)) > 0)
            len += (size_t)n;
        close(fd);
    }
    text[len] = '\0';
    resolv_conf_parse(text, conf);
}
