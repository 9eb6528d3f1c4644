package io.jcompose.dns.forward;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One query to an upstream over TCP, for an answer that came back truncated over UDP. */
final class TcpExchange {
    private TcpExchange() {
    }

    /** Sends {@code query} (not consumed) and completes with the first answer frame, which the caller then owns. */
    static CompletableFuture<ByteBuf> exchange(EventLoopGroup group, InetSocketAddress upstream, ByteBuf query,
                                               long timeoutMillis) {
        CompletableFuture<ByteBuf> result = new CompletableFuture<>();
        ChannelFuture connect = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeoutMillis, Integer.MAX_VALUE))
                .handler(new Initializer(result, timeoutMillis))
                .connect(upstream);
        ByteBuf request = query.retainedDuplicate();
        connect.addListener(f -> {
            if (f.isSuccess()) {
                connect.channel().writeAndFlush(request);
            } else {
                request.release();
                result.completeExceptionally(f.cause());
            }
        });
        return result;
    }

    private static final class Initializer extends ChannelInitializer<Channel> {
        private final CompletableFuture<ByteBuf> result;
        private final long timeoutMillis;

        Initializer(CompletableFuture<ByteBuf> result, long timeoutMillis) {
            this.result = result;
            this.timeoutMillis = timeoutMillis;
        }

        @Override
        protected void initChannel(Channel channel) {
            channel.pipeline().addLast(
                    new ReadTimeoutHandler(timeoutMillis, TimeUnit.MILLISECONDS),
                    new LengthFieldBasedFrameDecoder(65535, 0, 2, 0, 2),
                    new LengthFieldPrepender(2),
                    new AnswerHandler(result));
        }
    }

    private static final class AnswerHandler extends SimpleChannelInboundHandler<ByteBuf> {
        private final CompletableFuture<ByteBuf> result;

        AnswerHandler(CompletableFuture<ByteBuf> result) {
            super(false);
            this.result = result;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
            if (!result.complete(frame)) {
                frame.release();
            }
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            result.completeExceptionally(new ClosedChannelException());
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            result.completeExceptionally(cause);
            ctx.close();
        }
    }
}
