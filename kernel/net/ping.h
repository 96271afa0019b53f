/* Ping sockets: socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP), Linux's way for
 * a program without privileges to send ICMP echo requests (net/ping.c). */
#ifndef NET_PING_H
#define NET_PING_H

struct socket;
struct sk_buff;

long ping_create(struct socket *s);
/* An echo reply (skb->data at the ICMP header): 1 if a ping socket took
 * it (and skb with it), else 0. */
int ping_rcv(struct sk_buff *skb);

#endif
