package io.jcompose.agent.api;

import io.jcompose.agent.api.v1.ExecFrame;
import io.jcompose.agent.exec.ClientInput;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * The inbound half of an upgraded exec or attach connection, after a frame decoder: {@link ExecFrame#STDIN} frames are
 * the process's standard input (an empty one its end), {@link ExecFrame#RESIZE} frames its terminal's size; the
 * connection closing means the client is gone. When the session's input queue is full the connection stops
 * reading until the session has room again.
 */
final class ExecStreamHandler extends ChannelInboundHandlerAdapter {
    private volatile ClientInput session;

    void attach(ClientInput s) {
        this.session = s;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof ByteBuf frame && frame.readableBytes() >= ExecFrame.HEADER) {
                byte type = frame.getByte(frame.readerIndex());
                frame.skipBytes(ExecFrame.HEADER);
                if (type == ExecFrame.STDIN && !frame.isReadable()) {
                    session.endStdin();
                } else if (type == ExecFrame.STDIN && !session.offerStdin(ByteBufUtil.getBytes(frame))) {
                    ctx.channel().config().setAutoRead(false);
                } else if (type == ExecFrame.RESIZE && frame.readableBytes() == 4) {
                    session.resize(frame.readUnsignedShort(), frame.readUnsignedShort());
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        session.clientGone();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
