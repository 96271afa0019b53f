/* dns_strerror: the DNS_ERR_ codes of <minnow/dns.h> in words, for
 * messages and test reports. */
#include <minnow/dns.h>

static const char *const messages[] = {
    [0]                  = "Success",
    [-DNS_ERR_QUERY]     = "Name or type cannot be asked",
    [-DNS_ERR_SPACE]     = "Buffer too small",
    [-DNS_ERR_FORMAT]    = "Malformed reply",
    [-DNS_ERR_POINTER]   = "Bad compression pointer",
    [-DNS_ERR_MISMATCH]  = "Reply to another query",
    [-DNS_ERR_TRUNCATED] = "Reply truncated",
    [-DNS_ERR_NXDOMAIN]  = "No such name",
    [-DNS_ERR_NODATA]    = "No address of that type",
    [-DNS_ERR_SERVFAIL]  = "Server failure",
    [-DNS_ERR_RCODE]     = "Query refused or not understood",
    [-DNS_ERR_CHAIN]     = "Alias loop or chain too long",
};

const char *dns_strerror(int err)
{
    if (err > 0 || -err >= (int)(sizeof(messages) / sizeof(messages[0])))
        return "Unknown DNS error";
    return messages[-err];
}
