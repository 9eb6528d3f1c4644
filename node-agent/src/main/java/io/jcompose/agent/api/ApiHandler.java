package io.jcompose.agent.api;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.Arrays;
import java.util.List;

/**
 * Hands each request to {@link Routes} on a virtual thread: operations block on the runtime and
 * must never hold an event loop. Reading pauses until the response is written, so replies on a
 * keep-alive connection stay in request order.
 */
@ChannelHandler.Sharable
final class ApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final Routes routes;

    ApiHandler(Routes routes) {
        this.routes = routes;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest msg) {
        QueryStringDecoder uri = new QueryStringDecoder(msg.uri());
        List<String> segments = Arrays.stream(uri.rawPath().split("/")).filter(p -> !p.isEmpty())
                .map(p -> QueryStringDecoder.decodeComponent(p)).toList();
        ApiRequest request = new ApiRequest(msg.method().name(), segments, uri.parameters(),
                ByteBufUtil.getBytes(msg.content()));
        boolean keepAlive = HttpUtil.isKeepAlive(msg);
        ctx.channel().config().setAutoRead(false);
        Reply reply = new Reply(ctx.channel(), keepAlive);
        Thread.startVirtualThread(() -> {
            try {
                routes.serve(request, reply);
            } finally {
                ctx.channel().config().setAutoRead(true);
            }
        });
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
