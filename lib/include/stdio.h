/* Standard input and output: buffered streams on top of file descriptors.
 *
 * As in the lecture: a FILE is a file descriptor plus a buffer plus a few
 * flags.  Output collects in the buffer and goes to the kernel in one
 * write() when the buffer is full, at a newline (line-buffered streams),
 * at fflush, fclose or exit.  Input is read from the kernel a whole buffer
 * at a time, and handed to the program from there.
 *
 *   stdin   line-buffered on a terminal, fully buffered otherwise
 *   stdout  line-buffered on a terminal, fully buffered otherwise
 *   stderr  unbuffered: every message is written at once
 *
 * The code is in lib/stdio_*.c. */
#ifndef _STDIO_H
#define _STDIO_H

#include <stddef.h>
#include <stdarg.h>
#include <sys/types.h>

#define EOF (-1)
#define BUFSIZ 1024            /* the size of a stream's buffer */

/* Buffering modes, for setvbuf */
#define _IOFBF 0               /* fully buffered: written when the buffer is full */
#define _IOLBF 1               /* line buffered: also written at each '\n' */
#define _IONBF 2               /* unbuffered: every call writes at once */

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

#define FOPEN_MAX 16           /* streams are malloc'd: this is only a hint */
#define FILENAME_MAX 4096

typedef struct FILE FILE;

/* What a FILE is.  Programs use the functions below, never the fields. */
struct FILE {
    int fd;                    /* the file descriptor underneath */
    int flags;                 /* may read/write, end of file, error (lib/stdio_impl.h) */
    int bufmode;               /* _IOFBF, _IOLBF, _IONBF, or -1: not decided yet */
    int state;                 /* the buffer holds nothing, input or output */
    unsigned char *buf;        /* the buffer (NULL until the first read or write) */
    size_t size;               /* its size */
    size_t pos, len;           /* input: buf[pos..len) is not yet read by the program;
                                  output: buf[0..len) is not yet written to fd */
    int ungot;                 /* a character given back by ungetc, or EOF */
    unsigned char onebyte;     /* the "buffer" of an unbuffered stream */
    FILE *next;                /* every open stream is on one list, for exit() */
};

extern FILE *stdin;
extern FILE *stdout;
extern FILE *stderr;

/* Opening and closing (lib/stdio_file.c) */
FILE *fopen(const char *path, const char *mode);
FILE *fdopen(int fd, const char *mode);
FILE *freopen(const char *path, const char *mode, FILE *stream);
int fclose(FILE *stream);
int fileno(FILE *stream);
FILE *tmpfile(void);

/* Buffering (lib/stdio_buffer.c) */
int fflush(FILE *stream);      /* NULL: every stream */
int setvbuf(FILE *stream, char *buf, int mode, size_t size);
void setbuf(FILE *stream, char *buf);
void setlinebuf(FILE *stream);

/* Reading (lib/stdio_read.c) */
int fgetc(FILE *stream);
int getc(FILE *stream);
int getchar(void);
int ungetc(int c, FILE *stream);
char *fgets(char *s, int size, FILE *stream);
size_t fread(void *ptr, size_t size, size_t nmemb, FILE *stream);
ssize_t getline(char **line, size_t *cap, FILE *stream);
ssize_t getdelim(char **line, size_t *cap, int delim, FILE *stream);

/* Writing (lib/stdio_write.c) */
int fputc(int c, FILE *stream);
int putc(int c, FILE *stream);
int putchar(int c);
int fputs(const char *s, FILE *stream);
int puts(const char *s);
size_t fwrite(const void *ptr, size_t size, size_t nmemb, FILE *stream);

/* Formatted output (lib/stdio_printf.c) */
int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int fprintf(FILE *stream, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int dprintf(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int sprintf(char *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int snprintf(char *s, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int vprintf(const char *fmt, va_list ap);
int vfprintf(FILE *stream, const char *fmt, va_list ap);
int vdprintf(int fd, const char *fmt, va_list ap);
int vsprintf(char *s, const char *fmt, va_list ap);
int vsnprintf(char *s, size_t n, const char *fmt, va_list ap);

/* Formatted input (lib/stdio_scanf.c) */
int scanf(const char *fmt, ...) __attribute__((format(scanf, 1, 2)));
int fscanf(FILE *stream, const char *fmt, ...) __attribute__((format(scanf, 2, 3)));
int sscanf(const char *s, const char *fmt, ...) __attribute__((format(scanf, 2, 3)));
int vscanf(const char *fmt, va_list ap);
int vfscanf(FILE *stream, const char *fmt, va_list ap);
int vsscanf(const char *s, const char *fmt, va_list ap);

/* Position (lib/stdio_seek.c) */
int fseek(FILE *stream, long offset, int whence);
long ftell(FILE *stream);
void rewind(FILE *stream);

/* A command's input or output as a stream (lib/popen.c) */
FILE *popen(const char *command, const char *mode);
int pclose(FILE *stream);

/* State and errors (lib/stdio_misc.c) */
int feof(FILE *stream);
int ferror(FILE *stream);
void clearerr(FILE *stream);
void perror(const char *msg);
int remove(const char *path);
int rename(const char *oldpath, const char *newpath);
int renameat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath);
/* flags: RENAME_NOREPLACE (<fcntl.h>) */
int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath,
              unsigned int flags);

#endif
