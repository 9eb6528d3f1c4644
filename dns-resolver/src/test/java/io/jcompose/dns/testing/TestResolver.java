package io.jcompose.dns.testing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;

/**
 * A minimal blocking DNS client on plain JDK sockets. It binds to a chosen source address, so a
 * loopback test can speak as any container of the view (every 127/8 address is local).
 */
public final class TestResolver {
    private final InetSocketAddress server;
    private final InetAddress source;
    private final int timeoutMillis;

    public TestResolver(InetSocketAddress server, String source, int timeoutMillis) {
        this.server = server;
        this.source = InetAddress.ofLiteral(source);
        this.timeoutMillis = timeoutMillis;
    }

    /** One UDP exchange; null when nothing came back within the timeout. */
    public Reply udp(byte[] query) {
        byte[] raw = udpRaw(query);
        return raw == null ? null : Reply.decode(raw);
    }

    public byte[] udpRaw(byte[] query) {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(source, 0))) {
            socket.setSoTimeout(timeoutMillis);
            socket.send(new DatagramPacket(query, query.length, server));
            byte[] buffer = new byte[65535];
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            socket.receive(packet);
            return Arrays.copyOf(buffer, packet.getLength());
        } catch (SocketTimeoutException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One TCP exchange on a fresh connection. */
    public Reply tcp(byte[] query) {
        try (Socket socket = connect()) {
            send(socket, query);
            return Reply.decode(receive(socket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(source, 0));
        socket.connect(server, timeoutMillis);
        socket.setSoTimeout(timeoutMillis);
        return socket;
    }

    public static void send(Socket socket, byte[] query) throws IOException {
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        out.writeShort(query.length);
        out.write(query);
        out.flush();
    }

    public static byte[] receive(Socket socket) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        byte[] message = new byte[in.readUnsignedShort()];
        in.readFully(message);
        return message;
    }
}
