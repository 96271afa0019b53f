/* clear: clear the terminal screen.
 *
 * Two ANSI escape sequences that terminals (and Minnow's console)
 * understand: ESC [ 2 J erases the screen, ESC [ H moves the cursor to the
 * top left corner. */
#include <stdio.h>

int main(void)
{
    fputs("\033[2J\033[H", stdout);
    return 0;
}
