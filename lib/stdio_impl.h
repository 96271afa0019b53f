/* What the stdio files share with each other, and nobody else.
 *
 * A FILE (see <stdio.h>) is a file descriptor, a buffer and these flags.
 * Its buffer is used in one direction at a time, recorded in f->state:
 *
 *   STREAM_IDLE     the buffer holds nothing (just opened, or after fseek)
 *   STREAM_READING  buf[pos..len) was read from fd but not yet by the program,
 *                   so the fd's offset is ahead of the program's position
 *   STREAM_WRITING  buf[0..len) was written by the program but not yet to fd,
 *                   so the fd's offset is behind the program's position
 *
 * Changing direction first settles the difference (lib/stdio_buffer.c). */
#ifndef LIB_STDIO_IMPL_H
#define LIB_STDIO_IMPL_H

#include <stdio.h>

/* f->flags */
#define STREAM_CAN_READ   0x01   /* opened for reading */
#define STREAM_CAN_WRITE  0x02   /* opened for writing */
#define STREAM_APPEND     0x04   /* every write goes to the end (O_APPEND) */
#define STREAM_EOF        0x08   /* a read found the end of the file: feof() */
#define STREAM_ERROR      0x10   /* a read or write failed: ferror() */
#define STREAM_STATIC     0x20   /* stdin/stdout/stderr: not malloc'd */
#define STREAM_OWN_BUF    0x40   /* buf was malloc'd by the library */

/* f->state */
#define STREAM_IDLE    0
#define STREAM_READING 1
#define STREAM_WRITING 2

/* lib/stdio_file.c: every open stream, linked through f->next */
extern FILE *__stdio_streams;
int __stdio_parse_mode(const char *mode, int *open_flags);

/* lib/stdio_buffer.c */
int __stdio_begin_read(FILE *f);           /* 0, or EOF if it may not read */
int __stdio_begin_write(FILE *f);          /* 0, or EOF if it may not write */
int __stdio_flush(FILE *f);                /* write out buf[0..len) */
int __stdio_give_back_input(FILE *f);      /* forget read-ahead, move fd back */
void __stdio_flush_line_buffered(void);
void __stdio_free_buffer(FILE *f);

/* lib/stdio_read.c */
ssize_t __stdio_read_fd(FILE *f, void *dst, size_t n);

/* lib/stdio_write.c */
size_t __stdio_write(FILE *f, const void *data, size_t n);
int __stdio_write_all(int fd, const void *data, size_t n);

#endif
