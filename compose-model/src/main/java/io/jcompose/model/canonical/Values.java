package io.jcompose.model.canonical;

import io.jcompose.model.ModelException;
import io.jcompose.model.render.GoNumbers;
import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.Position;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import io.jcompose.model.tree.YamlPath;
import java.util.List;
import java.util.Locale;

/**
 * Reading typed values out of tree nodes the way compose-go's decoder does: numbers and booleans
 * become text with Go's {@code fmt.Sprint}; numeric and boolean text (left by interpolation) is cast
 * back. Every failure is a {@link ModelException} that points at the node.
 */
final class Values {
    private Values() {
    }

    static ScalarNode str(String value, Node from) {
        return new ScalarNode(value, from.position(), null);
    }

    static ScalarNode str(String value, Position at) {
        return new ScalarNode(value, at, null);
    }

    static ScalarNode num(long value, Node from) {
        return new ScalarNode(value, from.position(), null);
    }

    static ScalarNode bool(boolean value, Node from) {
        return new ScalarNode(value, from.position(), null);
    }

    static ScalarNode nil(Position at) {
        return new ScalarNode(null, at, null);
    }

    static boolean isNull(Node n) {
        return n == null || n instanceof ScalarNode s && s.value() == null;
    }

    static ModelException error(Node at, YamlPath path, String problem, String fix) {
        return new ModelException(at == null ? Position.UNKNOWN : at.position(), path, problem, fix);
    }

    /** Go's {@code fmt.Sprint} of a scalar; collections are an error. */
    static String text(Node n, YamlPath path) {
        if (n instanceof ScalarNode s) return sprint(s.value());
        throw error(n, path, "expected a string but found " + n.kind(), "write a single value here");
    }

    // The conversions here use instanceof rather than type switches: every switch site spins a class at run time
    // that no startup cache holds (docs/cli-startup.md), and they run on every command that loads a file.
    static String sprint(Object value) {
        if (value == null) return "";
        if (value instanceof String s) return s;
        return value instanceof Double d ? GoNumbers.g(d) : value.toString();
    }

    static long integer(Node n, YamlPath path) {
        if (n instanceof ScalarNode s) {
            Object v = s.value();
            if (v instanceof Long l) return l;
            if (v instanceof Double d && d == Math.rint(d) && !d.isInfinite()) return d.longValue();
            if (v instanceof String str) {
                try {
                    return Long.parseLong(str.trim());
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
        }
        throw error(n, path, "expected an integer but found " + describe(n), "write a whole number");
    }

    static double number(Node n, YamlPath path) {
        if (n instanceof ScalarNode s) {
            Object v = s.value();
            if (v instanceof Long l) return l;
            if (v instanceof Double d) return d;
            if (v instanceof String str) {
                try {
                    return Double.parseDouble(str.trim());
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
        }
        throw error(n, path, "expected a number but found " + describe(n), "write a number such as 0.5");
    }

    /** Booleans, also from text: Go's {@code strconv.ParseBool} words plus YAML 1.1 yes/no/on/off. */
    static boolean bool(Node n, YamlPath path) {
        if (n instanceof ScalarNode s) {
            if (s.value() instanceof Boolean b) return b;
            if (s.value() instanceof String str) {
                switch (str.toLowerCase(Locale.ROOT)) {
                    case "1", "t", "true", "y", "yes", "on" -> {
                        return true;
                    }
                    case "0", "f", "false", "n", "no", "off" -> {
                        return false;
                    }
                    default -> {
                    }
                }
            }
        }
        throw error(n, path, "expected a boolean but found " + describe(n), "write true or false");
    }

    static MapNode map(Node n, YamlPath path) {
        if (n instanceof MapNode m) return m;
        if (isNull(n)) return MapNode.empty(n == null ? Position.UNKNOWN : n.position());
        throw error(n, path, "expected a mapping but found " + n.kind(), "write key: value pairs here");
    }

    static List<Node> items(Node n, YamlPath path) {
        if (n instanceof SeqNode s) return s.items();
        if (isNull(n)) return List.of();
        throw error(n, path, "expected a sequence but found " + n.kind(), "write a list of items here");
    }

    static String describe(Node n) {
        if (n instanceof ScalarNode s && s.value() instanceof String str) return "\"" + str + "\"";
        if (n instanceof ScalarNode s) return String.valueOf(s.value());
        return n == null ? "nothing" : n.kind();
    }
}
