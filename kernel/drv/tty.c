/* The console tty.  For now it echoes what is typed; the line discipline
 * (editing, Ctrl-C, reading by lines) comes with the file system. */
#include "drv/tty.h"
#include "drv/console.h"

void tty_receive(char c)
{
    console_write(&c, 1);
}
