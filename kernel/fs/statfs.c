/* statfs64 and fstatfs64: how big a mounted file system is and how much of
 * it is free -- what df prints.  The file system counts (its statfs
 * operation); here it is put into Linux i386's struct statfs64. */
#include <string.h>
#include <minnow/errno.h>
#include <minnow/fcntl.h>
#include <minnow/statfs.h>
#include "syscall_protos.h"
#include "fs/file.h"
#include "fs/inode.h"
#include "fs/namei.h"
#include "mm/uaccess.h"

_Static_assert(sizeof(struct statfs64) == 84, "struct statfs64 is Linux i386's");

static long statfs_op(struct inode *ino, long ubuf)
{
    struct super_block *sb = ino->sb;
    struct statfs64_info info;
    struct statfs64 st;

    memset(&info, 0, sizeof(info));
    if (!sb->op->statfs || sb->op->statfs(sb, &info) < 0)
        return -ENOSYS;
    memset(&st, 0, sizeof(st));
    st.f_type = info.type;
    st.f_bsize = st.f_frsize = info.block_size;
    st.f_blocks = info.blocks;
    st.f_bfree = info.free_blocks;
    st.f_bavail = info.avail_blocks;
    st.f_files = info.files;
    st.f_ffree = info.free_files;
    st.f_fsid[0] = (int)sb->dev;
    st.f_namelen = info.name_max;
    st.f_flags = sb->flags & SB_RDONLY ? ST_RDONLY : 0;
    return copy_to_user((void *)ubuf, &st, sizeof(st));
}

long sys_statfs64(const char *upath, size_t size, struct statfs64 *ubuf)
{
    if (size != sizeof(struct statfs64))
        return -EINVAL;
    return with_inode(AT_FDCWD, upath, LOOKUP_FOLLOW, statfs_op, (long)ubuf);
}

long sys_fstatfs64(int fd, size_t size, struct statfs64 *ubuf)
{
    if (size != sizeof(struct statfs64))
        return -EINVAL;
    return with_fd_inode(fd, statfs_op, (long)ubuf);
}
