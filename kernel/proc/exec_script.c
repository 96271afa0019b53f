/* Interpreter scripts: execve of a file that begins with "#!".
 *
 * The first line names the program that runs the script, and at most one
 * argument for it.  A file ./s that begins with
 *
 *   #!/bin/sh -x
 *
 * run as execve("./s", ["s", "a", "b"]) runs /bin/sh with the argv
 * ["/bin/sh", "-x", "./s", "a", "b"]: the interpreter, its argument, the
 * script's name as execve was given it (in place of argv[0], so that the
 * interpreter can open the script), then the rest.  The kernel never runs
 * the script itself; it only finds the program that will read it.
 *
 * The rules are Linux's (execve(2), "Interpreter scripts"):
 *  - the argument is everything after the name to the end of the line,
 *    less the blanks (spaces, tabs) around it, as ONE string: "-x -v"
 *    reaches the interpreter as one argument;
 *  - nothing else is special: the "\r" of a line that ends in CRLF is part
 *    of the name or the argument (a name "/bin/sh\r": ENOENT);
 *  - only the first BINPRM_BUF_SIZE bytes are read: an interpreter's name
 *    that does not end in them is ENOEXEC (running a part of the name
 *    would run some other program), an argument is cut there;
 *  - the interpreter may itself be a script, MAX_SCRIPT_DEPTH scripts in
 *    all; one more is ELOOP (a script naming itself would go on forever). */
#include <string.h>
#include <minnow/errno.h>
#include "proc/binprm.h"
#include "fs/inode.h"

int is_script(struct inode *file)
{
    char magic[2];

    return inode_read(file, magic, 0, sizeof(magic)) == sizeof(magic) &&
           magic[0] == '#' && magic[1] == '!';
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* Reads the file's first line into line (BINPRM_BUF_SIZE bytes), as a
 * string without its newline; a NUL, or the end of the file, ends the
 * line too.  Returns 1 if the line goes on past the buffer (it was cut),
 * 0 if it is whole, or -errno. */
static int read_first_line(struct inode *file, char *line)
{
    long n = inode_read(file, line, 0, BINPRM_BUF_SIZE);
    char *newline;

    if (n < 0)
        return n;
    newline = memchr(line, '\n', n);
    if (newline) {
        *newline = '\0';
        return 0;
    }
    if (n < BINPRM_BUF_SIZE) {           /* the file ends within the buffer */
        line[n] = '\0';
        return 0;
    }
    line[BINPRM_BUF_SIZE - 1] = '\0';    /* the last byte makes it a string */
    return memchr(line, '\0', BINPRM_BUF_SIZE - 1) == NULL;
}

/* Splits "#!  name  the argument  " in place into the interpreter's name
 * and its argument (NULL if there is none). */
static int parse_interp(char *line, int cut, char **name, char **arg)
{
    char *start = line + 2 + strspn(line + 2, " \t");
    char *name_end = start + strcspn(start, " \t");
    char *end = start + strlen(start);

    if (name_end == start)
        return -ENOEXEC;                 /* "#!" names nothing */
    if (cut && name_end == end)
        return -ENOEXEC;                 /* the name may go on past the buffer */
    while (end > name_end && is_blank(end[-1]))
        end--;
    *end = '\0';
    *name = start;
    *arg = NULL;
    if (name_end < end) {
        *name_end = '\0';
        *arg = name_end + 1 + strspn(name_end + 1, " \t");
    }
    return 0;
}

/* argv becomes: the interpreter, its argument, the script's name, and the
 * caller's argv without its argv[0]. */
static int add_script_args(struct binprm *bprm, const char *name, const char *arg)
{
    int err;

    if ((err = remove_arg_zero(&bprm->argv)) < 0 ||
        (err = prepend_arg(&bprm->argv, bprm->filename)) < 0)
        return err;
    if (arg && (err = prepend_arg(&bprm->argv, arg)) < 0)
        return err;
    return prepend_arg(&bprm->argv, name);
}

/* bprm->file is a script: puts its interpreter in its place, with the
 * interpreter's arguments in front of argv.  The interpreter must be an
 * executable file, as any program (ENOENT, EACCES). */
int load_script(struct binprm *bprm)
{
    struct inode *interp;
    char *name, *arg;
    int err;

    if (bprm->depth == MAX_SCRIPT_DEPTH)
        return -ELOOP;
    /* the line stays in bprm: argv's new strings are parts of it */
    char *line = bprm->lines[bprm->depth++];
    int cut = read_first_line(bprm->file, line);
    if (cut < 0)
        return cut;
    if ((err = parse_interp(line, cut, &name, &arg)) < 0 ||
        (err = add_script_args(bprm, name, arg)) < 0 ||
        (err = open_program(name, &interp)) < 0)
        return err;
    inode_put(bprm->file);
    bprm->file = interp;
    bprm->filename = name;
    return 0;
}
