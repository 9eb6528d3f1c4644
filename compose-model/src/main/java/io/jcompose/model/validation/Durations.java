package io.jcompose.model.validation;

import io.jcompose.model.tree.Node;
import io.jcompose.model.tree.ScalarNode;
import java.util.List;
import java.util.Set;

/**
 * Compose durations ({@code 1m30s}): Go duration syntax with days and weeks added, which is what
 * compose-go accepts for these fields — an optional sign, then one or more numbers (decimals
 * allowed) each followed by a unit, or a bare {@code 0}. The bundled schema only says "string" for
 * them, so the fields are listed here; the schema keyword {@code format: duration} uses the same
 * check should a schema version declare it.
 */
final class Durations {
    /** Every attribute compose-go reads as a duration. */
    static final List<PathPattern> FIELDS = List.of(
            PathPattern.of("services.*.healthcheck.interval"),
            PathPattern.of("services.*.healthcheck.timeout"),
            PathPattern.of("services.*.healthcheck.start_period"),
            PathPattern.of("services.*.healthcheck.start_interval"),
            PathPattern.of("services.*.stop_grace_period"),
            PathPattern.of("services.*.deploy.restart_policy.delay"),
            PathPattern.of("services.*.deploy.restart_policy.window"),
            PathPattern.of("services.*.deploy.update_config.delay"),
            PathPattern.of("services.*.deploy.update_config.monitor"),
            PathPattern.of("services.*.deploy.rollback_config.delay"),
            PathPattern.of("services.*.deploy.rollback_config.monitor"));

    private static final Set<String> UNITS = Set.of("ns", "us", "\u00b5s", "\u03bcs", "ms", "s", "m", "h", "d", "w");
    private static final String EXAMPLE = "e.g. '30s' or '1m30s'";

    private Durations() {
    }

    /** The first malformed duration among {@link #FIELDS}, or null. Non-scalars are the schema's business. */
    static Violation check(Node root) {
        Violation[] found = new Violation[1];
        for (PathPattern field : FIELDS) {
            field.forEach(root, (node, trail, position) -> {
                if (found[0] != null || !(node instanceof ScalarNode sc) || sc.isNull()
                        || Node.RESET.equals(sc.tag())) {
                    return;
                }
                found[0] = check(sc, trail);
            });
            if (found[0] != null) return found[0];
        }
        return null;
    }

    /** Null when the scalar's text is a duration. */
    static Violation check(ScalarNode sc, Trail t) {
        String text = sc.text();
        String shown = sc.isString() ? "'" + text + "'" : text;
        int i = 0;
        int n = text.length();
        if (n > 0 && (text.charAt(0) == '+' || text.charAt(0) == '-')) i++;
        if (text.substring(i).equals("0")) return null;
        if (i == n) return malformed(sc, t, shown);
        while (i < n) {
            char c = text.charAt(i);
            if (c != '.' && !isDigit(c)) return malformed(sc, t, shown);
            int start = i;
            while (i < n && isDigit(text.charAt(i))) i++;
            boolean whole = i > start;
            boolean fraction = false;
            if (i < n && text.charAt(i) == '.') {
                int f = ++i;
                while (i < n && isDigit(text.charAt(i))) i++;
                fraction = i > f;
            }
            if (!whole && !fraction) return malformed(sc, t, shown);
            int unitStart = i;
            while (i < n && text.charAt(i) != '.' && !isDigit(text.charAt(i))) i++;
            if (i == unitStart) {
                return new Violation(sc.position(), t, shown + " is not a duration: the number has no unit",
                        "write '" + text + "s' for seconds; units are ns, us, ms, s, m, h, d and w, " + EXAMPLE);
            }
            String unit = text.substring(unitStart, i);
            if (!UNITS.contains(unit)) {
                return new Violation(sc.position(), t, shown + " is not a duration: unknown unit '" + unit + "'",
                        "use ns, us, ms, s, m, h, d or w, " + EXAMPLE);
            }
        }
        return null;
    }

    private static Violation malformed(ScalarNode sc, Trail t, String shown) {
        return new Violation(sc.position(), t, shown + " is not a duration",
                "write a number followed by a unit, " + EXAMPLE);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
