/* inet_pton: an address as text into its binary form, network order.
 *
 * AF_INET takes only the strict dotted quad POSIX asks for: four decimal
 * parts of 0..255, with no leading zeros ("01.2.3.4" could be octal to
 * inet_aton's older readers, so it is refused rather than guessed), no
 * sign, no spaces.  AF_INET6 takes RFC 4291's forms: eight groups of one
 * to four hex digits, one "::" for a run of zero groups, and a dotted
 * quad for the last 32 bits ("::ffff:10.0.2.15").  This is what glibc
 * accepts, case for case (user/tests/test_netdb.c). */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <string.h>
#include <sys/socket.h>

/* One part of a dotted quad: its value, or -1.  *s moves past it. */
static int quad_part(const char **s)
{
    const char *p = *s;
    int value = 0, digits = 0;

    while (isdigit((unsigned char)*p) && digits < 4) {
        value = value * 10 + (*p++ - '0');
        digits++;
    }
    if (digits == 0 || value > 255 || (digits > 1 && **s == '0'))
        return -1;
    *s = p;
    return value;
}

static int pton4(const char *src, unsigned char out[4])
{
    unsigned char bytes[4];

    for (int i = 0; i < 4; i++) {
        int part = quad_part(&src);
        if (part < 0 || *src != (i < 3 ? '.' : '\0'))
            return 0;
        bytes[i] = (unsigned char)part;
        src++;
    }
    memcpy(out, bytes, 4);
    return 1;
}

static int hex_value(char c)
{
    return isdigit((unsigned char)c) ? c - '0' : tolower((unsigned char)c) - 'a' + 10;
}

/* The groups into 16 bytes: the "::" (at words[gap]; gap < 0 if there
 * was none) stands for as many zero groups as are missing. */
static int expand6(const unsigned words[8], int n, int gap, unsigned char out[16])
{
    if (gap < 0 ? n != 8 : n > 7)
        return 0;
    memset(out, 0, 16);
    for (int i = 0; i < n; i++) {
        int at = (gap >= 0 && i >= gap) ? i + 8 - n : i;
        out[2 * at] = (unsigned char)(words[i] >> 8);
        out[2 * at + 1] = (unsigned char)words[i];
    }
    return 1;
}

static int pton6(const char *p, unsigned char out[16])
{
    unsigned words[8] = { 0 };
    int n = 0, gap = -1;

    if (p[0] == ':') {                    /* only as the start of "::" */
        if (p[1] != ':')
            return 0;
        gap = 0;
        p += 2;
        if (*p == '\0')
            return expand6(words, n, gap, out);
    }
    for (;;) {
        const char *group = p;
        unsigned v = 0;
        int digits = 0;
        while (isxdigit((unsigned char)*p) && digits < 5) {
            v = v * 16 + (unsigned)hex_value(*p++);
            digits++;
        }
        if (*p == '.') {                  /* a dotted quad ends the address */
            unsigned char q[4];
            if (n > 6 || !pton4(group, q))
                return 0;
            words[n++] = (unsigned)q[0] << 8 | q[1];
            words[n++] = (unsigned)q[2] << 8 | q[3];
            break;
        }
        if (digits == 0 || digits > 4 || n == 8)
            return 0;
        words[n++] = v;
        if (*p == '\0')
            break;
        if (*p++ != ':')
            return 0;
        if (*p == ':') {
            if (gap >= 0)
                return 0;                 /* a second "::" */
            gap = n;
            if (*++p == '\0')
                break;
        }
    }
    return expand6(words, n, gap, out);
}

int inet_pton(int af, const char *src, void *dst)
{
    if (af == AF_INET)
        return pton4(src, dst);
    if (af == AF_INET6)
        return pton6(src, dst);
    errno = EAFNOSUPPORT;
    return -1;
}
