package io.jcompose.model.merge;

import io.jcompose.model.tree.YamlPath;
import java.util.ArrayList;
import java.util.List;

/**
 * An ordered table from YAML path patterns to values: the first pattern that matches a path wins, so
 * a more specific pattern must be listed before a broader one of the same depth. Patterns use
 * {@code *} for any key and {@code []} for any index, as {@link YamlPath#matches(String)} does.
 *
 * <p>Patterns are split once, when the table is built, and bucketed by depth: a lookup compares
 * only the few patterns of the path's own depth, segment by segment from the last one (the most
 * selective), with no regular expressions.
 */
final class PathRules<T> {
    private record Rule<T>(String[] segments, T value) {}

    private final List<List<Rule<T>>> byDepth;

    private PathRules(List<List<Rule<T>>> byDepth) {
        this.byDepth = byDepth;
    }

    static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /** The value of the first pattern matching {@code path}, or {@code null} when none does. */
    T find(YamlPath path) {
        int depth = path.depth();
        if (depth >= byDepth.size()) return null;
        for (Rule<T> rule : byDepth.get(depth)) {
            if (matchesFromEnd(rule.segments, path, depth)) return rule.value;
        }
        return null;
    }

    /** True when some pattern is deeper than {@code path} and begins with it: a walk must go on below. */
    boolean reachesBelow(YamlPath path) {
        int depth = path.depth();
        for (int d = depth + 1; d < byDepth.size(); d++) {
            for (Rule<T> rule : byDepth.get(d)) {
                if (matchesFromEnd(rule.segments, path, depth)) return true;
            }
        }
        return false;
    }

    /** Compares the first {@code count} pattern segments with the path's, last one first. */
    private static boolean matchesFromEnd(String[] pattern, YamlPath path, int count) {
        for (int i = count - 1; i >= 0; i--) {
            if (!segmentMatches(pattern[i], path.segment(i))) return false;
        }
        return true;
    }

    private static boolean segmentMatches(String pattern, String segment) {
        boolean index = segment.startsWith("[");
        return switch (pattern) {
            case "*" -> !index;
            case "[]" -> index;
            default -> pattern.equals(segment);
        };
    }

    static final class Builder<T> {
        private final List<List<Rule<T>>> byDepth = new ArrayList<>();

        /** Adds a rule after the ones already added (so with a lower priority). */
        Builder<T> add(String pattern, T value) {
            String[] segments = YamlPath.parse(pattern).segments().toArray(String[]::new);
            while (byDepth.size() <= segments.length) byDepth.add(new ArrayList<>());
            byDepth.get(segments.length).add(new Rule<>(segments, value));
            return this;
        }

        PathRules<T> build() {
            List<List<Rule<T>>> frozen = new ArrayList<>(byDepth.size());
            for (List<Rule<T>> rules : byDepth) frozen.add(List.copyOf(rules));
            return new PathRules<>(List.copyOf(frozen));
        }
    }
}
