package io.jcompose.dns.forward;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;

/**
 * Where a forwarded query's answer goes back to: the server's UDP socket and the client's address,
 * or the client's TCP connection (whose pipeline adds the length prefix).
 */
public record Client(Channel channel, InetSocketAddress address) {
    public boolean overTcp() {
        return !(channel instanceof DatagramChannel);
    }

    /** Sends one response; takes ownership of the buffer. Safe from any thread. */
    public void send(ByteBuf response) {
        if (overTcp()) {
            channel.writeAndFlush(response, channel.voidPromise());
        } else {
            channel.writeAndFlush(new DatagramPacket(response, address), channel.voidPromise());
        }
    }
}
