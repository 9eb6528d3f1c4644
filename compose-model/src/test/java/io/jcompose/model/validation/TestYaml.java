package io.jcompose.model.validation;

import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.Position;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Just enough YAML-to-{@link Node} conversion for these tests (the real loader lives elsewhere):
 * YAML 1.2 core schema, 1-based positions, {@code !reset}/{@code !override} tags kept.
 */
final class TestYaml {
    static final String FILE = "compose.yaml";

    private TestYaml() {
    }

    static Node parse(String yaml) {
        LoadSettings settings = LoadSettings.builder().setSchema(new CoreSchema()).setLabel(FILE).build();
        return new Compose(settings).composeString(yaml)
                .map(TestYaml::convert)
                .orElse(new ScalarNode(null, new Position(FILE, 1, 1), null));
    }

    private static Node convert(org.snakeyaml.engine.v2.nodes.Node node) {
        Position pos = position(node);
        String tag = node.getTag().getValue().startsWith("!") ? node.getTag().getValue() : null;
        return switch (node) {
            case MappingNode m -> {
                MapNode.Builder b = MapNode.builder(pos);
                for (NodeTuple t : m.getValue()) {
                    var key = (org.snakeyaml.engine.v2.nodes.ScalarNode) t.getKeyNode();
                    b.put(key.getValue(), convert(t.getValueNode()), position(key));
                }
                yield tag == null ? b.build() : b.build().withTag(tag);
            }
            case SequenceNode s -> {
                List<Node> items = new ArrayList<>();
                for (var item : s.getValue()) items.add(convert(item));
                yield new SeqNode(items, pos, tag);
            }
            case org.snakeyaml.engine.v2.nodes.ScalarNode s -> new ScalarNode(scalar(s), pos, tag);
            default -> throw new IllegalArgumentException("unsupported YAML node " + node);
        };
    }

    private static Object scalar(org.snakeyaml.engine.v2.nodes.ScalarNode s) {
        String text = s.getValue();
        Tag tag = s.getTag();
        if (tag.equals(Tag.NULL)) return null;
        if (tag.equals(Tag.BOOL)) return Boolean.parseBoolean(text.toLowerCase());
        if (tag.equals(Tag.INT)) {
            String t = text.startsWith("+") ? text.substring(1) : text;
            if (t.startsWith("0x")) return Long.parseLong(t.substring(2), 16);
            if (t.startsWith("0o")) return Long.parseLong(t.substring(2), 8);
            return Long.parseLong(t);
        }
        if (tag.equals(Tag.FLOAT)) {
            return switch (text.toLowerCase()) {
                case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
                case "-.inf" -> Double.NEGATIVE_INFINITY;
                case ".nan" -> Double.NaN;
                default -> Double.parseDouble(text);
            };
        }
        if (tag.getValue().startsWith("!") && text.isEmpty()) return null;
        return text;
    }

    private static Position position(org.snakeyaml.engine.v2.nodes.Node node) {
        return node.getStartMark()
                .map(m -> new Position(FILE, m.getLine() + 1, m.getColumn() + 1))
                .orElse(Position.UNKNOWN);
    }
}
