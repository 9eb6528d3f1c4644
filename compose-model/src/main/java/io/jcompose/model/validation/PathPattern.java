package io.jcompose.model.validation;

import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.Position;
import io.jcompose.model.tree.SeqNode;
import io.jcompose.model.tree.YamlPath;
import java.util.List;

/**
 * A {@link YamlPath} pattern ({@code services.*.deploy.placement}, {@code services.*.volumes[].type})
 * split once into segments and walked down a node tree: {@code *} visits every key of a mapping,
 * {@code []} every item of a sequence, any other segment one key. Walking touches only the nodes on
 * the pattern's way, so a rule costs a few map lookups per service rather than a visit of the tree.
 */
final class PathPattern {
    /** What a walk found: the node, the way to it, and where to point (a key's own position). */
    @FunctionalInterface
    interface Visitor {
        void visit(Node node, Trail trail, Position position);
    }

    private static final String ANY_KEY = "*";
    private static final String ANY_INDEX = "[]";

    private final String text;
    /** The segments, with the wildcards interned as the constants above so that {@code ==} tells them apart. */
    private final String[] segments;

    private PathPattern(String text) {
        this.text = text;
        List<String> parsed = YamlPath.parse(text).segments();
        this.segments = new String[parsed.size()];
        for (int i = 0; i < segments.length; i++) {
            String s = parsed.get(i);
            segments[i] = s.equals(ANY_KEY) ? ANY_KEY : s.equals(ANY_INDEX) ? ANY_INDEX : s;
        }
    }

    static PathPattern of(String text) {
        return new PathPattern(text);
    }

    void forEach(Node root, Visitor visitor) {
        walk(root, 0, Trail.ROOT, root.position(), visitor);
    }

    private void walk(Node node, int i, Trail trail, Position at, Visitor visitor) {
        if (i == segments.length) {
            visitor.visit(node, trail, at);
            return;
        }
        String seg = segments[i];
        if (seg == ANY_INDEX) {
            if (node instanceof SeqNode seq) {
                for (int j = 0; j < seq.size(); j++) {
                    Node item = seq.get(j);
                    walk(item, i + 1, trail.index(j), item.position(), visitor);
                }
            }
        } else if (node instanceof MapNode map) {
            if (seg == ANY_KEY) {
                for (String key : map.keys()) walk(map.get(key), i + 1, trail.key(key), map.keyPosition(key), visitor);
            } else {
                Node child = map.get(seg);
                if (child != null) walk(child, i + 1, trail.key(seg), map.keyPosition(seg), visitor);
            }
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
