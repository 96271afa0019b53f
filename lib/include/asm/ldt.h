/* Where Linux programs find struct user_desc. */
#include <minnow/ldt.h>
