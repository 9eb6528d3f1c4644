package io.jcompose.model.interpolation;

import io.jcompose.model.tree.YamlPath;
import java.util.List;
import java.util.Locale;

/**
 * Fields that compose types as numbers or booleans but that a user may write as a string, usually because
 * the value comes from a variable ({@code replicas: ${N}}). After substitution such strings are cast back,
 * as compose-go's {@code loader/interpolate.go} ({@code interpolateTypeCastMapping}) does.
 *
 * <p>Not cast, as in current compose-go: {@code ports[].published} (it may be a range such as
 * {@code "8000-8010"}) and {@code secrets[].mode}/{@code configs[].mode} (an octal string like
 * {@code "0440"} read as a decimal int would become 440).
 */
final class TypeCasts {

    enum Cast { INT, FLOAT, FLOAT32, BOOL }

    record Rule(YamlPath pattern, Cast cast) {
        // Matches the interpolator's path arrays directly: building a YamlPath for every scalar would
        // allocate on the hot path for the rare value that needs a cast.
        boolean matches(String[] keys, boolean[] isIndex, int depth) {
            List<String> segments = pattern.segments();
            if (segments.size() != depth) return false;
            for (int i = 0; i < depth; i++) {
                String p = segments.get(i);
                boolean ok = p.equals("[]") ? isIndex[i] : !isIndex[i] && (p.equals("*") || p.equals(keys[i]));
                if (!ok) return false;
            }
            return true;
        }
    }

    // One rule per line, most specific first; the first match wins.
    static final List<Rule> RULES = List.of(
            rule("services.*.deploy.update_config.max_failure_ratio", Cast.FLOAT),
            rule("services.*.deploy.rollback_config.max_failure_ratio", Cast.FLOAT),
            rule("services.*.deploy.update_config.parallelism", Cast.INT),
            rule("services.*.deploy.rollback_config.parallelism", Cast.INT),
            rule("services.*.deploy.restart_policy.max_attempts", Cast.INT),
            rule("services.*.deploy.placement.max_replicas_per_node", Cast.INT),
            rule("services.*.volumes[].volume.nocopy", Cast.BOOL),
            rule("services.*.volumes[].read_only", Cast.BOOL),
            rule("services.*.ports[].target", Cast.INT),
            rule("services.*.ulimits.*.hard", Cast.INT),
            rule("services.*.ulimits.*.soft", Cast.INT),
            rule("services.*.depends_on.*.required", Cast.BOOL),
            rule("services.*.depends_on.*.restart", Cast.BOOL),
            rule("services.*.deploy.replicas", Cast.INT),
            rule("services.*.healthcheck.retries", Cast.INT),
            rule("services.*.healthcheck.disable", Cast.BOOL),
            rule("services.*.ulimits.*", Cast.INT),
            rule("services.*.cpu_count", Cast.INT),
            rule("services.*.cpu_percent", Cast.FLOAT),
            rule("services.*.cpu_period", Cast.INT),
            rule("services.*.cpu_quota", Cast.INT),
            rule("services.*.cpu_rt_period", Cast.INT),
            rule("services.*.cpu_rt_runtime", Cast.INT),
            rule("services.*.cpus", Cast.FLOAT32),
            rule("services.*.cpu_shares", Cast.INT),
            rule("services.*.init", Cast.BOOL),
            rule("services.*.oom_kill_disable", Cast.BOOL),
            rule("services.*.oom_score_adj", Cast.INT),
            rule("services.*.pids_limit", Cast.INT),
            rule("services.*.privileged", Cast.BOOL),
            rule("services.*.read_only", Cast.BOOL),
            rule("services.*.scale", Cast.INT),
            rule("services.*.stdin_open", Cast.BOOL),
            rule("services.*.tty", Cast.BOOL),
            rule("networks.*.external", Cast.BOOL),
            rule("networks.*.internal", Cast.BOOL),
            rule("networks.*.attachable", Cast.BOOL),
            rule("networks.*.enable_ipv4", Cast.BOOL),
            rule("networks.*.enable_ipv6", Cast.BOOL),
            rule("volumes.*.external", Cast.BOOL),
            rule("secrets.*.external", Cast.BOOL),
            rule("configs.*.external", Cast.BOOL));

    /** Deepest rule, to skip the table for the many values nested further down. */
    static final int MAX_DEPTH = RULES.stream().mapToInt(r -> r.pattern().depth()).max().orElse(0);

    private TypeCasts() {
    }

    private static Rule rule(String pattern, Cast cast) {
        return new Rule(YamlPath.parse(pattern), cast);
    }

    static Cast castFor(String[] keys, boolean[] isIndex, int depth) {
        if (depth < 3 || depth > MAX_DEPTH) return null;
        for (Rule rule : RULES) {
            if (rule.matches(keys, isIndex, depth)) return rule.cast();
        }
        return null;
    }

    /** A failed cast: what compose-go says, and how to fix it. */
    record Failure(String problem, String fix) {
    }

    /** The typed value ({@link Long}, {@link Double}, {@link Boolean}), or a {@link Failure}. */
    static Object apply(Cast cast, String text) {
        return switch (cast) {
            case INT -> toLong(text);
            case FLOAT -> toDouble(text, false);
            case FLOAT32 -> toDouble(text, true);
            case BOOL -> toBoolean(text);
        };
    }

    /**
     * True for the YAML 1.1 spellings y/yes/on/n/no/off (any case). compose-go still accepts them as
     * booleans, with a warning, because YAML 1.2 reads them as strings.
     */
    static boolean isYaml11Boolean(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "y", "yes", "on", "n", "no", "off" -> true;
            default -> false;
        };
    }

    // Go's strconv.ParseInt(s, 10, 64): optional sign, ASCII digits only, no spaces or underscores.
    private static Object toLong(String text) {
        int start = !text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-') ? 1 : 0;
        boolean digits = text.length() > start;
        for (int i = start; i < text.length() && digits; i++) {
            char c = text.charAt(i);
            digits = c >= '0' && c <= '9';
        }
        if (!digits) return failure(text, "an integer", "use a whole number such as 80");
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return failure(text, "an integer in range", "use a number between -2^63 and 2^63-1");
        }
    }

    // Go's strconv.ParseFloat for decimal text, plus its inf/infinity/nan spellings; hexadecimal floats
    // and digit underscores are not accepted.
    private static Object toDouble(String text, boolean float32) {
        String body = !text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-') ? text.substring(1) : text;
        String word = body.toLowerCase(Locale.ROOT);
        double value;
        if (word.equals("inf") || word.equals("infinity")) {
            value = text.charAt(0) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        } else if (word.equals("nan")) {
            value = Double.NaN;
        } else if (isDecimal(body)) {
            value = Double.parseDouble(text);
            if (Double.isInfinite(value) || (float32 && Math.abs(value) > Float.MAX_VALUE)) {
                return failure(text, "a number in range", "use a smaller number");
            }
        } else {
            return failure(text, "a number", "use a number such as 0.5");
        }
        return value;
    }

    private static boolean isDecimal(String s) {
        int i = 0;
        int n = s.length();
        int mantissaDigits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            mantissaDigits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                mantissaDigits++;
            }
        }
        if (mantissaDigits == 0) return false;
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
            int expDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) return false;
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static Object toBoolean(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "y", "yes", "on" -> true;
            case "false", "n", "no", "off" -> false;
            default -> failure(text, "a boolean", "use true or false");
        };
    }

    private static Failure failure(String text, String expected, String fix) {
        return new Failure("failed to cast to expected type: \"" + text + "\" is not " + expected, fix);
    }
}
