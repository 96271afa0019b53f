/* What execve knows about the program it is starting, shared by the loader
 * of ELF programs (exec.c) and the one of interpreter scripts
 * (exec_script.c).  The names are Linux's (struct linux_binprm). */
#ifndef PROC_BINPRM_H
#define PROC_BINPRM_H

#include "fs/inode.h"

#define BINPRM_BUF_SIZE   256    /* how much of a script's first line counts (Linux 6.1) */
#define MAX_SCRIPT_DEPTH  5      /* scripts run by scripts, as Linux allows; one more: ELOOP */
/* Each script drops argv[0] and puts up to three strings in front. */
#define MAX_FRONT_ARGS    (2 * MAX_SCRIPT_DEPTH + 1)

/* The strings of argv or envp for the new program: first the ones the
 * kernel put in front (a script's interpreter, its argument and the
 * script's name; envp has none), then the caller's vector from string
 * number `skip` on.  The caller's strings are in its own memory, or in
 * the kernel's (for init, whose arguments the kernel makes up). */
struct arg_source {
    const char *front[MAX_FRONT_ARGS];
    int nfront;
    char *const *vec;            /* argv or envp as the caller passed it */
    int skip;                    /* 1 once a script has taken the place of its argv[0] */
    int from_kernel;
};

struct binprm {
    struct inode *file;          /* the program to run, or the interpreter a script names */
    const char *filename;        /* the name file was found by */
    struct arg_source argv;
    int depth;                   /* how many scripts led to file */
    /* each script's first line; argv.front and filename point into them */
    char lines[MAX_SCRIPT_DEPTH][BINPRM_BUF_SIZE];
};

/* exec.c */
int open_program(const char *path, struct inode **out);
int remove_arg_zero(struct arg_source *args);
int prepend_arg(struct arg_source *args, const char *s);

/* exec_script.c */
int is_script(struct inode *file);
int load_script(struct binprm *bprm);

#endif
