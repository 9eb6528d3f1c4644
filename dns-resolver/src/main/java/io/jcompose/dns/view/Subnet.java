package io.jcompose.dns.view;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An IPv4 or IPv6 subnet in CIDR form. The address is stored with its host bits cleared, so
 * {@code 10.1.2.3/24} and {@code 10.1.2.0/24} are the same subnet.
 */
public record Subnet(InetAddress address, int prefixLength) {
    public Subnet {
        int bits = address.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException(
                    "prefix length " + prefixLength + " is outside 0.." + bits + " for " + address.getHostAddress());
        }
        address = masked(address, prefixLength);
    }

    /** Parses {@code 172.18.0.0/16} or {@code fd00::/64}; only numeric addresses, never a DNS lookup. */
    public static Subnet parse(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("subnet '" + cidr + "' has no prefix length; write it like 172.18.0.0/16");
        }
        InetAddress address = InetAddress.ofLiteral(cidr.substring(0, slash));
        int prefix;
        try {
            prefix = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("subnet '" + cidr + "' has a malformed prefix length");
        }
        return new Subnet(address, prefix);
    }

    public boolean contains(InetAddress candidate) {
        byte[] net = address.getAddress();
        byte[] other = candidate.getAddress();
        if (net.length != other.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (net[i] != other[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (net[full] & mask) == (other[full] & mask);
    }

    public boolean overlaps(Subnet other) {
        return contains(other.address) || other.contains(address);
    }

    @Override
    public String toString() {
        return address.getHostAddress() + "/" + prefixLength;
    }

    private static InetAddress masked(InetAddress address, int prefixLength) {
        byte[] bytes = address.getAddress();
        byte[] out = Arrays.copyOf(bytes, bytes.length);
        for (int i = 0; i < out.length; i++) {
            int keep = Math.clamp(prefixLength - i * 8L, 0, 8);
            out[i] &= (byte) (0xff << (8 - keep));
        }
        try {
            return InetAddress.getByAddress(out);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
