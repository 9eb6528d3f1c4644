package io.jcompose.model.validation;

import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a node tree against a {@link SchemaNode}, returning the first {@link Violation} in
 * document order, or null. Nodes tagged {@code !reset} are not checked: they say "drop the
 * inherited value" and carry no value of their own.
 *
 * <p>Within a mapping, keys are visited in the order they were written, each key's value before
 * the next key, and unknown keys are reported before missing required ones, so that a misspelt
 * {@code conditon} yields "did you mean 'condition'?" rather than "missing 'condition'".
 *
 * <p>{@code oneOf} is checked like {@code anyOf}: a node passes when at least one branch accepts
 * it. The Compose schema uses {@code oneOf} to list alternative shapes, and strict "exactly one"
 * would reject the documented GPU reservation {@code {driver: nvidia, capabilities: [gpu]}}, which
 * satisfies both of its branches.
 */
final class SchemaChecker {
    private SchemaChecker() {
    }

    static Violation check(SchemaNode s, Node node, Trail t) {
        if (s.ref != null) {
            Violation v = check(s.ref.target(), node, t);
            if (v != null) return v;
        }
        if ((s.types & JsonType.maskOf(node)) == 0) return Messages.wrongType(s.types, node, t);
        if (s.enumValues != null && !contains(s.enumValues, node)) return Messages.notInEnum(s.enumValues, node, t);
        if (s.hasConst && !sameValue(s.constValue, node)) return Messages.notConst(s.constValue, node, t);
        Violation v = switch (node) {
            case MapNode m -> object(s, m, t);
            case SeqNode q -> array(s, q, t);
            case ScalarNode sc -> scalar(s, sc, t);
        };
        if (v != null) return v;
        for (SchemaNode all : s.allOf) {
            v = check(all, node, t);
            if (v != null) return v;
        }
        if (!s.anyOf.isEmpty() && (v = anyBranch(s.anyOf, node, t)) != null) return v;
        if (!s.oneOf.isEmpty() && (v = anyBranch(s.oneOf, node, t)) != null) return v;
        if (s.not != null && check(s.not, node, t) == null) return Messages.forbidden(node, t);
        return null;
    }

    private static Violation value(SchemaNode s, Node node, Trail t) {
        return Node.RESET.equals(node.tag()) ? null : check(s, node, t);
    }

    /**
     * Passes when one branch accepts the node. Otherwise reports the most relevant failure: among
     * the branches whose type fits the node, the one that got deepest into it (a list given where a
     * list or a mapping is allowed is judged as a list); when no branch's type fits, the union of
     * the allowed types.
     */
    private static Violation anyBranch(List<SchemaNode> branches, Node node, Trail t) {
        int mask = JsonType.maskOf(node);
        int union = 0;
        Violation best = null;
        for (SchemaNode b : branches) {
            int accepted = b.acceptedTypes();
            union |= accepted;
            if ((accepted & mask) == 0) continue;
            Violation v = check(b, node, t);
            if (v == null) return null;
            if (best == null || v.depth() > best.depth()) best = v;
        }
        return best != null ? best : Messages.wrongType(union, node, t);
    }

    private static Violation object(SchemaNode s, MapNode m, Trail t) {
        for (Map.Entry<String, Node> e : m.entries().entrySet()) {
            String key = e.getKey();
            Node value = e.getValue();
            boolean known = false;
            SchemaNode declared = s.properties.get(key);
            if (declared != null) {
                known = true;
                Violation v = value(declared, value, t.key(key));
                if (v != null) return v;
            }
            for (SchemaNode.PatternProperty pp : s.patternProperties) {
                if (!pp.key().matches(key)) continue;
                known = true;
                Violation v = value(pp.schema(), value, t.key(key));
                if (v != null) return v;
            }
            if (known) continue;
            if (s.closed) return Messages.unknownKey(s, m, key, t);
            if (s.additional != null) {
                Violation v = value(s.additional, value, t.key(key));
                if (v != null) return v;
            }
        }
        for (String r : s.required) {
            if (!m.has(r)) return Messages.missingKey(s, m, r, t);
        }
        for (Map.Entry<String, List<String>> e : s.dependentRequired.entrySet()) {
            if (!m.has(e.getKey())) continue;
            for (String r : e.getValue()) {
                if (!m.has(r)) return Messages.missingCompanion(m, e.getKey(), r, t);
            }
        }
        return null;
    }

    private static Violation array(SchemaNode s, SeqNode q, Trail t) {
        List<Node> items = q.items();
        if (s.items != null) {
            for (int i = 0; i < items.size(); i++) {
                Violation v = value(s.items, items.get(i), t.index(i));
                if (v != null) return v;
            }
        }
        if (s.minItems >= 0 && items.size() < s.minItems) return Messages.tooFew(s.minItems, q, t);
        if (s.maxItems >= 0 && items.size() > s.maxItems) return Messages.tooMany(s.maxItems, q, t);
        if (s.uniqueItems && items.size() > 1) {
            Map<Node, Integer> seen = new HashMap<>(items.size() * 2);
            for (int i = 0; i < items.size(); i++) {
                Integer first = seen.putIfAbsent(items.get(i), i);
                if (first != null) return Messages.duplicate(items.get(i), first, t.index(i), t);
            }
        }
        return null;
    }

    private static Violation scalar(SchemaNode s, ScalarNode sc, Trail t) {
        Object v = sc.value();
        if (v instanceof String str) {
            if (s.pattern != null && !s.pattern.matches(str)) return Messages.patternMismatch(s.pattern, sc, t);
            if ("duration".equals(s.format)) return Durations.check(sc, t);
        } else if (v instanceof Number n) {
            double d = n.doubleValue();
            if (s.minimum != null && d < s.minimum) return Messages.belowMinimum(s.minimum, sc, t);
            if (s.maximum != null && d > s.maximum) return Messages.aboveMaximum(s.maximum, sc, t);
        }
        return null;
    }

    static boolean contains(List<Object> values, Node node) {
        for (Object allowed : values) {
            if (sameValue(allowed, node)) return true;
        }
        return false;
    }

    /** JSON equality between a schema literal and a scalar: numbers compare by value. */
    static boolean sameValue(Object schemaValue, Node node) {
        if (!(node instanceof ScalarNode sc)) return false;
        Object v = sc.value();
        if (schemaValue instanceof Number a && v instanceof Number b) return a.doubleValue() == b.doubleValue();
        return schemaValue == null ? v == null : schemaValue.equals(v);
    }
}
