package io.jcompose.agent.client;

import io.jcompose.agent.error.AgentException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Just enough HTTP/1.1 over a unix socket for the agent's API: one request per connection, bodies
 * by Content-Length or chunked. Hand-written so that the CLI talks to the agent without loading
 * an HTTP stack (JDK's HttpClient cannot use unix sockets).
 */
final class UnixHttp {
    private UnixHttp() {
    }

    /** An open response; close it to drop the connection (it ends a stream early). */
    record Response(int status, Map<String, String> headers, InputStream body, SocketChannel channel) implements AutoCloseable {
        byte[] readAll() throws IOException {
            try (this) {
                return body.readAllBytes();
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    static Response send(Path socket, String method, String target, byte[] body) {
        return send(socket, method, target, body == null ? null
                : new Body("application/json", body.length, out -> out.write(body)));
    }

    /** A request body written straight to the connection (a file of any size), of known length. */
    record Body(String contentType, long length, Writer writer) {
        @FunctionalInterface
        interface Writer {
            void writeTo(OutputStream out) throws IOException;
        }
    }

    static Response send(Path socket, String method, String target, Body body) {
        return send(socket, method, target, body, "Connection: close\r\n");
    }

    /**
     * A request asking to switch the connection to a raw stream ({@code Upgrade: tcp}). On {@code 101} the
     * response's body is the raw stream from the agent and its channel the way back; any other status is an
     * ordinary answer.
     */
    static Response upgrade(Path socket, String target, byte[] body) {
        return send(socket, "POST", target, new Body("application/json", body.length, out -> out.write(body)),
                "Connection: Upgrade\r\nUpgrade: tcp\r\n");
    }

    private static Response send(Path socket, String method, String target, Body body, String connection) {
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            throw AgentException.unavailable("the agent is not answering on " + socket + " (" + e.getMessage() + ")",
                    "start it with `jcompose agent`, or check `jcompose agent status`");
        }
        try {
            OutputStream out = Channels.newOutputStream(channel);
            StringBuilder head = new StringBuilder()
                    .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: jcompose\r\n").append(connection);
            if (body != null) {
                head.append("Content-Type: ").append(body.contentType()).append("\r\nContent-Length: ")
                        .append(body.length()).append("\r\n");
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            if (body != null) {
                body.writer().writeTo(out);
            }
            out.flush();
            InputStream in = new BufferedInputStream(Channels.newInputStream(channel));
            String statusLine = line(in);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw AgentException.unavailable("the agent answered something that is not HTTP: " + statusLine, null);
            }
            int status = Integer.parseInt(parts[1]);
            Map<String, String> headers = new HashMap<>();
            for (String h = line(in); !h.isEmpty(); h = line(in)) {
                int colon = h.indexOf(':');
                if (colon > 0) {
                    headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
                }
            }
            InputStream bodyStream;
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                bodyStream = new ChunkedInput(in);
            } else if (headers.containsKey("content-length")) {
                bodyStream = new BoundedInput(in, Long.parseLong(headers.get("content-length")));
            } else {
                bodyStream = in;
            }
            return new Response(status, headers, bodyStream, channel);
        } catch (IOException | NumberFormatException e) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Reporting the first failure.
            }
            throw AgentException.unavailable("the connection to the agent failed: " + e.getMessage(), null);
        }
    }

    /** One CRLF-terminated ASCII line, without the terminator. */
    static String line(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(64);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                buf.write(b);
            }
        }
        if (b == -1 && buf.size() == 0) {
            throw new IOException("connection closed");
        }
        return buf.toString(StandardCharsets.US_ASCII);
    }

    /** Decodes {@code Transfer-Encoding: chunked}. */
    static final class ChunkedInput extends InputStream {
        private final InputStream in;
        private long left;
        private boolean done;

        ChunkedInput(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                String size = line(in);
                int semi = size.indexOf(';');
                left = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).strip(), 16);
                if (left == 0) {
                    while (!line(in).isEmpty()) {
                        // trailers: none expected
                    }
                    done = true;
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n == -1) {
                throw new IOException("stream ended inside a chunk");
            }
            left -= n;
            if (left == 0) {
                line(in); // the CRLF after the chunk
            }
            return n;
        }
    }

    /** A body of known length. */
    static final class BoundedInput extends InputStream {
        private final InputStream in;
        private long left;

        BoundedInput(InputStream in, long length) {
            this.in = in;
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
