package io.jcompose.model.interpolation;

import io.jcompose.model.ModelException;
import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import io.jcompose.model.tree.YamlPath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The interpolation phase: substitutes {@code ${VAR}} in every string value of one compose file's tree
 * (never in keys), then casts typed fields written as strings back to numbers and booleans
 * ({@link TypeCasts}). It runs per file, before merge and validation, like compose-go's
 * {@code interpolation} package and {@code loader/interpolate.go}.
 *
 * <p>Example: with {@code P=80}, {@code services.web.ports[0].target: "${P}"} becomes the number 80, and
 * {@code services.web.privileged: "yes"} becomes {@code true} with a "not supported by YAML 1.2" warning.
 *
 * <p>The result keeps tags, positions, key positions and key order; subtrees in which nothing changed are
 * returned as the same instances, so a file without {@code $} and casts comes back as the same root.
 */
public final class Interpolator {
    private final Function<String, String> lookup;
    private final Consumer<String> warnings;
    // The path of the node being visited, kept as arrays so that only errors and warnings build a YamlPath.
    private String[] keys = new String[16];
    private int[] indexes = new int[16];
    private boolean[] isIndex = new boolean[16];
    private int depth;

    private Interpolator(Function<String, String> lookup, Consumer<String> warnings) {
        this.lookup = Objects.requireNonNull(lookup);
        this.warnings = Objects.requireNonNull(warnings);
    }

    /**
     * Interpolates a whole file.
     *
     * @param root     the file's tree
     * @param lookup   variable values; {@code null} means unset
     * @param warnings receives unset-variable and YAML 1.1 boolean warnings, once per occurrence; wrap the
     *                 load's sink with {@link #distinct} to report each text once per load
     * @throws ModelException for a malformed template, a missing required variable or a value that cannot
     *                        be cast, with the scalar's position and YAML path
     */
    public static Node interpolate(Node root, Function<String, String> lookup, Consumer<String> warnings) {
        return new Interpolator(lookup, warnings).visit(root);
    }

    /**
     * Every variable the tree's string values use, in order of first use, each name once with its uses
     * {@linkplain Template.Variable#combine combined}: what {@code docker compose config --variables} lists.
     */
    public static List<Template.Variable> variables(Node root) {
        Map<String, Template.Variable> found = new LinkedHashMap<>();
        collect(root, found);
        return new ArrayList<>(found.values());
    }

    /**
     * A sink that passes each distinct warning text to {@code sink} once. The loader makes one per load, so
     * that a variable used in ten places and two files is reported as unset once.
     */
    public static Consumer<String> distinct(Consumer<String> sink) {
        Set<String> seen = new HashSet<>();
        return warning -> {
            if (seen.add(warning)) sink.accept(warning);
        };
    }

    private static void collect(Node node, Map<String, Template.Variable> found) {
        // instanceof rather than a type switch: every switch site spins a class at run time that no startup cache
        // holds (docs/cli-startup.md); a node is a map, a sequence or a scalar
        if (node instanceof MapNode m) {
            m.entries().values().forEach(v -> collect(v, found));
        } else if (node instanceof SeqNode s) {
            s.items().forEach(v -> collect(v, found));
        } else if (((ScalarNode) node).value() instanceof String text && text.indexOf('$') >= 0) {
            Template.collect(text, 0, text.length(), found);
        }
    }

    private Node visit(Node node) {
        // as in collect: no type switch on a command's path
        if (node instanceof MapNode m) return map(m);
        if (node instanceof SeqNode s) return seq(s);
        return scalar((ScalarNode) node);
    }

    private MapNode map(MapNode map) {
        MapNode.Builder changed = null;
        for (Map.Entry<String, Node> e : map.entries().entrySet()) {
            push(e.getKey(), -1);
            Node value = e.getValue();
            Node result = visit(value);
            depth--;
            if (result != value) {
                if (changed == null) changed = map.toBuilder();
                changed.put(e.getKey(), result, map.keyPosition(e.getKey()));
            }
        }
        return changed == null ? map : changed.build();
    }

    private SeqNode seq(SeqNode seq) {
        List<Node> changed = null;
        List<Node> items = seq.items();
        for (int i = 0; i < items.size(); i++) {
            push(null, i);
            Node item = items.get(i);
            Node result = visit(item);
            depth--;
            if (result != item) {
                if (changed == null) changed = new ArrayList<>(items);
                changed.set(i, result);
            }
        }
        return changed == null ? seq : seq.withItems(changed);
    }

    private ScalarNode scalar(ScalarNode scalar) {
        if (!(scalar.value() instanceof String text)) return scalar;
        boolean hasDollar = text.indexOf('$') >= 0;
        // compose-go leaves explicitly tagged scalars (!reset, !override) alone unless they hold a reference
        if (scalar.tag() != null && !hasDollar) return scalar;
        String result = text;
        if (hasDollar) {
            try {
                result = Template.substitute(text, lookup, warnings);
            } catch (TemplateException e) {
                throw new ModelException(scalar.position(), path(), e.getMessage(), e.fix());
            }
        }
        TypeCasts.Cast cast = TypeCasts.castFor(keys, isIndex, depth);
        if (cast == null) return result.equals(text) ? scalar : scalar.withValue(result);
        Object typed = TypeCasts.apply(cast, result);
        if (typed instanceof TypeCasts.Failure failure) {
            throw new ModelException(scalar.position(), path(), failure.problem(), failure.fix());
        }
        if (cast == TypeCasts.Cast.BOOL && TypeCasts.isYaml11Boolean(result)) {
            warnings.accept(where(scalar) + "\"" + result + "\" for boolean is not supported by YAML 1.2,"
                    + " please use `" + typed + "`");
        }
        return scalar.withValue(typed);
    }

    private String where(ScalarNode scalar) {
        String position = scalar.position().isKnown() ? scalar.position() + " " : "";
        return position + path() + ": ";
    }

    private void push(String key, int index) {
        if (depth == keys.length) {
            keys = Arrays.copyOf(keys, depth * 2);
            indexes = Arrays.copyOf(indexes, depth * 2);
            isIndex = Arrays.copyOf(isIndex, depth * 2);
        }
        keys[depth] = key;
        indexes[depth] = index;
        isIndex[depth] = key == null;
        depth++;
    }

    private YamlPath path() {
        YamlPath path = YamlPath.ROOT;
        for (int i = 0; i < depth; i++) {
            path = isIndex[i] ? path.index(indexes[i]) : path.key(keys[i]);
        }
        return path;
    }
}
