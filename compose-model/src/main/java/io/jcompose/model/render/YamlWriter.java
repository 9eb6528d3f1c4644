package io.jcompose.model.render;

import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A block-style YAML emitter shaped after go-yaml with {@code SetIndent(2)}, the encoder behind
 * {@code docker compose config}: sequences indented under their key, {@code {}}/{@code []} for empty
 * collections, struct fields in declaration order then inline {@code x-*} extensions, map keys in
 * go-yaml's natural order. A dedicated emitter (rather than snakeyaml-engine's dumper) because the
 * quoting decisions must follow go-yaml's resolver, which differs from YAML 1.2 core on purpose.
 */
final class YamlWriter {
    private final StringBuilder out = new StringBuilder(4096);

    private YamlWriter() {
    }

    static String write(MapNode root, Shape shape) {
        YamlWriter w = new YamlWriter();
        if (root.isEmpty()) return "{}\n";
        w.map(root, shape, 0, false);
        return w.out.toString();
    }

    private record Entry(String key, Node value, Shape shape) {
    }

    private void map(MapNode map, Shape shape, int indent, boolean inlineFirst) {
        boolean first = true;
        for (Entry e : entries(map, shape)) {
            if (!(first && inlineFirst)) pad(indent);
            first = false;
            out.append(key(e.key())).append(':');
            afterKey(e.value(), e.shape(), indent);
        }
    }

    private List<Entry> entries(MapNode map, Shape shape) {
        List<Entry> entries = new ArrayList<>(map.size());
        if (shape instanceof Shape.Struct struct) {
            for (String field : struct.fields()) {
                Node v = map.get(field);
                if (v == null || struct.yamlOmitZero().contains(field) && isZero(v)) continue;
                entries.add(new Entry(struct.yamlNames().getOrDefault(field, field), v, struct.childShape(field)));
            }
            List<String> rest = new ArrayList<>();
            List<String> extensions = new ArrayList<>();
            for (String k : map.keys()) {
                if (struct.declares(k)) continue;
                (k.startsWith("x-") ? extensions : rest).add(k);
            }
            rest.sort(YamlScalars.KEY_ORDER);
            extensions.sort(YamlScalars.KEY_ORDER);
            for (String k : rest) entries.add(new Entry(k, map.get(k), Shape.FREE));
            for (String k : extensions) entries.add(new Entry(k, map.get(k), Shape.FREE));
            return entries;
        }
        Shape values = shape instanceof Shape.MapOf m ? m.values() : Shape.FREE;
        List<String> keys = new ArrayList<>(map.keys());
        keys.sort(YamlScalars.KEY_ORDER);
        for (String k : keys) entries.add(new Entry(k, map.get(k), values));
        return entries;
    }

    /**
     * go-yaml's omitempty for the fields JSON always prints: a nil value, or a struct value holding
     * nothing but nils. An explicitly empty list ({@code command: []}) is not zero.
     */
    private static boolean isZero(Node node) {
        return switch (node) {
            case ScalarNode s -> s.value() == null;
            case SeqNode s -> false;
            case MapNode m -> m.entries().values().stream().allMatch(YamlWriter::isZero);
        };
    }

    private void afterKey(Node value, Shape shape, int indent) {
        switch (value) {
            case ScalarNode s -> {
                out.append(' ');
                scalar(s, indent);
            }
            case MapNode m -> {
                if (m.isEmpty()) {
                    out.append(" {}\n");
                } else {
                    out.append('\n');
                    map(m, shape, indent + 2, false);
                }
            }
            case SeqNode s -> {
                if (s.items().isEmpty()) {
                    out.append(" []\n");
                } else {
                    out.append('\n');
                    seq(s, shape, indent + 2, false);
                }
            }
        }
    }

    private void seq(SeqNode seq, Shape shape, int indent, boolean inlineFirst) {
        Shape item = shape instanceof Shape.ListOf l ? l.items() : Shape.FREE;
        boolean first = true;
        for (Node n : seq.items()) {
            if (!(first && inlineFirst)) pad(indent);
            first = false;
            out.append("- ");
            switch (n) {
                case ScalarNode s -> scalar(s, indent);
                case MapNode m -> {
                    if (m.isEmpty()) out.append("{}\n");
                    else map(m, item, indent + 2, true);
                }
                case SeqNode s -> {
                    if (s.items().isEmpty()) out.append("[]\n");
                    else seq(s, item, indent + 2, true);
                }
            }
        }
    }

    private void scalar(ScalarNode s, int indent) {
        switch (s.value()) {
            case null -> out.append("null\n");
            case Boolean b -> out.append(b).append('\n');
            case Long l -> out.append(l).append('\n');
            case Double d -> out.append(yamlFloat(d)).append('\n');
            case String str -> string(str, indent);
            default -> throw new IllegalStateException("unexpected scalar " + s.value().getClass());
        }
    }

    private static String yamlFloat(double d) {
        if (Double.isNaN(d)) return ".nan";
        if (Double.isInfinite(d)) return d > 0 ? ".inf" : "-.inf";
        return GoNumbers.g(d);
    }

    private void string(String s, int indent) {
        switch (YamlScalars.style(s)) {
            case PLAIN -> out.append(s).append('\n');
            case SINGLE -> out.append(YamlScalars.singleQuoted(s)).append('\n');
            case DOUBLE -> out.append(YamlScalars.doubleQuoted(s)).append('\n');
            case LITERAL -> literal(s, indent + 2);
        }
    }

    private void literal(String s, int indent) {
        out.append('|');
        if (s.startsWith(" ") || s.startsWith("\n")) out.append('2');
        int trailing = 0;
        while (trailing < s.length() && s.charAt(s.length() - 1 - trailing) == '\n') trailing++;
        if (trailing == 0) out.append('-');
        else if (trailing > 1) out.append('+');
        out.append('\n');
        String body = trailing == 0 ? s : s.substring(0, s.length() - trailing);
        for (String line : body.split("\n", -1)) {
            if (!line.isEmpty()) pad(indent);
            out.append(line).append('\n');
        }
        for (int i = 1; i < trailing; i++) out.append('\n');
    }

    private static String key(String k) {
        return switch (YamlScalars.style(k)) {
            case PLAIN -> k;
            case SINGLE -> YamlScalars.singleQuoted(k);
            case DOUBLE, LITERAL -> YamlScalars.doubleQuoted(k);
        };
    }

    private void pad(int indent) {
        out.repeat(' ', indent);
    }
}
