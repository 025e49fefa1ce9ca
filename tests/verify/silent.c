/* SPDX-License-Identifier: MIT */
/* A name server that never answers: binds UDP ADDR:PORT, reads every
 * datagram and drops it. The timeout path of tests/verify/run.sh. It ends
 * by itself after SECONDS (default 60), so a test that dies cannot leave it
 * behind for long.
 *
 *   verify-silent ADDR PORT READYFILE [SECONDS]
 *
 * READYFILE is created once the socket is bound. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: %s ADDR PORT READYFILE [SECONDS]\n", argv[0]);
        return 2;
    }
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons((unsigned short)atoi(argv[2]));
    if (inet_pton(AF_INET, argv[1], &sa.sin_addr) != 1) {
        fprintf(stderr, "%s: bad address %s\n", argv[0], argv[1]);
        return 2;
    }
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
        perror("verify-silent: bind");
        return 1;
    }
    alarm(argc > 4 ? (unsigned)atoi(argv[4]) : 60);
    FILE *f = fopen(argv[3], "w");
    if (!f) {
        perror("verify-silent: ready file");
        return 1;
    }
    fclose(f);
    char buf[4096];
    for (;;)
        if (recv(fd, buf, sizeof buf, 0) < 0)
            return 0;
}
