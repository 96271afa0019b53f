#ifndef PROC_INIT_H
#define PROC_INIT_H

/* Creates pid 1; with test, init runs the user-space tests (test=NAME). */
void start_init(const char *test);

#endif
