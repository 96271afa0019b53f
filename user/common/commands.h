#ifndef COMMANDS_H
#define COMMANDS_H

/* Commands that are both a program in /bin and a builtin of the shell,
 * written once (user/common/, linked into every program as libcommon.a).
 * Each takes its arguments as main does (argv[0] is the command's name),
 * writes with stdio, and returns the exit status. */

int printf_command(int argc, char **argv);      /* printf_cmd.c */

#endif
