package io.jcompose.network.bridge;

import io.jcompose.network.NetworkException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Predicate;

/**
 * Host interface names: {@code PREFIX + kind + hex}, exactly {@value #MAX} characters (the kernel's
 * limit is 15 plus the terminating NUL). The kind letter is {@code b} for a bridge and {@code v}
 * for the host end of a veth; the hex is a SHA-256 of what the interface belongs to, so names are
 * stable for the same owner and tell nothing about it. The product prefix is {@code jc}; tests
 * use a unique prefix per run, which is also how their leftovers are found.
 */
public final class InterfaceNames {

    public static final int MAX = 15;
    private static final int MIN_HASH = 5;

    private final String prefix;

    public InterfaceNames(String prefix) {
        if (prefix.isEmpty() || prefix.length() > MAX - 1 - MIN_HASH
                || !prefix.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                || !Character.isLetter(prefix.charAt(0))) {
            throw NetworkException.invalid("interface name prefix '" + prefix + "' is not usable",
                    "use 1 to " + (MAX - 1 - MIN_HASH) + " lower-case letters and digits, starting with a letter");
        }
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    /** The bridge of the network with this id; {@code taken} rejects names in use (then a salted hash is tried). */
    public String bridge(String networkId, Predicate<String> taken) {
        return name('b', networkId, taken);
    }

    /** The host end of the veth of container {@code containerId} on network {@code networkId}. */
    public String veth(String containerId, String networkId, Predicate<String> taken) {
        return name('v', containerId + "\0" + networkId, taken);
    }

    /** True for names this prefix produces (and only those: same length, kind letter, hex). */
    public boolean isOurs(String name) {
        if (name.length() != MAX || !name.startsWith(prefix)) {
            return false;
        }
        char kind = name.charAt(prefix.length());
        if (kind != 'b' && kind != 'v') {
            return false;
        }
        for (int i = prefix.length() + 1; i < name.length(); i++) {
            if (!HexFormat.isHexDigit(name.charAt(i)) || Character.isUpperCase(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    public boolean isBridge(String name) {
        return isOurs(name) && name.charAt(prefix.length()) == 'b';
    }

    private String name(char kind, String owner, Predicate<String> taken) {
        for (int salt = 0; salt < 100; salt++) {
            String hex = sha256Hex(salt == 0 ? owner : owner + "\0" + salt);
            String name = prefix + kind + hex.substring(0, MAX - prefix.length() - 1);
            if (!taken.test(name)) {
                return name;
            }
        }
        throw new NetworkException(NetworkException.Kind.INTERNAL, "failed to find a free interface name for " + owner);
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
