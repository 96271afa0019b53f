/* lineedit.c: placeholder until the line editor lands: the tty's own
 * canonical mode edits the line. */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>
#include "sh.h"

int edit_line(const char *prompt, char *buf, size_t size)
{
    size_t len = 0;

    fputs(prompt, stderr);
    fflush(stderr);
    while (len + 1 < size) {
        ssize_t n = read(0, buf + len, 1);
        if (n < 0 && errno == EINTR)
            return -2;
        if (n <= 0)
            break;
        if (buf[len++] == '\n')
            break;
    }
    buf[len] = '\0';
    return (int)len;
}

void history_load(void)
{
}

void history_add(const char *line)
{
    (void)line;
}
