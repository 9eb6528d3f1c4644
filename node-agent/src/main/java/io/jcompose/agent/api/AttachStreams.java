package io.jcompose.agent.api;

import io.jcompose.agent.attach.AttachPoints;
import io.jcompose.agent.attach.AttachSession;
import io.jcompose.agent.container.ContainerService;
import io.jcompose.agent.error.AgentException;
import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /v1/containers/{ref}/attach}: the container's main process on this connection, with the framing of
 * the exec stream ({@link ExecStreams}): the request is checked and the client registered with the container's
 * monitor, then {@code 101 Switching Protocols}. A container that is not running is attached when it next
 * starts, so a client attaches first and then starts it without missing any output.
 */
final class AttachStreams {
    private final AttachPoints points;

    AttachStreams(ContainerService containers) {
        this.points = new AttachPoints(containers);
    }

    /** On a virtual thread of {@link ApiHandler}. Query: {@code stdin}, {@code height}, {@code width}. */
    void attach(ApiRequest r, String ref, Reply reply) {
        int rows = r.integer("height", 0);
        int columns = r.integer("width", 0);
        if (rows < 0 || columns < 0 || rows > 0xffff || columns > 0xffff || (rows == 0) != (columns == 0)) {
            throw AgentException.invalid("attach: height " + rows + " and width " + columns + " are not a terminal size",
                    "give both, between 1 and 65535, or neither");
        }
        Channel channel = reply.channel();
        CompletableFuture<Void> upgraded = new CompletableFuture<>();
        ExecStreamHandler handler = new ExecStreamHandler();
        AttachSession session = points.attach(ref, r.flag("stdin", false), rows, columns,
                (type, b, off, len) -> ExecStreams.send(channel, upgraded, type, b, off, len),
                () -> channel.config().setAutoRead(true));
        handler.attach(session);
        session.done().whenComplete((code, e) -> channel.close());
        channel.eventLoop().submit(() -> ExecStreams.upgrade(channel, "attach", handler)).awaitUninterruptibly();
        upgraded.complete(null);
    }
}
