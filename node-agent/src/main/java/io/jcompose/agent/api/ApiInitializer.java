package io.jcompose.agent.api;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;

/** The pipeline of an API connection: HTTP/1.1 codec, whole requests up to 4 MiB, the handler. */
final class ApiInitializer extends ChannelInitializer<Channel> {
    private static final int MAX_BODY = 4 * 1024 * 1024;

    private final ApiHandler handler;

    ApiInitializer(ApiHandler handler) {
        this.handler = handler;
    }

    @Override
    protected void initChannel(Channel ch) {
        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_BODY), handler);
    }
}
