/* Domain names in DNS messages (RFC 1035 sections 3.1 and 4.1.4).
 *
 * On the wire a name is a list of labels, each a length byte (1..63) and
 * that many bytes, ended by a 0 byte: "www.example.com" is
 * 3 w w w 7 e x a m p l e 3 c o m 0, at most 255 bytes.  To save room a
 * message may end a name with a compression pointer instead: two bytes
 * whose top bits are 11 and whose other 14 bits are the offset of the
 * rest of the name, written earlier in the message.
 *
 * A pointer is the dangerous part: a hostile reply can point forward,
 * past its end, or at itself.  dns_name_read follows one only if it points
 * before the start of the labels being read, so every jump goes strictly
 * backwards and a loop cannot form; DNS_MAX_HOPS bounds the work anyway. */
#include <ctype.h>
#include <string.h>
#include <minnow/dns.h>

static int host_char(unsigned char c)
{
    return isalnum(c) || c == '-' || c == '_';
}

int dns_name_from_text(const char *text, unsigned char wire[DNS_NAME_MAX])
{
    size_t n = 0;
    const char *p = text;

    while (*p) {
        size_t label = strcspn(p, ".");
        if (label == 0 || label > DNS_LABEL_MAX || n + 1 + label + 1 > DNS_NAME_MAX)
            return DNS_ERR_QUERY;
        wire[n++] = (unsigned char)label;
        for (size_t i = 0; i < label; i++) {
            if (!host_char((unsigned char)p[i]))
                return DNS_ERR_QUERY;
            wire[n++] = (unsigned char)p[i];
        }
        p += label;
        if (*p == '.')
            p++;                          /* "name." is "name" */
    }
    if (n == 0)
        return DNS_ERR_QUERY;             /* "" and "." are no host's names */
    wire[n++] = 0;
    return (int)n;
}

/* The two bytes of a pointer at msg[at]: where it may lead (run: where
 * the labels now being read began), or -1. */
static long pointer_target(const unsigned char *msg, size_t at, size_t run)
{
    size_t target = (size_t)(msg[at] & 0x3f) << 8 | msg[at + 1];
    if (target < DNS_HEADER_SIZE || target >= run)
        return -1;
    return (long)target;
}

int dns_name_read(const unsigned char *msg, size_t len, size_t *pos,
                  unsigned char wire[DNS_NAME_MAX])
{
    size_t at = *pos, run = *pos, end = 0, n = 0;
    int hops = 0;

    for (;;) {
        if (at >= len)
            return DNS_ERR_FORMAT;
        unsigned c = msg[at];
        if ((c & 0xc0) == 0xc0) {
            if (at + 1 >= len)
                return DNS_ERR_FORMAT;    /* the message ends inside the pointer */
            long target = pointer_target(msg, at, run);
            if (target < 0 || ++hops > DNS_MAX_HOPS)
                return DNS_ERR_POINTER;
            if (hops == 1)
                end = at + 2;
            at = run = (size_t)target;
            continue;
        }
        if (c > DNS_LABEL_MAX)            /* 01 and 10: reserved label types */
            return DNS_ERR_FORMAT;
        if (at + 1 + c > len || n + 1 + c + (c ? 1 : 0) > DNS_NAME_MAX)
            return DNS_ERR_FORMAT;
        memcpy(wire + n, msg + at, 1 + c);
        n += 1 + c;
        at += 1 + c;
        if (c == 0)
            break;
    }
    *pos = hops ? end : at;
    return (int)n;
}

int dns_name_equal(const unsigned char *a, const unsigned char *b)
{
    /* label by label: a label may hold any byte, even 0 */
    for (;;) {
        if (*a != *b)
            return 0;
        if (*a == 0)
            return 1;
        for (unsigned i = 1; i <= *a; i++)
            if (tolower(a[i]) != tolower(b[i]))
                return 0;
        b += 1 + *b;
        a += 1 + *a;
    }
}

int dns_name_to_text(const unsigned char *wire, char *text, size_t size)
{
    size_t n = 0;

    for (const unsigned char *p = wire; *p; p += 1 + *p) {
        if (n > 0) {
            if (n + 1 >= size)
                return DNS_ERR_SPACE;
            text[n++] = '.';
        }
        for (unsigned i = 1; i <= *p; i++) {
            if (!host_char(p[i]))
                return DNS_ERR_QUERY;
            if (n + 1 >= size)
                return DNS_ERR_SPACE;
            text[n++] = (char)p[i];
        }
    }
    if (size == 0)
        return DNS_ERR_SPACE;
    text[n] = '\0';
    return (int)n;
}
