#ifndef MODE_H
#define MODE_H

#include <sys/types.h>

/* File modes as chmod(1) takes them (user/common/mode.c): octal, or
 * POSIX's symbolic clauses "u=rwx,go-w".  chmod and the shell's umask
 * share it.
 *
 * The new permission bits for a file whose bits are `mode` (is_dir: X
 * and the set-ID bits act as for a directory).  A clause without u, g,
 * o or a leaves the bits in `umask` alone.  Returns 0, or -1 when spec
 * is not a mode. */
int new_mode(const char *spec, mode_t mode, int is_dir, mode_t umask, mode_t *out);

#endif
