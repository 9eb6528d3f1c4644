package io.jcompose.model.validation;

import io.jcompose.model.tree.YamlPath;
import java.util.ArrayList;
import java.util.List;

/** Whether a YAML path pattern names a place the compiled schema describes (for rule-table tests). */
final class SchemaPaths {
    private SchemaPaths() {
    }

    static boolean exists(SchemaNode root, String pattern) {
        List<SchemaNode> current = expand(root, 0);
        for (String seg : YamlPath.parse(pattern).segments()) {
            List<SchemaNode> next = new ArrayList<>();
            for (SchemaNode s : current) {
                if (seg.equals("[]")) {
                    if (s.items != null) next.addAll(expand(s.items, 0));
                } else if (seg.equals("*")) {
                    for (SchemaNode.PatternProperty pp : s.patternProperties) {
                        if (!pp.key().source().equals("^x-")) next.addAll(expand(pp.schema(), 0));
                    }
                } else if (s.properties.containsKey(seg)) {
                    next.addAll(expand(s.properties.get(seg), 0));
                }
            }
            if (next.isEmpty()) return false;
            current = next;
        }
        return true;
    }

    /** The schema and everything it delegates to: its $ref target and combinator branches. */
    private static List<SchemaNode> expand(SchemaNode s, int depth) {
        List<SchemaNode> out = new ArrayList<>();
        out.add(s);
        if (depth > 16) return out;
        if (s.ref != null) out.addAll(expand(s.ref.target(), depth + 1));
        for (List<SchemaNode> branches : List.of(s.oneOf, s.anyOf, s.allOf)) {
            for (SchemaNode b : branches) out.addAll(expand(b, depth + 1));
        }
        return out;
    }
}
