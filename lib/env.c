/* The environment: a NULL-terminated array of "NAME=value" strings.
 *
 * exec puts it on the new program's stack, and __libc_start_main points
 * environ at it.  The first setenv/unsetenv/putenv copies the array to
 * malloc'd memory, where it can grow; the strings setenv makes are
 * malloc'd too (and never freed: another part of the program may still
 * hold a pointer from getenv). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char **environ;

static char **own_array;          /* environ, once it is ours to change */

/* Is entry "NAME=value" for this name (of len characters)? */
static int matches(const char *entry, const char *name, size_t len)
{
    return strncmp(entry, name, len) == 0 && entry[len] == '=';
}

/* The index of NAME in environ, or -1. */
static int find(const char *name, size_t len)
{
    if (!environ)
        return -1;
    for (int i = 0; environ[i]; i++)
        if (matches(environ[i], name, len))
            return i;
    return -1;
}

static int count(void)
{
    int n = 0;

    while (environ && environ[n])
        n++;
    return n;
}

static int valid_name(const char *name)
{
    if (!name || !*name || strchr(name, '=')) {
        errno = EINVAL;
        return 0;
    }
    return 1;
}

char *getenv(const char *name)
{
    size_t len = strlen(name);
    int i = find(name, len);

    return i < 0 ? NULL : environ[i] + len + 1;
}

/* Makes environ a malloc'd array of our own, with room for `extra` more
 * entries: the array exec gave us cannot grow. */
static int own_copy(int extra)
{
    int n = count();

    if (environ == own_array && extra == 0)
        return 0;
    char **copy = malloc((size_t)(n + extra + 1) * sizeof(char *));
    if (!copy)
        return -1;
    for (int i = 0; i <= n; i++)              /* the NULL at the end too */
        copy[i] = environ ? environ[i] : NULL;
    free(own_array);
    environ = own_array = copy;
    return 0;
}

/* Puts entry ("NAME=value") into the environment, replacing NAME. */
static int put_entry(char *entry, size_t name_len)
{
    int i = find(entry, name_len);

    if (i >= 0) {
        if (own_copy(0) < 0)
            return -1;
        environ[i] = entry;
        return 0;
    }
    int n = count();
    if (own_copy(1) < 0)
        return -1;
    environ[n] = entry;
    environ[n + 1] = NULL;
    return 0;
}

int setenv(const char *name, const char *value, int overwrite)
{
    if (!valid_name(name))
        return -1;
    size_t len = strlen(name);
    if (find(name, len) >= 0 && !overwrite)
        return 0;
    char *entry = malloc(len + strlen(value) + 2);
    if (!entry)
        return -1;
    strcpy(entry, name);
    entry[len] = '=';
    strcpy(entry + len + 1, value);
    return put_entry(entry, len);
}

/* putenv puts the string itself in the environment (not a copy): later
 * changes to the string change the environment. */
int putenv(char *string)
{
    char *eq = strchr(string, '=');

    if (!eq) {
        errno = EINVAL;
        return -1;
    }
    return put_entry(string, (size_t)(eq - string));
}

int unsetenv(const char *name)
{
    if (!valid_name(name))
        return -1;
    size_t len = strlen(name);
    int i;
    while ((i = find(name, len)) >= 0) {
        if (own_copy(0) < 0)
            return -1;
        for (; environ[i]; i++)          /* close the gap */
            environ[i] = environ[i + 1];
    }
    return 0;
}
