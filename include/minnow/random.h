/* getrandom()'s flags: Linux's values. */
#ifndef _MINNOW_RANDOM_H
#define _MINNOW_RANDOM_H

#define GRND_NONBLOCK 0x0001     /* never wait (Minnow never does) */
#define GRND_RANDOM   0x0002     /* "/dev/random" rather than "/dev/urandom": the same here */
#define GRND_INSECURE 0x0004     /* (not with GRND_RANDOM) */

#endif
