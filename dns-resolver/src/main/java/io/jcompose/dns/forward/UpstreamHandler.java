package io.jcompose.dns.forward;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;

/** Hands what arrives on the upstream socket to its {@link Forwarder}; never lets an error close the socket. */
final class UpstreamHandler extends SimpleChannelInboundHandler<DatagramPacket> {
    volatile Forwarder forwarder;

    UpstreamHandler() {
        super(false);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        Forwarder target = forwarder;
        if (target == null) {
            packet.release();
        } else {
            target.received(packet);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // ICMP port-unreachable from a dead upstream surfaces here as an exception on the socket;
        // the attempt's timer already handles that upstream, and the socket must stay open.
    }
}
