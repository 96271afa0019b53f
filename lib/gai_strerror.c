/* gai_strerror: getaddrinfo's and getnameinfo's EAI_ codes in words,
 * glibc's wording, so that a message reads as it does on Linux. */
#include <netdb.h>

static const char *const messages[] = {
    [-EAI_BADFLAGS]   = "Bad value for ai_flags",
    [-EAI_NONAME]     = "Name or service not known",
    [-EAI_AGAIN]      = "Temporary failure in name resolution",
    [-EAI_FAIL]       = "Non-recoverable failure in name resolution",
    [-EAI_NODATA]     = "No address associated with hostname",
    [-EAI_FAMILY]     = "ai_family not supported",
    [-EAI_SOCKTYPE]   = "ai_socktype not supported",
    [-EAI_SERVICE]    = "Servname not supported for ai_socktype",
    [-EAI_ADDRFAMILY] = "Address family for hostname not supported",
    [-EAI_MEMORY]     = "Memory allocation failure",
    [-EAI_SYSTEM]     = "System error",
};      /* EAI_OVERFLOW has no words in glibc 2.36 either: "Unknown error" */

const char *gai_strerror(int err)
{
    if (err >= 0 || -err >= (int)(sizeof(messages) / sizeof(messages[0])))
        return "Unknown error";
    return messages[-err];
}
