package io.jcompose.model.merge;

import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.Position;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * A small YAML to {@link Node} reader for tests, on snakeyaml-engine's node API with the core
 * schema. Custom tags ({@code !reset}, {@code !override}) are kept and the scalar's type is still
 * resolved from its text, as the project's real loader does.
 */
final class TestYaml {
    private static final CoreSchema SCHEMA = new CoreSchema();

    private TestYaml() {}

    static Node parse(String file, String yaml) {
        List<Node> docs = parseAll(file, yaml);
        if (docs.size() != 1) throw new IllegalArgumentException(file + ": expected one document, got " + docs.size());
        return docs.getFirst();
    }

    static Node parse(String yaml) {
        return parse("test.yaml", yaml);
    }

    static List<Node> parseAll(String file, String yaml) {
        LoadSettings settings = LoadSettings.builder().setSchema(SCHEMA).setLabel(file).build();
        List<Node> out = new ArrayList<>();
        for (org.snakeyaml.engine.v2.nodes.Node doc : new Compose(settings).composeAllFromString(yaml)) {
            out.add(convert(doc, file));
        }
        return out;
    }

    private static Node convert(org.snakeyaml.engine.v2.nodes.Node node, String file) {
        Position at = node.getStartMark().map(m -> position(m, file)).orElse(Position.UNKNOWN);
        String tag = node.getTag().getValue().startsWith("!") && !node.getTag().getValue().startsWith("!!")
                ? node.getTag().getValue() : null;
        return switch (node) {
            case MappingNode map -> {
                MapNode.Builder b = MapNode.builder(at).tag(tag);
                for (NodeTuple t : map.getValue()) {
                    var key = (org.snakeyaml.engine.v2.nodes.ScalarNode) t.getKeyNode();
                    Position keyAt = key.getStartMark().map(m -> position(m, file)).orElse(at);
                    b.put(key.getValue(), convert(t.getValueNode(), file), keyAt);
                }
                yield b.build();
            }
            case SequenceNode seq -> {
                List<Node> items = new ArrayList<>();
                for (var item : seq.getValue()) items.add(convert(item, file));
                yield new SeqNode(items, at, tag);
            }
            case org.snakeyaml.engine.v2.nodes.ScalarNode scalar -> new ScalarNode(value(scalar), at, tag);
            default -> throw new IllegalArgumentException("unsupported node " + node);
        };
    }

    private static Object value(org.snakeyaml.engine.v2.nodes.ScalarNode scalar) {
        String text = scalar.getValue();
        Tag tag = scalar.getTag();
        if (!tag.getValue().startsWith(Tag.PREFIX)) {
            // a local tag hides the resolved type: resolve it again, as for a plain scalar
            ScalarResolver resolver = SCHEMA.getScalarResolver();
            tag = scalar.isPlain() ? resolver.resolve(text, true) : Tag.STR;
        }
        if (tag.equals(Tag.NULL)) return null;
        if (tag.equals(Tag.BOOL)) return Boolean.parseBoolean(text.toLowerCase());
        if (tag.equals(Tag.INT)) return parseInt(text);
        if (tag.equals(Tag.FLOAT)) return parseFloat(text);
        return text;
    }

    private static Long parseInt(String text) {
        String t = text.replace("_", "");
        boolean negative = t.startsWith("-");
        if (t.startsWith("-") || t.startsWith("+")) t = t.substring(1);
        long v;
        if (t.startsWith("0x")) v = Long.parseLong(t.substring(2), 16);
        else if (t.startsWith("0o")) v = Long.parseLong(t.substring(2), 8);
        else v = Long.parseLong(t);
        return negative ? -v : v;
    }

    private static Double parseFloat(String text) {
        return switch (text.toLowerCase()) {
            case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
            case "-.inf" -> Double.NEGATIVE_INFINITY;
            case ".nan" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }

    private static Position position(Mark mark, String file) {
        return new Position(file, mark.getLine() + 1, mark.getColumn() + 1);
    }
}
