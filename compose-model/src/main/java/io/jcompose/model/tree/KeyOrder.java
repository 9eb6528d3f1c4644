package io.jcompose.model.tree;

import java.util.Comparator;

/**
 * The order docker compose prints map keys in: Go sorts strings byte by byte in UTF-8, which is code
 * point order — not Java's UTF-16 {@code compareTo} order, which differs above U+FFFF.
 */
public final class KeyOrder {
    public static final Comparator<String> GO = KeyOrder::compare;

    private KeyOrder() {
    }

    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
