package io.jcompose.model.dotenv;

import io.jcompose.model.ModelException;
import java.util.LinkedHashMap;
import java.util.function.Function;

/**
 * {@code env_file: [{path: x.env, format: raw}]}: the line format of {@code docker run --env-file}, which
 * docker compose registers as "raw" (docker/cli {@code pkg/kvfile}).
 *
 * <p>One {@code KEY=VALUE} per line. Leading white space and blank or {@code #} lines are skipped. The value
 * is everything after the first {@code =}, kept as written: quotes, {@code $}, backslashes, {@code #} and
 * trailing spaces included. A line without {@code =} takes its value from the lookup and is left out when
 * that has none. An empty name or one containing a space or tab is an error.
 */
final class RawFormat {
    private RawFormat() {
    }

    static LinkedHashMap<String, String> parse(String content, String file, Function<String, String> lookup) {
        String src = SourceText.withoutBom(content);
        SourceText text = new SourceText(src, file);
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        int lineStart = 0;
        while (lineStart < src.length()) {
            int newline = src.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? src.length() : newline;
            // Go's line scanner drops the \r of a \r\n line ending
            int contentEnd = lineEnd > lineStart && src.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
            int start = lineStart;
            while (start < contentEnd && SourceText.isUnicodeSpace(src.charAt(start))) start++;
            if (start < contentEnd && src.charAt(start) != '#') {
                entry(src, start, contentEnd, text, lookup, out);
            }
            lineStart = lineEnd + 1;
        }
        return out;
    }

    private static void entry(String src, int start, int end, SourceText text, Function<String, String> lookup,
            LinkedHashMap<String, String> out) {
        int equals = src.indexOf('=', start);
        boolean hasValue = equals >= 0 && equals < end;
        int keyEnd = hasValue ? equals : end;
        if (keyEnd == start) {
            throw new ModelException(text.position(start), null,
                    "no variable name on line \"" + src.substring(start, end) + "\"", "write NAME=value");
        }
        for (int i = start; i < keyEnd; i++) {
            char c = src.charAt(i);
            if (c == ' ' || c == '\t') {
                throw new ModelException(text.position(i), null,
                        "variable \"" + src.substring(start, keyEnd) + "\" contains whitespaces",
                        "write NAME=value with no space before the '='; a raw env file keeps every other"
                                + " character of the line as written");
            }
        }
        String key = src.substring(start, keyEnd);
        if (hasValue) {
            out.put(key, src.substring(equals + 1, end));
        } else {
            String inherited = lookup.apply(key);
            if (inherited != null) out.put(key, inherited);
        }
    }
}
