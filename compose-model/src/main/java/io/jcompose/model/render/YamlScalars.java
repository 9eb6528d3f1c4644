package io.jcompose.model.render;

import java.util.Comparator;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How go-yaml (v3/v4, the encoder behind {@code docker compose config}) writes a string: plain when
 * it would read back as the same string, double-quoted when it would read back as another type
 * (including YAML 1.1 booleans like {@code no} and base-60 numbers like {@code 22:22}), single-quoted
 * when only the syntax forbids plain, a literal block for multi-line text. Also go-yaml's map key
 * order, which compares digit runs numerically.
 */
final class YamlScalars {
    private YamlScalars() {
    }

    enum Style { PLAIN, SINGLE, DOUBLE, LITERAL }

    private static final Set<String> NON_STRING_WORDS = Set.of(
            "", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
            ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
            "<<");
    private static final Set<String> OLD_BOOLS = Set.of(
            "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF");
    private static final Pattern YAML_FLOAT = Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
    private static final Pattern BASE60_FLOAT = Pattern.compile("^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?$");
    private static final Pattern GO_INT = Pattern.compile(
            "^[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(([Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\\.[0-9]*)?"
                    + "([ \\t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)?$");

    static Style style(String s) {
        Analysis a = analyze(s);
        if (s.indexOf('\n') >= 0) return a.blockAllowed ? Style.LITERAL : Style.DOUBLE;
        if (!readsBackAsString(s)) return Style.DOUBLE;
        if (a.plainAllowed) return Style.PLAIN;
        return a.singleAllowed ? Style.SINGLE : Style.DOUBLE;
    }

    /** False when a plain scalar with this text would resolve to null, bool, number or timestamp. */
    static boolean readsBackAsString(String s) {
        if (NON_STRING_WORDS.contains(s) || OLD_BOOLS.contains(s)) return false;
        char c = s.charAt(0);
        if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.') {
            String plain = s.replace("_", "");
            if (!plain.isEmpty() && GO_INT.matcher(plain).matches()) return false;
            if (YAML_FLOAT.matcher(s).matches()) return false;
            if (BASE60_FLOAT.matcher(s).matches()) return false;
            if (c >= '0' && c <= '9' && TIMESTAMP.matcher(s).matches()) return false;
        }
        return true;
    }

    private record Analysis(boolean plainAllowed, boolean singleAllowed, boolean blockAllowed) {
    }

    /** libyaml's {@code yaml_emitter_analyze_scalar}, block context, unicode output enabled. */
    private static Analysis analyze(String s) {
        boolean indicators = s.startsWith("---") || s.startsWith("...");
        boolean leadingSpace = false;
        boolean leadingBreak = false;
        boolean trailingSpace = false;
        boolean trailingBreak = false;
        boolean breakSpace = false;
        boolean spaceBreak = false;
        boolean special = false;
        boolean previousSpace = false;
        boolean previousBreak = false;
        boolean precededByWhitespace = true;
        int n = s.length();
        for (int i = 0; i < n; ) {
            int ch = s.codePointAt(i);
            int next = i + Character.charCount(ch);
            boolean followedByWhitespace = next >= n || isBlank(s.codePointAt(next));
            if (i == 0) {
                switch (ch) {
                    case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`' -> indicators = true;
                    case '?', ':', '-' -> indicators |= followedByWhitespace;
                    default -> { }
                }
            } else if (ch == ':' && followedByWhitespace || ch == '#' && precededByWhitespace) {
                indicators = true;
            }
            if (!isPrintable(ch)) special = true;
            if (ch == ' ') {
                if (i == 0) leadingSpace = true;
                if (next >= n) trailingSpace = true;
                if (previousBreak) breakSpace = true;
                previousSpace = true;
                previousBreak = false;
            } else if (isBreak(ch)) {
                if (i == 0) leadingBreak = true;
                if (next >= n) trailingBreak = true;
                if (previousSpace) spaceBreak = true;
                previousBreak = true;
                previousSpace = false;
            } else {
                previousSpace = false;
                previousBreak = false;
            }
            precededByWhitespace = isBlank(ch);
            i = next;
        }
        boolean plain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak || breakSpace
                || spaceBreak || special || indicators || s.indexOf('\n') >= 0 || n == 0);
        boolean single = !(breakSpace || spaceBreak || special);
        boolean block = !(trailingSpace || spaceBreak || special);
        return new Analysis(plain, single, block);
    }

    private static boolean isBlank(int ch) {
        return ch == ' ' || ch == '\t' || isBreak(ch);
    }

    private static boolean isBreak(int ch) {
        return ch == '\r' || ch == '\n' || ch == 0x85 || ch == 0x2028 || ch == 0x2029;
    }

    static boolean isPrintable(int ch) {
        return ch == 0x0A || (ch >= 0x20 && ch <= 0x7E) || ch == 0x85 || (ch >= 0xA0 && ch <= 0xD7FF)
                || (ch >= 0xE000 && ch <= 0xFFFD && ch != 0xFEFF) || (ch >= 0x10000 && ch <= 0x10FFFF);
    }

    static String singleQuoted(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    static String doubleQuoted(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); ) {
            int ch = s.codePointAt(i);
            i += Character.charCount(ch);
            switch (ch) {
                case 0 -> sb.append("\\0");
                case 0x07 -> sb.append("\\a");
                case '\b' -> sb.append("\\b");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case 0x0B -> sb.append("\\v");
                case '\f' -> sb.append("\\f");
                case '\r' -> sb.append("\\r");
                case 0x1B -> sb.append("\\e");
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case 0x85 -> sb.append("\\N");
                case 0xA0 -> sb.append("\\_");
                case 0x2028 -> sb.append("\\L");
                case 0x2029 -> sb.append("\\P");
                default -> {
                    if (isPrintable(ch) && ch != 0xFEFF) sb.appendCodePoint(ch);
                    else if (ch <= 0xFF) sb.append(String.format("\\x%02X", ch));
                    else if (ch <= 0xFFFF) sb.append(String.format("\\u%04X", ch));
                    else sb.append(String.format("\\U%08X", ch));
                }
            }
        }
        return sb.append('"').toString();
    }

    /** go-yaml's {@code keyList.Less} for string keys: letters before other runes, digit runs by value. */
    static final Comparator<String> KEY_ORDER = YamlScalars::compareKeys;

    private static int compareKeys(String a, String b) {
        int[] ar = a.codePoints().toArray();
        int[] br = b.codePoints().toArray();
        boolean digits = false;
        for (int i = 0; i < ar.length && i < br.length; i++) {
            if (ar[i] == br[i]) {
                digits = Character.isDigit(ar[i]);
                continue;
            }
            boolean al = Character.isLetter(ar[i]);
            boolean bl = Character.isLetter(br[i]);
            if (al && bl) return Integer.compare(ar[i], br[i]);
            if (al || bl) {
                boolean aFirst = digits ? al : bl;
                return aFirst ? -1 : 1;
            }
            long an = 0;
            long bn = 0;
            if (ar[i] == '0' || br[i] == '0') {
                for (int j = i - 1; j >= 0 && Character.isDigit(ar[j]); j--) {
                    if (ar[j] != '0') {
                        an = 1;
                        bn = 1;
                        break;
                    }
                }
            }
            int ai = i;
            for (; ai < ar.length && Character.isDigit(ar[ai]); ai++) an = an * 10 + (ar[ai] - '0');
            int bi = i;
            for (; bi < br.length && Character.isDigit(br[bi]); bi++) bn = bn * 10 + (br[bi] - '0');
            if (an != bn) return Long.compare(an, bn);
            if (ai != bi) return Integer.compare(ai, bi);
            return Integer.compare(ar[i], br[i]);
        }
        return Integer.compare(ar.length, br.length);
    }
}
