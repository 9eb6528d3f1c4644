package io.jcompose.model.interpolation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Compose's {@code ${VAR}} substitution on one string, as compose-go's {@code template} package does it.
 *
 * <table>
 *   <caption>Forms</caption>
 *   <tr><td>{@code $VAR}, <code>${VAR}</code></td><td>the value; unset gives "" and a warning</td></tr>
 *   <tr><td><code>${VAR:-d}</code> / <code>${VAR-d}</code></td><td>d when unset or empty / only when unset</td></tr>
 *   <tr><td><code>${VAR:+a}</code> / <code>${VAR+a}</code></td><td>a when set and non-empty / when set</td></tr>
 *   <tr><td><code>${VAR:?e}</code> / <code>${VAR?e}</code></td><td>fails with e when unset or empty / unset</td></tr>
 *   <tr><td>{@code $$}</td><td>a literal {@code $}; what follows is not a reference</td></tr>
 * </table>
 *
 * <p>Operands nest (<code>${A:-${B:-x}}</code>) and are only evaluated when used, so an unset variable in
 * a default that is not taken neither warns nor fails. A {@code $} followed by anything else is kept;
 * {@code $FOO-bar} is {@code ${FOO}} followed by {@code -bar}. Names match {@code [_a-zA-Z][_a-zA-Z0-9]*}.
 *
 * <p>The lookup returns {@code null} for an unset variable. Warnings are reported for every use of an
 * unset variable; the caller's sink removes repeats (see {@link Interpolator#distinct}).
 */
public final class Template {
    private static final Consumer<String> IGNORE = warning -> { };

    private Template() {
    }

    /**
     * A variable as {@code docker compose config --variables} lists it. Values are the raw operand text
     * (not substituted) and "" when absent, as compose prints them.
     */
    public record Variable(String name, String defaultValue, String alternateValue, boolean required) {
        public Variable {
            Objects.requireNonNull(name);
            Objects.requireNonNull(defaultValue);
            Objects.requireNonNull(alternateValue);
        }

        /**
         * Merges another use of the same variable: required when any use is (that use fails when it is
         * unset), and the first non-empty default and alternate win, so a plain <code>${VAR}</code> does
         * not hide the default of a <code>${VAR:-x}</code> elsewhere.
         */
        public Variable combine(Variable other) {
            return new Variable(name,
                    defaultValue.isEmpty() ? other.defaultValue : defaultValue,
                    alternateValue.isEmpty() ? other.alternateValue : alternateValue,
                    required || other.required);
        }
    }

    /** Substitutes without reporting warnings. */
    public static String substitute(String text, Function<String, String> lookup) {
        return substitute(text, lookup, IGNORE);
    }

    /**
     * Substitutes every reference in {@code text}. Returns {@code text} itself when it holds no {@code $}.
     *
     * @throws TemplateException for a malformed reference or a required variable without a value
     */
    public static String substitute(String text, Function<String, String> lookup, Consumer<String> warnings) {
        if (text.indexOf('$') < 0) return text;
        StringBuilder out = new StringBuilder(text.length() + 16);
        new Expansion(text, lookup, warnings).expand(0, text.length(), out);
        return out.toString();
    }

    /**
     * The variables {@code text} refers to, in order of first use, including those nested in defaults,
     * alternates and error messages; uses of one name are {@linkplain Variable#combine combined}.
     * Malformed references are skipped: listing variables is not the place to report them.
     */
    public static List<Variable> variables(String text) {
        Map<String, Variable> found = new LinkedHashMap<>();
        collect(text, 0, text.length(), found);
        return new ArrayList<>(found.values());
    }

    static void collect(String text, int from, int to, Map<String, Variable> found) {
        int i = from;
        while (true) {
            int dollar = text.indexOf('$', i);
            if (dollar < 0 || dollar >= to) return;
            Reference ref = Reference.at(text, dollar, to);
            if (ref == null) {
                i = dollar + 2;
                continue;
            }
            switch (ref.form()) {
                case ESCAPED, LONE -> { }
                case VARIABLE -> found.merge(ref.name(), new Variable(ref.name(), "", "", false), Variable::combine);
                case OPERATOR -> {
                    String operand = text.substring(ref.operandStart(), ref.operandEnd());
                    Variable v = switch (ref.operator()) {
                        case '-' -> new Variable(ref.name(), operand, "", false);
                        case '+' -> new Variable(ref.name(), "", operand, false);
                        default -> new Variable(ref.name(), "", "", true);
                    };
                    found.merge(ref.name(), v, Variable::combine);
                    collect(text, ref.operandStart(), ref.operandEnd(), found);
                }
            }
            i = ref.end();
        }
    }

    /** One substitution run; the template text is kept whole so that errors can quote it. */
    private record Expansion(String text, Function<String, String> lookup, Consumer<String> warnings) {

        void expand(int from, int to, StringBuilder out) {
            int i = from;
            while (i < to) {
                int dollar = text.indexOf('$', i);
                if (dollar < 0 || dollar >= to) {
                    out.append(text, i, to);
                    return;
                }
                out.append(text, i, dollar);
                Reference ref = Reference.at(text, dollar, to);
                if (ref == null) throw TemplateException.invalid(text);
                switch (ref.form()) {
                    case ESCAPED, LONE -> out.append('$');
                    case VARIABLE -> out.append(plain(ref.name()));
                    case OPERATOR -> operator(ref, out);
                }
                i = ref.end();
            }
        }

        private String plain(String name) {
            String value = lookup.apply(name);
            if (value != null) return value;
            warnings.accept("The \"" + name + "\" variable is not set. Defaulting to a blank string.");
            return "";
        }

        private void operator(Reference ref, StringBuilder out) {
            String value = lookup.apply(ref.name());
            boolean present = value != null && !(ref.colon() && value.isEmpty());
            switch (ref.operator()) {
                case '-' -> {
                    if (present) out.append(value);
                    else expand(ref.operandStart(), ref.operandEnd(), out);
                }
                case '+' -> {
                    if (present) expand(ref.operandStart(), ref.operandEnd(), out);
                    else if (value != null) out.append(value);
                }
                default -> {
                    if (!present) {
                        StringBuilder reason = new StringBuilder();
                        expand(ref.operandStart(), ref.operandEnd(), reason);
                        throw TemplateException.missing(ref.name(), reason.toString());
                    }
                    out.append(value);
                }
            }
        }
    }
}
