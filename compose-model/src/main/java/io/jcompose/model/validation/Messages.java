package io.jcompose.model.validation;

import io.jcompose.model.Suggestions;
import io.jcompose.model.tree.MapNode;
import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.ScalarNode;
import io.jcompose.model.tree.SeqNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of every schema error: what is wrong, and how to fix it. This is where users meet
 * jcompose first, so each message names the offending value and, where one can be guessed, the
 * value they meant.
 */
final class Messages {
    /** Above this many allowed keys we point at the specification instead of listing them. */
    private static final int LISTED_KEYS = 10;
    private static final int SHOWN_VALUE = 40;
    private static final String NAME_PATTERN = "^[a-zA-Z0-9._-]+$";

    private Messages() {
    }

    static Violation wrongType(int expected, Node node, Trail t) {
        String problem = "must be " + JsonType.describe(expected) + ", got " + describe(node);
        return new Violation(node.position(), t, problem, typeHint(expected, node));
    }

    /** How to turn what was written into what is allowed, for the common YAML slips. */
    private static String typeHint(int expected, Node node) {
        if (!(node instanceof ScalarNode sc) || sc.isNull()) return null;
        String text = sc.text();
        boolean wantsString = (expected & JsonType.STRING.bit()) != 0;
        if ((expected & JsonType.ARRAY.bit()) != 0 && sc.isString()) {
            return "write it as a list: [" + flowScalar(text) + "]";
        }
        if (wantsString && !sc.isString()) {
            // a float's text is normalised (1.0 prints as 1): don't suggest a value the user didn't write
            return sc.value() instanceof Double ? "quote the value as written" : "quote the value: \"" + text + "\"";
        }
        if (sc.isString() && (expected & JsonType.BOOLEAN.bit()) != 0 && !wantsString) {
            return switch (text.toLowerCase()) {
                case "true", "false" -> "remove the quotes: " + text.toLowerCase();
                case "yes", "on", "y" -> "write true (YAML 1.2 reads '" + text + "' as a string)";
                case "no", "off", "n" -> "write false (YAML 1.2 reads '" + text + "' as a string)";
                default -> "write true or false";
            };
        }
        if (sc.isString() && (expected & JsonType.NUMBER.bit()) != 0 && looksNumeric(text)) {
            return "remove the quotes: " + text;
        }
        return null;
    }

    /** The text as it can stand inside a YAML flow sequence, quoted when it has to be. */
    private static String flowScalar(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (":#,[]{}&*!|>'\"%@` ".indexOf(text.charAt(i)) >= 0) {
                return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
            }
        }
        return text;
    }

    private static boolean looksNumeric(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static Violation notInEnum(List<Object> allowed, Node node, Trail t) {
        List<String> names = new ArrayList<>(allowed.size());
        for (Object a : allowed) names.add(String.valueOf(a));
        String problem = "must be one of " + Suggestions.quotedList(names) + ", got " + describe(node);
        String fix = null;
        if (node instanceof ScalarNode sc && sc.isString()) {
            String guess = Suggestions.closest(sc.text(), names);
            if (guess != null) fix = "did you mean '" + guess + "'?";
        }
        return new Violation(node.position(), t, problem, fix);
    }

    static Violation notConst(Object expected, Node node, Trail t) {
        return new Violation(node.position(), t, "must be '" + expected + "', got " + describe(node), null);
    }

    static Violation forbidden(Node node, Trail t) {
        return new Violation(node.position(), t, describe(node) + " is not allowed here", null);
    }

    static Violation unknownKey(SchemaNode s, MapNode m, String key, Trail t) {
        Trail at = t.key(key);
        List<String> names = new ArrayList<>();
        for (SchemaNode.PatternProperty pp : s.patternProperties) {
            if (!(pp.key() instanceof KeyMatcher.Prefix p && p.prefix().equals("x-"))) names.add(pp.key().source());
        }
        if (s.properties.isEmpty() && !names.isEmpty()) {
            // a map of user-chosen names (services, volumes, ulimits...): the name itself is wrong
            String problem = "'" + key + "' is not a valid name here: it must match " + String.join(" or ", names);
            String fix = names.equals(List.of(NAME_PATTERN))
                    ? "use only letters, digits, '.', '_' and '-'" : null;
            return new Violation(m.keyPosition(key), at, problem, fix);
        }
        String problem = "additional property '" + key + "' is not allowed";
        String guess = Suggestions.closest(key, s.propertyNames);
        String fix;
        if (guess != null) {
            fix = "did you mean '" + guess + "'?";
        } else if (!s.propertyNames.isEmpty() && s.propertyNames.size() <= LISTED_KEYS) {
            fix = "valid keys here are " + Suggestions.quotedList(s.propertyNames)
                    + (s.allowsExtensions() ? "; custom data goes under a key starting with 'x-'" : "");
        } else {
            fix = "see the Compose Specification for the keys allowed here"
                    + (s.allowsExtensions() ? ", or prefix it with 'x-' to keep it as an extension" : "");
        }
        return new Violation(m.keyPosition(key), at, problem, fix);
    }

    static Violation missingKey(SchemaNode s, MapNode m, String key, Trail t) {
        SchemaNode property = s.properties.get(key);
        String fix = "add '" + key + ":'";
        if (property != null && property.enumValues != null) {
            List<String> names = new ArrayList<>();
            for (Object o : property.enumValues) names.add(String.valueOf(o));
            fix += " with one of " + Suggestions.quotedList(names);
        }
        return new Violation(m.position(), t, "missing required key '" + key + "'", fix);
    }

    static Violation missingCompanion(MapNode m, String present, String missing, Trail t) {
        return new Violation(m.keyPosition(present), t.key(present),
                "'" + present + "' requires '" + missing + "' to be set as well", "add '" + missing + ":'");
    }

    static Violation tooFew(int min, SeqNode q, Trail t) {
        return new Violation(q.position(), t, "must have at least " + min + " entries, got " + q.size(), null);
    }

    static Violation tooMany(int max, SeqNode q, Trail t) {
        return new Violation(q.position(), t, "must have at most " + max + " entries, got " + q.size(), null);
    }

    static Violation duplicate(Node item, int firstIndex, Trail at, Trail list) {
        String shown = item instanceof ScalarNode sc ? " '" + shorten(sc.text()) + "'" : "";
        return new Violation(item.position(), at,
                "duplicate entry" + shown + ", the same as " + list.index(firstIndex), "remove one of them");
    }

    static Violation patternMismatch(KeyMatcher pattern, ScalarNode sc, Trail t) {
        return new Violation(sc.position(), t, "'" + shorten(sc.text()) + "' does not match the pattern "
                + pattern.source(), null);
    }

    static Violation belowMinimum(double min, ScalarNode sc, Trail t) {
        return new Violation(sc.position(), t, "must be at least " + number(min) + ", got " + sc.text(), null);
    }

    static Violation aboveMaximum(double max, ScalarNode sc, Trail t) {
        return new Violation(sc.position(), t, "must be at most " + number(max) + ", got " + sc.text(), null);
    }

    /** "a mapping", "a string ('abc')", "a number (3.8)", "null". */
    static String describe(Node node) {
        if (node instanceof ScalarNode sc && !sc.isNull()) {
            String text = shorten(sc.text());
            JsonType type = JsonType.of(sc);
            // "an integer (3)" reads as pedantry where a user wrote a plain number
            String noun = type == JsonType.INTEGER ? JsonType.NUMBER.noun() : type.noun();
            return noun + (sc.isString() ? " ('" + text + "')" : " (" + text + ")");
        }
        return JsonType.of(node).noun();
    }

    private static String shorten(String s) {
        return s.length() <= SHOWN_VALUE ? s : s.substring(0, SHOWN_VALUE - 3) + "...";
    }

    private static String number(double d) {
        return JsonType.isIntegral(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
