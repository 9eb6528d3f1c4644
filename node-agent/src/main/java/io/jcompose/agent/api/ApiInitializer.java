package io.jcompose.agent.api;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;

/**
 * The pipeline of an API connection: HTTP/1.1 codec, uploads streamed to disk, other requests whole up
 * to 4 MiB, the handler.
 */
final class ApiInitializer extends ChannelInitializer<Channel> {
    private static final int MAX_BODY = 4 * 1024 * 1024;

    private final ApiHandler handler;
    private final Routes routes;
    private final java.nio.file.Path uploads;

    ApiInitializer(ApiHandler handler) {
        this(handler, null, null);
    }

    /** With {@code uploads}, upload routes stream their bodies into that directory. */
    ApiInitializer(ApiHandler handler, Routes routes, java.nio.file.Path uploads) {
        this.handler = handler;
        this.routes = routes;
        this.uploads = uploads;
    }

    @Override
    protected void initChannel(Channel ch) {
        ch.pipeline().addLast(new HttpServerCodec());
        if (uploads != null) {
            ch.pipeline().addLast(new UploadHandler(routes, uploads));
        }
        ch.pipeline().addLast(new HttpObjectAggregator(MAX_BODY), handler);
    }
}
