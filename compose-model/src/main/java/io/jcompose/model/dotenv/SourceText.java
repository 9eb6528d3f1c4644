package io.jcompose.model.dotenv;

import io.jcompose.model.tree.Position;

/**
 * Env-file text with what the parsers need around it: positions for errors, and the two notions of white
 * space compose-go uses (Go's {@code unicode.IsSpace}, and its own "space but not a line break").
 */
record SourceText(String text, String file) {
    private static final char BOM = '\uFEFF';

    /** Editors on Windows like to start files with a byte order mark; it is not part of the first key. */
    static String withoutBom(String content) {
        return !content.isEmpty() && content.charAt(0) == BOM ? content.substring(1) : content;
    }

    /** 1-based line and column of {@code index}. Only computed for errors, so a scan from the start is fine. */
    Position position(int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(file, line, index - lineStart + 1);
    }

    /** The text from {@code index} to the end of its line, for quoting in messages. */
    String lineFrom(int index) {
        int end = text.indexOf('\n', index);
        String line = text.substring(index, end < 0 ? text.length() : end);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** Go's {@code unicode.IsSpace}: Latin-1 spaces and line breaks, and Unicode's White_Space. */
    static boolean isUnicodeSpace(int c) {
        return switch (c) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 ->
                    true;
            default -> c >= 0x2000 && c <= 0x200A;
        };
    }

    /** compose-go's {@code isSpace}: white space that does not end a line. */
    static boolean isInlineSpace(int c) {
        return switch (c) {
            case '\t', 0x0B, '\f', '\r', ' ', 0x85, 0xA0 -> true;
            default -> false;
        };
    }

    /** Go's {@code unicode.IsNumber}: decimal digits, letter numbers and other numbers. */
    static boolean isUnicodeNumber(int cp) {
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    static String trimEndUnicodeSpace(String s) {
        int end = s.length();
        while (end > 0 && isUnicodeSpace(s.charAt(end - 1))) end--;
        return s.substring(0, end);
    }
}
