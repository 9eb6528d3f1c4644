package io.jcompose.model.project;

import io.jcompose.model.ModelException;
import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scalar conversions shared by {@link Fields} and {@link Element}. Numbers and booleans are also accepted as
 * strings, because interpolation can leave {@code "3"} or {@code "true"} where the schema allows both.
 */
final class Scalars {
    private static final String WHOLE_NUMBER = "a whole number";

    private Scalars() {
    }

    static String text(Node n, Slot slot) {
        if (n instanceof ScalarNode s && !s.isNull()) return s.text();
        throw wrong(n, slot, "a string", null);
    }

    static long toLong(Node n, Slot slot) {
        // instanceof chains rather than pattern switches: no switch bootstrap on the CLI's first load
        Object v = n instanceof ScalarNode s ? s.value() : null;
        if (v instanceof Long l) return l;
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p63) return d.longValue();
        if (v instanceof String str && isInteger(str.strip())) {
            try {
                return Long.parseLong(str.strip());
            } catch (NumberFormatException e) {
                throw wrong(n, slot, "a whole number that fits in 64 bits", null);
            }
        }
        throw wrong(n, slot, WHOLE_NUMBER, "write digits only, for example 3");
    }

    static double toDouble(Node n, Slot slot) {
        Object v = n instanceof ScalarNode s ? s.value() : null;
        if (v instanceof Long l) return l;
        if (v instanceof Double d) return d;
        if (v instanceof String str && isDecimal(str.strip())) return Double.parseDouble(str.strip());
        throw wrong(n, slot, "a number", "write a decimal number, for example 0.5");
    }

    static boolean toBool(Node n, Slot slot) {
        if (n instanceof ScalarNode s) {
            if (s.value() instanceof Boolean b) return b;
            if (s.value() instanceof String str) {
                if (str.equalsIgnoreCase("true")) return true;
                if (str.equalsIgnoreCase("false")) return false;
            }
        }
        throw wrong(n, slot, "a boolean", "write true or false");
    }

    static Duration toDuration(Node n, Slot slot) {
        if (n instanceof ScalarNode s && !s.isNull() && !(s.value() instanceof Boolean)) {
            try {
                return GoDuration.parse(s.text());
            } catch (IllegalArgumentException e) {
                throw new ModelException(n.position(), slot.path(), message(e, "invalid duration"),
                        "write a duration such as 10s, 1m30s or 500ms");
            }
        }
        throw wrong(n, slot, "a duration", "write a duration such as 10s, 1m30s or 500ms");
    }

    static long toBytes(Node n, Slot slot) {
        if (n instanceof ScalarNode s && (s.value() instanceof Long || s.value() instanceof Double)) {
            return toLong(n, slot);
        }
        if (n instanceof ScalarNode s && s.value() instanceof String str) {
            try {
                return ByteSize.parse(str);
            } catch (IllegalArgumentException e) {
                throw new ModelException(n.position(), slot.path(), e.getMessage(),
                        "write a byte count or a size such as 512m, 1g or 64kb");
            }
        }
        throw wrong(n, slot, "a byte size", "write a byte count or a size such as 512m, 1g or 64kb");
    }

    static int toFileMode(Node n, Slot slot) {
        if (n instanceof ScalarNode s && s.value() instanceof Long l && l >= 0 && l <= 07777) return l.intValue();
        if (n instanceof ScalarNode s && s.value() instanceof String str) {
            String digits = str.strip();
            if (digits.startsWith("0o") || digits.startsWith("0O")) digits = digits.substring(2);
            if (!digits.isEmpty() && digits.length() <= 5 && isOctal(digits)) {
                int mode = Integer.parseInt(digits, 8);
                if (mode <= 07777) return mode;
            }
        }
        throw wrong(n, slot, "a file mode", "write an octal string such as \"0440\" or its decimal value");
    }

    static long toMicros(Node n, Slot slot) {
        if (n instanceof ScalarNode s && s.value() instanceof String str && !isInteger(str.strip())) {
            return toDuration(n, slot).toNanos() / 1_000;
        }
        return toLong(n, slot);
    }

    static <E extends Enum<E> & WireValue> E toChoice(Node n, Slot slot, E[] values) {
        String text = text(n, slot);
        E e = WireValue.find(values, text);
        if (e != null) return e;
        StringBuilder allowed = new StringBuilder();
        for (E v : values) allowed.append(allowed.isEmpty() ? "" : ", ").append(v.wire());
        throw new ModelException(n.position(), slot.path(), "unknown value \"" + text + "\"",
                "use one of " + allowed);
    }

    /** A node as plain Java: String/Long/Double/Boolean/null, immutable List and Map. For x-* extensions. */
    static Object plain(Node n) {
        if (n instanceof SeqNode seq) {
            List<Object> items = new ArrayList<>(seq.size());
            for (Node item : seq.items()) items.add(plain(item));
            return Collections.unmodifiableList(items);
        }
        if (n instanceof MapNode m) {
            Map<String, Object> entries = new LinkedHashMap<>();
            for (Map.Entry<String, Node> e : m.entries().entrySet()) entries.put(e.getKey(), plain(e.getValue()));
            return Collections.unmodifiableMap(entries);
        }
        return ((ScalarNode) n).value();
    }

    static ModelException wrong(Node n, Slot slot, String expected, String fix) {
        return new ModelException(n.position(), slot.path(), "expected " + expected + ", found " + describe(n),
                fix != null ? fix : "write " + expected + " here");
    }

    static String describe(Node n) {
        if (n instanceof ScalarNode s) {
            return switch (s.value()) {
                case null -> "null";
                case String str -> "the string \"" + (str.length() > 40 ? str.substring(0, 40) + "..." : str) + "\"";
                case Boolean b -> "the boolean " + b;
                default -> "the number " + s.text();
            };
        }
        return n.kind();
    }

    static boolean isInteger(String s) {
        int start = !s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        if (start == s.length()) return false;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    /** Digits, sign, one dot, an exponent: what compose accepts; rejects Java's "NaN", "1d", "0x1p3". */
    static boolean isDecimal(String s) {
        if (s.isEmpty()) return false;
        boolean digit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') digit = true;
            else if (!(c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) return false;
        }
        if (!digit) return false;
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isOctal(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '7') return false;
        }
        return true;
    }

    private static String message(RuntimeException e, String fallback) {
        return e.getMessage() != null ? e.getMessage() : fallback;
    }
}
