package io.jcompose.dns.view;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The rules for the names the view holds. A name is kept as a lookup key: lower case, without the
 * trailing dot, so that {@code Web.}, {@code WEB} and {@code web} are one key (DNS names compare
 * case-insensitively, RFC 4343). The wire parser produces keys in the same form.
 */
public final class DnsNames {
    private DnsNames() {
    }

    /** {@code "Web.Front."} → {@code "web.front"}; the root {@code "."} → {@code ""}. */
    public static String key(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /**
     * Whether a key can be asked for at all: labels of 1 to 63 printable ASCII characters, at most
     * 253 characters in total. A container name that breaks this (a 64-character label, moby#46928)
     * is simply not registered: no client could send a query for it, and an answer naming it could
     * not be encoded.
     */
    public static boolean isEncodable(String key) {
        if (key.isEmpty() || key.length() > 253) {
            return false;
        }
        int labelLength = 0;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '.') {
                if (labelLength == 0) {
                    return false;
                }
                labelLength = 0;
            } else if (c <= ' ' || c >= 0x7f || ++labelLength > 63) {
                return false;
            }
        }
        return labelLength > 0;
    }

    /** The uncompressed wire form of an encodable key, root label included. */
    public static byte[] wire(String key) {
        if (!isEncodable(key)) {
            throw new IllegalArgumentException("not an encodable DNS name: '" + key + "'");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(key.length() + 2);
        for (String label : key.split("\\.")) {
            byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
            out.write(bytes.length);
            out.writeBytes(bytes);
        }
        out.write(0);
        return out.toByteArray();
    }

    /** Whether the key has a single label ({@code web}, not {@code web.front}). */
    public static boolean isSingleLabel(String key) {
        return !key.isEmpty() && key.indexOf('.') < 0;
    }
}
