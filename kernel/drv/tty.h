#ifndef DRV_TTY_H
#define DRV_TTY_H

/* A character typed on the keyboard or received on COM1. Called from
 * interrupt handlers. */
void tty_receive(char c);

#endif
