#ifndef DRV_CONSOLE_H
#define DRV_CONSOLE_H

#include <stddef.h>

void console_init(void);
/* Everything the kernel or a program writes to the console goes to both
 * the VGA screen and the serial line. */
void console_write(const char *buf, size_t n);

#endif
