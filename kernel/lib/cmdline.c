/* The kernel command line: space-separated words, each a bare flag or
 * key=value.  GRUB puts the kernel's path first, QEMU does not; a word
 * that matches no key is simply never asked for. */
#include <string.h>
#include "lib/cmdline.h"

static char line_copy[256];
static char value_buf[128];

void cmdline_init(const char *line)
{
    strlcpy(line_copy, line ? line : "", sizeof(line_copy));
}

const char *cmdline(void)
{
    return line_copy;
}

const char *cmdline_find(const char *line, const char *key, char *value, int size)
{
    size_t klen = strlen(key);

    while (*line) {
        while (*line == ' ')
            line++;
        size_t wlen = strcspn(line, " ");
        if (wlen >= klen && strncmp(line, key, klen) == 0 &&
            (wlen == klen || line[klen] == '=')) {
            const char *v = wlen == klen ? line + klen : line + klen + 1;
            int vlen = line + wlen - v;
            if (vlen >= size)
                vlen = size - 1;
            memcpy(value, v, vlen);
            value[vlen] = '\0';
            return value;
        }
        line += wlen;
    }
    return NULL;
}

const char *cmdline_get(const char *key)
{
    return cmdline_find(line_copy, key, value_buf, sizeof(value_buf));
}
