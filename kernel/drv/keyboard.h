#ifndef DRV_KEYBOARD_H
#define DRV_KEYBOARD_H

void keyboard_init(void);
void keyboard_intr(void);

#endif
