package io.jcompose.model.interpolation;

/**
 * One {@code $} construct of a template, found by a hand-written scanner that reproduces compose-go's
 * regular expression ({@code template/template.go}) without running one.
 *
 * <p>Indexes point into the scanned text: {@code [operandStart, operandEnd)} is the raw default, alternate
 * or error text of an operator form, and {@code end} is where scanning resumes.
 *
 * @param form         which construct
 * @param name         the variable name ({@code null} for {@link Form#ESCAPED} and {@link Form#LONE})
 * @param colon        the operator had a leading colon ({@code :-}, {@code :+}, {@code :?})
 * @param operator     {@code '-'}, {@code '+'} or {@code '?'} for {@link Form#OPERATOR}, otherwise 0
 * @param operandStart first index of the operand
 * @param operandEnd   index of the closing brace
 * @param end          index just after the construct
 */
record Reference(Form form, String name, boolean colon, char operator, int operandStart, int operandEnd, int end) {

    enum Form {
        /** {@code $$}: a literal {@code $}. */
        ESCAPED,
        /** A {@code $} followed by neither a name, nor {@code $}, nor <code>{</code>: kept as it is. */
        LONE,
        /** {@code $NAME} or <code>${NAME}</code>. */
        VARIABLE,
        /** <code>${NAME:-x}</code> and the other operator forms. */
        OPERATOR
    }

    /**
     * The construct starting at {@code text[dollar] == '$'}, scanning no further than {@code to}; {@code null}
     * when it is a malformed braced form (the caller reports the whole template as invalid).
     */
    static Reference at(String text, int dollar, int to) {
        if (dollar + 1 >= to) return new Reference(Form.LONE, null, false, (char) 0, 0, 0, dollar + 1);
        char next = text.charAt(dollar + 1);
        if (next == '$') return new Reference(Form.ESCAPED, null, false, (char) 0, 0, 0, dollar + 2);
        if (isNameStart(next)) {
            int end = nameEnd(text, dollar + 1, to);
            return new Reference(Form.VARIABLE, text.substring(dollar + 1, end), false, (char) 0, 0, 0, end);
        }
        if (next != '{') return new Reference(Form.LONE, null, false, (char) 0, 0, 0, dollar + 1);
        return braced(text, dollar + 2, to);
    }

    private static Reference braced(String text, int nameStart, int to) {
        if (nameStart >= to || !isNameStart(text.charAt(nameStart))) return null;
        int nameEnd = nameEnd(text, nameStart, to);
        if (nameEnd >= to) return null;
        String name = text.substring(nameStart, nameEnd);
        char c = text.charAt(nameEnd);
        if (c == '}') return new Reference(Form.VARIABLE, name, false, (char) 0, 0, 0, nameEnd + 1);
        boolean colon = c == ':';
        int opIndex = colon ? nameEnd + 1 : nameEnd;
        if (opIndex >= to) return null;
        char op = text.charAt(opIndex);
        if (op != '-' && op != '+' && op != '?') return null;
        int close = closingBrace(text, opIndex + 1, to);
        if (close < 0) return null;
        return new Reference(Form.OPERATOR, name, colon, op, opIndex + 1, close, close + 1);
    }

    /**
     * The brace closing an operand that starts at {@code from}. compose-go's pattern lets an operand run to
     * the last <code>}</code> of the line and then cuts it at the brace that balances the opening one, so
     * that <code>${A:-${B}}</code> nests and <code>${A:-x} ${B}</code> does not swallow its neighbour.
     * With no balancing brace the last one on the line closes it; with none at all the form is invalid.
     */
    private static int closingBrace(String text, int from, int to) {
        int lineEnd = text.indexOf('\n', from);
        if (lineEnd < 0 || lineEnd > to) lineEnd = to;
        int last = text.lastIndexOf('}', lineEnd - 1);
        if (last < from) return -1;
        int depth = 1;
        for (int i = from; i < last; i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return last;
    }

    static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int nameEnd(String text, int from, int to) {
        int i = from + 1;
        while (i < to) {
            char c = text.charAt(i);
            if (!isNameStart(c) && (c < '0' || c > '9')) break;
            i++;
        }
        return i;
    }
}
