package io.jcompose.network.port;

import io.jcompose.network.Protocol;
import io.jcompose.network.address.IpAddress;

/** One socket from {@code /proc/net/{tcp,tcp6,udp,udp6}}: its local address, state and inode. */
public record SocketEntry(Protocol protocol, IpAddress localAddress, int localPort, int state, long inode) {

    /** TCP_LISTEN in the kernel's numbering, as /proc prints it (0A). */
    public static final int TCP_LISTEN = 0x0A;

    /** A socket that keeps others from binding its port: a TCP listener, or any bound UDP socket. */
    public boolean holdsPort() {
        return protocol == Protocol.UDP || state == TCP_LISTEN;
    }
}
