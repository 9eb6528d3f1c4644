/* The least a DNS server can do: turn each query into a response (QR set) and send it back. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: %s ADDRESS\n", argv[0]); return 2; }
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = 0 };
    if (inet_pton(AF_INET, argv[1], &addr.sin_addr) != 1 || bind(fd, (struct sockaddr *) &addr, sizeof addr) != 0) {
        perror("bind"); return 1;
    }
    socklen_t len = sizeof addr;
    getsockname(fd, (struct sockaddr *) &addr, &len);
    printf("ready %d\n", ntohs(addr.sin_port));
    fflush(stdout);
    unsigned char buf[4096];
    for (;;) {
        struct sockaddr_in peer;
        socklen_t peer_len = sizeof peer;
        ssize_t n = recvfrom(fd, buf, sizeof buf, 0, (struct sockaddr *) &peer, &peer_len);
        if (n < 12) continue;
        buf[2] |= 0x80;
        sendto(fd, buf, (size_t) n, 0, (struct sockaddr *) &peer, peer_len);
    }
}
