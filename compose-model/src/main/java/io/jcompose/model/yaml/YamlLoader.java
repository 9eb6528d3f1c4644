package io.jcompose.model.yaml;

import io.jcompose.model.ModelException;
import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.Position;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import io.jcompose.model.tree.YamlPath;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Phase 1 of loading: YAML text → positioned {@link Node} trees, one per document.
 *
 * <p>Parses as docker compose does (YAML 1.2 core schema, Go integers, merge keys {@code <<} applied,
 * {@code !reset}/{@code !override} kept as tags). Duplicate keys are errors naming both places. Alias
 * expansion is bounded twice: snakeyaml limits aliases of collections, and the tree built here is capped
 * at {@link #MAX_NODES} nodes so a "billion laughs" file fails fast instead of exhausting memory.
 */
public final class YamlLoader {
    static final int MAX_NODES = 2_000_000;
    private static final int MAX_ALIASES = 10_000;
    private static final int MAX_CODE_POINTS = 64 * 1024 * 1024;

    private final String fileName;
    private final ComposeScalarResolver resolver = new ComposeScalarResolver();
    private final Map<org.snakeyaml.engine.v2.nodes.Node, Node> shared = new IdentityHashMap<>();
    private final Map<org.snakeyaml.engine.v2.nodes.Node, Integer> expandedSize = new IdentityHashMap<>();
    private int budget = MAX_NODES;

    private YamlLoader(String fileName) {
        this.fileName = fileName;
    }

    /** Parses every document of {@code text}; an empty file gives an empty list. */
    public static List<Node> loadAll(String text, String fileName) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(fileName)
                .setSchema(new ComposeSchema())
                .setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setCodePointLimit(MAX_CODE_POINTS)
                .setUseMarks(true)
                .build();
        YamlLoader loader = new YamlLoader(fileName);
        List<Node> out = new ArrayList<>(1);
        try {
            for (org.snakeyaml.engine.v2.nodes.Node doc : new Compose(settings).composeAllFromString(text)) {
                if (doc != null) out.add(loader.convert(doc, YamlPath.ROOT));
            }
        } catch (MarkedYamlEngineException e) {
            throw syntaxError(fileName, e);
        } catch (YamlEngineException e) {
            throw new ModelException(new Position(fileName, 0, 0), null, "invalid YAML: " + e.getMessage(),
                    "check the file's syntax");
        }
        return out;
    }

    private static ModelException syntaxError(String fileName, MarkedYamlEngineException e) {
        Position where = e.getProblemMark().map(m -> position(fileName, m)).orElse(new Position(fileName, 0, 0));
        String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
        String context = e.getContext();
        String text = context != null && !context.isBlank() ? context + ": " + problem : problem;
        return new ModelException(where, null, "invalid YAML: " + text.replace('\n', ' ').strip(),
                "check indentation, quoting and ':' separators near this place");
    }

    private Node convert(org.snakeyaml.engine.v2.nodes.Node node, YamlPath path) {
        // An anchored collection reached again through an alias converts to the same immutable node, but
        // later phases walk it once per reference: charge its expanded size every time.
        Node done = shared.get(node);
        if (done != null) {
            charge(expandedSize.get(node), node, path);
            return done;
        }
        int before = budget;
        charge(1, node, path);
        // instanceof rather than a type switch: every switch site spins a class at run time that no startup cache
        // holds (docs/cli-startup.md), and this one is on every command that loads a file
        Node result;
        if (node instanceof MappingNode m) result = convertMap(m, path);
        else if (node instanceof SequenceNode s) result = convertSeq(s, path);
        else if (node instanceof org.snakeyaml.engine.v2.nodes.ScalarNode s) result = convertScalar(s);
        else throw new ModelException(position(node), path, "unsupported YAML node", null);
        if (node.isRecursive()) {
            throw new ModelException(position(node), path, "recursive alias", "an anchor cannot contain itself");
        }
        if (node.getAnchor().isPresent()) {
            shared.put(node, result);
            expandedSize.put(node, before - budget);
        }
        return result;
    }

    private void charge(int size, org.snakeyaml.engine.v2.nodes.Node node, YamlPath path) {
        budget -= size;
        if (budget < 0) {
            throw new ModelException(position(node), path, "the document expands to more than " + MAX_NODES
                    + " values through aliases", "reduce the nesting of anchors and aliases");
        }
    }

    private Node convertMap(MappingNode m, YamlPath path) {
        MapNode.Builder b = MapNode.builder(position(m));
        Map<String, Position> seen = new HashMap<>();
        for (NodeTuple t : m.getValue()) {
            org.snakeyaml.engine.v2.nodes.Node k = t.getKeyNode();
            if (!(k instanceof org.snakeyaml.engine.v2.nodes.ScalarNode ks)) {
                throw new ModelException(position(k), path, "a mapping key must be a plain value, not "
                        + (k instanceof MappingNode ? "a mapping" : "a sequence"), "write the key as a string");
            }
            Object keyValue = scalarValue(ks);
            if (keyValue == null) {
                throw new ModelException(position(k), path, "a mapping key is empty (null)", "give the key a name");
            }
            String key = keyValue instanceof Double d ? ScalarNode.of(d).text() : keyValue.toString();
            Position keyPos = position(k);
            Position first = seen.putIfAbsent(key, keyPos);
            if (first != null && !mergedFromAnchor(m, t)) {
                throw new ModelException(keyPos, path.key(key), "duplicate key '" + key + "' (first defined at line "
                        + first.line() + ", column " + first.column() + ")", "remove one of the two entries");
            }
            b.put(key, convert(t.getValueNode(), path.key(key)), keyPos);
        }
        return withLocalTag(b.build(), m.getTag());
    }

    /**
     * snakeyaml flattens {@code <<} merges into the mapping; an explicit key later in the mapping then
     * legitimately repeats a merged one. Both tuples are kept by snakeyaml with the explicit one last, so
     * a repeat is only an error when both keys were written in this mapping's own text.
     */
    private static boolean mergedFromAnchor(MappingNode m, NodeTuple t) {
        Optional<Mark> mapStart = m.getStartMark();
        Optional<Mark> mapEnd = m.getEndMark();
        Optional<Mark> keyMark = t.getKeyNode().getStartMark();
        if (mapStart.isEmpty() || mapEnd.isEmpty() || keyMark.isEmpty()) return false;
        int at = keyMark.get().getIndex();
        return at < mapStart.get().getIndex() || at > mapEnd.get().getIndex();
    }

    private Node convertSeq(SequenceNode s, YamlPath path) {
        List<Node> items = new ArrayList<>(s.getValue().size());
        int i = 0;
        for (org.snakeyaml.engine.v2.nodes.Node item : s.getValue()) {
            items.add(convert(item, path.index(i++)));
        }
        return withLocalTag(SeqNode.of(items, position(s)), s.getTag());
    }

    private Node convertScalar(org.snakeyaml.engine.v2.nodes.ScalarNode s) {
        return withLocalTag(ScalarNode.of(scalarValue(s), position(s)), s.getTag());
    }

    private Object scalarValue(org.snakeyaml.engine.v2.nodes.ScalarNode s) {
        Tag tag = s.getTag();
        String text = s.getValue();
        if (!isStandard(tag)) {
            // A custom tag such as !override "1000" or !reset null: type the text as if untagged.
            tag = s.getScalarStyle() == ScalarStyle.PLAIN ? resolver.resolve(text, true) : Tag.STR;
        }
        if (Tag.STR.equals(tag)) return text;
        if (Tag.NULL.equals(tag)) return null;
        if (Tag.BOOL.equals(tag)) return Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT));
        if (Tag.INT.equals(tag)) return parseInt(text);
        if (Tag.FLOAT.equals(tag)) return parseFloat(text);
        return text;
    }

    private static boolean isStandard(Tag tag) {
        return Tag.STR.equals(tag) || Tag.NULL.equals(tag) || Tag.BOOL.equals(tag) || Tag.INT.equals(tag)
                || Tag.FLOAT.equals(tag);
    }

    /** Go's ParseInt with base 0: sign, 0x/0o/0b prefixes, a leading 0 for octal, underscores allowed. */
    static Object parseInt(String text) {
        String s = text.replace("_", "");
        boolean negative = s.startsWith("-");
        if (s.startsWith("-") || s.startsWith("+")) s = s.substring(1);
        int radix = 10;
        if (s.length() > 1 && s.charAt(0) == '0') {
            char p = Character.toLowerCase(s.charAt(1));
            if (p == 'x') { radix = 16; s = s.substring(2); }
            else if (p == 'b') { radix = 2; s = s.substring(2); }
            else if (p == 'o') { radix = 8; s = s.substring(2); }
            else { radix = 8; s = s.substring(1); }
        }
        try {
            BigInteger v = new BigInteger(s, radix);
            if (negative) v = v.negate();
            return v.bitLength() < 64 ? (Object) v.longValue() : text;
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static Object parseFloat(String text) {
        String s = text.toLowerCase(java.util.Locale.ROOT);
        return switch (s) {
            case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
            case "-.inf" -> Double.NEGATIVE_INFINITY;
            case ".nan" -> Double.NaN;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    yield text;
                }
            }
        };
    }

    private static Node withLocalTag(Node node, Tag tag) {
        String value = tag.getValue();
        if (value.equals(Node.RESET) || value.equals(Node.OVERRIDE)) return node.withTag(value);
        return node;
    }

    private Position position(org.snakeyaml.engine.v2.nodes.Node node) {
        return node.getStartMark().map(m -> position(fileName, m)).orElse(new Position(fileName, 0, 0));
    }

    private static Position position(String fileName, Mark m) {
        return new Position(fileName, m.getLine() + 1, m.getColumn() + 1);
    }
}
