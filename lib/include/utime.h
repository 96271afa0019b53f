/* utime: set a file's access and modification times. */
#ifndef _UTIME_H
#define _UTIME_H

#include <minnow/time.h>          /* struct utimbuf */

int utime(const char *path, const struct utimbuf *times);

#endif
