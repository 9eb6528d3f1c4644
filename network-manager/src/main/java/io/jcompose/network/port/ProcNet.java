package io.jcompose.network.port;

import io.jcompose.network.Protocol;
import io.jcompose.network.address.IpAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Parses the socket tables of {@code /proc/net}. Addresses are printed as the raw bytes of the
 * kernel's 32-bit words in host (little-endian) order: {@code 0100007F:1F90} is 127.0.0.1:8080,
 * and an IPv6 address is four such words.
 */
public final class ProcNet {

    private ProcNet() {
    }

    public static List<SocketEntry> parse(Protocol protocol, String table) {
        List<SocketEntry> out = new ArrayList<>();
        String[] lines = table.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].strip().split("\\s+");
            if (f.length < 10) {
                continue;
            }
            int colon = f[1].indexOf(':');
            if (colon < 0) {
                continue;
            }
            try {
                IpAddress address = address(f[1].substring(0, colon));
                int port = Integer.parseInt(f[1].substring(colon + 1), 16);
                int state = Integer.parseInt(f[3], 16);
                long inode = Long.parseLong(f[9]);
                out.add(new SocketEntry(protocol, address, port, state, inode));
            } catch (RuntimeException e) {
                // a line the kernel formats differently is skipped, not fatal
            }
        }
        return out;
    }

    static IpAddress address(String hex) {
        byte[] raw = HexFormat.of().parseHex(hex);
        if (raw.length != 4 && raw.length != 16) {
            throw new IllegalArgumentException("unexpected address " + hex);
        }
        byte[] network = new byte[raw.length];
        for (int word = 0; word < raw.length; word += 4) {
            for (int b = 0; b < 4; b++) {
                network[word + b] = raw[word + 3 - b];
            }
        }
        if (isV4Mapped(network)) {
            // an IPv6 socket bound to ::ffff:a.b.c.d holds the IPv4 port (Java binds 127.0.0.1 like that)
            return IpAddress.fromBytes(java.util.Arrays.copyOfRange(network, 12, 16));
        }
        return IpAddress.fromBytes(network);
    }

    private static boolean isV4Mapped(byte[] address) {
        if (address.length != 16 || address[10] != (byte) 0xff || address[11] != (byte) 0xff) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
