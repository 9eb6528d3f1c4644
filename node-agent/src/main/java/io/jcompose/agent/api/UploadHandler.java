package io.jcompose.agent.api;

import io.jcompose.agent.error.AgentException;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/**
 * Streams the body of an upload route ({@code POST /v1/images/load}: an image archive of any size; {@code PUT
 * /v1/containers/{ref}/archive}: files copied into a container) to a
 * file in the agent's upload directory, ahead of the aggregator that holds every other body in memory
 * up to its limit. Once the body is on disk the request is served like any other, with
 * {@link ApiRequest#upload()} naming the file, which is deleted after the reply. One per connection.
 */
final class UploadHandler extends ChannelInboundHandlerAdapter {
    private final Routes routes;
    private final Path directory;
    private HttpRequest request;
    private Path file;
    private FileChannel out;
    private IOException failure;

    UploadHandler(Routes routes, Path directory) {
        this.routes = routes;
        this.directory = directory;
    }

    static boolean isUpload(HttpRequest request) {
        String path = new QueryStringDecoder(request.uri()).rawPath().replaceAll("/+$", "");
        return request.method().equals(HttpMethod.POST) && path.equals("/v1/images/load")
                || request.method().equals(HttpMethod.PUT) && ARCHIVE.matcher(path).matches();
    }

    /** {@code PUT /v1/containers/{ref}/archive}: a tar to extract into a container. */
    private static final java.util.regex.Pattern ARCHIVE = java.util.regex.Pattern.compile("/v1/containers/[^/]+/archive");

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest r && request == null && isUpload(r)) {
            begin(ctx, r);
        }
        if (request == null) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            if (msg instanceof HttpContent content && failure == null) {
                try {
                    var buffer = content.content();
                    while (buffer.isReadable()) {
                        buffer.readBytes(out, buffer.readableBytes());
                    }
                } catch (IOException e) {
                    failure = e;
                }
            }
            if (msg instanceof LastHttpContent) {
                finish(ctx);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void begin(ChannelHandlerContext ctx, HttpRequest r) {
        request = r;
        failure = null;
        try {
            Files.createDirectories(directory);
            file = Files.createTempFile(directory, "load-", ".tar");
            out = FileChannel.open(file, StandardOpenOption.WRITE);
        } catch (IOException e) {
            failure = e;
        }
        if (HttpUtil.is100ContinueExpected(r)) {
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        }
    }

    private void finish(ChannelHandlerContext ctx) {
        HttpRequest r = request;
        Path body = file;
        IOException error = failure;
        request = null;
        file = null;
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            error = error == null ? e : error;
        }
        out = null;
        QueryStringDecoder uri = new QueryStringDecoder(r.uri());
        List<String> segments = Arrays.stream(uri.rawPath().split("/")).filter(p -> !p.isEmpty())
                .map(QueryStringDecoder::decodeComponent).toList();
        ApiRequest request = new ApiRequest(r.method().name(), segments, uri.parameters(), new byte[0], body);
        Reply reply = new Reply(ctx.channel(), HttpUtil.isKeepAlive(r));
        IOException stored = error;
        ctx.channel().config().setAutoRead(false);
        Thread.startVirtualThread(() -> {
            try {
                if (stored != null) {
                    reply.error(AgentException.unavailable("cannot store the uploaded archive: " + stored.getMessage(),
                            "check free space under the agent's data root"));
                } else {
                    routes.serve(request, reply);
                }
            } finally {
                deleteQuietly(body);
                ctx.channel().config().setAutoRead(true);
            }
        });
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        // The client went away mid-upload: nothing will serve the partial file.
        if (request != null) {
            try {
                if (out != null) {
                    out.close();
                }
            } catch (IOException e) {
                // deleting it anyway
            }
            deleteQuietly(file);
            request = null;
        }
        ctx.fireChannelInactive();
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // The next agent start clears the upload directory.
        }
    }
}
