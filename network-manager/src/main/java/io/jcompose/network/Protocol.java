package io.jcompose.network;

import java.util.Locale;

/** The transport protocol of a published port. */
public enum Protocol {
    TCP, UDP;

    public static Protocol parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "tcp", "" -> TCP;
            case "udp" -> UDP;
            default -> throw NetworkException.invalid("protocol '" + text + "' is not supported",
                    "publish tcp or udp ports");
        };
    }

    /** As nftables and /proc write it. */
    public String lower() {
        return name().toLowerCase(Locale.ROOT);
    }
}
