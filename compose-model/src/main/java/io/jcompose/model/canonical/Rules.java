package io.jcompose.model.canonical;

import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import io.jcompose.model.tree.YamlPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rules for compose-go's scalar and list field types. Each mirrors how the Go field is declared:
 * an {@code omitempty} field vanishes when zero ({@link #STRING}, {@link #BOOL}, {@link #INT}), a
 * pointer field keeps its zero ({@link #BOOL_PTR}, {@link #INT_PTR}).
 */
final class Rules {
    private Rules() {
    }

    /** Attributes the loader has already applied ({@code extends}): not part of the model. */
    static final Rule DROP = (v, p, rc) -> null;

    static final Rule STRING = (v, p, rc) -> {
        if (Values.isNull(v)) return null;
        String s = Values.text(v, p);
        return s.isEmpty() ? null : Values.str(s, v);
    };

    /** A string field without omitempty. */
    static final Rule STRING_KEEP = (v, p, rc) -> Values.str(Values.isNull(v) ? "" : Values.text(v, p), v);

    static final Rule BOOL = (v, p, rc) -> Values.isNull(v) || !Values.bool(v, p) ? null : Values.bool(true, v);

    static final Rule BOOL_PTR = (v, p, rc) -> Values.isNull(v) ? null : Values.bool(Values.bool(v, p), v);

    static final Rule INT = (v, p, rc) -> {
        if (Values.isNull(v)) return null;
        long n = Values.integer(v, p);
        return n == 0 ? null : Values.num(n, v);
    };

    static final Rule INT_PTR = (v, p, rc) -> Values.isNull(v) ? null : Values.num(Values.integer(v, p), v);

    /** Go {@code float32}: the value rounded to single precision, printed with its shortest digits. */
    static final Rule FLOAT32 = (v, p, rc) -> {
        if (Values.isNull(v)) return null;
        float f = (float) Values.number(v, p);
        return f == 0 ? null : new ScalarNode(Double.parseDouble(Float.toString(f)), v.position(), null);
    };

    static final Rule DURATION = duration(false);

    static final Rule DURATION_PTR = duration(true);

    private static final java.util.regex.Pattern NEGATIVE_INTEGER = java.util.regex.Pattern.compile("-[0-9]+");

    /**
     * {@code UnitBytes}: parsed from {@code 512m}-style text, printed as a decimal string. A negative
     * number written as text ({@code memswap_limit: "-1"}, which is how config prints it) is read as
     * that number; go-units rejects it, which keeps docker compose from reloading its own output.
     */
    static final Rule BYTES = (v, p, rc) -> {
        if (Values.isNull(v)) return null;
        long bytes;
        if (v instanceof ScalarNode s && s.value() instanceof String text && !NEGATIVE_INTEGER.matcher(text).matches()) {
            try {
                bytes = ByteSize.parse(text);
            } catch (IllegalArgumentException e) {
                throw Values.error(v, p, e.getMessage(), "write a byte size such as 512m or 1g");
            }
        } else {
            bytes = Values.integer(v, p);
        }
        return bytes == 0 ? null : Values.str(Long.toString(bytes), v);
    };

    /** {@code StringList}: one string or a list of them. */
    static final Rule STRING_LIST = (v, p, rc) -> {
        if (Values.isNull(v)) return null;
        if (v instanceof ScalarNode) return SeqNode.of(List.of(Values.str(Values.text(v, p), v)), v.position());
        return strings(v, p);
    };

    /** {@code ShellCommand}: a string is split like a shell would; null and {@code []} are kept. */
    static final Rule SHELL_COMMAND = (v, p, rc) -> {
        if (Values.isNull(v)) return Values.nil(v == null ? io.jcompose.model.tree.Position.UNKNOWN : v.position());
        if (v instanceof SeqNode seq) return strings(seq, p, true);
        String line = Values.text(v, p);
        ShellWords words;
        try {
            words = ShellWords.parse(line);
        } catch (IllegalArgumentException e) {
            throw Values.error(v, p, e.getMessage() + ": " + line, "quote the string, or write the command as a list");
        }
        if (words.truncatedAt() >= 0) {
            rc.warn(p + ": \"" + line + "\" is cut at the shell operator at offset " + words.truncatedAt()
                    + " as docker compose does; write [\"sh\", \"-c\", \"...\"] to run it through a shell");
        }
        List<Node> items = new ArrayList<>();
        for (String w : words.words()) items.add(Values.str(w, v));
        return SeqNode.of(items, v.position());
    };

    static Rule list(Rule item) {
        return (v, p, rc) -> {
            if (Values.isNull(v)) return null;
            List<Node> in = Values.items(v, p);
            List<Node> out = new ArrayList<>(in.size());
            for (int i = 0; i < in.size(); i++) {
                Node n = item.apply(in.get(i), p.index(i), rc);
                if (n != null) out.add(n);
            }
            return out.isEmpty() ? null : SeqNode.of(out, v.position());
        };
    }

    /** A Go map with struct values: keys kept, null values kept as null (nil pointers). */
    static Rule mapOf(Rule value) {
        return (v, p, rc) -> {
            if (Values.isNull(v)) return null;
            MapNode m = Values.map(v, p);
            if (m.isEmpty()) return null;
            MapNode.Builder out = MapNode.builder(m.position());
            for (Map.Entry<String, Node> e : m.entries().entrySet()) {
                Node n = Values.isNull(e.getValue())
                        ? Values.nil(e.getValue().position())
                        : value.apply(e.getValue(), p.key(e.getKey()), rc);
                if (n != null) out.put(e.getKey(), n, m.keyPosition(e.getKey()));
            }
            return out.build();
        };
    }

    static SeqNode strings(Node v, YamlPath p) {
        return strings(v, p, false);
    }

    private static SeqNode strings(Node v, YamlPath p, boolean keepEmpty) {
        List<Node> in = Values.items(v, p);
        if (in.isEmpty() && !keepEmpty) return null;
        List<Node> out = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) out.add(Values.str(Values.text(in.get(i), p.index(i)), in.get(i)));
        return SeqNode.of(out, v.position());
    }

    private static Rule duration(boolean keepZero) {
        return (v, p, rc) -> {
            if (Values.isNull(v)) return null;
            String text = Values.text(v, p);
            long ns;
            try {
                ns = GoDuration.parse(text);
            } catch (IllegalArgumentException e) {
                throw Values.error(v, p, e.getMessage(), "write a duration such as 30s, 1m30s or 1h");
            }
            return ns == 0 && !keepZero ? null : Values.str(GoDuration.format(ns), v);
        };
    }
}
