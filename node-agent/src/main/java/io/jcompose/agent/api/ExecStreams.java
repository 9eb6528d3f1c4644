package io.jcompose.agent.api;

import io.jcompose.agent.api.v1.ExecFrame;
import io.jcompose.agent.api.v1.ExecStartRequest;
import io.jcompose.agent.api.v1.WireJson;
import io.jcompose.agent.container.ContainerService;
import io.jcompose.agent.container.Execs;
import io.jcompose.agent.error.AgentException;
import io.jcompose.agent.exec.ExecSession;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exec attached to its connection, as Docker's {@code POST /exec/{id}/start} does it: the request is checked
 * and the process started, then the agent answers {@code 101 Switching Protocols} ({@code Upgrade: tcp}),
 * takes the HTTP codecs out of the connection's pipeline, and from then on the connection carries
 * {@link ExecFrame}s both ways.
 */
final class ExecStreams {
    private final ContainerService containers;

    ExecStreams(ContainerService containers) {
        this.containers = containers;
    }

    /** {@code POST /v1/containers/{ref}/exec/stream}; on a virtual thread of {@link ApiHandler}. */
    void start(ApiRequest r, String ref, Reply reply) {
        ExecStartRequest body = WireJson.read(r.body(), ExecStartRequest.class);
        int rows = body.height() == null ? 0 : body.height();
        int columns = body.width() == null ? 0 : body.width();
        if (rows < 0 || columns < 0 || rows > 0xffff || columns > 0xffff || (rows == 0) != (columns == 0)) {
            throw AgentException.invalid("exec: height " + rows + " and width " + columns + " are not a terminal size",
                    "give both, between 1 and 65535, or neither");
        }
        Execs.Prepared prepared = containers.prepareExec(ref, new Execs.Request(
                body.command() == null ? List.of() : body.command(), body.env(), body.user(), body.workingDir()),
                new Execs.Options(body.isTty(), body.isPrivileged(), body.isDetach()));
        Channel channel = reply.channel();
        String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        CompletableFuture<Void> upgraded = new CompletableFuture<>();
        ExecStreamHandler handler = new ExecStreamHandler();
        ExecSession session = ExecSession.start(id, prepared, body.isTty(), body.isDetach(), rows, columns,
                (type, b, off, len) -> send(channel, upgraded, type, b, off, len),
                () -> channel.config().setAutoRead(true));
        session.exit().whenComplete((code, e) -> channel.close());
        handler.attach(session);
        channel.eventLoop().submit(() -> upgrade(channel, id, handler)).awaitUninterruptibly();
        upgraded.complete(null);
    }

    /** On the event loop: the 101 goes through the HTTP encoder, then the HTTP handlers leave the pipeline. */
    static void upgrade(Channel channel, String id, ExecStreamHandler handler) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.SWITCHING_PROTOCOLS);
        response.headers().set(HttpHeaderNames.CONNECTION, "Upgrade");
        response.headers().set(HttpHeaderNames.UPGRADE, "tcp");
        channel.writeAndFlush(response);
        ChannelPipeline p = channel.pipeline();
        // Added before the codec leaves: input the client sent right after its request is handed on to it.
        p.addLast(new LengthFieldBasedFrameDecoder(ExecFrame.HEADER + ExecFrame.MAX_PAYLOAD, 4, 4), handler);
        for (var h : List.of(HttpObjectAggregator.class, ApiHandler.class, UploadHandler.class)) {
            if (p.get(h) != null) {
                p.remove(h);
            }
        }
        p.remove(HttpServerCodec.class);
    }

    static void send(Channel channel, CompletableFuture<Void> upgraded, byte type, byte[] b, int off, int len)
            throws IOException {
        upgraded.join();
        if (!channel.isActive()) {
            throw new IOException("the client went away");
        }
        ByteBuf frame = Unpooled.buffer(ExecFrame.HEADER + len);
        frame.writeBytes(ExecFrame.header(type, len)).writeBytes(b, off, len);
        // One frame in flight per stream: a slow client slows the process down instead of filling the heap.
        ChannelFuture sent = channel.writeAndFlush(frame).awaitUninterruptibly();
        if (!sent.isSuccess()) {
            throw new IOException("the client went away: " + sent.cause());
        }
    }
}
