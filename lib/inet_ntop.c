/* inet_ntop: a binary address (network order) as text.
 *
 * IPv6 is written as RFC 5952 recommends and glibc writes it: lower-case
 * hex without leading zeros, the longest run of two or more zero groups
 * (the first of equal ones) as "::", and the IPv4-mapped (::ffff:a.b.c.d)
 * and IPv4-compatible (::a.b.c.d) forms with a dotted quad. */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

static int ntop4(const unsigned char *a, char *out, size_t size)
{
    return snprintf(out, size, "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
}

/* The longest run of zero groups, at least two long: its start (*len 0
 * if there is none). */
static int zero_run(const unsigned words[8], int *len)
{
    int best = 0;

    *len = 0;
    for (int i = 0; i < 8; i++) {
        int run = 0;
        while (i + run < 8 && words[i + run] == 0)
            run++;
        if (run >= 2 && run > *len) {
            best = i;
            *len = run;
        }
        i += run;
    }
    return best;
}

static int ntop6(const unsigned char *a, char *out, size_t size)
{
    unsigned words[8];
    int len, at = 0;

    for (int i = 0; i < 8; i++)
        words[i] = (unsigned)a[2 * i] << 8 | a[2 * i + 1];
    int run = zero_run(words, &len);
    if (run == 0 && (len == 6 || (len == 5 && words[5] == 0xffff))) {
        at = snprintf(out, size, len == 6 ? "::" : "::ffff:");
        return at + ntop4(a + 12, out + at, size - (size_t)at);
    }
    for (int i = 0; i < 8; i++) {
        if (len > 0 && i == run) {
            at += snprintf(out + at, size - (size_t)at, "::");
            i += len - 1;
            continue;
        }
        int colon = i > 0 && !(len > 0 && i == run + len);
        at += snprintf(out + at, size - (size_t)at, colon ? ":%x" : "%x", words[i]);
    }
    return at;
}

const char *inet_ntop(int af, const void *src, char *dst, socklen_t size)
{
    char text[INET6_ADDRSTRLEN];
    int len;

    if (af == AF_INET)
        len = ntop4(src, text, sizeof(text));
    else if (af == AF_INET6)
        len = ntop6(src, text, sizeof(text));
    else {
        errno = EAFNOSUPPORT;
        return NULL;
    }
    if ((size_t)len >= size) {
        errno = ENOSPC;
        return NULL;
    }
    memcpy(dst, text, (size_t)len + 1);
    return dst;
}
