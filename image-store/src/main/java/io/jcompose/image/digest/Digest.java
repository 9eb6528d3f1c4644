package io.jcompose.image.digest;

import io.jcompose.image.ImageException;
import io.jcompose.image.ImageException.Kind;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A content digest such as {@code sha256:4f…}: an algorithm the OCI image spec registers and its
 * lowercase hex encoding of the right length. Once one exists it is well-formed, so a digest can be
 * used as a file name without further checks.
 */
public record Digest(String algorithm, String encoded) implements Comparable<Digest> {
    public static final String SHA256 = "sha256";

    public Digest {
        int length = hexLength(algorithm);
        if (length < 0) {
            throw new ImageException(Kind.INVALID_ARGUMENT,
                    "unsupported digest algorithm \"" + algorithm + "\"",
                    "use sha256 (or sha384/sha512), e.g. sha256:<64 hex digits>");
        }
        if (encoded.length() != length) {
            throw new ImageException(Kind.INVALID_ARGUMENT,
                    "invalid " + algorithm + " digest length: " + encoded.length() + " hex digits instead of " + length,
                    "copy the whole digest; " + algorithm + " digests have " + length + " hex digits");
        }
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                throw new ImageException(Kind.INVALID_ARGUMENT,
                        "invalid digest \"" + algorithm + ":" + encoded + "\": '" + c + "' is not a lowercase hex digit",
                        "a digest is written in lowercase hexadecimal (0-9, a-f)");
            }
        }
    }

    /** Parses {@code algorithm:hex}. */
    public static Digest parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new ImageException(Kind.INVALID_ARGUMENT, "invalid digest \"" + text + "\": no algorithm",
                    "write it as sha256:<64 hex digits>");
        }
        return new Digest(text.substring(0, colon), text.substring(colon + 1));
    }

    /** True when {@code text} would parse; for callers that only branch on the form. */
    public static boolean isDigest(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) return false;
        int length = hexLength(text.substring(0, colon));
        if (length < 0 || text.length() - colon - 1 != length) return false;
        for (int i = colon + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) return false;
        }
        return true;
    }

    public static Digest sha256(byte[] content) {
        return new Digest(SHA256, HexFormat.of().formatHex(newMessageDigest(SHA256).digest(content)));
    }

    public static Digest sha256Hex(String hex) {
        return new Digest(SHA256, hex);
    }

    /** A fresh {@link MessageDigest} for this digest's algorithm, to verify content against it. */
    public MessageDigest newMessageDigest() {
        return newMessageDigest(algorithm);
    }

    /** The digest of what {@code md} has consumed, in this digest's algorithm. */
    public static Digest of(String algorithm, MessageDigest md) {
        return new Digest(algorithm, HexFormat.of().formatHex(md.digest()));
    }

    /** A fresh {@link MessageDigest} for {@code sha256}, {@code sha384} or {@code sha512}. */
    public static MessageDigest newMessageDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(switch (algorithm) {
                case "sha256" -> "SHA-256";
                case "sha384" -> "SHA-384";
                case "sha512" -> "SHA-512";
                default -> throw new IllegalArgumentException(algorithm);
            });
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has " + algorithm, e);
        }
    }

    private static int hexLength(String algorithm) {
        return switch (algorithm) {
            case "sha256" -> 64;
            case "sha384" -> 96;
            case "sha512" -> 128;
            default -> -1;
        };
    }

    /** The first 12 hex digits, as {@code docker images} shows them. */
    public String shortHex() {
        return encoded.substring(0, 12);
    }

    @Override
    public int compareTo(Digest o) {
        int c = algorithm.compareTo(o.algorithm);
        return c != 0 ? c : encoded.compareTo(o.encoded);
    }

    @Override
    public String toString() {
        return algorithm + ":" + encoded;
    }
}
