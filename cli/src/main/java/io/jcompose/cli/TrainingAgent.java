package io.jcompose.cli;

import io.jcompose.agent.api.v1.ContainerView;
import io.jcompose.agent.api.v1.RecordJson;
import io.jcompose.agent.client.AgentReadiness;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A stand-in agent for {@link AotTraining} when no real one answers (the startup cache is usually recorded right
 * after a build, agent or not): it answers the read-only requests of {@code ps} and {@code up --dry-run} from a
 * socket in a temporary directory, so the agent client's, planner's and view's code is in the cache either way.
 * The project's one container, every network list empty unless {@link #networks} says otherwise, every volume list
 * empty, every other request "not found" — except what {@code run --rm} of an image-only service asks, which it
 * also answers as if it ran: the image, the create, an attachment whose container exits 0 at once, the start and
 * the removal; and what {@code down} asks: the stop sequence of the listed containers (streamed, chunked, as the
 * agent streams it) and the removal of a network.
 */
final class TrainingAgent implements AutoCloseable {
    private final Path dir;
    private final ServerSocketChannel server;
    private volatile byte[] containers;
    private volatile List<String> ids;
    private volatile byte[] networks = "[]".getBytes(StandardCharsets.UTF_8);
    private volatile List<String> networkNames = List.of();
    private final byte[] container;
    private final byte[] image;

    private TrainingAgent(Path dir, ServerSocketChannel server, ContainerView container) {
        this.dir = dir;
        this.server = server;
        this.containers = RecordJson.write(List.of(container));
        this.ids = List.of(container.id());
        this.container = RecordJson.write(container);
        this.image = RecordJson.write(new io.jcompose.agent.api.v1.ImageView("sha256:00", List.of(), List.of(), 0, null,
                java.util.Map.of(), "linux/amd64", null));
    }

    /** From now on, the project's containers are {@code listed}. */
    void listing(ContainerView... listed) {
        containers = RecordJson.write(List.of(listed));
        ids = java.util.Arrays.stream(listed).map(ContainerView::id).toList();
    }

    /** From now on, every network list is {@code listed}. */
    void networks(io.jcompose.agent.api.v1.NetworkView... listed) {
        networks = RecordJson.write(List.of(listed));
        networkNames = java.util.Arrays.stream(listed).map(io.jcompose.agent.api.v1.NetworkView::name).toList();
    }

    /** Listens in a new temporary directory, the runtime directory to hand the commands. */
    static TrainingAgent start(ContainerView container) throws IOException {
        Path dir = Files.createTempDirectory("jcompose-aot-training");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(dir.resolve(AgentReadiness.SOCKET_FILE)));
        TrainingAgent agent = new TrainingAgent(dir, server, container);
        Thread.ofPlatform().daemon().name("training-agent").start(agent::serve);
        return agent;
    }

    Path runtimeDir() {
        return dir;
    }

    /** Each connection on a thread of its own: a probe that connects and says nothing must not hold up the rest. */
    private void serve() {
        while (server.isOpen()) {
            SocketChannel accepted;
            try {
                accepted = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            Thread.ofPlatform().daemon().name("training-request").start(() -> {
                try (SocketChannel channel = accepted) {
                    answer(Channels.newInputStream(channel), Channels.newOutputStream(channel));
                } catch (IOException e) {
                    // a probe that connected without asking anything
                }
            });
        }
    }

    private void answer(InputStream in, OutputStream out) throws IOException {
        String head = readHead(in);
        if (head.isEmpty()) return;
        String target = head.substring(0, head.indexOf("\r\n"));
        byte[] body = readBody(head, in);
        if (target.startsWith("GET /v1/containers?")) {
            respond(out, "200 OK", containers);
        } else if (target.startsWith("GET /v1/images/")) {
            respond(out, "200 OK", image);
        } else if (target.startsWith("POST /v1/containers ")) {
            respond(out, "201 Created", container);
        } else if (target.startsWith("POST /v1/containers/") && target.contains("/attach")) {
            out.write("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n"
                    .getBytes(StandardCharsets.UTF_8));
            byte[] exit = io.jcompose.agent.api.v1.ExecFrame.exitPayload(0);
            out.write(io.jcompose.agent.api.v1.ExecFrame.frame(io.jcompose.agent.api.v1.ExecFrame.EXIT, exit, 0,
                    exit.length));
            out.flush();
        } else if (target.startsWith("POST /v1/containers/") && target.contains("/start")) {
            respond(out, "200 OK", container);
        } else if (target.startsWith("DELETE /v1/containers/")) {
            out.write("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        } else if (target.startsWith("POST /v1/stops ")) {
            stops(out, new String(body, StandardCharsets.UTF_8).contains("\"networkLabels\""));
        } else if (target.startsWith("DELETE /v1/networks/")) {
            out.write("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        } else if (target.startsWith("GET /v1/networks")) {
            respond(out, "200 OK", networks);
        } else if (target.startsWith("GET /v1/volumes")) {
            respond(out, "200 OK", "[]".getBytes(StandardCharsets.UTF_8));
        } else {
            respond(out, "404 Not Found", "{\"kind\":\"NOT_FOUND\",\"message\":\"not in the training agent\"}"
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Every listed container stopped and removed, one chunked line per step as the agent streams them; with
     * {@code thenNetworks} each listed network removed after them.
     */
    private void stops(OutputStream out, boolean thenNetworks) throws IOException {
        out.write("HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n"
                .getBytes(StandardCharsets.UTF_8));
        for (String id : ids) {
            for (String type : List.of("stopping", "stopped", "removing", "removed")) {
                chunk(out, RecordJson.write(new io.jcompose.agent.api.v1.StopProgressView(id, type, null)));
            }
        }
        for (String name : thenNetworks ? networkNames : List.<String>of()) {
            chunk(out, RecordJson.write(new io.jcompose.agent.api.v1.StopProgressView(null, "removed", null, name)));
        }
        chunk(out, RecordJson.write(new io.jcompose.agent.api.v1.StopProgressView(null, "done", null)));
        out.write("0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void chunk(OutputStream out, byte[] line) throws IOException {
        out.write((Integer.toHexString(line.length + 1) + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(line);
        out.write("\n\r\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads the request's body (also so that closing the connection does not reset it before the answer is read). */
    private static byte[] readBody(String head, InputStream in) throws IOException {
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                return in.readNBytes(Integer.parseInt(line.substring(15).strip()));
            }
        }
        return new byte[0];
    }

    /** The request line and headers. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            head.append((char) c);
            if (head.length() >= 4 && head.lastIndexOf("\r\n\r\n") == head.length() - 4) break;
        }
        return head.toString();
    }

    private static void respond(OutputStream out, String status, byte[] body) throws IOException {
        out.write(("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(body);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(dir.resolve(AgentReadiness.SOCKET_FILE));
        Files.deleteIfExists(dir);
    }
}
