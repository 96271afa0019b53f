#ifndef FS_RAMFS_FILE_H
#define FS_RAMFS_FILE_H

#include "fs/file.h"

extern const struct file_ops ramfs_file_ops;

#endif
