package io.jcompose.model.canonical;

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

/** Test-only YAML to tree conversion (the production loader lives elsewhere): core schema, positions kept. */
public final class TestYaml {
    private TestYaml() {
    }

    public static MapNode parse(String yaml) {
        LoadSettings settings = LoadSettings.builder().setSchema(new CoreSchema()).setLabel("test.yaml").build();
        org.snakeyaml.engine.v2.nodes.Node root = new Compose(settings).composeString(yaml).orElseThrow();
        return (MapNode) convert(root);
    }

    private static Node convert(org.snakeyaml.engine.v2.nodes.Node n) {
        Position pos = n.getStartMark()
                .map(m -> new Position("test.yaml", m.getLine() + 1, m.getColumn() + 1))
                .orElse(Position.UNKNOWN);
        return switch (n) {
            case MappingNode m -> {
                MapNode.Builder b = MapNode.builder(pos);
                for (NodeTuple t : m.getValue()) {
                    var key = (org.snakeyaml.engine.v2.nodes.ScalarNode) t.getKeyNode();
                    Node value = convert(t.getValueNode());
                    b.put(key.getValue(), value, convert(key).position());
                }
                yield b.build();
            }
            case SequenceNode s -> {
                List<Node> items = new ArrayList<>();
                for (var item : s.getValue()) items.add(convert(item));
                yield SeqNode.of(items, pos);
            }
            case org.snakeyaml.engine.v2.nodes.ScalarNode s -> new ScalarNode(scalar(s), pos, null);
            default -> throw new IllegalArgumentException("unexpected node " + n);
        };
    }

    private static Object scalar(org.snakeyaml.engine.v2.nodes.ScalarNode s) {
        String v = s.getValue();
        Tag tag = s.getTag();
        if (tag.equals(Tag.NULL)) return null;
        if (tag.equals(Tag.BOOL)) return Boolean.parseBoolean(v.toLowerCase());
        if (tag.equals(Tag.INT)) {
            String t = v.replace("_", "");
            if (t.startsWith("0o")) return Long.parseLong(t.substring(2), 8);
            if (t.startsWith("0x")) return Long.parseLong(t.substring(2), 16);
            // go-yaml, like YAML 1.1, reads a leading zero as octal: mode 0440 is 288
            if (t.length() > 1 && t.startsWith("0")) return Long.parseLong(t, 8);
            return Long.parseLong(t);
        }
        if (tag.equals(Tag.FLOAT)) return Double.parseDouble(v);
        return v;
    }
}
