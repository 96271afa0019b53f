/* TCP as programs see it: the states (Linux's numbers, /proc/net/tcp's
 * `st` column), the congestion-control states, and TCP_INFO with Linux's
 * struct tcp_info (tcp(7); the layout of Linux 6.1's <linux/tcp.h>, so a
 * glibc program built elsewhere reads the same fields at the same
 * offsets).  Shared by the kernel and the C library's <netinet/tcp.h>. */
#ifndef _MINNOW_TCP_H
#define _MINNOW_TCP_H

#include <stdint.h>

/* RFC 9293 3.3.2's states, numbered as Linux numbers them */
enum tcp_state {
    TCP_ESTABLISHED = 1, TCP_SYN_SENT, TCP_SYN_RECV, TCP_FIN_WAIT1, TCP_FIN_WAIT2,
    TCP_TIME_WAIT, TCP_CLOSE, TCP_CLOSE_WAIT, TCP_LAST_ACK, TCP_LISTEN, TCP_CLOSING,
};

/* What the sender's congestion control is doing (tcpi_ca_state).  Minnow
 * uses three of Linux's five: Open (slow start or congestion avoidance),
 * Recovery (fast recovery after three duplicate ACKs) and Loss (after a
 * retransmission timeout). */
enum tcp_ca_state {
    TCP_CA_Open = 0, TCP_CA_Disorder = 1, TCP_CA_CWR = 2, TCP_CA_Recovery = 3, TCP_CA_Loss = 4,
};

#define TCP_INFO 11              /* getsockopt(IPPROTO_TCP): struct tcp_info */

/* tcpi_options: the options both sides agreed on (Minnow's TCP has none
 * of these, so it is 0) */
#define TCPI_OPT_TIMESTAMPS 1
#define TCPI_OPT_SACK       2
#define TCPI_OPT_WSCALE     4
#define TCPI_OPT_ECN        8

/* Times are in microseconds, cwnd and ssthresh in segments, as Linux
 * gives them.  Minnow fills the fields with a comment; the others are 0.
 * A shorter length to getsockopt gets the first bytes. */
struct tcp_info {
    uint8_t tcpi_state;          /* enum tcp_state */
    uint8_t tcpi_ca_state;       /* enum tcp_ca_state */
    uint8_t tcpi_retransmits;    /* timeouts in a row, not yet recovered from */
    uint8_t tcpi_probes;
    uint8_t tcpi_backoff;
    uint8_t tcpi_options;
    uint8_t tcpi_snd_wscale : 4, tcpi_rcv_wscale : 4;
    uint8_t tcpi_delivery_rate_app_limited : 1, tcpi_fastopen_client_fail : 2;

    uint32_t tcpi_rto;           /* the retransmission timeout */
    uint32_t tcpi_ato;           /* the delayed-ACK timeout: 0, Minnow ACKs at once */
    uint32_t tcpi_snd_mss;       /* the largest segment we send */
    uint32_t tcpi_rcv_mss;       /* the largest segment the peer sent (a guess at its MSS) */

    uint32_t tcpi_unacked;
    uint32_t tcpi_sacked;
    uint32_t tcpi_lost;
    uint32_t tcpi_retrans;
    uint32_t tcpi_fackets;

    uint32_t tcpi_last_data_sent;   /* milliseconds ago */
    uint32_t tcpi_last_ack_sent;
    uint32_t tcpi_last_data_recv;
    uint32_t tcpi_last_ack_recv;

    uint32_t tcpi_pmtu;
    uint32_t tcpi_rcv_ssthresh;
    uint32_t tcpi_rtt;           /* the smoothed round trip (RFC 6298's SRTT) */
    uint32_t tcpi_rttvar;        /* its variation (RTTVAR) */
    uint32_t tcpi_snd_ssthresh;  /* slow start threshold; 0x7FFFFFFF before any loss */
    uint32_t tcpi_snd_cwnd;      /* congestion window */
    uint32_t tcpi_advmss;        /* the MSS we announced */
    uint32_t tcpi_reordering;

    uint32_t tcpi_rcv_rtt;
    uint32_t tcpi_rcv_space;

    uint32_t tcpi_total_retrans; /* segments this connection sent again */

    uint64_t tcpi_pacing_rate;
    uint64_t tcpi_max_pacing_rate;
    uint64_t tcpi_bytes_acked;
    uint64_t tcpi_bytes_received;
    uint32_t tcpi_segs_out;
    uint32_t tcpi_segs_in;

    uint32_t tcpi_notsent_bytes;
    uint32_t tcpi_min_rtt;
    uint32_t tcpi_data_segs_in;
    uint32_t tcpi_data_segs_out;

    uint64_t tcpi_delivery_rate;

    uint64_t tcpi_busy_time;
    uint64_t tcpi_rwnd_limited;
    uint64_t tcpi_sndbuf_limited;

    uint32_t tcpi_delivered;
    uint32_t tcpi_delivered_ce;

    uint64_t tcpi_bytes_sent;
    uint64_t tcpi_bytes_retrans;
    uint32_t tcpi_dsack_dups;
    uint32_t tcpi_reord_seen;

    uint32_t tcpi_rcv_ooopack;

    uint32_t tcpi_snd_wnd;       /* the peer's window, in bytes */
};

#endif
