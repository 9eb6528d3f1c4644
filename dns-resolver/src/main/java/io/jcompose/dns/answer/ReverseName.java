package io.jcompose.dns.answer;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Reads the address out of a PTR question: {@code 4.3.2.1.in-addr.arpa} is 1.2.3.4, and 32 nibbles
 * under {@code ip6.arpa} are an IPv6 address. Partial names (a whole reverse zone, DNS-SD
 * browsing names) are not addresses and give null.
 */
final class ReverseName {
    private static final String V4_SUFFIX = ".in-addr.arpa";
    private static final String V6_SUFFIX = ".ip6.arpa";

    private ReverseName() {
    }

    static InetAddress address(String key) {
        if (key.endsWith(V4_SUFFIX)) {
            return v4(key.substring(0, key.length() - V4_SUFFIX.length()));
        }
        if (key.endsWith(V6_SUFFIX)) {
            return v6(key.substring(0, key.length() - V6_SUFFIX.length()));
        }
        return null;
    }

    private static InetAddress v4(String labels) {
        String[] parts = labels.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[3 - i];
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
                return null;
            }
            int value = 0;
            for (int j = 0; j < part.length(); j++) {
                char c = part.charAt(j);
                if (c < '0' || c > '9') {
                    return null;
                }
                value = value * 10 + (c - '0');
            }
            if (value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return of(bytes);
    }

    private static InetAddress v6(String labels) {
        if (labels.length() != 63) {
            return null;
        }
        byte[] bytes = new byte[16];
        for (int nibble = 0; nibble < 32; nibble++) {
            int at = labels.length() - 1 - nibble * 2;
            if (at > 0 && labels.charAt(at - 1) != '.') {
                return null;
            }
            int value = Character.digit(labels.charAt(at), 16);
            if (value < 0) {
                return null;
            }
            bytes[nibble / 2] |= (byte) (nibble % 2 == 0 ? value << 4 : value);
        }
        return of(bytes);
    }

    private static InetAddress of(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
