package io.jcompose.network.address;

import io.jcompose.network.NetworkException;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * An IPv4 or IPv6 address as a number, so that subnet arithmetic is plain integer arithmetic for
 * both families. Text is strict: dotted quads for IPv4, RFC 4291 text without a zone for IPv6; the
 * canonical text of an IPv6 address follows RFC 5952 (lower case, longest zero run as {@code ::}).
 */
public record IpAddress(IpFamily family, BigInteger value) implements Comparable<IpAddress> {

    public IpAddress {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0 || value.bitLength() > family.bits()) {
            throw new IllegalArgumentException(value + " is out of range for " + family);
        }
    }

    public static IpAddress parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        if (t.indexOf(':') >= 0) {
            if (t.indexOf('%') >= 0) {
                throw NetworkException.invalid("'" + text + "' is not a valid IP address: zone ids are not allowed",
                        "drop the %zone suffix");
            }
            InetAddress address = literal(t, text);
            if (!(address instanceof Inet6Address)) {
                throw NetworkException.invalid("'" + text + "' is an IPv4-mapped IPv6 address",
                        "write the IPv4 address itself");
            }
            return of(address);
        }
        String[] parts = t.split("\\.", -1);
        if (parts.length != 4) {
            throw invalidText(text);
        }
        long v = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || (part.length() > 1 && part.charAt(0) == '0')) {
                throw invalidText(text);
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                throw invalidText(text);
            }
            v = (v << 8) | octet;
        }
        return new IpAddress(IpFamily.V4, BigInteger.valueOf(v));
    }

    public static IpAddress of(InetAddress address) {
        IpFamily family = address instanceof Inet4Address ? IpFamily.V4 : IpFamily.V6;
        return new IpAddress(family, new BigInteger(1, address.getAddress()));
    }

    public static IpAddress fromBytes(byte[] bytes) {
        IpFamily family = switch (bytes.length) {
            case 4 -> IpFamily.V4;
            case 16 -> IpFamily.V6;
            default -> throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + bytes.length);
        };
        return new IpAddress(family, new BigInteger(1, bytes));
    }

    public static IpAddress unspecified(IpFamily family) {
        return new IpAddress(family, BigInteger.ZERO);
    }

    public static IpAddress loopback(IpFamily family) {
        return family == IpFamily.V4 ? parse("127.0.0.1") : new IpAddress(IpFamily.V6, BigInteger.ONE);
    }

    public boolean isV4() {
        return family == IpFamily.V4;
    }

    public boolean isUnspecified() {
        return value.signum() == 0;
    }

    public boolean isLoopback() {
        return family == IpFamily.V4 ? value.shiftRight(24).intValue() == 127 : value.equals(BigInteger.ONE);
    }

    /** This address plus {@code offset}, or an exception when that leaves the address space. */
    public IpAddress plus(BigInteger offset) {
        return new IpAddress(family, value.add(offset));
    }

    public IpAddress plus(long offset) {
        return plus(BigInteger.valueOf(offset));
    }

    public byte[] bytes() {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[family.bytes()];
        int copy = Math.min(raw.length, out.length);
        System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
        return out;
    }

    public InetAddress toInetAddress() {
        try {
            return InetAddress.getByAddress(bytes());
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int compareTo(IpAddress other) {
        int byFamily = family.compareTo(other.family);
        return byFamily != 0 ? byFamily : value.compareTo(other.value);
    }

    @Override
    public String toString() {
        if (family == IpFamily.V4) {
            long v = value.longValue();
            return ((v >> 24) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 8) & 0xff) + "." + (v & 0xff);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = value.shiftRight(16 * (7 - i)).intValue() & 0xffff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!out.isEmpty() && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    private static InetAddress literal(String t, String original) {
        try {
            return InetAddress.ofLiteral(t);
        } catch (IllegalArgumentException e) {
            throw invalidText(original);
        }
    }

    private static NetworkException invalidText(String text) {
        return NetworkException.invalid("'" + text + "' is not a valid IP address",
                "write an IPv4 address like 172.20.0.5 or an IPv6 address like fd00::5");
    }
}
