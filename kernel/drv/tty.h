#ifndef DRV_TTY_H
#define DRV_TTY_H

#include "fs/file.h"

/* A character typed on the keyboard or received on COM1. Called from
 * interrupt handlers. */
void tty_receive(char c);
void tty_init(void);
#include <minnow/types.h>
void tty_session_ended(pid_t sid);     /* its leader exited: hang up */

extern const struct file_ops tty_ops;     /* /dev/console and /dev/tty */

#endif
