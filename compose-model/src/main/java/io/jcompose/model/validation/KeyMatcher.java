package io.jcompose.model.validation;

import java.util.regex.Pattern;

/**
 * A compiled JSON Schema {@code pattern} / {@code patternProperties} regex. JSON Schema regexes are
 * not anchored (a match anywhere counts), so the general case uses {@link java.util.regex.Matcher#find()}.
 * The two shapes the Compose schema uses on nearly every object, {@code ^x-} (a literal prefix) and
 * {@code .+}, are answered without a regex engine: they run once per key of every mapping.
 */
sealed interface KeyMatcher {
    boolean matches(String s);

    /** The regex as written in the schema, for error messages. */
    String source();

    static KeyMatcher compile(String regex) {
        if (regex.startsWith("^") && regex.length() > 1 && isLiteral(regex.substring(1))) {
            return new Prefix(regex, regex.substring(1));
        }
        if (regex.equals(".+")) {
            return new NonEmpty(regex);
        }
        return new Regex(regex, Pattern.compile(regex));
    }

    private static boolean isLiteral(String s) {
        for (int i = 0; i < s.length(); i++) {
            if ("\\^$.|?*+()[]{}".indexOf(s.charAt(i)) >= 0) return false;
        }
        return true;
    }

    record Prefix(String source, String prefix) implements KeyMatcher {
        @Override
        public boolean matches(String s) {
            return s.startsWith(prefix);
        }
    }

    record NonEmpty(String source) implements KeyMatcher {
        /** Unanchored {@code .+}: any one character that is not a line terminator is enough. */
        @Override
        public boolean matches(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c != '\n' && c != '\r' && c != '\u0085' && c != '\u2028' && c != '\u2029') return true;
            }
            return false;
        }
    }

    record Regex(String source, Pattern pattern) implements KeyMatcher {
        @Override
        public boolean matches(String s) {
            return pattern.matcher(s).find();
        }
    }
}
