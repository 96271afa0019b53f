/* readv/writev: a list of buffers for one call (Linux's struct iovec). */
#ifndef _MINNOW_UIO_H
#define _MINNOW_UIO_H

#include <stddef.h>

struct iovec {
    void *iov_base;
    size_t iov_len;
};

#define UIO_MAXIOV 1024          /* the most buffers in one call (IOV_MAX) */

#endif
