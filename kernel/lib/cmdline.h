#ifndef LIB_CMDLINE_H
#define LIB_CMDLINE_H

/* The kernel command line, e.g. "init=/bin/sh test=all" from QEMU's
 * -append or GRUB's menu entry. */
void cmdline_init(const char *line);
const char *cmdline(void);
/* The value of key=value, "" for a bare key, NULL if absent. */
const char *cmdline_get(const char *key);
/* The same, from any string (used by the parser's test). */
const char *cmdline_find(const char *line, const char *key, char *value, int size);

#endif
