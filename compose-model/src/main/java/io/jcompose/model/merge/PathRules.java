package io.jcompose.model.merge;

import io.jcompose.model.tree.YamlPath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An ordered table from YAML path patterns to values: the first pattern that matches a path wins, so
 * a more specific pattern must be listed before a broader one. Patterns use {@code *} for any key
 * and {@code []} for any index, as {@link YamlPath#matches(String)} does.
 *
 * <p>The merge and unicity walks look a rule up for nearly every mapping entry they visit, so
 * patterns are split once, when the table is built, and filed by depth and by last segment: a
 * lookup compares a handful of candidates segment by segment, without regular expressions and
 * without building the child path.
 */
final class PathRules<T> {
    private static final String ANY_KEY = "*";
    private static final String ANY_INDEX = "[]";

    private record Rule<T>(String[] segments, T value, int order) {}

    /** The rules of one depth: those ending in a literal segment by that segment, the others apart. */
    private record Level<T>(Map<String, List<Rule<T>>> byLast, List<Rule<T>> wildcardLast) {}

    private final List<Level<T>> levels;
    /** For each length n, the distinct first-n-segment prefixes of the rules deeper than n. */
    private final List<List<String[]>> prefixes;

    private PathRules(List<Level<T>> levels, List<List<String[]>> prefixes) {
        this.levels = levels;
        this.prefixes = prefixes;
    }

    static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /** The value of the first pattern matching {@code path}, or {@code null} when none does. */
    T find(YamlPath path) {
        int depth = path.depth();
        return depth == 0 ? null : find(path, depth - 1, path.segment(depth - 1));
    }

    /**
     * The value of the first pattern matching {@code parent.key(key)}, or {@code null}; the walks
     * call this for every mapping entry, so it does not build the child path.
     */
    T find(YamlPath parent, String key) {
        return find(parent, parent.depth(), key);
    }

    /** Matches the first {@code parentDepth} segments of {@code parent}, then {@code last}. */
    private T find(YamlPath parent, int parentDepth, String last) {
        int depth = parentDepth + 1;
        if (depth >= levels.size()) return null;
        Level<T> level = levels.get(depth);
        Rule<T> best = null;
        List<Rule<T>> literal = level.byLast.get(last);
        if (literal != null) best = first(literal, parent, parentDepth, null);
        if (!level.wildcardLast.isEmpty()) best = first(level.wildcardLast, parent, parentDepth, last, best);
        return best == null ? null : best.value;
    }

    private static <T> Rule<T> first(List<Rule<T>> rules, YamlPath parent, int parentDepth, Rule<T> best) {
        for (Rule<T> rule : rules) {
            if (best != null && rule.order > best.order) break;
            if (prefixMatches(rule.segments, parent, parentDepth)) return rule;
        }
        return best;
    }

    private static <T> Rule<T> first(List<Rule<T>> rules, YamlPath parent, int parentDepth, String last, Rule<T> best) {
        for (Rule<T> rule : rules) {
            if (best != null && rule.order > best.order) break;
            if (segmentMatches(rule.segments[parentDepth], last) && prefixMatches(rule.segments, parent, parentDepth)) {
                return rule;
            }
        }
        return best;
    }

    /** True when some pattern is deeper than {@code path} and begins with it: a walk must go on below. */
    boolean reachesBelow(YamlPath path) {
        int depth = path.depth();
        if (depth >= prefixes.size()) return false;
        for (String[] prefix : prefixes.get(depth)) {
            if (prefixMatches(prefix, path, depth)) return true;
        }
        return false;
    }

    /** {@link #reachesBelow(YamlPath)} for {@code parent.key(key)}, without building that path. */
    boolean reachesBelow(YamlPath parent, String key) {
        int depth = parent.depth() + 1;
        if (depth >= prefixes.size()) return false;
        for (String[] prefix : prefixes.get(depth)) {
            if (segmentMatches(prefix[depth - 1], key) && prefixMatches(prefix, parent, depth - 1)) return true;
        }
        return false;
    }

    /** Compares the first {@code count} pattern segments with the path's, last one first. */
    private static boolean prefixMatches(String[] pattern, YamlPath path, int count) {
        for (int i = count - 1; i >= 0; i--) {
            if (!segmentMatches(pattern[i], path.segment(i))) return false;
        }
        return true;
    }

    private static boolean segmentMatches(String pattern, String segment) {
        if (pattern == ANY_KEY) return !segment.startsWith("[");
        if (pattern == ANY_INDEX) return segment.startsWith("[");
        return pattern.equals(segment);
    }

    static final class Builder<T> {
        private final List<Rule<T>> rules = new ArrayList<>();

        /** Adds a rule after the ones already added (so with a lower priority). */
        Builder<T> add(String pattern, T value) {
            String[] segments = YamlPath.parse(pattern).segments().toArray(String[]::new);
            // interned so that segmentMatches can tell the wildcards by identity
            for (int i = 0; i < segments.length; i++) {
                if (segments[i].equals(ANY_KEY)) segments[i] = ANY_KEY;
                else if (segments[i].equals(ANY_INDEX)) segments[i] = ANY_INDEX;
            }
            rules.add(new Rule<>(segments, value, rules.size()));
            return this;
        }

        PathRules<T> build() {
            int maxDepth = 0;
            for (Rule<T> rule : rules) maxDepth = Math.max(maxDepth, rule.segments.length);
            List<Level<T>> levels = new ArrayList<>();
            List<List<String[]>> prefixes = new ArrayList<>();
            for (int depth = 0; depth <= maxDepth; depth++) {
                Map<String, List<Rule<T>>> byLast = new HashMap<>();
                List<Rule<T>> wildcardLast = new ArrayList<>();
                List<String[]> shorter = new ArrayList<>();
                for (Rule<T> rule : rules) {
                    String[] s = rule.segments;
                    if (s.length == depth && depth > 0) {
                        String last = s[depth - 1];
                        if (last == ANY_KEY || last == ANY_INDEX) wildcardLast.add(rule);
                        else byLast.computeIfAbsent(last, k -> new ArrayList<>()).add(rule);
                    }
                    if (s.length > depth) {
                        String[] prefix = Arrays.copyOf(s, depth);
                        if (shorter.stream().noneMatch(p -> Arrays.equals(p, prefix))) shorter.add(prefix);
                    }
                }
                byLast.replaceAll((k, v) -> List.copyOf(v));
                levels.add(new Level<>(Map.copyOf(byLast), List.copyOf(wildcardLast)));
                prefixes.add(List.copyOf(shorter));
            }
            return new PathRules<>(List.copyOf(levels), List.copyOf(prefixes));
        }
    }
}
