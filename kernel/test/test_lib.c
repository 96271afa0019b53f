/* Self-tests of the kernel's library code: formatting, strings, the
 * command line parser and the symbol table. */
#include <string.h>
#include "test/ktest.h"
#include "lib/printk.h"
#include "lib/cmdline.h"
#include "lib/ksyms.h"

const char *test_printk_format(void)
{
    char b[16][64];
    int n = 0;
    const char *volatile nothing = NULL;     /* hidden from the compiler */

    snprintk(b[n++], 64, "%d|%i|%u", -42, 7, 4000000000u);
    snprintk(b[n++], 64, "%x|%X|%o|%#x|%#o", 0xbeef, 0xbeef, 8, 255, 8);
    snprintk(b[n++], 64, "[%5d][%-5d][%05d]", 42, 42, -42);
    snprintk(b[n++], 64, "[%s][%8s][%-4s][%.2s]", "hi", "right", "l", "cut");
    snprintk(b[n++], 64, "%c%c%%", 'o', 'k');
    snprintk(b[n++], 64, "%08x %p", 0x1234, (void *)0xc0100000);
    snprintk(b[n++], 64, "%lld %llu %llx", -1234567890123ll, 18446744073709551615ull,
             0x123456789abcdefull);
    snprintk(b[n++], 64, "%+d % d %.3d %*d", 5, 5, 7, 4, 1);
    snprintk(b[n++], 64, "%hhu %hd %ld %zu", (unsigned char)200, (short)-1, -3L, (size_t)9);
    snprintk(b[n++], 64, "%s", nothing);
    static const char *expect[] = {
        "-42|7|4000000000",
        "beef|BEEF|10|0xff|010",
        "[   42][42   ][-0042]",
        "[hi][   right][l   ][cu]",
        "ok%",
        "00001234 0xc0100000",
        "-1234567890123 18446744073709551615 123456789abcdef",
        "+5  5 007    1",
        "200 -1 -3 9",
        "(null)",
    };
    for (int i = 0; i < n; i++)
        if (strcmp(b[i], expect[i]) != 0)
            return ktest_fail("case %d: got \"%s\", want \"%s\"", i, b[i], expect[i]);

    char small[6];
    int len = snprintk(small, sizeof(small), "%s", "truncated");
    if (len != 9 || strcmp(small, "trunc") != 0)
        return ktest_fail("truncation: got \"%s\" (%d)", small, len);
    return NULL;
}

const char *test_string(void)
{
    char buf[32] = "abcdefgh";

    memmove(buf + 2, buf, 6);                   /* overlapping, forwards */
    if (memcmp(buf, "ababcdef", 8) != 0)
        return ktest_fail("memmove forward: %s", buf);
    memmove(buf, buf + 2, 6);                   /* overlapping, backwards */
    if (memcmp(buf, "abcdefef", 8) != 0)
        return ktest_fail("memmove backward: %.8s", buf);
    if (strlcpy(buf, "0123456789", 5) != 10 || strcmp(buf, "0123") != 0)
        return ktest_fail("strlcpy: %s", buf);
    if (strcmp("abc", "abd") >= 0 || strcmp("b", "a") <= 0 || strcmp("x", "x") != 0)
        return "strcmp orders wrongly";
    if (strncmp("abcX", "abcY", 3) != 0 || strlen("hello") != 5)
        return "strncmp/strlen";
    if (strchr("hello", 'l') != (char *)"hello" + 2 && strcmp(strchr("hello", 'l'), "llo"))
        return "strchr";
    if (strcmp(strrchr("a/b/c", '/'), "/c") != 0 || strstr("hello world", "wor") == NULL)
        return "strrchr/strstr";
    if (strspn("aabbc", "ab") != 4 || strcspn("abc:d", ":") != 3)
        return "strspn/strcspn";
    memset(buf, 'z', 4);
    if (memchr(buf, 'z', 4) != buf || memchr(buf, 'q', 4) != NULL)
        return "memset/memchr";
    return NULL;
}

const char *test_cmdline(void)
{
    char v[16];
    const char *line = "/boot/kernel.elf  init=/bin/sh test=all quiet test2=x";

    const char *r = cmdline_find(line, "init", v, sizeof(v));
    if (!r || strcmp(r, "/bin/sh") != 0)
        return ktest_fail("init: got %s", r ? r : "nothing");
    r = cmdline_find(line, "test", v, sizeof(v));
    if (!r || strcmp(r, "all") != 0)
        return ktest_fail("test: got %s", r ? r : "nothing");
    r = cmdline_find(line, "quiet", v, sizeof(v));
    if (!r || *r != '\0')
        return "a bare flag is not found";
    if (cmdline_find(line, "tes", v, sizeof(v)) || cmdline_find(line, "nope", v, sizeof(v)))
        return "found a key that is not there";
    return NULL;
}

const char *test_ksyms(void)
{
    uint32_t offset;
    const char *name = ksym_lookup((uint32_t)test_ksyms + 3, &offset);

    if (!name || strcmp(name, "test_ksyms") != 0 || offset != 3)
        return ktest_fail("lookup gave %s+%u", name ? name : "nothing", offset);
    name = ksym_lookup((uint32_t)panic, &offset);
    if (!name || strcmp(name, "panic") != 0 || offset != 0)
        return ktest_fail("panic resolved to %s", name ? name : "nothing");
    return NULL;
}
