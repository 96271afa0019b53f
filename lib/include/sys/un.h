/* Unix-domain socket addresses: struct sockaddr_un (<minnow/socket.h>). */
#ifndef _SYS_UN_H
#define _SYS_UN_H

#include <minnow/socket.h>

#endif
