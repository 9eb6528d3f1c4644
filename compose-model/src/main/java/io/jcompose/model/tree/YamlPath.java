package io.jcompose.model.tree;

import java.util.ArrayList;
import java.util.List;

/**
 * A path into a compose document, printed as docker compose does: {@code services.web.ports[0]}.
 * Segments are keys or {@code [n]} indexes. {@link #matches(String)} tests against a rule pattern where
 * {@code *} is any one key and {@code []} any index: {@code services.*.ports[]}.
 */
public record YamlPath(List<String> segments) {
    public static final YamlPath ROOT = new YamlPath(List.of());

    public YamlPath {
        segments = List.copyOf(segments);
    }

    public static YamlPath of(String... keys) {
        return new YamlPath(List.of(keys));
    }

    /** Parses a printed path or pattern: {@code services.web.ports[0]}, {@code services.*.ports[]}. */
    public static YamlPath parse(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (!cur.isEmpty()) out.add(cur.toString());
                cur.setLength(0);
            } else if (c == '[') {
                if (!cur.isEmpty()) out.add(cur.toString());
                cur.setLength(0);
                int end = text.indexOf(']', i);
                out.add(text.substring(i, end + 1));
                i = end;
            } else {
                cur.append(c);
            }
        }
        if (!cur.isEmpty()) out.add(cur.toString());
        return new YamlPath(out);
    }

    public YamlPath key(String key) {
        List<String> next = new ArrayList<>(segments.size() + 1);
        next.addAll(segments);
        next.add(key);
        return new YamlPath(next);
    }

    public YamlPath index(int index) {
        List<String> next = new ArrayList<>(segments.size() + 1);
        next.addAll(segments);
        next.add("[" + index + "]");
        return new YamlPath(next);
    }

    public YamlPath parent() {
        return segments.isEmpty() ? this : new YamlPath(segments.subList(0, segments.size() - 1));
    }

    public int depth() {
        return segments.size();
    }

    public String last() {
        return segments.isEmpty() ? "" : segments.get(segments.size() - 1);
    }

    public String segment(int i) {
        return segments.get(i);
    }

    public boolean isIndex(int i) {
        return segments.get(i).startsWith("[");
    }

    /** True when this path matches the pattern segment by segment ({@code *} any key, {@code []} any index). */
    public boolean matches(String pattern) {
        return matches(parse(pattern));
    }

    public boolean matches(YamlPath pattern) {
        if (pattern.segments.size() != segments.size()) return false;
        for (int i = 0; i < segments.size(); i++) {
            String p = pattern.segments.get(i);
            String s = segments.get(i);
            boolean index = s.startsWith("[");
            if (p.equals("[]") ? !index : p.equals("*") ? index : !p.equals(s)) return false;
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (String s : segments) {
            if (!s.startsWith("[") && !sb.isEmpty()) sb.append('.');
            sb.append(s);
        }
        return sb.toString();
    }
}
