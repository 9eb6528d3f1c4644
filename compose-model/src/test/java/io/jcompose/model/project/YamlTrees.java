package io.jcompose.model.project;

import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.Position;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * Test-only: YAML (or JSON) text into the model's positioned tree via snakeyaml-engine's node API, so binder
 * tests do not depend on the real loader. Integers are decimal only, which is all the fixtures need.
 */
final class YamlTrees {
    private YamlTrees() {
    }

    static MapNode parse(String text, String file) {
        LoadSettings settings = LoadSettings.builder().setSchema(new CoreSchema()).setLabel(file).build();
        org.snakeyaml.engine.v2.nodes.Node root = new Compose(settings).composeString(text)
                .orElseThrow(() -> new IllegalArgumentException("empty document"));
        return (MapNode) convert(root, file);
    }

    static MapNode parse(String text) {
        return parse(text, "compose.yaml");
    }

    static MapNode resource(String name) {
        try (InputStream in = YamlTrees.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalArgumentException("no test resource " + name);
            String file = name.substring(name.lastIndexOf('/') + 1);
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Node convert(org.snakeyaml.engine.v2.nodes.Node n, String file) {
        Position pos = n.getStartMark()
                .map(m -> new Position(file, m.getLine() + 1, m.getColumn() + 1))
                .orElse(Position.UNKNOWN);
        return switch (n) {
            case MappingNode m -> {
                MapNode.Builder b = MapNode.builder(pos);
                for (NodeTuple t : m.getValue()) {
                    var keyNode = (org.snakeyaml.engine.v2.nodes.ScalarNode) t.getKeyNode();
                    Position keyPos = keyNode.getStartMark()
                            .map(mk -> new Position(file, mk.getLine() + 1, mk.getColumn() + 1))
                            .orElse(pos);
                    b.put(keyNode.getValue(), convert(t.getValueNode(), file), keyPos);
                }
                yield b.build();
            }
            case SequenceNode s -> {
                List<Node> items = new ArrayList<>();
                for (var item : s.getValue()) items.add(convert(item, file));
                yield SeqNode.of(items, pos);
            }
            case org.snakeyaml.engine.v2.nodes.ScalarNode s -> ScalarNode.of(scalar(s), pos);
            default -> throw new IllegalArgumentException("unsupported node " + n);
        };
    }

    private static Object scalar(org.snakeyaml.engine.v2.nodes.ScalarNode s) {
        Tag tag = s.getTag();
        String v = s.getValue();
        if (tag.equals(Tag.NULL)) return null;
        if (tag.equals(Tag.BOOL)) return Boolean.parseBoolean(v.toLowerCase(java.util.Locale.ROOT));
        if (tag.equals(Tag.INT)) return Long.parseLong(v);
        if (tag.equals(Tag.FLOAT)) return Double.parseDouble(v);
        return v;
    }
}
