package io.jcompose.agent.api.v1;

/**
 * The framing of an exec stream after the {@code 101 Switching Protocols} answer, from the agent to the
 * client: Docker's stdcopy header, 8 bytes {@code [type, 0, 0, 0, length as 4 bytes big-endian]}, then
 * {@code length} bytes. Type 1 is standard output (all of a TTY's output), 2 standard error, and 3 the
 * last frame: 4 bytes, the exit code, big-endian. From the client to the agent, frames with the same header:
 * type 0 is standard input, and an empty one its end; type 4 sets the terminal's size, 4 bytes: rows then
 * columns, 2 bytes each, big-endian. (Input is framed rather than ended by shutting down the client's write
 * side, Docker's way, because the agent's unix sockets cannot be half-closed under Netty's NIO transport.)
 */
public final class ExecFrame {
    public static final int HEADER = 8;
    public static final byte STDOUT = 1;
    public static final byte STDERR = 2;
    public static final byte EXIT = 3;
    public static final byte STDIN = 0;
    public static final byte RESIZE = 4;
    /** The largest payload the agent sends in one frame. */
    public static final int MAX_PAYLOAD = 32 * 1024;

    private ExecFrame() {
    }

    public static byte[] header(byte type, int length) {
        return new byte[] {type, 0, 0, 0, (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8),
                (byte) length};
    }

    /** The payload length of a header read into {@code h}. */
    public static int length(byte[] h) {
        return (h[4] & 0xff) << 24 | (h[5] & 0xff) << 16 | (h[6] & 0xff) << 8 | h[7] & 0xff;
    }

    /** A whole frame: header and payload. */
    public static byte[] frame(byte type, byte[] payload, int off, int len) {
        byte[] out = new byte[HEADER + len];
        System.arraycopy(header(type, len), 0, out, 0, HEADER);
        System.arraycopy(payload, off, out, HEADER, len);
        return out;
    }

    public static byte[] resizePayload(int rows, int columns) {
        return new byte[] {(byte) (rows >>> 8), (byte) rows, (byte) (columns >>> 8), (byte) columns};
    }

    public static byte[] exitPayload(int code) {
        return new byte[] {(byte) (code >>> 24), (byte) (code >>> 16), (byte) (code >>> 8), (byte) code};
    }

    public static int exitCode(byte[] payload) {
        return length(new byte[] {0, 0, 0, 0, payload[0], payload[1], payload[2], payload[3]});
    }
}
