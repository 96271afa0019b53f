/* Reading a file into the editor, and writing it back.
 *
 * Saving writes the whole text to a new file beside the old one
 * (NAME.edit-tmp), and only when that worked renames it over NAME.
 * rename() replaces a name in one step: whoever opens NAME sees the old
 * text or the new one, never half of it, and a full disk or a crash while
 * writing leaves the old file as it was (a plain write would have cut it
 * to zero first).  The new file gets the old one's permission bits.  But
 * a rename gives NAME a new inode, so for a symbolic link (which would be
 * replaced by a file) or a file with more than one hard link (which the
 * other names would no longer share), the text is written into the file
 * itself instead.  A file the user may not write is not replaced either
 * (renaming over it needs only the directory's write permission).
 *
 * Every line is written with a '\n' after it, also the last one. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "write_all.h"
#include "edit.h"

/* 0 when the file was read, or did not exist yet (a new file); -1 with
 * errno when it cannot be edited. */
int file_open(struct editor *e, const char *filename)
{
    struct stat st;
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;

    e->filename = strdup(filename);
    FILE *f = fopen(filename, "r");
    if (!f) {
        if (errno != ENOENT)
            return -1;
        set_message(e, "%s: a new file", filename);
        return 0;
    }
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        errno = EISDIR;
        return -1;
    }
    while ((len = getline(&line, &cap, f)) > 0) {
        if (line[len - 1] == '\n')
            len--;
        text_insert_line(e, e->nlines, line, len);
    }
    free(line);
    int err = ferror(f) ? errno : 0;
    fclose(f);
    if (err) {
        errno = err;
        return -1;
    }
    e->dirty = 0;
    return 0;
}

/* The text as the file's bytes. */
static char *text_bytes(struct editor *e, size_t *size)
{
    size_t total = 0;

    for (int i = 0; i < e->nlines; i++)
        total += e->lines[i].len + 1;
    char *buf = malloc(total ? total : 1);
    if (!buf)
        return NULL;
    char *p = buf;
    for (int i = 0; i < e->nlines; i++) {
        memcpy(p, e->lines[i].chars, e->lines[i].len);
        p += e->lines[i].len;
        *p++ = '\n';
    }
    *size = total;
    return buf;
}

/* Writes buf into path (made, or cut to zero, first), mode for a new one.
 * 0, or -1 with errno. */
static int write_into(const char *path, const char *buf, size_t size, mode_t mode, int set_mode)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);

    if (fd < 0)
        return -1;
    if ((set_mode && fchmod(fd, mode) < 0) || write_all(fd, buf, size) < 0) {
        int err = errno;
        close(fd);
        errno = err;
        return -1;
    }
    return close(fd);
}

/* Saves to e->filename (write beside it, then rename). */
static int save_to(struct editor *e, const char *buf, size_t size)
{
    struct stat st;
    int exists = lstat(e->filename, &st) == 0;

    if (exists && access(e->filename, W_OK) < 0)
        return -1;                           /* the rename would get round the file's bits */
    if (exists && (S_ISLNK(st.st_mode) || st.st_nlink > 1))
        return write_into(e->filename, buf, size, 0666, 0);     /* in place: see above */

    size_t len = strlen(e->filename) + sizeof(".edit-tmp");
    char *tmp = malloc(len);
    if (!tmp)
        return -1;
    snprintf(tmp, len, "%s.edit-tmp", e->filename);
    int r = write_into(tmp, buf, size, exists ? st.st_mode & 07777 : 0666, exists);
    if (r == 0)
        r = rename(tmp, e->filename);
    if (r < 0) {
        int err = errno;
        unlink(tmp);
        errno = err;
    }
    free(tmp);
    return r;
}

/* Ctrl-S.  Returns 0 when the text was written. */
int file_save(struct editor *e)
{
    size_t size;

    if (!e->filename) {
        e->filename = prompt(e, "Save as: %s   (Enter saves, Esc cancels)", NULL, NULL);
        if (!e->filename) {
            set_message(e, "Not saved.");
            return -1;
        }
    }
    char *buf = text_bytes(e, &size);
    if (!buf || save_to(e, buf, size) < 0) {
        set_message(e, "Cannot save %s: %s", e->filename, strerror(errno));
        free(buf);
        return -1;
    }
    free(buf);
    e->dirty = 0;
    set_message(e, "Wrote %s: %d lines, %zu bytes.", e->filename, e->nlines, size);
    return 0;
}
