/* strerror: the message for an errno value, Linux's wording, so that
 * "No such file or directory" reads the same as on any Linux system. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

static const char *const messages[] = {
    [0]               = "Success",
    [EPERM]           = "Operation not permitted",
    [ENOENT]          = "No such file or directory",
    [ESRCH]           = "No such process",
    [EINTR]           = "Interrupted system call",
    [EIO]             = "Input/output error",
    [ENXIO]           = "No such device or address",
    [E2BIG]           = "Argument list too long",
    [ENOEXEC]         = "Exec format error",
    [EBADF]           = "Bad file descriptor",
    [ECHILD]          = "No child processes",
    [EAGAIN]          = "Resource temporarily unavailable",
    [ENOMEM]          = "Cannot allocate memory",
    [EACCES]          = "Permission denied",
    [EFAULT]          = "Bad address",
    [ENOTBLK]         = "Block device required",
    [EBUSY]           = "Device or resource busy",
    [EEXIST]          = "File exists",
    [EXDEV]           = "Invalid cross-device link",
    [ENODEV]          = "No such device",
    [ENOTDIR]         = "Not a directory",
    [EISDIR]          = "Is a directory",
    [EINVAL]          = "Invalid argument",
    [ENFILE]          = "Too many open files in system",
    [EMFILE]          = "Too many open files",
    [ENOTTY]          = "Inappropriate ioctl for device",
    [ETXTBSY]         = "Text file busy",
    [EFBIG]           = "File too large",
    [ENOSPC]          = "No space left on device",
    [ESPIPE]          = "Illegal seek",
    [EROFS]           = "Read-only file system",
    [EMLINK]          = "Too many links",
    [EPIPE]           = "Broken pipe",
    [EDOM]            = "Numerical argument out of domain",
    [ERANGE]          = "Numerical result out of range",
    [EDEADLK]         = "Resource deadlock avoided",
    [ENAMETOOLONG]    = "File name too long",
    [ENOLCK]          = "No locks available",
    [ENOSYS]          = "Function not implemented",
    [ENOTEMPTY]       = "Directory not empty",
    [ELOOP]           = "Too many levels of symbolic links",
    [EOVERFLOW]       = "Value too large for defined data type",
    [EILSEQ]          = "Invalid or incomplete multibyte or wide character",
    [ENOTSOCK]        = "Socket operation on non-socket",
    [EDESTADDRREQ]    = "Destination address required",
    [EMSGSIZE]        = "Message too long",
    [EPROTOTYPE]      = "Protocol wrong type for socket",
    [ENOPROTOOPT]     = "Protocol not available",
    [EPROTONOSUPPORT] = "Protocol not supported",
    [ESOCKTNOSUPPORT] = "Socket type not supported",
    [EOPNOTSUPP]      = "Operation not supported",
    [EPFNOSUPPORT]    = "Protocol family not supported",
    [ENONET]          = "Machine is not on the network",
    [EAFNOSUPPORT]    = "Address family not supported by protocol",
    [EADDRINUSE]      = "Address already in use",
    [EADDRNOTAVAIL]   = "Cannot assign requested address",
    [ENETDOWN]        = "Network is down",
    [ENETUNREACH]     = "Network is unreachable",
    [ECONNABORTED]    = "Software caused connection abort",
    [ECONNRESET]      = "Connection reset by peer",
    [ENOBUFS]         = "No buffer space available",
    [EISCONN]         = "Transport endpoint is already connected",
    [ENOTCONN]        = "Transport endpoint is not connected",
    [ETIMEDOUT]       = "Connection timed out",
    [ECONNREFUSED]    = "Connection refused",
    [EHOSTDOWN]       = "Host is down",
    [EHOSTUNREACH]    = "No route to host",
    [EALREADY]        = "Operation already in progress",
    [EINPROGRESS]     = "Operation now in progress",
};

char *strerror(int errnum)
{
    static char unknown[32];
    int known = (int)(sizeof(messages) / sizeof(messages[0]));

    if (errnum >= 0 && errnum < known && messages[errnum])
        return (char *)messages[errnum];
    snprintf(unknown, sizeof(unknown), "Unknown error %d", errnum);
    return unknown;
}
