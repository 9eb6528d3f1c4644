package io.jcompose.agent.api;

import io.jcompose.agent.api.v1.ErrorBody;
import io.jcompose.agent.api.v1.WireJson;
import io.jcompose.agent.error.AgentException;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Writes responses on a channel: a whole JSON body, an error, or a newline-delimited JSON stream
 * (chunked). Safe to call from any thread; Netty hands the writes to the channel's event loop.
 */
final class Reply {
    private static final String NDJSON = "application/x-ndjson";

    private final Channel channel;
    private final boolean keepAlive;

    Reply(Channel channel, boolean keepAlive) {
        this.channel = channel;
        this.keepAlive = keepAlive;
    }

    Channel channel() {
        return channel;
    }

    void json(HttpResponseStatus status, Object body) {
        byte[] bytes = body == null ? new byte[0] : WireJson.write(body);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            channel.writeAndFlush(response);
        } else {
            channel.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    void error(AgentException e) {
        json(ErrorStatus.of(e.kind()), new ErrorBody(e.kind().name(), e.problem(), e.fix()));
    }

    /** Starts a stream; the connection closes when it ends. */
    void startStream() {
        startStream(NDJSON);
    }

    /** Starts a stream of {@code contentType}; the connection closes when it ends. */
    void startStream(String contentType) {
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        response.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        channel.writeAndFlush(response);
    }

    /** Sends one line of the stream; false once the client has gone. */
    boolean streamLine(Object value) {
        if (!channel.isActive()) {
            return false;
        }
        byte[] json = WireJson.write(value);
        byte[] line = new byte[json.length + 1];
        System.arraycopy(json, 0, line, 0, json.length);
        line[json.length] = '\n';
        channel.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(line)));
        return true;
    }

    /**
     * A binary body for a started stream. Each chunk is written before the next is taken, so a slow
     * client holds back the producer instead of filling the heap.
     */
    java.io.OutputStream streamBody() {
        return new ChunkedBody(channel);
    }

    /** Ends a stream abruptly (no last chunk): the client sees a truncated body, not a complete one. */
    void abortStream() {
        channel.close();
    }

    void endStream() {
        if (channel.isActive()) {
            channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
