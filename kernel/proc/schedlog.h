#ifndef PROC_SCHEDLOG_H
#define PROC_SCHEDLOG_H

void schedlog_switch(int from, int to);

#endif
