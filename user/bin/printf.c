/* printf: print arguments under the control of a format.
 *
 *   printf FORMAT [ARGUMENT...]
 *
 * The work is done by printf_command (user/common/printf_cmd.c), which
 * the shell's builtin printf calls too, so the two print the same. */
#include "commands.h"

int main(int argc, char **argv)
{
    return printf_command(argc, argv);
}
