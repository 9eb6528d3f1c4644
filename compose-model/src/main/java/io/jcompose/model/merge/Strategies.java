package io.jcompose.model.merge;

import io.jcompose.model.ModelException;
import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.Position;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import io.jcompose.model.tree.YamlPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** The merge strategies the rule table refers to, one per kind of attribute. */
final class Strategies {
    private Strategies() {}

    /** Replaced as a whole: a command is one value, not a list to extend. */
    static Node replace(Node base, Node override, YamlPath path) {
        return ResetTags.clean(override);
    }

    /**
     * {@code KEY=VALUE} lists and {@code KEY: VALUE} mappings: both sides are read as lists, then
     * merged by key; a later entry replaces the earlier one of its key where that one stood. A key an
     * override mapping tags {@code !reset} removes the earlier entries of that key.
     */
    static Node keyValue(Node base, Node override, YamlPath path) {
        List<Node> entries = withoutResetKeys(ListForms.toKeyValueList(base, path), override, EntryKeys::keyValue);
        entries.addAll(ListForms.toKeyValueList(override, path));
        return new SeqNode(EntryKeys.uniqueBy(entries, EntryKeys::keyValue), positionOf(base, override), null);
    }

    /**
     * Lists that may also be written as one string or as a mapping (dns, env_file, tmpfs,
     * extra_hosts): both sides are read as lists and appended without repeating an entry.
     */
    static MergeStrategy sequence(Function<Node, String> resetKey) {
        return (base, override, path) -> {
            List<Node> entries = withoutResetKeys(ListForms.toKeyValueList(base, path), override, resetKey);
            SeqNode earlier = new SeqNode(entries, positionOf(base, override), null);
            return TreeMerge.appendDistinct(earlier, ListForms.toKeyValueList(override, path));
        };
    }

    private static List<Node> withoutResetKeys(List<Node> entries, Node override, Function<Node, String> key) {
        Set<String> reset = ListForms.resetKeys(override);
        List<Node> kept = new ArrayList<>(entries.size() + 8);
        for (Node entry : entries) {
            if (reset.isEmpty() || !reset.contains(key.apply(entry))) kept.add(entry);
        }
        return kept;
    }

    /** {@code build: DIR} is {@code build: {context: DIR}}; the two mappings then merge key by key. */
    static Node build(Node base, Node override, YamlPath path) {
        return TreeMerge.mergeMaps(buildMapping(base, path), buildMapping(override, path), path);
    }

    private static MapNode buildMapping(Node node, YamlPath path) {
        return switch (node) {
            case MapNode map -> map;
            case ScalarNode s when s.isNull() -> MapNode.empty(s.position());
            case ScalarNode s when s.value() instanceof String -> MapNode.builder(s.position())
                    .put("context", s, s.position()).build();
            default -> throw new ModelException(node.position(), path, "build cannot be " + node.kind(),
                    "give the build context directory as a string, or a mapping with context, dockerfile...");
        };
    }

    private static final List<Map.Entry<String, Object>> STARTED =
            List.of(Map.entry("condition", "service_started"), Map.entry("required", true));

    /** A list of service names means each is required and only has to be started. */
    static Node dependsOn(Node base, Node override, YamlPath path) {
        return TreeMerge.mergeMaps(ListForms.toMapping(base, STARTED, path),
                ListForms.toMapping(override, STARTED, path), path);
    }

    /** A list of names (service networks, models) is a mapping of those names to null. */
    static Node namesAsMapping(Node base, Node override, YamlPath path) {
        return TreeMerge.mergeMaps(ListForms.toMapping(base, null, path),
                ListForms.toMapping(override, null, path), path);
    }

    /**
     * Logging options only make sense for their driver: they merge when both sides name the same
     * driver or one names none; a different driver replaces the whole block.
     */
    static Node logging(Node base, Node override, YamlPath path) {
        if (TreeMerge.isNull(override)) return base;
        if (TreeMerge.isNull(base)) return ResetTags.clean(override);
        if (!(base instanceof MapNode earlier) || !(override instanceof MapNode later)) {
            throw TreeMerge.incompatible(base, override, path);
        }
        Object baseDriver = driver(earlier);
        Object overrideDriver = driver(later);
        if (baseDriver == null || overrideDriver == null || baseDriver.equals(overrideDriver)) {
            return TreeMerge.mergeMaps(earlier, later, path);
        }
        return ResetTags.clean(later);
    }

    /** The driver named, or null when none is (a {@code !reset} driver counts as none). */
    private static Object driver(MapNode logging) {
        Node driver = logging.get("driver");
        if (driver == null || ResetTags.isReset(driver)) return null;
        return driver instanceof ScalarNode s ? Objects.requireNonNullElse(s.value(), "") : driver;
    }

    /** {@code nofile: 1024} and {@code nofile: {soft, hard}} replace each other; two mappings merge. */
    static Node ulimit(Node base, Node override, YamlPath path) {
        if (base instanceof MapNode earlier && override instanceof MapNode later) {
            return TreeMerge.mergeMaps(earlier, later, path);
        }
        return ResetTags.clean(override);
    }

    private static Position positionOf(Node base, Node override) {
        return base.position().isKnown() || !override.position().isKnown() ? base.position() : override.position();
    }
}
